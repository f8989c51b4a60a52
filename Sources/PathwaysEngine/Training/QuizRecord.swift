import Foundation

/// What a trainee writes for the group after a quiz: the case, a label they choose (never a name), and
/// what they got right. Typed answers are left out: only option ids, numbers and dates are written.
public struct QuizRecord: Codable, Hashable, Sendable {
    /// The format's version; a file of another version is refused.
    public static let format = 1
    /// Files larger than this are refused before they are parsed.
    public static let maxBytes = 64 * 1024
    static let maxItems = 200
    static let maxDepth = 8
    public static let maxLabel = 32

    public struct Item: Codable, Hashable, Sendable {
        /// A question id, a pathway id, or the "what next" question's number (1, 2…).
        public var id: String
        public var right: Bool
        /// The trainee's answer (option ids joined by '+', `declined`, a number or date) or a pathway's status.
        public var answer: String?

        public init(id: String, right: Bool, answer: String?) {
            self.id = id
            self.right = right
            self.answer = answer
        }
    }

    public var pathwaysQuizResult: Int
    public var bundle: String
    public var version: String
    public var scenario: String
    public var label: String
    public var keyDecisions: [Item]
    public var answers: [Item]
    public var whatNext: [Item]
    public var pathways: [Item]

    enum CodingKeys: String, CodingKey {
        case pathwaysQuizResult = "pathways_quiz_result", bundle, version, scenario = "case", label
        case keyDecisions = "key_decisions", answers, whatNext = "what_next", pathways
    }

    /// The record of a scored quiz.
    public init(score: QuizScore, scenario: Scenario, bundle: ContentBundle, label: String) {
        pathwaysQuizResult = Self.format
        self.bundle = bundle.info.id
        version = bundle.info.version
        self.scenario = scenario.id
        self.label = label
        keyDecisions = score.decisions.map { d in
            switch d.decision.subject {
            case .question(let r): return Item(id: r.id, right: d.right, answer: d.traineeAnswer.flatMap(Self.word))
            case .pathway(let r): return Item(id: r.id, right: d.right, answer: d.traineeStatus?.rawValue)
            }
        }
        answers = score.answers.map { Item(id: $0.question, right: $0.right, answer: $0.trainee.flatMap(Self.word)) }
        whatNext = score.whatNext.map { Item(id: String($0.index + 1), right: $0.right, answer: $0.chosen.map { String($0 + 1) }) }
        pathways = score.pathways.map { Item(id: $0.id, right: $0.right, answer: $0.trainee.status.rawValue) }
    }

    /// An answer as one word for the record; typed text is never written.
    static func word(_ a: Answer) -> String? {
        switch a {
        case .declined: return "declined"
        case .value(.option(let o)): return o
        case .value(.options(let os)): return os.isEmpty ? "none" : os.joined(separator: "+")
        case .value(.number(let n)): return Question.show(n)
        case .value(.date(let d)): return d.description
        case .value(.text): return nil
        }
    }

    /// A label is 1 to 32 letters, digits, spaces, '-' or '_' (such as "Table 3"); nil when it is not.
    public static func cleanLabel(_ raw: String) -> String? {
        let label = raw.trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, label.count <= maxLabel,
              label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }) else { return nil }
        return label
    }

    /// The JSON written to the file.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Why a file is not a quiz result, for the facilitator.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
        public init(_ d: String) { description = d }
    }

    /// Reads a result file, possibly hostile: its size and nesting are limited before it is parsed, and
    /// every field is checked after.
    public static func read(_ data: Data) -> Result<QuizRecord, Problem> {
        guard data.count <= maxBytes else { return .failure(Problem("larger than \(maxBytes / 1024) KB: not a quiz result")) }
        if JSONDepth.exceeds(data, maxDepth) { return .failure(Problem("nested more than \(maxDepth) deep: not a quiz result")) }
        let record: QuizRecord
        do {
            record = try JSONDecoder().decode(QuizRecord.self, from: data)
        } catch {
            return .failure(Problem("not a quiz result written by Pathways (the JSON does not have the fields of one)"))
        }
        guard record.pathwaysQuizResult == format else { return .failure(Problem("a quiz result of format \(record.pathwaysQuizResult); this version reads format \(format)")) }
        guard Read.isIdentifier(record.bundle), Read.isIdentifier(record.scenario) else { return .failure(Problem("the content or case id is not an id")) }
        guard record.version.count <= 32 else { return .failure(Problem("the content version is too long")) }
        guard cleanLabel(record.label) == record.label else {
            return .failure(Problem("the label must be 1 to \(maxLabel) letters, digits, spaces, '-' or '_'"))
        }
        for list in [record.keyDecisions, record.answers, record.whatNext, record.pathways] {
            guard list.count <= maxItems else { return .failure(Problem("more than \(maxItems) items in a list")) }
            for item in list {
                guard item.id.count <= 64, item.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-".contains($0)) }) else {
                    return .failure(Problem("an item id is not an id"))
                }
                if let a = item.answer, a.count > 256 || a.contains(where: { $0.isNewline }) {
                    return .failure(Problem("an answer is longer than 256 characters or holds a line break"))
                }
            }
        }
        return .success(record)
    }
}
