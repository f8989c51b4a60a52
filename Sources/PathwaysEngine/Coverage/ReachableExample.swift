/// One set of answers that walks the flow to an outcome with a pathway recommended. It is kept as pieces
/// the search shares between pathways (a route in, the search's own answers, a way out), so thousands of
/// examples over a deep flow cost little until one is read in full.
public struct ReachableExample: @unchecked Sendable {
    /// The answers the search chose itself; every answer the pathway's criteria read is among them or in
    /// the way out, never on the shared route in.
    public let ownAnswers: [String: Answer]
    let routeIn: (routes: FlowRoutes, node: String)?
    let wayOut: (finisher: PathwayReachability.Finisher, from: FlowMoves.State)?

    /// Every answer, from the start of the flow to an outcome.
    public var answers: [String: Answer] {
        var all = routeIn.map { $0.routes.answers(to: $0.node) } ?? [:]
        all.merge(ownAnswers) { _, own in own }
        if let wayOut { all.merge(wayOut.finisher.answers(from: wayOut.from)) { before, _ in before } }
        return all
    }

    /// The answers to these questions, without building the whole example when they are all the search's own.
    public func answers(to questions: Set<String>) -> [String: Answer] {
        let own = ownAnswers.filter { questions.contains($0.key) }
        if own.count == questions.count { return own }
        return answers.filter { questions.contains($0.key) }
    }
}
