/// Finds ids used twice where they must be unique.
enum IdentityChecks {
    /// `age`: when a file (by shown path) last changed, when known.
    static func duplicates(_ b: ContentBundle, age: (String) -> Int? = { _ in nil }) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func check(_ kind: String, _ items: [(String, SourceLocation)]) {
            var places: [String: [SourceLocation]] = [:]
            var order: [String] = []
            for (id, location) in items {
                if places[id] == nil { order.append(id) }
                places[id, default: []].append(location)
            }
            for id in order {
                guard let all = places[id], all.count > 1 else { continue }
                let ranked = Original.ranked(all, id: id, age: age)
                for copy in ranked.dropFirst() {
                    out.append(Diagnostic(.duplicateID, at: copy, "duplicate \(kind) id '\(id)' (first defined at \(ranked[0]))",
                                          hint: "give this one an id of its own, or remove it if it is a copy"))
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

/// Of several places that define the same id, which is the original and which are copies: an editor who
/// copies pathways/vtip-trp.yaml to "vtip-trp copy.yaml" should hear about the copy, not the original,
/// though the copy's name sorts first.
enum Original {
    /// The places, the original first.
    static func ranked(_ places: [SourceLocation], id: String, age: (String) -> Int?) -> [SourceLocation] {
        func stem(_ file: String) -> String {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            return name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        }
        let stems = places.map { stem($0.file) }
        func rank(_ i: Int) -> (Int, Int, Int, SourceLocation) {
            // A file named after the id is where the id belongs.
            let named = stems[i] == id ? 0 : 1
            // A file whose name is another's name with more added ("x copy", "x-2", "copy of x") is a copy.
            let derived = stems.indices.contains { j in stems[j] != stems[i] && stems[i].contains(stems[j]) } ? 1 : 0
            // Otherwise the file changed longest ago; then file and line order.
            return (named, derived, age(places[i].file) ?? 0, places[i])
        }
        return places.indices.sorted { rank($0) < rank($1) }.map { places[$0] }
    }
}
