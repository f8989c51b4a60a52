/// A place to send the person: a hotline, a legal clinic, a government office.
public struct Referral: Hashable, Sendable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    public var phone: String?
    public var textNumber: String?
    public var url: String?
    /// Shown only when this holds or is unknown (e.g. `province = on`).
    public var condition: ConditionText?
    public var verify: Bool
    public var sources: [Reference]
    public var location: SourceLocation

    public init(id: String, name: LocalizedText, description: LocalizedText? = nil, phone: String? = nil,
                textNumber: String? = nil, url: String? = nil, condition: ConditionText? = nil,
                verify: Bool = false, sources: [Reference] = [], location: SourceLocation) {
        self.id = id
        self.name = name
        self.description = description
        self.phone = phone
        self.textNumber = textNumber
        self.url = url
        self.condition = condition
        self.verify = verify
        self.sources = sources
        self.location = location
    }
}

/// A document that content cites, with the date it was published or last updated, and when it was read.
public struct Source: Hashable, Sendable {
    public var id: String
    public var title: String
    public var citation: String?
    public var url: String?
    /// When the page or version was published or last updated (`published:`); nil when the source gives none.
    public var date: PartialDate?
    /// When it was read for this content (`read_on:`): says nothing about how current the source is.
    public var readOn: PartialDate?
    public var location: SourceLocation

    public init(id: String, title: String, citation: String? = nil, url: String? = nil, date: PartialDate?,
                readOn: PartialDate? = nil, location: SourceLocation) {
        self.id = id
        self.title = title
        self.citation = citation
        self.url = url
        self.date = date
        self.readOn = readOn
        self.location = location
    }
}

/// A glossary entry, reachable from any text that marks it as `[[id]]`.
public struct GlossaryTerm: Hashable, Sendable {
    public var id: String
    public var term: LocalizedText
    public var definition: LocalizedText
    public var location: SourceLocation

    public init(id: String, term: LocalizedText, definition: LocalizedText, location: SourceLocation) {
        self.id = id
        self.term = term
        self.definition = definition
        self.location = location
    }
}

/// The bundle's own description: what it is, which version, which languages, when it was reviewed.
public struct BundleInfo: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var version: String
    public var locales: [String]
    /// How each locale is declared: its review status and which texts it is meant to have.
    public var localeDeclarations: [LocaleDeclaration] = []
    public var defaultLocale: String
    public var reviewedOn: Day?
    public var reviewIntervalDays: Int?
    public var disclaimer: LocalizedText?
    /// The referral put first under "who to call" on the person's handout (the 24/7 line in many languages).
    public var hotline: Reference?
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, version: String, locales: [String], defaultLocale: String,
                reviewedOn: Day? = nil, reviewIntervalDays: Int? = nil, disclaimer: LocalizedText? = nil,
                location: SourceLocation) {
        self.id = id
        self.title = title
        self.version = version
        self.locales = locales
        self.defaultLocale = defaultLocale
        self.reviewedOn = reviewedOn
        self.reviewIntervalDays = reviewIntervalDays
        self.disclaimer = disclaimer
        self.location = location
    }
}
