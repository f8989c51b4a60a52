/// One set of answers that walks the flow to an outcome with a pathway recommended. It is kept as pieces
/// the search shares between pathways (a route in, the search's own answers, a way out), so thousands of
/// examples over a deep flow cost little until one is read in full.
public struct ReachableExample: @unchecked Sendable {
    /// The answers the search chose itself; every answer the pathway's criteria read is among them or in
    /// the way out, never on the shared route in.
    public let ownAnswers: [String: Answer]
    /// The questions the pathway's criteria read.
    let criteriaQuestions: Set<String>
    let routeIn: (routes: FlowRoutes, node: String)?
    let wayOut: (finder: WayOutFinder, from: Int)?

    /// Every answer, from the start of the flow to an outcome.
    public var answers: [String: Answer] {
        var all = routeIn.map { $0.routes.answers(to: $0.node) } ?? [:]
        all.merge(ownAnswers) { _, own in own }
        if let wayOut { all.merge(wayOut.finder.answers(from: wayOut.from)) { before, _ in before } }
        return all
    }

    /// The answers the pathway's criteria read, without building the whole example: the shared route in
    /// never holds them, so only the search's own answers and the way out count.
    public var decisiveAnswers: [String: Answer] {
        var found = ownAnswers.filter { criteriaQuestions.contains($0.key) }
        let missing = criteriaQuestions.subtracting(found.keys)
        guard !missing.isEmpty else { return found }
        if let wayOut {
            found.merge(wayOut.finder.answers(from: wayOut.from, only: missing)) { own, _ in own }
        }
        return found
    }
}
