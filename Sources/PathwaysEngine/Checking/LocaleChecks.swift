/// Checks on the languages of a bundle: the locale files (strings/, locales/), the texts a locale for the
/// person must have, the interface's words in each locale, their %1 placeholders, and the hotline.
public enum LocaleChecks {
    static func all(_ b: ContentBundle) -> [Diagnostic] {
        undeclaredFiles(b) + localeTexts(b) + clientTexts(b) + strings(b) + hotline(b)
    }

    static func name(_ locale: String) -> String {
        TextChecks.localeNames[locale].map { "\($0) (\(locale))" } ?? "'\(locale)'"
    }

    /// A strings or locale file for a locale bundle.yaml does not declare is read, but never shown.
    static func undeclaredFiles(_ b: ContentBundle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (catalog, kind) in [(b.strings, "strings"), (b.localeTexts, "texts")] {
            for (locale, file) in catalog.files.sorted(by: { $0.key < $1.key }) where !b.info.locales.contains(locale) {
                out.append(Diagnostic(.localeFileProblem, at: .start(of: file),
                    "this file holds \(kind) for \(name(locale)), which bundle.yaml does not declare, so they are never shown",
                    hint: "add \(locale) to 'locales' in bundle.yaml, e.g. {id: \(locale), review: unreviewed, scope: client}"))
            }
        }
        return out
    }

    /// locales/LANG.yaml: every id must be a text of the bundle, written once, in a language other than the default.
    static func localeTexts(_ b: ContentBundle) -> [Diagnostic] {
        guard !b.localeTexts.isEmpty else { return [] }
        let entries = TranslatableStrings.all(b)
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Diagnostic] = []
        for (locale, texts) in b.localeTexts.entries.sorted(by: { $0.key < $1.key }) {
            let file = b.localeTexts.files[locale] ?? b.info.location.file
            if locale == b.info.defaultLocale {
                out.append(Diagnostic(.localeFileProblem, at: .start(of: file),
                    "the default locale's texts are written in the content files, so this file is ignored"))
                continue
            }
            for (id, entry) in texts.sorted(by: { $0.key < $1.key }) {
                let at = entry.location ?? .start(of: file)
                guard let text = byID[id] else {
                    let at = entry.keyLocation ?? at
                    out.append(Diagnostic(.localeFileProblem, at: at, "unknown string id '\(id)'" + DidYouMean.phrase(for: id, among: byID.keys),
                                          hint: "the ids are those of 'pathways translations export'"))
                    continue
                }
                // The content file's own text wins: say so, so the two do not drift apart unseen.
                if text.text.texts[locale] != entry.text, let place = text.text.places[locale], place.location.file != file {
                    out.append(Diagnostic(.localeFileProblem, at: at,
                        "'\(id)' also has a \(name(locale)) text in \(place.location.file):\(place.location.line), which is the one shown",
                        hint: "keep one of the two"))
                }
            }
        }
        return out
    }

    /// A locale for the person (scope: client) must have the texts the person reads.
    static func clientTexts(_ b: ContentBundle) -> [Diagnostic] {
        let client = b.info.locales.filter { b.info.declaration(of: $0).scope == .client && $0 != b.info.defaultLocale }
        guard !client.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for entry in TranslatableStrings.all(b) where entry.forClient {
            // A translation held back because its English changed is reported as stale (PW030), not as missing.
            for locale in client where (entry.text.texts[locale] ?? "").isEmpty && b.localeTexts.entries[locale]?[entry.id] == nil {
                let sample = entry.text.resolve(b.info.defaultLocale, fallback: b.info.defaultLocale)
                out.append(Diagnostic(.missingTranslation, at: entry.text.location ?? b.info.location,
                    "missing \(name(locale)) text the person reads for \"\(sample.prefix(50))\" ('\(entry.id)'); it is shown in the worker's language, marked",
                    hint: "pathways translations export --lang \(locale), translate, then import"))
            }
        }
        return out
    }

    /// The interface's words: each declared locale's file has every key of the default locale's, with the same
    /// %1 placeholders, made from the current English.
    static func strings(_ b: ContentBundle) -> [Diagnostic] {
        let source = b.info.defaultLocale
        guard let originals = b.strings.entries[source], !originals.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for locale in b.info.locales where locale != source {
            guard let own = b.strings.entries[locale], let file = b.strings.files[locale] else {
                out.append(Diagnostic(.missingStringTranslation, at: b.info.declaration(of: locale).location ?? b.info.location,
                    "there is no strings file for \(name(locale)): the interface shows in \(name(source)) there, marked",
                    hint: "pathways translations export --lang \(locale) gives the interface's words to translate"))
                continue
            }
            let missing = originals.keys.filter { (own[$0]?.text ?? "").isEmpty }.sorted()
            if !missing.isEmpty {
                out.append(Diagnostic(.missingStringTranslation, at: .start(of: file),
                    "\(missing.count) of the interface's words have no \(name(locale)) text: " + missing.prefix(8).joined(separator: ", ")
                        + (missing.count > 8 ? ", …" : ""),
                    hint: "they are shown in \(name(source)), marked; translate them with 'pathways translations export --lang \(locale)'"))
            }
            for (key, entry) in own.sorted(by: { $0.key < $1.key }) {
                guard let original = originals[key] else { continue }
                let at = entry.location ?? .start(of: file)
                if placeholders(entry.text) != placeholders(original.text) {
                    out.append(Diagnostic(.placeholderMismatch, at: at,
                        "the \(name(locale)) text of '\(key)' has " + describe(placeholders(entry.text)) + ", the \(name(source)) one " + describe(placeholders(original.text)),
                        hint: "the program fills in %1, %2…: keep each of them once in the translation"))
                }
                if let hash = entry.sourceHash, hash != TranslatableStrings.hash(original.text) {
                    out.append(Diagnostic(.staleTranslation, at: at,
                        "the \(name(source)) text of '\(key)' changed after the \(name(locale)) translation was made",
                        hint: "update the translation, then 'pathways translations import' it (or export, fix and import)"))
                }
            }
        }
        return out
    }

    /// The %1, %2… a text holds, in order of number.
    static func placeholders(_ text: String) -> [Int] {
        var out: [Int] = []
        let chars = Array(text)
        for i in chars.indices where chars[i] == "%" && i + 1 < chars.count {
            if let d = chars[i + 1].wholeNumberValue, d > 0 { out.append(d) }
        }
        return out.sorted()
    }

    static func describe(_ p: [Int]) -> String { p.isEmpty ? "no %1" : p.map { "%\($0)" }.joined(separator: " ") }

    static func hotline(_ b: ContentBundle) -> [Diagnostic] {
        guard let h = b.info.hotline, b.referral(h.id) == nil else { return [] }
        return [Diagnostic(.unknownReferral, at: h.location, "unknown referral '\(h.id)'" + DidYouMean.phrase(for: h.id, among: b.referrals.map(\.id)),
                           hint: "'hotline' names the referral shown first on the person's handout")]
    }

    /// With the keys the program uses: keys of the strings files the program does not know (PW060), and keys
    /// it uses that have no text in the default locale (PW061, shown as ⟦key⟧).
    public static func programKeys(_ b: ContentBundle, known: Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (locale, entries) in b.strings.entries.sorted(by: { $0.key < $1.key }) {
            let file = b.strings.files[locale] ?? b.info.location.file
            for (key, entry) in entries.sorted(by: { $0.key < $1.key }) where !known.contains(key) {
                out.append(Diagnostic(.unknownStringKey, at: entry.keyLocation ?? entry.location ?? .start(of: file),
                    "unknown key '\(key)': the program never shows it" + DidYouMean.phrase(for: key, among: known),
                    hint: "the keys are the program's (see strings/\(b.info.defaultLocale).yaml)"))
            }
        }
        let source = b.info.defaultLocale
        let missing = known.filter { b.strings.text($0, source) == nil }.sorted()
        if !missing.isEmpty {
            let file = b.strings.files[source]
            out.append(Diagnostic(.missingProgramString, at: file.map(SourceLocation.start) ?? b.info.location,
                "\(missing.count) of the program's words have no \(name(source)) text, so the interface shows their key: "
                    + missing.prefix(8).joined(separator: ", ") + (missing.count > 8 ? ", …" : ""),
                hint: "add them to strings/\(source).yaml"))
        }
        return out
    }
}

