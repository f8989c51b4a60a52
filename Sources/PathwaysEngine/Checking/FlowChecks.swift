/// Checks on the flow's shape: cycles, dead ends, and questions or outcomes that nothing reaches.
struct FlowChecks {
    let bundle: ContentBundle
    /// Node id → its edges, each with whether its condition can ever hold (searched once per edge).
    let edgeTable: [String: [(target: String, possible: Bool)]]
    /// Nodes that some answers reach from the start.
    let reached: Set<String>
    /// Questions whose `ask_when` no answers make true (searched once per question).
    let neverAskedWhen: Set<String>

    init(bundle: ContentBundle) {
        self.bundle = bundle
        let sat = Satisfiability(bundle: bundle, today: nil)
        var table: [String: [(target: String, possible: Bool)]] = [:]
        for id in bundle.flow.nodeOrder {
            table[id] = bundle.flow.nodes[id]!.next.map { rule in
                (rule.target.id, rule.condition?.parsed.map { sat.canBeTrue($0) != .no } ?? true)
            }
        }
        for outcome in bundle.outcomes where table[outcome.id] == nil {
            table[outcome.id] = outcome.continueTo.map { [($0.id, true)] } ?? []
        }
        self.edgeTable = table
        self.reached = Self.reachable(from: bundle.flow.start.id, table)
        self.neverAskedWhen = Set(bundle.questions.filter { q in q.askWhen?.parsed.map { sat.canBeTrue($0) == .no } ?? false }.map(\.id))
    }

    func edges(from id: String) -> [(target: String, possible: Bool)] { edgeTable[id] ?? [] }

    static func reachable(from start: String, _ table: [String: [(target: String, possible: Bool)]]) -> Set<String> {
        guard !start.isEmpty else { return [] }
        var seen: Set<String> = [start], queue = [start]
        while let id = queue.popLast() {
            for edge in table[id] ?? [] where edge.possible && seen.insert(edge.target).inserted {
                queue.append(edge.target)
            }
        }
        return seen
    }

    /// Questions that no answers bring the conversation to.
    func unreachableQuestions() -> Set<String> {
        let seen = reached
        var out = Set(bundle.questions.map(\.id).filter { !seen.contains($0) })
        for q in bundle.questions where seen.contains(q.id) && neverAskedWhen.contains(q.id) { out.insert(q.id) }
        return out
    }

    func diagnostics() -> [Diagnostic] {
        var out: [Diagnostic] = []
        guard !bundle.flow.start.id.isEmpty else { return out }
        let seen = reached
        for q in bundle.questions where !seen.contains(q.id) {
            let inFlow = bundle.flow.nodes[q.id] != nil
            out.append(Diagnostic(.unreachableQuestion, at: q.location,
                                  "the question '\(q.id)' can never be asked: " + (inFlow ? "no path from the start reaches it" : "it is not in the flow"),
                                  hint: inFlow ? "check the 'next' rules that should lead to it" : "add it under 'nodes:' in flow.yaml and point a 'next' at it"))
        }
        for q in bundle.questions where seen.contains(q.id) {
            if let text = q.askWhen, neverAskedWhen.contains(q.id) {
                out.append(Diagnostic(.unreachableQuestion, at: text.location,
                                      "the question '\(q.id)' can never be asked: no answers make its 'ask_when' true"))
            }
        }
        for o in bundle.outcomes where !seen.contains(o.id) {
            out.append(Diagnostic(.unreachableQuestion, at: o.location, "the outcome '\(o.id)' is never reached: no path from the start leads to it"))
        }
        for id in bundle.flow.nodeOrder {
            let node = bundle.flow.nodes[id]!
            for (rule, edge) in zip(node.next, edges(from: id)) {
                if let c = rule.condition, !edge.possible {
                    out.append(Diagnostic(.branchNeverTaken, at: c.location, "this condition can never be true, so the branch to '\(rule.target.id)' is never taken"))
                }
            }
            if node.defaultRule == nil {
                out.append(Diagnostic(.deadEnd, at: node.location,
                                      "dead end: when no condition after '\(id)' holds, the conversation has nowhere to go",
                                      hint: "end 'next' with an entry without 'if', such as '- go: results'"))
            } else if let i = node.next.firstIndex(where: { $0.condition == nil }), i < node.next.count - 1 {
                out.append(Diagnostic(.branchNeverTaken, at: node.next[i + 1].target.location,
                                      "this branch comes after the default, so it is never taken",
                                      hint: "the entry without 'if' must be the last"))
            }
        }
        for target in targets() where bundle.question(target.id) != nil && bundle.flow.nodes[target.id] == nil {
            out.append(Diagnostic(.deadEnd, at: target.location,
                                  "dead end: the flow goes to '\(target.id)', which has no entry under 'nodes'",
                                  hint: "add '\(target.id):' under 'nodes:' with its 'next'"))
        }
        out += cycles()
        return out
    }

    /// Every place the flow names a node to go to.
    func targets() -> [Reference] {
        var out = [bundle.flow.start]
        for id in bundle.flow.nodeOrder { out += bundle.flow.nodes[id]!.next.map(\.target) }
        out += bundle.outcomes.compactMap(\.continueTo)
        return out
    }

    /// One diagnostic per cycle found by depth-first search, naming the loop.
    func cycles() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var state: [String: Int] = [:]  // 1 on the stack, 2 done
        var stack: [String] = []
        let roots = [bundle.flow.start.id] + bundle.flow.nodeOrder + bundle.outcomes.map(\.id)
        // Iterative DFS: deep flows must not overflow the call stack.
        for root in roots where state[root] == nil && !root.isEmpty {
            var work: [(id: String, next: Int)] = [(root, 0)]
            state[root] = 1
            stack.append(root)
            while !work.isEmpty {
                let (id, i) = work[work.count - 1]
                let targets = edges(from: id).map(\.target)
                if i < targets.count {
                    work[work.count - 1].next += 1
                    let t = targets[i]
                    if state[t] == 1 {
                        let loop = stack[(stack.lastIndex(of: t) ?? 0)...] + [t]
                        let at = bundle.flow.nodes[id]?.next.first { $0.target.id == t }?.target.location
                            ?? bundle.outcome(id)?.continueTo?.location ?? bundle.flow.location
                        out.append(Diagnostic(.flowCycle, at: at, "the flow goes round in a circle: " + loop.joined(separator: " → "),
                                              hint: "a conversation must always move forward to an outcome"))
                    } else if state[t] == nil {
                        state[t] = 1
                        stack.append(t)
                        work.append((t, 0))
                    }
                } else {
                    state[id] = 2
                    stack.removeLast()
                    work.removeLast()
                }
            }
        }
        return out
    }
}
