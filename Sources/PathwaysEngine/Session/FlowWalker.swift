/// Where a walk through the flow stops.
public enum WalkEnd: Hashable, Sendable {
    /// A question on the path that has no answer yet.
    case question(String)
    /// An outcome: the end of the conversation, or an early exit not yet passed.
    case outcome(String)
    /// The content gave nowhere to go (a checker error); the walk cannot go on.
    case stuck(String)

    public var node: String {
        switch self {
        case .question(let id), .outcome(let id), .stuck(let id): return id
        }
    }
}

/// A stop on the path: an answered question, or an early-exit outcome the worker went past.
public enum WalkStop: Hashable, Sendable {
    case question(String)
    case outcome(String)

    public var node: String {
        switch self {
        case .question(let id), .outcome(let id): return id
        }
    }
}

/// The path that a set of answers takes through the flow.
public struct Walk: Hashable, Sendable {
    public var stops: [WalkStop]
    public var end: WalkEnd
    /// Questions passed over because their `ask_when` did not hold.
    public var skipped: [String]
    /// The answers on the path, which are the only ones the assessment uses.
    public var effective: [String: Answer]

    /// True when the question is answered on this path.
    public func isOnPath(_ question: String) -> Bool { effective[question] != nil }
}

/// Follows the flow from the start with given answers. Pure: same answers, same walk.
public struct FlowWalker: Sendable {
    public let bundle: ContentBundle
    let evaluator: ConditionEvaluator

    public init(bundle: ContentBundle) {
        self.bundle = bundle
        self.evaluator = ConditionEvaluator(bundle: bundle)
    }

    /// Walks from the start. Early exits are passed when listed in `continued`, or, with `continueWhenAnswered`,
    /// when the question they continue to already has an answer (as in scenario and answers files).
    public func walk(answers: [String: Answer], continued: Set<String> = [], continueWhenAnswered: Bool = false) -> Walk {
        var stops: [WalkStop] = []
        var skipped: [String] = []
        var effective: [String: Answer] = [:]
        var visited = Set<String>()
        var node = bundle.flow.start.id
        func state(_ id: String) -> AnswerState {
            switch effective[id] {
            case .value(let v)?: return .value(v)
            case .declined?: return .declined
            case nil: return .unanswered
            }
        }
        while true {
            guard visited.insert(node).inserted else { return Walk(stops: stops, end: .stuck(node), skipped: skipped, effective: effective) }
            if let flowNode = bundle.flow.nodes[node] {
                if let ask = bundle.question(node)?.askWhen, let c = ask.parsed, evaluator.evaluate(c, state) != .yes {
                    skipped.append(node)
                } else if let answer = answers[node] {
                    stops.append(.question(node))
                    effective[node] = answer
                } else {
                    return Walk(stops: stops, end: .question(node), skipped: skipped, effective: effective)
                }
                guard let next = nextNode(flowNode, state) else {
                    return Walk(stops: stops, end: .stuck(node), skipped: skipped, effective: effective)
                }
                node = next
            } else if let outcome = bundle.outcome(node) {
                if let next = outcome.continueTo?.id,
                   continued.contains(node) || (continueWhenAnswered && answers[next] != nil) {
                    stops.append(.outcome(node))
                    node = next
                } else {
                    return Walk(stops: stops, end: .outcome(node), skipped: skipped, effective: effective)
                }
            } else {
                return Walk(stops: stops, end: .stuck(node), skipped: skipped, effective: effective)
            }
        }
    }

    /// The first rule whose condition is true; an unknown condition does not match.
    func nextNode(_ node: FlowNode, _ state: (String) -> AnswerState) -> String? {
        for rule in node.next {
            guard let c = rule.condition else { return rule.target.id }
            if let parsed = c.parsed, evaluator.evaluate(parsed, state) == .yes { return rule.target.id }
        }
        return nil
    }
}
