import Foundation

/// Which pathways some answers can make apply, with one example set of answers for each, and for the
/// others why not. The search walks the flow as a caseworker would, choosing among a few representative
/// answers per question, and stops following a path as soon as three-valued evaluation shows the
/// pathway can no longer apply on it: it never enumerates every path.
///
/// Work is shared between pathways: the flow's shape (`FlowShape`), one route to every node
/// (`FlowRoutes`), and, once a pathway is sure to apply, the ways from each place to an outcome (`WayOutFinder`).
public struct PathwayReachability: Sendable {
    public enum Result: Sendable {
        /// Answers that walk the flow to an outcome and make the pathway recommended.
        case reachable(ReachableExample)
        /// No answers can; the criteria that can never hold on any path through the flow.
        case unreachable(blocking: [Int])
        /// The search was too large to decide.
        case undecided
    }

    public let bundle: ContentBundle
    /// The day the search takes for `today`: an example's answers make its pathway apply on this day.
    public let referenceDay: Day
    let evaluator: ConditionEvaluator
    let shape: FlowShape
    let moves: FlowMoves
    let routes: FlowRoutes?
    /// Work limit per search, in visited places.
    public var budget = 200_000

    /// `today`: the day the search takes for `today` in conditions (default: the bundle's review date), so
    /// date answers are tried around it.
    public init(bundle: ContentBundle, today: Day? = nil) {
        self.bundle = bundle
        let shape = FlowShape(bundle: bundle)
        let moves = FlowMoves(bundle: bundle, shape: shape, today: today)
        self.shape = shape
        self.moves = moves
        self.evaluator = moves.evaluator
        self.referenceDay = Satisfiability.referenceDay(today, bundle)
        self.routes = FlowRoutes(bundle: bundle, shape: shape, moves: moves)
    }

    /// One pathway.
    public func analyse(_ pathway: Pathway) -> Result { analyseAll([pathway])[0] }

