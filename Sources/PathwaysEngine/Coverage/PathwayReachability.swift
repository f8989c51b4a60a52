import Foundation

/// Which pathways some answers can make apply, with one example set of answers for each, and for the
/// others why not. The search walks the flow as a caseworker would, choosing among a few representative
/// answers per question, and stops following a path as soon as three-valued evaluation shows the
/// pathway can no longer apply on it: it never enumerates every path.
public struct PathwayReachability: Sendable {
    public enum Result: Sendable {
        /// Answers that walk the flow to an outcome and make the pathway recommended.
        case reachable([String: Answer])
        /// No answers can; the criteria that can never hold on any path through the flow.
        case unreachable(blocking: [Int])
        /// The search was too large to decide.
        case undecided
    }

    public let bundle: ContentBundle
    let evaluator: ConditionEvaluator
    let sat: Satisfiability
    /// Work limit per pathway, in visited nodes.
    public var budget = 200_000

    /// Question id → the values conditions compare it with, gathered once.
    let literals: [String: [Literal]]
    /// Node → the nodes the flow can go to next.
    let successors: [String: [String]]
    /// Node → the questions read by conditions at or after it (where it goes, whether it is asked).
    let routingAhead: [String: Set<String>]

    public init(bundle: ContentBundle) {
        self.bundle = bundle
        self.evaluator = ConditionEvaluator(bundle: bundle)
        self.sat = Satisfiability(bundle: bundle)
        var literals: [String: [Literal]] = [:]
        for text in ContentWalk.conditions(bundle) {
            guard let c = text.parsed else { continue }
            for name in Set(c.questionRefs.map(\.name)) { literals[name, default: []] += Satisfiability.literals(of: name, in: c) }
        }
        self.literals = literals
        var successors: [String: [String]] = [:]
        var routing: [String: Set<String>] = [:]
        for id in bundle.flow.nodeOrder {
            let node = bundle.flow.nodes[id]!
            successors[id] = node.next.map(\.target.id)
            var refs = Set(node.next.compactMap(\.condition?.parsed).flatMap(\.questionRefs).map(\.name))
            if let ask = bundle.question(id)?.askWhen?.parsed { refs.formUnion(ask.questionRefs.map(\.name)) }
            routing[id] = refs
        }
        for o in bundle.outcomes { successors[o.id] = o.continueTo.map { [$0.id] } ?? [] }
        self.successors = successors
        // Fold each node's routing questions into those before it, in reverse depth-first order.
        var ahead: [String: Set<String>] = [:]
        var state: [String: Bool] = [:]  // false: in progress, true: done
        for root in bundle.flow.nodeOrder + bundle.outcomes.map(\.id) where state[root] == nil {
            var stack: [(String, Bool)] = [(root, false)]
            while let (id, expanded) = stack.popLast() {
                if expanded {
                    var set = routing[id] ?? []
                    for n in successors[id] ?? [] { set.formUnion(ahead[n] ?? []) }
                    ahead[id] = set
                    state[id] = true
                } else if state[id] == nil {
                    state[id] = false
                    stack.append((id, true))
                    for n in successors[id] ?? [] where state[n] == nil { stack.append((n, false)) }
                }
            }
        }
        self.routingAhead = ahead
    }

    /// The nodes from which the flow can still reach `question`.
    func nodesBefore(_ question: String) -> Set<String> {
        var predecessors: [String: [String]] = [:]
        for (from, tos) in successors { for to in tos { predecessors[to, default: []].append(from) } }
        var seen: Set<String> = [question], queue = [question]
        while let id = queue.popLast() {
            for p in predecessors[id] ?? [] where seen.insert(p).inserted { queue.append(p) }
        }
        return seen
    }

    /// The search recurses once per question on a path, so it runs on a thread with a large stack:
    /// a flow of 10,000 questions is 10,000 frames deep.
    public func analyse(_ pathway: Pathway) -> Result {
        final class Box: @unchecked Sendable { var result: Result = .undecided }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { box.result = self.analyseHere(pathway); done.signal() }
        thread.stackSize = 1 << 30
        thread.start()
        done.wait()
        return box.result
    }

    func analyseHere(_ pathway: Pathway) -> Result {
        let criteria = pathway.eligibility.compactMap(\.condition.parsed)
        guard criteria.count == pathway.eligibility.count else { return .undecided }
        let goal: Condition = criteria.isEmpty ? .constant(true) : .and(criteria)
        switch search(goal) {
        case .found(let answers): return .reachable(answers)
        case .exhausted:
            let blocking = criteria.indices.filter { i in
                if case .exhausted = search(criteria[i]) { return true } else { return false }
            }
            return .unreachable(blocking: blocking)
        case .gaveUp: return .undecided
        }
    }

