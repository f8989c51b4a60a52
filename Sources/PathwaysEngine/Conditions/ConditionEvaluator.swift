/// What is known about one question's answer while a condition is evaluated.
public enum AnswerState: Hashable, Sendable {
    /// Not answered (not yet reached, skipped while its `ask_when` was unknown, or set aside).
    case unanswered
    /// Passed over because its `ask_when` is false: the question does not arise. It equals no option and
    /// has no date, so tests on it are false (and `!=`, `not in` true), never unknown.
    case notAsked
    case declined
    case value(AnswerValue)
    /// Anything at all: used when searching for answers that make a condition true.
    case free
}

/// Evaluates conditions with three-valued logic against a lookup of answers and the assessment day.
public struct ConditionEvaluator: Sendable {
    public let bundle: ContentBundle
    /// The day the case is assessed, for `today` in conditions; nil makes every test of `today` unknown.
    public let today: Day?

    public init(bundle: ContentBundle, today: Day?) {
        self.bundle = bundle
        self.today = today
    }

    /// The day a date term names with these answers; nil when its question has no date answer (or the
    /// day is not known).
    public func day(_ term: DateTerm, _ answer: (String) -> AnswerState) -> Day? {
        let base: Day
        switch term.base {
        case .day(let d, _): base = d
        case .today: guard let today else { return nil }; base = today
        case .question(let q):
            guard case .value(.date(let d)) = answer(q.name) else { return nil }
            base = d
        }
        return term.value(from: base)
    }

    public func evaluate(_ condition: Condition, _ answer: (String) -> AnswerState) -> Truth {
        switch condition {
        case .constant(let b): return Truth(b)
        case .not(let c): return !evaluate(c, answer)
        case .and(let cs):
            var result = Truth.yes
            for c in cs {
                result = result && evaluate(c, answer)
                if result == .no { return .no }
            }
            return result
        case .or(let cs):
            var result = Truth.no
            for c in cs {
                result = result || evaluate(c, answer)
                if result == .yes { return .yes }
            }
            return result
        case .status(let q, .unsure):
            switch answer(q.name) {
            case .free: return .unknown
            case .value(.option(let o)): return Truth(bundle.question(q.name)?.option(o)?.unsure == true)
            case .value(.options(let os)): return Truth(os.contains { bundle.question(q.name)?.option($0)?.unsure == true })
            default: return .no
            }
        case .status(let q, let status):
            switch (answer(q.name), status) {
            case (.free, _): return .unknown
            case (.unanswered, .unanswered), (.notAsked, .unanswered), (.declined, .declined), (.value, .answered): return .yes
            default: return .no
            }
        case .isYes(let q):
            if case .notAsked = answer(q.name) { return .no }
            return optionTest(q, answer) { $0 == "yes" }
        case .dateCompare(let a, let op, let b):
            if isNotAsked(a, answer) || isNotAsked(b, answer) { return .no }
            guard let x = day(a, answer), let y = day(b, answer) else { return .unknown }
            return Truth(Self.order(x, y, op))
        case .compare(let q, let op, let literal):
            let state = answer(q.name)
            if case .notAsked = state { return Truth(op == .notEqual) }
            guard case .value(let value) = state else { return .unknown }
            return compare(q.name, value, op, literal.value)
        case .member(let q, let negated, let literals):
            if case .notAsked = answer(q.name) { return Truth(negated) }
            let ids = literals.compactMap(\.value.word)
            let t = optionTest(q, answer) { ids.contains($0) }
            return negated ? !t : t
        case .has(let q, let mode, let literals):
            if case .notAsked = answer(q.name) { return .no }
            guard case .value(.options(let chosen)) = answer(q.name) else { return .unknown }
            let ids = literals.compactMap(\.value.word)
            let result = mode == .all ? ids.allSatisfy(chosen.contains) : ids.contains(where: chosen.contains)
            if !result, let question = bundle.question(q.name),
               chosen.contains(where: { id in question.option(id)?.unsure == true }) {
                return .unknown
            }
            return Truth(result)
        }
    }

    private func isNotAsked(_ term: DateTerm, _ answer: (String) -> AnswerState) -> Bool {
        guard let q = term.question, case .notAsked = answer(q.name) else { return false }
        return true
    }

    /// Tests a single-choice answer; an "unsure" option makes any test it does not satisfy unknown.
    private func optionTest(_ q: QuestionRef, _ answer: (String) -> AnswerState, _ test: (String) -> Bool) -> Truth {
        guard case .value(.option(let chosen)) = answer(q.name) else { return .unknown }
        if test(chosen) { return .yes }
        return bundle.question(q.name)?.option(chosen)?.unsure == true ? .unknown : .no
    }

    private func compare(_ question: String, _ value: AnswerValue, _ op: ComparisonOperator, _ literal: Literal) -> Truth {
        switch (value, literal) {
        case (.option(let chosen), .word(let w)):
            let equal = chosen == w
            if !equal, bundle.question(question)?.option(chosen)?.unsure == true { return .unknown }
            switch op {
            case .equal: return Truth(equal)
            case .notEqual: return Truth(!equal)
            default: return .unknown
            }
        case (.number(let a), .number(let b)): return Truth(Self.order(a, b, op))
        case (.date(let a), .date(let b)): return Truth(Self.order(a, b, op))
        case (.text(let a), .string(let b)), (.text(let a), .word(let b)):
            switch op {
            case .equal: return Truth(a == b)
            case .notEqual: return Truth(a != b)
            default: return .unknown
            }
        default: return .unknown
        }
    }

    static func order<T: Comparable>(_ a: T, _ b: T, _ op: ComparisonOperator) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }
}

extension Literal {
    var word: String? { if case .word(let w) = self { return w } else { return nil } }
}

