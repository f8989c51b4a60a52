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
    /// Questions passed over because their `ask_when` did not hold (false or unknown).
    public var skipped: [String]
    /// Of those, the ones whose `ask_when` was false: they do not arise in this case (see `AnswerState.notAsked`).
    public var notAsked: Set<String> = []
    /// The answers on the path, which are the only ones the assessment uses.
    public var effective: [String: Answer]

    /// True when the question is answered on this path.
    public func isOnPath(_ question: String) -> Bool { effective[question] != nil }

    /// What conditions see of a question on this walk.
    public func state(_ id: String) -> AnswerState {
        switch effective[id] {
        case .value(let v)?: return .value(v)
        case .declined?: return .declined
        case nil: return notAsked.contains(id) ? .notAsked : .unanswered
        }
    }
}

/// Follows the flow from the start with given answers. Pure: same answers, same walk.
public struct FlowWalker: Sendable {
    public let bundle: ContentBundle
    /// The day conditions read as `today`.
    public let today: Day?
    let evaluator: ConditionEvaluator

    public init(bundle: ContentBundle, today: Day?) {
        self.bundle = bundle
        self.today = today
        self.evaluator = ConditionEvaluator(bundle: bundle, today: today)
    }

    /// Walks from the start. Early exits are passed when listed in `continued`, or, with `continueWhenAnswered`,
    /// when the question they continue to already has an answer (as in scenario and answers files).
    public func walk(answers: [String: Answer], continued: Set<String> = [], continueWhenAnswered: Bool = false) -> Walk {
        var trail = WalkTrail()
        follow(&trail, from: bundle.flow.start.id, answers: answers, continued: continued, continueWhenAnswered: continueWhenAnswered)
        return trail.walk
    }

    /// Walks from the start, keeping what `rewalk` needs to carry the walk on later.
    func trail(answers: [String: Answer], continued: Set<String>) -> WalkTrail {
        var trail = WalkTrail()
        follow(&trail, from: bundle.flow.start.id, answers: answers, continued: continued, continueWhenAnswered: false)
        return trail
    }

    /// Walks again from stop `stop` of the trail (`stops.count`: from where it ends), after the answer or the
    /// `continued` choice for that node changed and nothing else did. The stops before it never read that
    /// node (a walk enters each node once), so they stay as they are and only the rest is walked.
    func rewalk(_ trail: inout WalkTrail, from stop: Int, answers: [String: Answer], continued: Set<String>) {
        guard let node = trail.rewind(to: stop) else {
            trail = self.trail(answers: answers, continued: continued)
            return
        }
        follow(&trail, from: node, answers: answers, continued: continued, continueWhenAnswered: false)
    }

    /// The walk's one loop: carries the trail on from `start` until a question without an answer, an outcome,
    /// or nowhere to go.
    func follow(_ trail: inout WalkTrail, from start: String, answers: [String: Answer], continued: Set<String>,
                continueWhenAnswered: Bool) {
        var node = start
        func state(_ id: String) -> AnswerState { trail.walk.state(id) }
        while true {
            guard trail.enter(node) else { return trail.end(.stuck(node), fresh: false) }
            if let flowNode = bundle.flow.nodes[node] {
                if let ask = askWhen(node), case let t = evaluator.evaluate(ask, state), t != .yes {
                    trail.skip(node, ruledOut: t == .no)
                } else if let answer = answers[node] {
                    trail.pass(question: node, answer: answer)
                } else {
                    return trail.end(.question(node), fresh: true)
                }
                guard let next = nextNode(flowNode, state) else { return trail.end(.stuck(node), fresh: false) }
                node = next
            } else if let outcome = bundle.outcome(node) {
                if let next = outcome.continueTo?.id,
                   continued.contains(node) || (continueWhenAnswered && answers[next] != nil) {
                    trail.pass(outcome: node)
                    node = next
                } else {
                    return trail.end(.outcome(node), fresh: true)
                }
            } else {
                return trail.end(.stuck(node), fresh: true)
            }
        }
    }

    /// The question's parsed `ask_when`, read in place (copying the whole question for it showed in profiles).
    func askWhen(_ id: String) -> Condition? {
        guard let i = bundle.questionIndex[id] else { return nil }
        return bundle.questions[i].askWhen?.parsed
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

/// A walk together with what is needed to rewind it to one of its stops and carry it on from there,
/// so that answering the next question costs one step instead of a walk from the start.
struct WalkTrail: Sendable {
    private(set) var walk = Walk(stops: [], end: .stuck(""), skipped: [], effective: [:])
    /// Every node the walk entered, in order; a walk never enters a node twice (that would be a cycle).
    private var entered: [String] = []
    private var visited = Set<String>()
    /// For each stop: how many nodes had been entered, and questions skipped, before it.
    private var marks: [(entered: Int, skipped: Int)] = []
    /// Where the walk ends, when that node was entered for the end (not a revisit or an answered question).
    private var endEntered = false
    /// Positions in `walk.stops` of the early exits passed: few, so counting answered questions stays cheap.
    private(set) var passedExits: [Int] = []

    /// Marks a node entered; false when it already was (a cycle).
    mutating func enter(_ node: String) -> Bool {
        guard visited.insert(node).inserted else { return false }
        entered.append(node)
        return true
    }

    mutating func skip(_ question: String, ruledOut: Bool) {
        walk.skipped.append(question)
        if ruledOut { walk.notAsked.insert(question) }
    }

    mutating func pass(question: String, answer: Answer) {
        markStop()
        walk.stops.append(.question(question))
        walk.effective[question] = answer
    }

    mutating func pass(outcome: String) {
        markStop()
        passedExits.append(walk.stops.count)
        walk.stops.append(.outcome(outcome))
    }

    /// Ends the walk; `fresh` says the end node was entered just for the end.
    mutating func end(_ end: WalkEnd, fresh: Bool) {
        walk.end = end
        endEntered = fresh
    }

    /// The number of answered questions among the first `count` stops.
    func questionsAnswered(inFirst count: Int) -> Int {
        count - passedExits.reduce(0) { $0 + ($1 < count ? 1 : 0) }
    }

    /// Drops stop `stop` and everything after it (`stops.count`: only the end) and returns the node to walk
    /// on from, with the trail exactly as it was when the walk first reached that node. Nil when the walk
    /// cannot be carried on from there (it ends stuck on a node it had already entered).
    mutating func rewind(to stop: Int) -> String? {
        let node: String
        let keepEntered: Int, keepSkipped: Int
        if stop < walk.stops.count {
            node = walk.stops[stop].node
            (keepEntered, keepSkipped) = marks[stop]
        } else {
            guard stop == walk.stops.count, endEntered else { return nil }
            node = walk.end.node
            keepEntered = entered.count - 1
            keepSkipped = walk.skipped.count
        }
        for id in entered[keepEntered...] { visited.remove(id) }
        entered.removeSubrange(keepEntered...)
        for case .question(let q) in walk.stops[stop...] { walk.effective[q] = nil }
        walk.stops.removeSubrange(stop...)
        marks.removeSubrange(stop...)
        for id in walk.skipped[keepSkipped...] { walk.notAsked.remove(id) }
        walk.skipped.removeSubrange(keepSkipped...)
        while let last = passedExits.last, last >= stop { passedExits.removeLast() }
        endEntered = false
        return node
    }

    private mutating func markStop() {
        // The stop's node is already entered: the mark points just before it.
        marks.append((entered.count - 1, walk.skipped.count))
    }
}