/// How much of each locale the bundle has: the interface's words and the content's texts, and whether a
/// translator has checked them ("es: 412 of 590 strings, unreviewed").
public struct LocaleCoverage: Sendable, Hashable {
    public var locale: String
    public var review: TranslationReview
    public var scope: LocaleScope
    public var interface: (have: Int, of: Int)
    public var client: (have: Int, of: Int)
    public var otherContent: (have: Int, of: Int)

    public var have: Int { interface.have + client.have + otherContent.have }
    public var total: Int { interface.of + client.of + otherContent.of }

    public static func == (a: LocaleCoverage, b: LocaleCoverage) -> Bool { a.line == b.line }
    public func hash(into h: inout Hasher) { h.combine(line) }

    /// Every declared locale's coverage; `keys`: the program's words (the default locale's strings file when nil).
    public static func of(_ b: ContentBundle, keys: Set<String>? = nil) -> [LocaleCoverage] {
        let words = keys ?? Set(b.strings.entries[b.info.defaultLocale]?.keys.map { $0 } ?? [])
        let entries = TranslatableStrings.all(b)
        return b.info.locales.map { l in
            let ui = words.filter { b.strings.text($0, l) != nil }.count
            func count(_ client: Bool) -> (Int, Int) {
                let these = entries.filter { $0.forClient == client }
                return (these.filter { !($0.text.texts[l] ?? "").isEmpty }.count, these.count)
            }
            let d = b.info.declaration(of: l)
            return LocaleCoverage(locale: l, review: l == b.info.defaultLocale ? .authored : d.review, scope: d.scope,
                                  interface: (ui, words.count), client: count(true), otherContent: count(false))
        }
    }

    /// "es: 680 of 1290 strings (interface 261 of 261, texts the person reads 419 of 419, other texts 0 of 610), unreviewed, for the person".
    public var line: String {
        let status: String
        switch review {
        case .authored: status = "written by the content's authors"
        case .reviewed: status = "reviewed by a certified translator"
        case .unreviewed: status = "unreviewed: every screen and handout in it says so"
        }
        return "\(locale): \(have) of \(total) strings (interface \(interface.have) of \(interface.of), texts the person reads "
            + "\(client.have) of \(client.of), other texts \(otherContent.have) of \(otherContent.of)), \(status)"
            + (scope == .client ? "; for the person (scope: client)" : "")
    }
}
