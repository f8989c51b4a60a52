/// Where the worker is on a screen that lists things: the chosen item, the first line shown, and the
/// digits being typed to choose an item by number. Each screen keeps its own, so closing a detail
/// puts the worker back where they were.
public struct Place: Hashable, Sendable {
    /// The selected item, and the first body line shown.
    public var cursor = 0
    public var scroll = 0
    /// Digits typed so far. A list of 10 or more items takes two digits: a digit that could start a longer
    /// number waits for the next one, or for a pause.
    var digits = ""

    /// A place at an item and a scroll.
    public init(cursor: Int = 0, scroll: Int = 0) {
        self.cursor = cursor
        self.scroll = scroll
    }

    /// What a typed digit did.
    enum Number: Equatable {
        /// Nothing (no item has that number).
        case none
        /// The cursor is on item `index`, which a second digit may still change.
        case waiting(Int)
        /// Item `index` is chosen.
        case chosen(Int)
    }

    /// Takes a digit typed on a list of `count` items.
    mutating func type(digit: Character, count: Int) -> Number {
        let typed = digits + String(digit)
        guard let n = Int(typed), n >= 1, n <= count else {
            // Not an item: a first digit of nothing; after a digit, this one starts anew.
            if digits.isEmpty { return .none }
            digits = ""
            return type(digit: digit, count: count)
        }
        if n * 10 <= count {
            digits = typed
            cursor = n - 1
            return .waiting(n - 1)
        }
        digits = ""
        cursor = n - 1
        return .chosen(n - 1)
    }

    /// The pause after a digit, or any other key: the digits typed so far are the number.
    mutating func takeNumber() -> Number {
        guard !digits.isEmpty, let n = Int(digits) else { digits = ""; return .none }
        digits = ""
        return .chosen(n - 1)
    }

    var waitsForMoreDigits: Bool { !digits.isEmpty }
}
