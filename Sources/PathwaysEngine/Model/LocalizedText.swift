/// User-facing text in one or more locales; a plain string in a file means the default locale.
public struct LocalizedText: Hashable, Sendable {
    /// Locale code → text, e.g. "en" → "Is the person safe right now?".
    public var texts: [String: String]
    /// Where the text was written, for diagnostics.
    public var location: SourceLocation?
    /// Where each locale's text is written, so a problem inside it can be placed exactly and a
    /// translation can be written back into the file.
    public var places: [String: TextPlace] = [:]
    /// How the whole text is written: one scalar, or a mapping of locales (block or `{…}` flow style).
    public var form: TextForm = .scalar(inFlow: false)

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

/// How a scalar is written in YAML.
public enum ScalarForm: Sendable, Hashable { case plain, singleQuoted, doubleQuoted, block }

/// How a localized text is written in its file.
public enum TextForm: Sendable, Hashable {
    /// A single string (the default locale); `inFlow` when it sits inside a `{…}` mapping.
    case scalar(inFlow: Bool)
    /// A mapping of locale to text.
    case mapping(flow: Bool)
}

/// Where one locale's text is written.
public struct TextPlace: Sendable, Hashable {
    /// The first character of the text (after an opening quote).
    public var location: SourceLocation
    /// Whether a character offset in the text is a column offset (single-line text without escapes).
    public var exact: Bool
    public var form: ScalarForm
    /// Inside a `{…}` flow mapping, where a plain scalar ends at ',' or '}'.
    public var inFlow: Bool
    /// Where the key of this locale is written (`fr:`), for a mapping.
    public var keyLocation: SourceLocation?
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