    /// Every pathway given, in order, shared out between the machine's cores. The search recurses once
    /// per question on a path, so each worker runs on a thread with a large stack: a flow of 10,000
    /// questions is 10,000 frames deep.
    public func analyseAll(_ pathways: [Pathway]) -> [Result] {
        guard !pathways.isEmpty else { return [] }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, pathways.count))
        final class Slot: @unchecked Sendable { var results: [(Int, Result)] = [] }
        let slots = (0..<workers).map { _ in Slot() }
        let done = DispatchSemaphore(value: 0)
        for w in 0..<workers {
            let slot = slots[w]
            let thread = Thread {
                let finisher = WayOutFinder(moves: self.moves, budget: self.budget)
                for i in stride(from: w, to: pathways.count, by: workers) {
                    slot.results.append((i, self.analyseHere(pathways[i], finisher)))
                }
                done.signal()
            }
            thread.stackSize = 1 << 30
            thread.start()
        }
        for _ in 0..<workers { done.wait() }
        var results = [Result](repeating: .undecided, count: pathways.count)
        for slot in slots { for (i, r) in slot.results { results[i] = r } }
        return results
    }

    func analyseHere(_ pathway: Pathway, _ finisher: WayOutFinder) -> Result {
        let criteria = pathway.eligibility.compactMap(\.condition.parsed)
        guard criteria.count == pathway.eligibility.count else { return .undecided }
        let goal: Condition = criteria.isEmpty ? .constant(true) : .and(criteria)
        switch search(goal, finisher) {
        case .found(let example): return .reachable(example)
        case .exhausted:
            let blocking = criteria.indices.filter { i in
                if case .exhausted = search(criteria[i], finisher) { return true } else { return false }
            }
            return .unreachable(blocking: blocking)
        case .gaveUp: return .undecided
        }
    }

    enum Search { case found(ReachableExample), exhausted, gaveUp }

    /// Answers that walk to an outcome with `goal` true. First from where the goal's earliest question is,
    /// reached by the shared route; when that finds nothing, from the start, which decides.
    func search(_ goal: Condition, _ finisher: WayOutFinder) -> Search {
        let goalQuestions = Set(goal.questionRefs.map(\.name))
        if let routes, let entry = routes.entry(for: goalQuestions),
           case .found(let found) = search(goal, goalQuestions, from: entry, answers: routes.live[entry] ?? [:], finisher) {
            return .found(ReachableExample(ownAnswers: found.answers, criteriaQuestions: goalQuestions, routeIn: (routes, entry),
                                           wayOut: found.wayOut.map { (finisher, $0) }))
        }
        switch search(goal, goalQuestions, from: bundle.flow.start.id, answers: [:], finisher) {
        case .found(let found):
            return .found(ReachableExample(ownAnswers: found.answers, criteriaQuestions: goalQuestions, routeIn: nil,
                                           wayOut: found.wayOut.map { (finisher, $0) }))
        case .exhausted: return .exhausted
        case .gaveUp: return .gaveUp
        }
    }

    /// What one search found: its own answers, and where the shared way out begins once the goal was sure.
    struct Found {
        var answers: [String: Answer]
        var wayOut: Int?
    }
    enum Outcome { case found(Found), exhausted, gaveUp }

    /// Depth-first over the flow with representative answers, pruning where `goal` is already false.
    func search(_ goal: Condition, _ goalQuestions: Set<String>, from start: String, answers initial: [String: Answer],
                _ finisher: WayOutFinder) -> Outcome {
        var answers = initial
        let goalOrder = goalQuestions.sorted()
        var skipped = Set<String>()
        var onPath = Set<String>()
        var steps = 0
        var gaveUp = false
        var here = start
        // Places already searched with the same answers that still matter, and found wanting.
        var failed = Set<FlowMoves.State>()

        func state(_ id: String) -> AnswerState {
            switch answers[id] {
            case .value(let v)?: return .value(v)
            case .declined?: return .declined
            case nil:
                // Not answered and no longer askable from here: it will never be answered on this path.
                if skipped.contains(id) || !shape.mayStillAsk(id, from: here) { return .unanswered }
                return .free
            }
        }

        func visit(_ node: String) -> Found? {
            steps += 1
            if steps > budget { gaveUp = true; return nil }
            if onPath.contains(node) { return nil }
            let key = moves.state(node, answers, also: goalOrder)
            if failed.contains(key) { return nil }
            here = node
            let truth = evaluator.evaluate(goal, state)
            if truth == .no { failed.insert(key); return nil }
            if truth == .yes && shape.topologicalOrder != nil {
                // Sure to apply whatever comes next: any way to an outcome will do, and those are shared.
                switch finisher.finish(from: node, live: moves.restrict(answers, to: node)) {
                case .found(let wayOut): return Found(answers: answers, wayOut: wayOut)
                case .none: failed.insert(key); return nil
                case .gaveUp: gaveUp = true; return nil
                }
            }
            onPath.insert(node)
            defer { onPath.remove(node) }
            let found = explore(node)
            if found == nil && !gaveUp { failed.insert(key) }
            return found
        }

        func explore(_ node: String) -> Found? {
            if bundle.outcome(node) != nil, evaluator.evaluate(goal, { moves.settled(answers, $0) }) == .yes {
                return Found(answers: answers, wayOut: nil)
            }
            let live = moves.restrict(answers, to: node)
            let ways = moves.moves(from: node, live: live, every: goalQuestions)
            let skipping = bundle.flow.nodes[node] != nil && ways.count == 1 && ways[0].answer == nil
            if skipping { skipped.insert(node) }
            defer { if skipping { skipped.remove(node) } }
            for move in ways {
                answers[node] = move.answer
                defer { answers[node] = nil }
                if let found = visit(move.next) { return found }
                if gaveUp { return nil }
            }
            return nil
        }

        if let found = visit(start) { return .found(found) }
        return gaveUp ? .gaveUp : .exhausted
    }
}
