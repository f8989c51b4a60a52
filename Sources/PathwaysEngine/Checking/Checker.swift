import Foundation

/// A bundle with every diagnostic about it: what `pathways check` reports and what the engine runs.
public struct CheckedBundle: Sendable {
    public var bundle: ContentBundle
    /// The diagnostics to show: the files that could not be read first, then the rest in file order.
    public var diagnostics: [Diagnostic]
    /// What is held back, each with the one line to say instead.
    public var withheld: [WithheldDiagnostics] = []
    public var hasErrors: Bool { diagnostics.hasErrors || withheld.contains { $0.diagnostics.hasErrors } }
    /// Every diagnostic, those held back included.
    public var allDiagnostics: [Diagnostic] { (diagnostics + withheld.flatMap(\.diagnostics)).sortedForDisplay }
}

/// Checks a loaded bundle: references, conditions, the flow, translations, sources and review dates.
public enum Checker {
    /// Loads and checks `files`. `today` decides whether the review date is overdue.
    public static func check(_ files: ContentFiles, today: Day?) -> CheckedBundle {
        let loaded = BundleLoader.load(files)
        let found = check(loaded.bundle, today: today, age: { files.modified[files.relativePath($0)] })
        var seen = Set<Diagnostic>()
        let all = (loaded.diagnostics + found).filter { seen.insert($0).inserted }
        // What only follows from an unreadable or missing file is counted, not listed.
        let (shown, followOn) = FollowOn.split(all, unread: loaded.unread)
        let (listed, tooMany) = limitPerFile(firstFileProblems(shown))
        return CheckedBundle(bundle: loaded.bundle, diagnostics: listed, withheld: followOn + tooMany)
    }

    /// Problems that stop a file from being read come first (the rest may follow from them), then the
    /// others by file, line and column.
    static func firstFileProblems(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let fileLevel: Set<DiagnosticCode> = [.yamlSyntax, .inputLimit, .missingFile]
        return diagnostics.filter { fileLevel.contains($0.code) }.sortedForDisplay
            + diagnostics.filter { !fileLevel.contains($0.code) }.sortedForDisplay
    }

    /// At most `InputLimits.diagnosticsPerFile` per file (errors before warnings); the rest counted.
    static func limitPerFile(_ diagnostics: [Diagnostic]) -> ([Diagnostic], [WithheldDiagnostics]) {
        let limit = InputLimits.diagnosticsPerFile
        var perFile: [String: Int] = [:]
        for d in diagnostics { perFile[d.location.file, default: 0] += 1 }
        guard perFile.values.contains(where: { $0 > limit }) else { return (diagnostics, []) }
        var kept: [String: Int] = [:]
        var over: [String: [Diagnostic]] = [:]
        var keep = Set<Int>()
        // Errors first, so a file's errors are never hidden behind its warnings.
        let order = diagnostics.indices.sorted { (diagnostics[$0].severity == .error ? 0 : 1, $0) < (diagnostics[$1].severity == .error ? 0 : 1, $1) }
        for i in order {
            let file = diagnostics[i].location.file
            if kept[file, default: 0] < limit { kept[file, default: 0] += 1; keep.insert(i) } else { over[file, default: []].append(diagnostics[i]) }
        }
        let listed = diagnostics.indices.filter { keep.contains($0) }.map { diagnostics[$0] }
        return (listed, over.keys.sorted().map { WithheldDiagnostics(file: $0, reason: .tooMany, diagnostics: over[$0] ?? []) })
    }



    /// Every diagnostic about an already loaded bundle. `age`: when a file (by shown path) last changed, if known.
    public static func check(_ bundle: ContentBundle, today: Day?, age: @escaping @Sendable (String) -> Int? = { _ in nil }) -> [Diagnostic] {
        // Independent groups of checks, run side by side (the longest first, so the cores finish together)
        // and joined in this order.
        let groups: [@Sendable () -> [Diagnostic]] = [
            {
                let flow = FlowChecks(bundle: bundle)
                return flow.diagnostics() + PathwayChecks.reachability(bundle, neverAsked: flow.unreachableQuestions())
            },
            { TextChecks.glossaryMarks(bundle) + TextChecks.staleTranslations(bundle) + TextChecks.review(bundle, today: today) },
            { TextChecks.translations(bundle) },
            {
                let types = ConditionTypeChecker(bundle: bundle)
                return ContentWalk.conditions(bundle).flatMap { types.check($0) }
            },
            { ReferenceChecks.all(bundle) + DateChecks.all(bundle) + TrainingChecks.all(bundle) },
            { IdentityChecks.duplicates(bundle, age: age) + OptionChecks.exclusive(bundle) + ContactChecks.undeclared(bundle)
                + LocaleChecks.all(bundle) },
        ]
        return ParallelMap.map(groups, splittingFrom: 2) { $0() }.flatMap { $0 }
    }
}
