import Foundation

/// A bundle with every diagnostic about it: what `pathways check` reports and what the engine runs.
public struct CheckedBundle: Sendable {
    public var bundle: ContentBundle
    public var diagnostics: [Diagnostic]
    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Checks a loaded bundle: references, conditions, the flow, translations, sources and review dates.
public enum Checker {
    /// Loads and checks `files`. `today` decides whether the review date is overdue.
    public static func check(_ files: ContentFiles, today: Day?) -> CheckedBundle {
        let loaded = BundleLoader.load(files)
        var found = check(loaded.bundle, today: today)
        // Without bundle.yaml the locales are unknown, and without flow.yaml nothing is reachable: say only that.
        let missing = Set(loaded.diagnostics.filter { $0.code == .missingFile }.map { ($0.location.file as NSString).lastPathComponent })
        if missing.contains("bundle.yaml") { found.removeAll { $0.code == .missingTranslation } }
        if missing.contains("flow.yaml") {
            found.removeAll { [.unreachablePathway, .unreachableQuestion, .unknownNode, .noSection].contains($0.code) }
        }
        var seen = Set<Diagnostic>()
        let all = (loaded.diagnostics + found).filter { seen.insert($0).inserted }
        return CheckedBundle(bundle: loaded.bundle, diagnostics: all.sortedForDisplay)
    }

    /// Every diagnostic about an already loaded bundle.
    public static func check(_ bundle: ContentBundle, today: Day?) -> [Diagnostic] {
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
            { ReferenceChecks.all(bundle) + DateChecks.all(bundle) },
            { IdentityChecks.duplicates(bundle) + OptionChecks.exclusive(bundle) + LocaleChecks.all(bundle) },
        ]
        return ParallelMap.map(groups, splittingFrom: 2) { $0() }.flatMap { $0 }
    }
}
