/// Whether a locale's texts have been checked, as `bundle.yaml` declares it (`{id: es, review: unreviewed}`).
public enum TranslationReview: String, Sendable, Hashable, CaseIterable {
    /// Written by the content's own authors from the sources, alongside the default locale (the French).
    case authored
    /// A translation checked by a qualified (certified) translator.
    case reviewed
    /// A translation nobody qualified has checked yet: every screen and handout in it says so.
    case unreviewed

    /// Whether screens and handouts must say that the translation has not been checked.
    public var needsNotice: Bool { self == .unreviewed }
}

/// Which texts a locale is meant to have.
public enum LocaleScope: String, Sendable, Hashable, CaseIterable {
    /// Every text: `check` warns about each one missing.
    case all
    /// The texts the person reads (questions and options, pathways' titles, summaries and steps, contacts,
    /// the disclaimer): `check` warns only about those; the rest falls back to the worker's language, marked.
    case client
}

/// One locale of `bundle.yaml`: `en`, or `{id: es, review: unreviewed, scope: client}`.
public struct LocaleDeclaration: Sendable, Hashable {
    public var id: String
    public var review: TranslationReview
    public var scope: LocaleScope
    public var location: SourceLocation?

    public init(id: String, review: TranslationReview = .authored, scope: LocaleScope = .all, location: SourceLocation? = nil) {
        self.id = id
        self.review = review
        self.scope = scope
        self.location = location
    }
}

extension BundleInfo {
    /// The declaration of a locale (a locale written as a plain code is authored, with every text).
    public func declaration(of locale: String) -> LocaleDeclaration {
        localeDeclarations.first { $0.id == locale } ?? LocaleDeclaration(id: locale)
    }

    /// The locales expected to have every text (PW014 for each missing one).
    public var fullLocales: [String] { locales.filter { declaration(of: $0).scope == .all } }
}
