/// Checks on text: translations for every declared locale, glossary marks, and review dates.
enum TextChecks {
    static let localeNames = ["en": "English", "fr": "French", "es": "Spanish", "tl": "Tagalog"]

    static func translations(_ b: ContentBundle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for text in ContentWalk.texts(b) {
            // A locale for the person (scope: client) is checked for the texts the person reads (LocaleChecks).
            for locale in text.missingLocales(b.info.fullLocales) {
                let name = localeNames[locale].map { "\($0) (\(locale))" } ?? "'\(locale)'"
                let sample = text.resolve(b.info.defaultLocale, fallback: b.info.defaultLocale)
                // Already a mapping of locales: the editor only needs the missing line.
                let hint: String
                if case .mapping = text.form {
                    hint = "add \(locale): … next to the other \(text.texts.keys.sorted().map { "\($0):" }.joined(separator: " and ")) line\(text.texts.count == 1 ? "" : "s")"
                } else {
                    hint = "write it as a mapping: {\(b.info.locales.map { "\($0): ..." }.joined(separator: ", "))}"
                }
                out.append(Diagnostic(.missingTranslation, at: text.location ?? b.info.location,
                                      "missing \(name) text for \"\(sample.prefix(50))\"", hint: hint))
            }
            for locale in text.texts.keys.sorted() where !b.info.locales.contains(locale) {
                out.append(Diagnostic(.missingTranslation, at: text.location ?? b.info.location,
                                      "text in '\(locale)', which the bundle does not declare",
                                      hint: "declared locales: \(b.info.locales.joined(separator: ", "))"))
            }
        }
        return out
    }

    /// Translations whose source text changed after they were made (per translations.yaml).
    static func staleTranslations(_ b: ContentBundle) -> [Diagnostic] {
        guard !b.translationSources.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let source = b.info.defaultLocale
        for entry in TranslatableStrings.all(b) {
            guard let original = entry.text.texts[source] else { continue }
            for (locale, hashes) in b.translationSources.sorted(by: { $0.key < $1.key }) {
                // A language's own file: its stale text is held back (the English shows, marked).
                let heldBack = entry.text.texts[locale] == nil ? b.localeTexts.entries[locale]?[entry.id] : nil
                guard let recorded = hashes[entry.id], entry.text.texts[locale] != nil || heldBack != nil,
                      recorded != TranslatableStrings.hash(original) else { continue }
                let name = localeNames[locale] ?? locale
                out.append(Diagnostic(.staleTranslation, at: heldBack?.location ?? entry.text.places[locale]?.location ?? entry.text.location ?? b.info.location,
                                      "the \(localeNames[source] ?? source) text of '\(entry.id)' changed after the \(name) translation was made"
                                      + (heldBack != nil ? "; until the translation is updated the \(localeNames[source] ?? source) is shown, marked" : ""),
                                      hint: "update the translation, then 'pathways translations import' it (or export, fix and import)"))
            }
        }
        return out
    }

    static func glossaryMarks(_ b: ContentBundle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let ids = b.glossary.map(\.id)
        for text in ContentWalk.texts(b) {
            // Most texts have no marks at all: only those that may are sorted by locale and split.
            guard text.texts.values.contains(where: { $0.hasASCII("[") }) else { continue }
            for (locale, value) in text.texts.sorted(by: { $0.key < $1.key }) {
                for (piece, offset) in GlossaryMarkup.pieces(value) {
                    guard case .term(let id, _) = piece, b.term(id) == nil else { continue }
                    out.append(Diagnostic(.unknownTerm, at: text.location(of: locale, offset: offset) ?? b.info.location,
                                          "unknown glossary term '\(id)'" + DidYouMean.phrase(for: id, among: ids),
                                          hint: "add it to glossary.yaml, or remove the [[ ]]"))
                }
            }
        }
        return out
    }

    static func review(_ b: ContentBundle, today: Day?) -> [Diagnostic] {
        guard let today, let interval = b.info.reviewIntervalDays else { return [] }
        var out: [Diagnostic] = []
        func check(_ reviewed: Day?, _ what: String, _ location: SourceLocation) {
            guard let reviewed, reviewed.adding(days: interval) < today else { return }
            out.append(Diagnostic(.reviewOverdue, at: location,
                                  "\(what) was last reviewed on \(reviewed), more than \(interval) days ago",
                                  hint: "check the facts against their sources, then update 'reviewed_on'"))
        }
        check(b.info.reviewedOn, "the bundle", b.info.location)
        for p in b.pathways { check(p.reviewedOn, "the pathway '\(p.id)'", p.location) }
        return out
    }
}
