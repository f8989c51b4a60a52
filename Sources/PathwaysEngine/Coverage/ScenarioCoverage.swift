/// What the scenarios exercise: questions asked, options chosen, flow edges taken, pathway results seen.
public struct ScenarioCoverage: Sendable {
    public var questions: (covered: [String], missed: [String])
    public var options: (covered: [String], missed: [String])
    public var edges: (covered: [String], missed: [String])
    /// Pathway id → the statuses scenarios produced for it.
    public var pathways: [(id: String, statuses: [PathwayStatus])]

    /// `today`: the day for scenarios that give none of their own.
    public init(bundle: ContentBundle, today: Day?) {
        var asked = Set<String>(), chosen = Set<String>(), taken = Set<String>()
        var statuses: [String: Set<PathwayStatus>] = [:]
        let runner = ScenarioRunner(bundle: bundle, today: today)
        for scenario in bundle.scenarios {
            let (walk, assessment) = runner.assess(scenario)
            let evaluator = ConditionEvaluator(bundle: bundle, today: scenario.today ?? today)
            for (id, answer) in walk.effective {
                asked.insert(id)
                switch answer {
                case .value(.option(let o)): chosen.insert("\(id)=\(o)")
                case .value(.options(let os)): for o in os { chosen.insert("\(id)=\(o)") }
                default: break
                }
            }
            // The edge taken out of each stop: the first rule whose condition holds with the answers so far.
            var known: [String: Answer] = [:]
            for stop in walk.stops {
                guard case .question(let q) = stop, let node = bundle.flow.nodes[q] else { continue }
                known[q] = walk.effective[q]
                let state: (String) -> AnswerState = { id in
                    switch known[id] { case .value(let v)?: return .value(v); case .declined?: return .declined; case nil: return .unanswered }
                }
                for (i, rule) in node.next.enumerated() {
                    if rule.condition == nil || rule.condition?.parsed.map({ evaluator.evaluate($0, state) == .yes }) == true {
                        taken.insert("\(q)#\(i + 1)")
                        break
                    }
                }
            }
            for p in assessment.pathways { statuses[p.id, default: []].insert(p.status) }
        }
        let allQuestions = bundle.questions.map(\.id)
        let allOptions = bundle.questions.filter { $0.kind.hasOptions }.flatMap { q in q.options.map { "\(q.id)=\($0.id)" } }
        let allEdges = bundle.flow.nodeOrder.flatMap { id in bundle.flow.nodes[id]!.next.indices.map { "\(id)#\($0 + 1)" } }
        questions = (allQuestions.filter(asked.contains), allQuestions.filter { !asked.contains($0) })
        options = (allOptions.filter(chosen.contains), allOptions.filter { !chosen.contains($0) })
        edges = (allEdges.filter(taken.contains), allEdges.filter { !taken.contains($0) })
        pathways = bundle.pathways.map { p in (p.id, PathwayStatus.allCases.filter { statuses[p.id]?.contains($0) == true }) }
    }
}
