/// Finds ids used twice where they must be unique.
enum IdentityChecks {
    static func duplicates(_ b: ContentBundle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func check(_ kind: String, _ items: [(String, SourceLocation)]) {
            var first: [String: SourceLocation] = [:]
            for (id, location) in items {
                if let earlier = first[id] {
                    out.append(Diagnostic(.duplicateID, at: location, "duplicate \(kind) id '\(id)'",
                                          hint: "first defined at \(earlier)"))
                } else {
                    first[id] = location
                }
            }
        }
        // Questions and outcomes share one namespace: both are flow targets.
        check("question or outcome", b.questions.map { ($0.id, $0.location) } + b.outcomes.map { ($0.id, $0.location) })
        for q in b.questions where q.kind != .yesNoUnsure { check("option", q.options.map { ($0.id, $0.location) }) }
        check("pathway", b.pathways.map { ($0.id, $0.location) })
        check("referral", b.referrals.map { ($0.id, $0.location) })
        check("source", b.sources.map { ($0.id, $0.location) })
        check("glossary term", b.glossary.map { ($0.id, $0.location) })
        check("scenario", b.scenarios.map { ($0.id, $0.location) })
        check("section", b.flow.sections.map { ($0.id, $0.location) })
        var sectionOf: [String: String] = [:]
        for section in b.flow.sections {
            for q in section.questions {
                if let other = sectionOf[q.id], other != section.id {
                    out.append(Diagnostic(.duplicateID, at: q.location, "'\(q.id)' is already in the section '\(other)'",
                                          hint: "a question belongs to one section"))
                } else {
                    sectionOf[q.id] = section.id
                }
            }
        }
        // Progress shows the section's name, so every question in a sectioned flow should have one.
        if !b.flow.sections.isEmpty {
            for id in b.flow.nodeOrder where sectionOf[id] == nil && b.question(id) != nil {
                out.append(Diagnostic(.noSection, at: b.flow.nodes[id]!.location,
                                      "the question '\(id)' is in no section, so progress shows no section name for it",
                                      hint: "add it to a section's 'questions:' in flow.yaml"))
            }
        }
        return out
    }
}
