/// A unit of time that can be added to a date in a condition: `first_entry + 1 year`.
public enum DateUnit: String, Sendable, Hashable, CaseIterable {
    case day, week, month, year

    /// The unit a word names, singular or plural: "day", "days", "months"…
    init?(word: String) {
        let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
        self.init(rawValue: singular)
    }
}

/// `+ 12 months` or `- 3 days`: a signed amount of a unit, with its offset in the condition text.
public struct DateShift: Hashable, Sendable {
    /// Positive to add, negative to subtract.
    public var amount: Int
    public var unit: DateUnit
    public var offset: Int

    public init(amount: Int, unit: DateUnit, offset: Int) {
        self.amount = amount
        self.unit = unit
        self.offset = offset
    }

    /// The largest amount a condition may add or subtract, so arithmetic stays within the calendar.
    public static let maximumAmount = 9_999

    /// The day moved by this shift. Months and years keep the day of the month, or the month's last
    /// day when it has fewer days (January 31 + 1 month is February 28 or 29).
    public func apply(to day: Day) -> Day {
        switch unit {
        case .day: return day.adding(days: amount)
        case .week: return day.adding(days: amount * 7)
        case .month: return day.adding(months: amount)
        case .year: return day.adding(months: amount * 12)
        }
    }

    /// The same shift the other way.
    public var reversed: DateShift { DateShift(amount: -amount, unit: unit, offset: offset) }
}

/// What a date term starts from: a date question's answer, the assessment day, or a written date.
public enum DateBase: Hashable, Sendable {
    case question(QuestionRef)
    /// `today`: the day the case is assessed, given to the engine (never read from a clock inside it).
    case today(offset: Int)
    case day(Day, offset: Int)

    public var offset: Int {
        switch self {
        case .question(let q): return q.offset
        case .today(let o), .day(_, let o): return o
        }
    }
}

/// A date in a condition or in a text: a base and any shifts, such as `last_decision + 12 months`.
public struct DateTerm: Hashable, Sendable, CustomStringConvertible {
    public var base: DateBase
    public var shifts: [DateShift]

    public init(base: DateBase, shifts: [DateShift] = []) {
        self.base = base
        self.shifts = shifts
    }

    /// The question the term reads, if any.
    public var question: QuestionRef? {
        if case .question(let q) = base { return q }
        return nil
    }

    /// The day the term names, given the day its base names.
    public func value(from baseDay: Day) -> Day {
        shifts.reduce(baseDay) { $1.apply(to: $0) }
    }

    /// The base day that would make the term name `target` (shifts undone in reverse order; month ends
    /// can make this a day or two off, which callers allow for).
    public func base(giving target: Day) -> Day {
        shifts.reversed().reduce(target) { $1.reversed.apply(to: $0) }
    }

    public var description: String {
        var out: String
        switch base {
        case .question(let q): out = q.name
        case .today: out = "today"
        case .day(let d, _): out = d.description
        }
        for s in shifts {
            let n = abs(s.amount)
            out += (s.amount < 0 ? " - " : " + ") + "\(n) \(s.unit.rawValue)\(n == 1 ? "" : "s")"
        }
        return out
    }
}
