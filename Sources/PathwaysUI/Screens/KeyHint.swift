/// A key hint in the footer, such as "1–13 choose": a text of the interface and what fills it in.
public struct KeyHint: Hashable, Sendable {
    /// The hint's words, and what fills their %1, %2…
    public var text: UIText
    public var values: [String]

    /// A hint from the interface's words.
    public init(_ text: UIText, _ values: String...) {
        self.text = text
        self.values = values
    }

    /// The hint in these words.
    public func text(_ words: Words) -> String { words[text].filled(values) }

    /// "1–n choose": digits choose the numbered items (two digits from 10); nothing for a single item.
    static func numbers(_ count: Int) -> [KeyHint] {
        count < 2 ? [] : [KeyHint(count >= 10 ? .keyNumbersTwoDigits : .keyNumbers, String(count))]
    }
}

extension String {
    /// Fills %1, %2… with the arguments.
    func filled(_ args: String...) -> String { filled(args) }

    func filled(_ args: [String]) -> String {
        var s = self
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "%\(i + 1)", with: a) }
        return s
    }
}
