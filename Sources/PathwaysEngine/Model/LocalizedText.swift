/// User-facing text in one or more locales; a plain string in a file means the default locale.
public struct LocalizedText: Hashable, Sendable {
    /// Locale code → text, e.g. "en" → "Is the person safe right now?".
    public var texts: [String: String]
    /// Where the text was written, for diagnostics.
    public var location: SourceLocation?
    /// Where each locale's text starts, and whether a character offset in it maps to a column
    /// (true for single-line text), so a problem inside the text can be placed exactly.
    public var places: [String: (location: SourceLocation, exact: Bool)] = [:]

    public init(_ texts: [String: String], location: SourceLocation? = nil) {
        self.texts = texts
        self.location = location
    }

    /// Where the character at `offset` of the `locale` text is, as near as can be told.
    public func location(of locale: String, offset: Int) -> SourceLocation? {
        guard let place = places[locale] else { return location }
        return place.exact ? place.location.advanced(by: offset) : place.location
    }

    /// The text in `locale`, else in `fallback`, else any text there is.
    public func resolve(_ locale: String, fallback: String) -> String {
        texts[locale] ?? texts[fallback] ?? texts.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// Locales from `declared` that have no text here.
    public func missingLocales(_ declared: [String]) -> [String] {
        declared.filter { (texts[$0] ?? "").isEmpty }
    }

    public static func == (a: LocalizedText, b: LocalizedText) -> Bool { a.texts == b.texts }
    public func hash(into hasher: inout Hasher) { hasher.combine(texts) }
}

/// A piece of advice: text that may need verifying with a lawyer, and the sources it rests on.
public struct Fact: Hashable, Sendable {
    public var text: LocalizedText
    /// True for facts marked ⚠ in the facts file: shown as something to verify with a lawyer.
    public var verify: Bool
    public var sources: [Reference]

    public init(text: LocalizedText, verify: Bool = false, sources: [Reference] = []) {
        self.text = text
        self.verify = verify
        self.sources = sources
    }
}

/// An id written in content that points at another item, with where it was written.
public struct Reference: Hashable, Sendable {
    public var id: String
    public var location: SourceLocation

    public init(_ id: String, at location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
