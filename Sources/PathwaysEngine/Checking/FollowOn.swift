/// Holds back what only follows from a file that could not be read: a tab in questions/status.yaml loses
/// every question of that file, and every condition, flow node and scenario that names one would be
/// reported too. Those are counted instead, so the editor sees the real mistake first.
enum FollowOn {
    /// Which diagnostics may follow from losing a file of this role: those whose message names one of the
    /// file's ids, and those that follow whatever the ids.
    struct Rule {
        var naming: Set<DiagnosticCode> = []
        var any: Set<DiagnosticCode> = []
    }

    static func rule(for role: BundleLoader.FileRole) -> Rule {
        switch role {
        case .questions:
            // Without the questions, nothing that reads them can be judged reachable or satisfiable.
            return Rule(naming: [.unknownQuestion, .unknownOption, .unknownNode, .conditionType, .deadEnd, .invalidAnswer],
                        any: [.unreachableQuestion, .unreachablePathway, .branchNeverTaken])
        case .flow:
            return Rule(any: [.unknownNode, .unreachableQuestion, .unreachablePathway, .flowCycle, .deadEnd, .noSection,
                              .branchNeverTaken])
        case .outcomes: return Rule(naming: [.unknownNode, .deadEnd], any: [.unreachableQuestion])
        case .pathway: return Rule(naming: [.unknownPathway])
        case .referrals: return Rule(naming: [.unknownReferral], any: [.undeclaredContact])
        case .sources: return Rule(naming: [.unknownSource])
        case .glossary: return Rule(naming: [.unknownTerm])
        // Without the bundle's locales, every text would be reported as missing or undeclared.
        case .bundle: return Rule(any: [.missingTranslation])
        case .scenario, .training, .translations: return Rule()
        }
    }

    /// The diagnostics to show, and those held back per unread file.
    static func split(_ diagnostics: [Diagnostic], unread: [UnreadFile]) -> (shown: [Diagnostic], held: [WithheldDiagnostics]) {
        guard !unread.isEmpty else { return (diagnostics, []) }
        let rules = unread.map { rule(for: $0.role) }
        var held = unread.map { WithheldDiagnostics(file: $0.file, reason: .followFrom(missing: $0.missing), diagnostics: []) }
        var shown: [Diagnostic] = []
        for d in diagnostics {
            // The unreadable file's own problem (its syntax error) is the one to show.
            let unreadFile = unread.contains { !$0.missing && $0.file == d.location.file }
            var owner: Int?
            if !unreadFile {
                let named = rules.contains { !$0.naming.isEmpty && $0.naming.contains(d.code) } ? quotedWords(d.message) : []
                owner = rules.indices.first { i in
                    rules[i].any.contains(d.code) || (rules[i].naming.contains(d.code) && !named.isDisjoint(with: unread[i].ids))
                }
            }
            if let owner { held[owner].diagnostics.append(d) } else { shown.append(d) }
        }
        return (shown, held.filter { !$0.diagnostics.isEmpty })
    }

    /// The words a message puts in single quotes: "unknown question 'status'" → ["status"].
    static func quotedWords(_ message: String) -> Set<String> {
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        return Set(stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) })
    }
}
