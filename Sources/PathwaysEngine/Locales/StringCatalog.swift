/// One text of a strings file (`strings/es.yaml`), with the hash of the source text it was translated from.
public struct CatalogEntry: Sendable, Hashable {
    public var text: String
    /// The hash of the default locale's text when this translation was made (nil: not recorded).
    public var sourceHash: String?
    public var location: SourceLocation?
    /// Where its key is written.
    public var keyLocation: SourceLocation?

    public init(text: String, sourceHash: String? = nil, location: SourceLocation? = nil, keyLocation: SourceLocation? = nil) {
        self.text = text
        self.sourceHash = sourceHash
        self.location = location
        self.keyLocation = keyLocation
    }
}

/// The program's own words (the interface's and the reports'), one strings file per locale, by key.
public struct StringCatalog: Sendable, Hashable {
    /// Locale → key → text.
    public var entries: [String: [String: CatalogEntry]]
    /// Locale → the strings file it comes from, as shown to editors.
    public var files: [String: String]

    public init(entries: [String: [String: CatalogEntry]] = [:], files: [String: String] = [:]) {
        self.entries = entries
        self.files = files
    }

    public var isEmpty: Bool { entries.values.allSatisfy(\.isEmpty) }

    /// The strings files (strings/*.yaml) of a bundle's files, read on their own (the program's shipped words).
    public static func read(from files: ContentFiles) -> StringCatalog { LocaleFiles.read(files).strings }

    /// The text of `key` in `locale`, if the catalog has one.
    public func text(_ key: String, _ locale: String) -> String? {
        guard let t = entries[locale]?[key]?.text, !t.isEmpty else { return nil }
        return t
    }

    /// The catalog with `base` beneath it: a key or locale missing here is taken from `base` (the program's
    /// shipped words under a content editor's bundle).
    public func layered(over base: StringCatalog) -> StringCatalog {
        var out = base
        for (locale, keys) in entries {
            out.entries[locale, default: [:]].merge(keys) { _, own in own }
            if let file = files[locale] { out.files[locale] = file }
        }
        return out
    }

    /// The text of `key` in `locale`, else in each of `fallbacks` in turn: which locale it came from tells
    /// the caller to mark it. Nil when no locale has it.
    public func resolve(_ key: String, _ locale: String, fallbacks: [String]) -> Resolved? {
        for l in [locale] + fallbacks {
            if let t = text(key, l) { return Resolved(text: t, locale: l, wanted: locale) }
        }
        return nil
    }

    /// Every locale's text of a key, as content text (for words the engine puts into reasons).
    public func localized(_ key: String) -> LocalizedText {
        var texts: [String: String] = [:]
        for (locale, keys) in entries { if let t = keys[key]?.text, !t.isEmpty { texts[locale] = t } }
        return LocalizedText(texts)
    }
}

/// A text and the locale it was found in, which may not be the one wanted.
public struct Resolved: Sendable, Hashable {
    public var text: String
    public var locale: String
    public var wanted: String

    /// True when the text is in another locale than the one wanted: it must be shown marked.
    public var isFallback: Bool { locale != wanted }

    /// How a text shown in another language than the one wanted is marked: "[EN] ".
    public static func mark(_ locale: String) -> String { "[\(locale.uppercased())] " }

    /// The text, marked with its language when it is a fallback.
    public var marked: String { isFallback ? Resolved.mark(locale) + text : text }
}

extension LocalizedText {
    /// The text in `locale`, else in each of `fallbacks`, else in any locale, saying which one it is.
    public func pick(_ locale: String, fallbacks: [String]) -> Resolved {
        for l in [locale] + fallbacks {
            if let t = texts[l], !t.isEmpty { return Resolved(text: t, locale: l, wanted: locale) }
        }
        if let any = texts.sorted(by: { $0.key < $1.key }).first(where: { !$0.value.isEmpty }) {
            return Resolved(text: any.value, locale: any.key, wanted: locale)
        }
        return Resolved(text: "", locale: locale, wanted: locale)
    }
}
