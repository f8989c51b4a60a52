/// A date as written on its own in a content file (a deadline's `date:`), with where it was written and its parse.
public struct DateText: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation
    /// The parsed date, or nil when it has a syntax error (reported by the loader).
    public var parsed: DateTerm?
    /// Source column offsets for each character offset of `text`, where they differ (see `ScalarColumns`).
    var columns: [Int]?

    public init(text: String, location: SourceLocation, parsed: DateTerm?) {
        self.text = text
        self.location = location
        self.parsed = parsed
    }

    /// Parses `text`, returning the error (with its offset) when it is malformed.
    public static func parse(_ text: String, at location: SourceLocation) -> (DateText, ConditionSyntaxError?) {
        do {
            return (DateText(text: text, location: location, parsed: try ConditionParser.parseDate(text)), nil)
        } catch {
            return (DateText(text: text, location: location, parsed: nil), error)
        }
    }

    /// Where the character at `offset` in the text is written.
    public func location(at offset: Int) -> SourceLocation {
        guard let columns, !columns.isEmpty else { return location.advanced(by: offset) }
        let last = columns.count - 1
        return location.advanced(by: offset <= last ? columns[max(0, offset)] : columns[last] + offset - last)
    }

    public static func == (a: DateText, b: DateText) -> Bool { a.text == b.text && a.location == b.location }
    public func hash(into hasher: inout Hasher) { hasher.combine(text); hasher.combine(location) }
}

/// Dates computed inside a text: `The 12-month wait ends on {{last_decision + 12 months}}.`
public enum ComputedDates {
    /// One piece of a text: plain words, or a date to compute, with the offset of its expression.
    public enum Piece: Hashable, Sendable {
        case plain(String)
        case date(String, offset: Int)
    }

    /// Splits a text at `{{ … }}`. An unclosed `{{` stays plain text.
    public static func pieces(_ text: String) -> [Piece] {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text.isEmpty ? [] : [.plain(text)] }
        var out: [Piece] = []
        let chars = Array(text)
        var i = 0, plainStart = 0
        while i + 1 < chars.count {
            guard chars[i] == "{", chars[i + 1] == "{" else { i += 1; continue }
            var j = i + 2
            while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") { j += 1 }
            guard j + 1 < chars.count else { break }
            if plainStart < i { out.append(.plain(String(chars[plainStart..<i]))) }
            out.append(.date(String(chars[(i + 2)..<j]), offset: i + 2))
            i = j + 2
            plainStart = i
        }
        if plainStart < chars.count { out.append(.plain(String(chars[plainStart...]))) }
        return out
    }

    /// Whether the text holds a `{{ … }}`.
    public static func has(_ text: String) -> Bool {
        pieces(text).contains { if case .date = $0 { return true } else { return false } }
    }

    /// The text with each `{{ … }}` replaced by the day it names (YYYY-MM-DD), or by `unknown` when its
    /// question has no date answer or the expression is malformed (which the checker reports).
    public static func render(_ text: String, unknown: String, day: (DateTerm) -> Day?) -> String {
        pieces(text).map { piece in
            switch piece {
            case .plain(let s): return s
            case .date(let expression, _):
                guard let term = try? ConditionParser.parseDate(expression), let d = day(term) else { return unknown }
                return d.description
            }
        }.joined()
    }
}
