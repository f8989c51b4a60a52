/// The shape of the flow as the reachability search needs it, worked out once and shared by every
/// pathway's search: where each node can go, an order in which every node comes after the nodes that lead
/// to it, and which earlier answers can still matter at each node.
struct FlowShape: Sendable {
    /// Node (question or outcome) → the nodes the flow can go to next.
    let successors: [String: [String]]
    /// Every node in an order where each comes before the nodes it leads to; nil when the flow has a cycle
    /// (a checker error), and then the search shares nothing between pathways.
    let topologicalOrder: [String]?
    /// Node → its place in `topologicalOrder`.
    let rank: [String: Int]
    /// Node → the questions whose answers, given before reaching it, can still be read at or after it
    /// (by an `ask_when` or a `next` rule), sorted. Answers to other earlier questions can never change
    /// where the flow goes from here, so they need not be remembered.
    let live: [String: [String]]

    init(bundle: ContentBundle) {
        var successors: [String: [String]] = [:]
        var reads: [String: (beforeAnswer: Set<String>, afterAnswer: Set<String>)] = [:]
        for id in bundle.flow.nodeOrder {
            guard let node = bundle.flow.nodes[id] else { continue }
            successors[id] = node.next.map(\.target.id)
            let ask = Set(bundle.question(id)?.askWhen?.parsed?.questionRefs.map(\.name) ?? [])
            let next = Set(node.next.compactMap(\.condition?.parsed).flatMap(\.questionRefs).map(\.name))
            reads[id] = (ask, next)
        }
        for o in bundle.outcomes { successors[o.id] = o.continueTo.map { [$0.id] } ?? [] }
        self.successors = successors

        // Depth-first post-order from every node; reversed, it is a topological order unless a back edge
        // (a cycle) was met.
        var postOrder: [String] = []
        var state: [String: Bool] = [:]  // false: on the stack, true: finished
        var cyclic = false
        let roots = [bundle.flow.start.id] + bundle.flow.nodeOrder + bundle.outcomes.map(\.id)
        for root in roots where state[root] == nil && successors[root] != nil {
            var stack: [(id: String, next: Int)] = [(root, 0)]
            state[root] = false
            while let (id, i) = stack.last {
                let targets = successors[id] ?? []
                if i < targets.count {
                    stack[stack.count - 1].next += 1
                    let t = targets[i]
                    guard successors[t] != nil else { continue }  // an unknown target: a checker error
                    switch state[t] {
                    case nil: state[t] = false; stack.append((t, 0))
                    case false?: cyclic = true
                    case true?: break
                    }
                } else {
                    state[id] = true
                    postOrder.append(id)
                    stack.removeLast()
                }
            }
        }
        let order = Array(postOrder.reversed())
        self.topologicalOrder = cyclic ? nil : order
        self.rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })

        // Liveness, as a compiler works it out for variables: what is read at a node or after it, less what
        // the node itself answers. Post-order visits successors first, so an acyclic flow needs one pass;
        // a cyclic one repeats until nothing changes.
        var live: [String: Set<String>] = [:]
        var changed = true
        while changed {
            changed = false
            for id in postOrder {
                var ahead = Set<String>()
                for s in successors[id] ?? [] { ahead.formUnion(live[s] ?? []) }
                var set: Set<String>
                if let r = reads[id] {
                    ahead.formUnion(r.afterAnswer)
                    ahead.remove(id)
                    set = ahead.union(r.beforeAnswer)
                } else {
                    set = ahead
                }
                if set != live[id] { live[id] = set; changed = true }
            }
            if !cyclic { break }
        }
        self.live = live.mapValues { $0.sorted() }
    }

    /// Whether the flow may still ask `question` at or after `node`. Exact along a chain; where branches
    /// part it can say yes for a question on another branch, which only makes the search look further.
    func mayStillAsk(_ question: String, from node: String) -> Bool {
        guard topologicalOrder != nil, let here = rank[node], let there = rank[question] else { return true }
        return here <= there
    }
}
