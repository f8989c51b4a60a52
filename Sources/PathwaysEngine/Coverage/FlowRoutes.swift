/// One way to reach each node of an acyclic flow from the start, found in a single forward pass and shared
/// by every pathway's search: a pathway whose questions sit deep in the flow starts its search where its
/// first question is instead of walking there again.
struct FlowRoutes: Sendable {
    /// Node → the node before it on its route, and the answer given there (nil: skipped, or an early exit passed).
    let parent: [String: (from: String, answer: Answer?)]
    /// Node → the answers on its route that are still read at or after it.
    let live: [String: [String: Answer]]
    let start: String
    let shape: FlowShape
    /// When each node is entered and left in a depth-first walk of the routes (a tree): a node is on the
    /// route to another exactly when its span holds the other's.
    private let span: [String: (enter: Int, exit: Int)]

    init?(bundle: ContentBundle, shape: FlowShape, moves: FlowMoves) {
        guard let order = shape.topologicalOrder else { return nil }
        start = bundle.flow.start.id
        self.shape = shape
        var parent: [String: (from: String, answer: Answer?)] = [:]
        var live: [String: [String: Answer]] = [start: [:]]
        for id in order {
            guard let here = live[id] else { continue }
            for move in moves.moves(from: id, live: here) where move.next != start && parent[move.next] == nil {
                parent[move.next] = (id, move.answer)
                live[move.next] = move.live
            }
        }
        self.parent = parent
        self.live = live
        var children: [String: [String]] = [:]
        for (node, step) in parent { children[step.from, default: []].append(node) }
        var span: [String: (enter: Int, exit: Int)] = [:]
        var clock = 0
        var stack: [(String, Bool)] = [(start, false)]
        while let (node, leaving) = stack.popLast() {
            clock += 1
            if leaving { span[node]?.exit = clock; continue }
            span[node] = (clock, clock)
            stack.append((node, true))
            for child in children[node] ?? [] { stack.append((child, false)) }
        }
        self.span = span
    }

    /// Where a search for a goal over `questions` can begin: the earliest of them whose route asks (or
    /// skips) none of the others.
    func entry(for questions: Set<String>) -> String? {
        let reached = questions.filter { span[$0] != nil }
        return reached.sorted { (shape.rank[$0] ?? 0) < (shape.rank[$1] ?? 0) }.first { target in
            !reached.contains { $0 != target && isOnRoute($0, to: target) }
        }
    }

    func isOnRoute(_ node: String, to target: String) -> Bool {
        guard let a = span[node], let b = span[target] else { return false }
        return a.enter <= b.enter && b.exit <= a.exit
    }

    /// Every answer on the route to `node`.
    func answers(to node: String) -> [String: Answer] {
        var answers: [String: Answer] = [:]
        var at = node
        while let step = parent[at] {
            if let a = step.answer { answers[step.from] = a }
            at = step.from
        }
        return answers
    }
}
