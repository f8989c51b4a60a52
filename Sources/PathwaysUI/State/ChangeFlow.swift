import PathwaysEngine

/// A change to an earlier answer, chosen from the review or the results. After it the walk asks only what
/// the change newly opens — questions never answered, or an early exit not shown before — and then goes
/// back where the worker came from, every other answer kept. The interface and the line mode share it.
struct ChangeFlow: Hashable, Sendable {
    /// Where the worker goes back to.
    enum Return: Hashable, Sendable {
        case review(Place)
        case results(Place)
    }

    var returnTo: Return
    /// Where the walk stopped before the change: its first unanswered question, or its outcome.
    let endBefore: WalkEnd
    /// Early exits on the path before the change: gone past already, so not shown again.
    let exitsBefore: Set<String>

    init(_ session: Session, returnTo: Return) {
        self.returnTo = returnTo
        endBefore = session.walk.end
        exitsBefore = Set(session.walk.stops.compactMap { if case .outcome(let o) = $0 { return o } else { return nil } })
    }

    /// After an answer (or a continue past an early exit) during the change: moves the session past the
    /// stops answered already. True when the change is complete and the worker goes back; false when the
    /// session now shows something the change opened.
    func advance(_ session: inout Session) -> Bool {
        let stops = session.walk.stops
        var i = session.index
        while i < stops.count {
            if case .outcome(let o) = stops[i], !exitsBefore.contains(o) {
                session.goTo(outcome: o)
                return false
            }
            i += 1
        }
        session.resume()
        let end = session.walk.end
        if end == endBefore { return true }
        switch end {
        case .question: return false
        case .outcome(let o): return session.bundle.outcome(o)?.continueTo == nil
        case .stuck: return true
        }
    }
}
