import Foundation

/// What a person answered to one question.
public enum AnswerValue: Hashable, Sendable {
    /// An option id, for single-choice and yes/no/unsure questions.
    case option(String)
    /// Option ids, for multiple-choice questions (possibly none).
    case options([String])
    case number(Double)
    case date(Day)
    case text(String)
}

/// A question's answer: a value, or the person's choice not to say.
public enum Answer: Hashable, Sendable {
    case value(AnswerValue)
    /// "Prefer not to say": conditions on the question are unknown, never false.
    case declined
}

/// Why an answer does not fit its question, in words a caseworker can act on.
public struct AnswerProblem: Error, Hashable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension Question {
    /// Checks that `answer` fits this question, returning it normalised (sorted options, whole numbers).
    public func validate(_ answer: Answer) -> Result<Answer, AnswerProblem> {
        guard case .value(let value) = answer else {
            return sensitive ? .success(.declined)
                : .failure(AnswerProblem("'\(id)' is not a sensitive question, so it cannot be declined"))
        }
        let optionIDs = options.map(\.id)
        switch (kind, value) {
        case (.singleChoice, .option(let o)), (.yesNoUnsure, .option(let o)):
            guard optionIDs.contains(o) else {
                return .failure(AnswerProblem("'\(o)' is not an option of '\(id)'"
                    + DidYouMean.phrase(for: o, among: optionIDs) + "; choose one of: "
                    + optionIDs.joined(separator: ", ")))
            }
            return .success(answer)
        case (.multipleChoice, .option(let o)):
            return validate(.value(.options([o])))
        case (.multipleChoice, .options(let os)):
            for o in os where !optionIDs.contains(o) {
                return .failure(AnswerProblem("'\(o)' is not an option of '\(id)'"
                    + DidYouMean.phrase(for: o, among: optionIDs)))
            }
            let ordered = optionIDs.filter { os.contains($0) }
            if ordered.count > 1, let only = options.first(where: { $0.exclusive && ordered.contains($0.id) }) {
                return .failure(AnswerProblem("'\(only.id)' cannot be ticked together with other options of '\(id)'"))
            }
            return .success(.value(.options(ordered)))
        case (.number, .number(let n)):
            guard n.isFinite else { return .failure(AnswerProblem("type a number")) }
            if numberRules.integer && n.rounded() != n {
                return .failure(AnswerProblem("type a whole number, such as 3"))
            }
            if let lo = numberRules.min, n < lo { return .failure(AnswerProblem("type a number of at least \(Self.show(lo))")) }
            if let hi = numberRules.max, n > hi { return .failure(AnswerProblem("type a number no more than \(Self.show(hi))")) }
            return .success(answer)
        case (.date, .date):
            return .success(answer)
        case (.text, .text(let t)):
            return t.isEmpty ? .failure(AnswerProblem("type a few words, or go back")) : .success(answer)
        case (.number, .text(let t)):
            guard let n = Double(t.trimmingCharacters(in: .whitespaces)) else {
                return .failure(AnswerProblem("type a number, such as 34"))
            }
            return validate(.value(.number(n)))
        case (.date, .text(let t)):
            guard let d = Day(t.trimmingCharacters(in: .whitespaces)) else {
                return .failure(AnswerProblem("type a date as year-month-day, such as 2024-03-01"))
            }
            return .success(.value(.date(d)))
        case (.text, .option(let word)):
            return .success(.value(.text(word)))
        case (.text, .number(let n)):
            return .success(.value(.text(Self.show(n))))
        case (.text, .date(let d)):
            return .success(.value(.text(d.description)))
        case (.singleChoice, .text(let t)), (.yesNoUnsure, .text(let t)), (.multipleChoice, .text(let t)):
            // A quoted option id ("on" for Ontario) is still an option id.
            return validate(.value(.option(t)))
        case (.singleChoice, .number(let n)), (.yesNoUnsure, .number(let n)):
            return validate(.value(.option(Self.show(n))))
        default:
            return .failure(AnswerProblem("'\(id)' takes \(kind.answerDescription)"))
        }
    }

    /// A number as people write it: no trailing ".0" when it is whole.
    public static func show(_ n: Double) -> String {
        n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    }
}

extension QuestionKind {
    /// How an answer of this kind is written, for messages.
    public var answerDescription: String {
        switch self {
        case .singleChoice: return "one option id"
        case .multipleChoice: return "a list of option ids, such as [a, b]"
        case .yesNoUnsure: return "yes, no or unsure"
        case .number: return "a number"
        case .date: return "a date as YYYY-MM-DD"
        case .text: return "a short text"
        }
    }
}
