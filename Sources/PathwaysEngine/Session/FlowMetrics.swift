/// Facts about the flow's shape computed once per bundle, such as how many questions may still come.
public struct FlowMetrics: Sendable {
    /// Node id → the most questions on any path from it to an outcome, counting itself.
    public let longestRemaining: [String: Int]

    public init(bundle: ContentBundle) {
        var memo: [String: Int] = [:]
        var onStack = Set<String>()
        // Iterative post-order over the (acyclic, once checked) flow, so large flows cannot overflow the stack.
        for root in bundle.flow.nodeOrder + bundle.outcomes.map(\.id) where memo[root] == nil {
            var work: [(String, Bool)] = [(root, false)]
            while let (id, expanded) = work.popLast() {
                if memo[id] != nil { continue }
                let targets = bundle.flow.nodes[id]?.next.map(\.target.id)
                    ?? bundle.outcome(id)?.continueTo.map { [$0.id] } ?? []
                if expanded {
                    onStack.remove(id)
                    let best = targets.map { memo[$0] ?? 0 }.max() ?? 0
                    memo[id] = best + (bundle.flow.nodes[id] != nil ? 1 : 0)
                } else {
                    onStack.insert(id)
                    work.append((id, true))
                    for t in targets where memo[t] == nil && !onStack.contains(t) { work.append((t, false)) }
                }
            }
        }
        longestRemaining = memo
    }
}
