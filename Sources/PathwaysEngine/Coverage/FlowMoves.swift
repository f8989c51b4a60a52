/// The ways on from a node of the flow, for the reachability search: each representative answer to the
/// question and where it leads, keeping only the answers that can still matter further on.
struct FlowMoves: Sendable {
    struct Move {
        /// The answer given at the node; nil when the question is skipped or the node is an outcome passed.
        let answer: Answer?
        let next: String
        /// The answers still read at or after `next`.
        let live: [String: Answer]
    }

    /// A place in the flow with the answers that still matter there: two walks that arrive at the same
    /// state go on the same ways.
    struct State: Hashable {
        let node: String
        let answers: [Answer?]
    }

    let bundle: ContentBundle
    let evaluator: ConditionEvaluator
    let shape: FlowShape
    /// Question → a few answers, enough to decide every condition in the bundle that reads it.
    let candidates: [String: [Answer]]

    init(bundle: ContentBundle, shape: FlowShape, today: Day?) {
        let sat = Satisfiability(bundle: bundle, today: today)
        self.bundle = bundle
        self.evaluator = sat.evaluator
        self.shape = shape
        var literals: [String: [Literal]] = [:]
        var dateTests: [String: [Condition]] = [:]
        for text in ContentWalk.conditions(bundle) {
            guard let c = text.parsed else { continue }
            for name in Set(c.questionRefs.map(\.name)) {
                literals[name, default: []] += Satisfiability.literals(of: name, in: c)
                if !Satisfiability.dateCandidates(of: name, in: c, around: sat.referenceDay).isEmpty { dateTests[name, default: []].append(c) }
            }
        }
        var candidates: [String: [Answer]] = [:]
        for q in bundle.questions {
            let probe: Condition = .or((literals[q.id] ?? []).map {
                .compare(QuestionRef(name: q.id, offset: 0), .equal, LiteralNode(value: $0, offset: 0))
            } + (dateTests[q.id] ?? []))
            candidates[q.id] = sat.domain(q.id, in: probe, neverAnswered: []).compactMap { state -> Answer? in
                switch state {
                case .value(let v): return .value(v)
                case .declined: return .declined
                case .unanswered, .free, .notAsked: return nil
                }
            }
        }
        self.candidates = candidates
    }

    /// The state at `node` with these answers (only those still read there count).
    func state(_ node: String, _ answers: [String: Answer], also extra: [String] = []) -> State {
        State(node: node, answers: (shape.live[node] ?? []).map { answers[$0] } + extra.map { answers[$0] })
    }

    /// The ways on from `node` given the answers that matter there: one per distinct next state, and for the
    /// questions in `every`, one per answer (a goal reads them, so each answer counts).
    func moves(from node: String, live: [String: Answer], every: Set<String> = []) -> [Move] {
        if let outcome = bundle.outcome(node) {
            guard let next = outcome.continueTo?.id else { return [] }
            return [Move(answer: nil, next: next, live: restrict(live, to: next))]
        }
        guard let flowNode = bundle.flow.nodes[node], let q = bundle.question(node) else { return [] }
        if let ask = q.askWhen?.parsed, evaluator.evaluate(ask, { settled(live, $0) }) != .yes {
            guard let next = nextNode(flowNode, live) else { return [] }
            return [Move(answer: nil, next: next, live: restrict(live, to: next))]
        }
        var out: [Move] = []
        var seen = Set<State>()
        for answer in candidates[node] ?? [] {
            var after = live
            after[node] = answer
            guard let next = nextNode(flowNode, after) else { continue }
            let nextLive = restrict(after, to: next)
            if !every.contains(node) && !seen.insert(state(next, nextLive)).inserted { continue }
            out.append(Move(answer: answer, next: next, live: nextLive))
        }
        return out
    }

    func restrict(_ answers: [String: Answer], to node: String) -> [String: Answer] {
        var out: [String: Answer] = [:]
        for id in shape.live[node] ?? [] { if let a = answers[id] { out[id] = a } }
        return out
    }

    func settled(_ answers: [String: Answer], _ id: String) -> AnswerState {
        switch answers[id] {
        case .value(let v)?: return .value(v)
        case .declined?: return .declined
        case nil: return .unanswered
        }
    }

    /// The first rule whose condition is true, as a walk through the flow takes it.
    func nextNode(_ node: FlowNode, _ answers: [String: Answer]) -> String? {
        for rule in node.next {
            guard let c = rule.condition else { return rule.target.id }
            if let parsed = c.parsed, evaluator.evaluate(parsed, { settled(answers, $0) }) == .yes { return rule.target.id }
        }
        return nil
    }
}
