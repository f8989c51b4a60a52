/// The answers that made a condition come out as it did, for the "(answered: …)" of a reason: of an `or`
/// that holds, only its parts that hold; of an `and` that fails, only its parts that fail; of a multiple
/// choice `has` that holds, only the ticked options it names. So a reason never cites an answer that did not
/// count ("They were not paid what was promised" under a test that does not look at pay).
struct DecidingAnswers {
    let evaluator: ConditionEvaluator

    /// The questions that decided `condition`, in the order written, each with the options that counted
    /// (nil: the whole answer). An unknown result keeps every question read.
    func questions(_ condition: Condition, _ state: (String) -> AnswerState) -> [(id: String, options: Set<String>?)] {
        var found: [(id: String, options: Set<String>?)] = []
        let result = evaluator.evaluate(condition, state)
        if result == .unknown {
            for q in condition.questionRefs { add(q.name, nil, into: &found) }
        } else {
            collect(condition, result, state, into: &found)
        }
        return found
    }

    /// The evidence for a reason: each deciding question's answer on this walk, narrowed to the options that counted.
    func evidence(_ condition: Condition, walk: Walk, _ state: (String) -> AnswerState) -> [Evidence] {
        questions(condition, state).compactMap { q in
            guard let answer = walk.effective[q.id] else { return nil }
            if let keep = q.options, case .value(.options(let chosen)) = answer {
                return Evidence(question: q.id, answer: .value(.options(chosen.filter(keep.contains))))
            }
            return Evidence(question: q.id, answer: answer)
        }
    }

    private func collect(_ c: Condition, _ want: Truth, _ state: (String) -> AnswerState,
                         into found: inout [(id: String, options: Set<String>?)]) {
        switch c {
        case .constant: return
        case .not(let inner): collect(inner, !want, state, into: &found)
        case .and(let cs), .or(let cs):
            let isAnd: Bool
            if case .and = c { isAnd = true } else { isAnd = false }
            // An `and` that holds and an `or` that fails rest on every part; otherwise only the deciding parts.
            let everyPart = isAnd ? want == .yes : want == .no
            for part in cs where everyPart || evaluator.evaluate(part, state) == want {
                collect(part, want, state, into: &found)
            }
        case .has(let q, _, let literals) where want == .yes:
            add(q.name, Set(literals.compactMap(\.value.word)), into: &found)
        default:
            for q in c.questionRefs { add(q.name, nil, into: &found) }
        }
    }

    private func add(_ id: String, _ options: Set<String>?, into found: inout [(id: String, options: Set<String>?)]) {
        if let i = found.firstIndex(where: { $0.id == id }) {
            // The whole answer wins over a part of it; two parts join.
            if let a = found[i].options, let b = options { found[i].options = a.union(b) } else { found[i].options = nil }
        } else {
            found.append((id, options))
        }
    }
}
