/// A value written in a condition: an option id, a number, a date or a quoted text.
public enum Literal: Hashable, Sendable, CustomStringConvertible {
    case word(String)
    case number(Double)
    case date(Day)
    case string(String)

    public var description: String {
        switch self {
        case .word(let w): return w
        case .number(let n): return Question.show(n)
        case .date(let d): return d.description
        case .string(let s): return "\"\(s)\""
        }
    }
}

/// A literal with its offset (in characters) inside the condition text.
public struct LiteralNode: Hashable, Sendable {
    public var value: Literal
    public var offset: Int
}

/// A question named in a condition, with its offset inside the condition text.
public struct QuestionRef: Hashable, Sendable {
    public var name: String
    public var offset: Int
}

public enum ComparisonOperator: String, Sendable, Hashable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

public enum HasMode: String, Sendable, Hashable {
    case one = "has"
    case any = "has any"
    case all = "has all"
}

public enum AnswerStatus: String, Sendable, Hashable {
    case answered
    case declined
    case unanswered
    /// Answered with a "Not sure" option (one marked `unsure: true`, or `unsure` of a yes/no question):
    /// the person was asked and does not know, which is neither declining nor not being asked.
    case unsure
}

/// A parsed condition.
public indirect enum Condition: Hashable, Sendable {
    case constant(Bool)
    /// A yes/no/unsure question by itself: answered yes.
    case isYes(QuestionRef)
    case compare(QuestionRef, ComparisonOperator, LiteralNode)
    case member(QuestionRef, negated: Bool, [LiteralNode])
    case has(QuestionRef, HasMode, [LiteralNode])
    case status(QuestionRef, AnswerStatus)
    /// Two dates compared, either side a date question, `today` or a written date, each with shifts:
    /// `first_entry + 1 year < today`.
    case dateCompare(DateTerm, ComparisonOperator, DateTerm)
    case not(Condition)
    case and([Condition])
    case or([Condition])

    /// Every question the condition reads, in the order written.
    public var questionRefs: [QuestionRef] {
        switch self {
        case .constant: return []
        case .isYes(let q), .compare(let q, _, _), .member(let q, _, _), .has(let q, _, _), .status(let q, _):
            return [q]
        case .dateCompare(let a, _, let b): return [a.question, b.question].compactMap { $0 }
        case .not(let c): return c.questionRefs
        case .and(let cs), .or(let cs): return cs.flatMap(\.questionRefs)
        }
    }

    /// Whether the condition reads the assessment day (`today`).
    public var readsToday: Bool {
        switch self {
        case .dateCompare(let a, _, let b):
            if case .today = a.base { return true }
            if case .today = b.base { return true }
            return false
        case .not(let c): return c.readsToday
        case .and(let cs), .or(let cs): return cs.contains { $0.readsToday }
        default: return false
        }
    }
}

/// A condition as written in a content file, with where it was written and its parse.
public struct ConditionText: Hashable, Sendable {
    public var text: String
    /// Where the condition's first character is.
    public var location: SourceLocation
    /// The parsed condition, or nil when it has a syntax error (reported by the loader).
    public var parsed: Condition?
    /// Source column offsets for each character offset of `text`, where they differ (see `ScalarColumns`).
    var columns: [Int]?

    public init(text: String, location: SourceLocation, parsed: Condition?) {
        self.text = text
        self.location = location
        self.parsed = parsed
    }

    /// Parses `text`, returning the error (with its offset) when it is malformed.
    public static func parse(_ text: String, at location: SourceLocation) -> (ConditionText, ConditionSyntaxError?) {
        do {
            let condition = try ConditionParser.parse(text)
            return (ConditionText(text: text, location: location, parsed: condition), nil)
        } catch {
            return (ConditionText(text: text, location: location, parsed: nil), error)
        }
    }

    /// Where the character at `offset` in the text is written.
    public func location(at offset: Int) -> SourceLocation {
        guard let columns, !columns.isEmpty else { return location.advanced(by: offset) }
        let last = columns.count - 1
        return location.advanced(by: offset <= last ? columns[max(0, offset)] : columns[last] + offset - last)
    }

    public static func == (a: ConditionText, b: ConditionText) -> Bool { a.text == b.text && a.location == b.location }
    public func hash(into hasher: inout Hasher) { hasher.combine(text); hasher.combine(location) }
}

/// A malformed condition: what is wrong and where (an offset in characters).
public struct ConditionSyntaxError: Error, Hashable, Sendable {
    public var message: String
    public var offset: Int
}