    enum Search { case found([String: Answer]), exhausted, gaveUp }

    /// Depth-first over the flow with representative answers, pruning where `goal` is already false.
    func search(_ goal: Condition) -> Search {
        var answers: [String: Answer] = [:]
        var skipped = Set<String>()
        var steps = 0
        var gaveUp = false
        let goalQuestions = Set(goal.questionRefs.map(\.name))
        // For each question of the goal, the nodes from which it can still be asked.
        let askableFrom = Dictionary(uniqueKeysWithValues: goalQuestions.map { ($0, nodesBefore($0)) })
        var here = ""
        // Places already searched with the same answers that still matter, and found wanting.
        var failed = Set<String>()

        func state(_ id: String) -> AnswerState {
            switch answers[id] {
            case .value(let v)?: return .value(v)
            case .declined?: return .declined
            case nil:
                // Not answered and no longer reachable from here: it will never be answered on this path.
                if skipped.contains(id) || askableFrom[id]?.contains(here) == false { return .unanswered }
                return .free
            }
        }
        func memoKey(_ node: String) -> String {
            let relevant = goalQuestions.union(routingAhead[node] ?? [])
            return node + "|" + relevant.sorted().compactMap { id in answers[id].map { "\(id)=\($0)" } }.joined(separator: ";")
        }
        func settled(_ id: String) -> AnswerState {
            switch answers[id] {
            case .value(let v)?: return .value(v)
            case .declined?: return .declined
            case nil: return .unanswered
            }
        }

        func visit(_ node: String, _ seen: Set<String>) -> [String: Answer]? {
            steps += 1
            if steps > budget { gaveUp = true; return nil }
            if seen.contains(node) { return nil }
            let key = memoKey(node)
            if failed.contains(key) { return nil }
            here = node
            if evaluator.evaluate(goal, state) == .no { failed.insert(key); return nil }
            let found = explore(node, seen)
            if found == nil && !gaveUp { failed.insert(key) }
            return found
        }

        func explore(_ node: String, _ seen: Set<String>) -> [String: Answer]? {
            if let outcome = bundle.outcome(node) {
                if evaluator.evaluate(goal, settled) == .yes { return answers }
                if let next = outcome.continueTo?.id { return visit(next, seen.union([node])) }
                return nil
            }
            guard let flowNode = bundle.flow.nodes[node], let q = bundle.question(node) else { return nil }
            if let ask = q.askWhen?.parsed, evaluator.evaluate(ask, settled) != .yes {
                skipped.insert(node)
                defer { skipped.remove(node) }
                guard let next = nextNode(flowNode, settled) else { return nil }
                return visit(next, seen.union([node]))
            }
            var tried = Set<String>()
            for value in candidates(q, goalQuestions: goalQuestions) {
                answers[node] = value
                defer { answers[node] = nil }
                here = node
                if evaluator.evaluate(goal, state) == .no { continue }
                guard let next = nextNode(flowNode, settled) else { continue }
                // Answers that only matter for where the flow goes: one per branch is enough.
                if !goalQuestions.contains(node) && !tried.insert(next).inserted { continue }
                if let found = visit(next, seen.union([node])) { return found }
                if gaveUp { return nil }
            }
            return nil
        }

        let start = bundle.flow.start.id
        if let found = visit(start, []) { return .found(found) }
        return gaveUp ? .gaveUp : .exhausted
    }

    func nextNode(_ node: FlowNode, _ state: (String) -> AnswerState) -> String? {
        for rule in node.next {
            guard let c = rule.condition else { return rule.target.id }
            if let parsed = c.parsed, evaluator.evaluate(parsed, state) == .yes { return rule.target.id }
        }
        return nil
    }

    /// A few answers for a question: enough to decide every condition in the bundle that reads it.
    func candidates(_ q: Question, goalQuestions: Set<String>) -> [Answer] {
        let probe: Condition = .or((literals[q.id] ?? []).map { .compare(QuestionRef(name: q.id, offset: 0), .equal, LiteralNode(value: $0, offset: 0)) })
        return sat.domain(q.id, in: probe, neverAnswered: []).compactMap { state -> Answer? in
            switch state {
            case .value(let v): return .value(v)
            case .declined: return .declined
            case .unanswered, .free: return nil
            }
        }
    }
}
