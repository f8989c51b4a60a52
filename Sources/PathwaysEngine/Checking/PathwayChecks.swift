/// Finds pathways that no answers can make apply.
enum PathwayChecks {
    static func reachability(_ b: ContentBundle, neverAsked: Set<String>) -> [Diagnostic] {
        let sat = Satisfiability(bundle: b, today: nil)
        var out: [Diagnostic] = []
        for p in b.pathways {
            let parts = p.eligibility.compactMap(\.condition.parsed)
            guard parts.count == p.eligibility.count, !parts.isEmpty else { continue }
            if sat.canBeTrue(.and(parts), neverAnswered: neverAsked) == .no {
                let blockers = neverAsked.intersection(parts.flatMap(\.questionRefs).map(\.name)).sorted()
                out.append(Diagnostic(.unreachablePathway, at: p.eligibility[0].condition.location,
                                      "no answers can make the pathway '\(p.id)' apply: its eligibility criteria can never all be true",
                                      hint: blockers.isEmpty ? "check for criteria that contradict each other"
                                          : "it depends on questions that are never asked: " + blockers.joined(separator: ", ")))
            }
        }
        return out
    }
}
