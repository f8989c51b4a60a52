/// A calendar date with no time or zone: content dates and date answers are days.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    /// Days since 0001-01-01, for arithmetic.
    public var ordinal: Int { Day.ordinal(year: year, month: month, day: day) }

    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += Day.daysIn(month: m, year: year) }
        return days + day - 1
    }

    /// The day `n` days later (or earlier, for negative `n`), kept within years 1 to 9999.
    public func adding(days n: Int) -> Day {
        Day(ordinal: ordinal + n)
    }

    /// The same day of the month `n` months later (or earlier), or that month's last day when it is shorter.
    public func adding(months n: Int) -> Day {
        let total = min(max(0, (year - 1) * 12 + (month - 1) + n), 9999 * 12 - 1)
        let y = total / 12 + 1, m = total % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y))) ?? self
    }

    init(ordinal: Int) {
        let last = Day.ordinal(year: 9999, month: 12, day: 31)
        var remaining = min(max(0, ordinal), last)
        var y = 1 + remaining / 366
        while y < 9999 && Day.ordinal(year: y + 1, month: 1, day: 1) <= remaining { y += 1 }
        remaining -= Day.ordinal(year: y, month: 1, day: 1)
        var m = 1
        while m < 12 && remaining >= Day.daysIn(month: m, year: y) {
            remaining -= Day.daysIn(month: m, year: y)
            m += 1
        }
        self.year = y
        self.month = m
        self.day = remaining + 1
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

/// A source's date, as precise as it is known: a year, a month, or a day.
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    public var text: String

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: guard parts[0].count == 4, let y = Int(parts[0]), y > 1800 else { return nil }
        case 2: guard parts[0].count == 4, parts[1].count == 2, Int(parts[0]) != nil,
                      let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        case 3: guard Day(text) != nil else { return nil }
        default: return nil
        }
        self.text = text
    }

    public var description: String { text }
}
