/// The translators' round trip for any language, the program's words included. The CSV is the one of
/// `TranslationExchange` (id, source hash, source, translation); the interface's words come as
/// `interface.KEY` rows. On import they go into `strings/LANG.yaml`; the content's texts go into
/// `locales/LANG.yaml` for a language kept in a file of its own (every language added after English and
/// French), or into the content files themselves for a language already written there (French).
public enum LocaleExchange {
    /// Which texts an export holds.
    public enum Scope: Sendable { case all, client }

    /// The prefix of the program's words in the CSV.
    public static let interfacePrefix = "interface."

    /// The rows for `locale` after the header: the interface's words, then the content's texts (for a
    /// `client` scope, only those the person reads).
    public static func rows(_ b: ContentBundle, locale: String, scope: Scope) -> [[String]] {
        var out: [[String]] = []
        let source = b.info.defaultLocale
        for (key, entry) in orderedStrings(b, source) {
            out.append([interfacePrefix + key, TranslatableStrings.hash(entry.text), entry.text, b.strings.text(key, locale) ?? ""])
        }
        for entry in TranslatableStrings.all(b) where scope == .all || entry.forClient {
            let text = entry.text.texts[source] ?? ""
            out.append([entry.id, TranslatableStrings.hash(text), text, entry.text.texts[locale] ?? ""])
        }
        return out
    }

    /// The records of the CSV for translating the bundle into `locale`, the header first.
    public static func records(_ b: ContentBundle, locale: String, scope: Scope) -> [[String]] {
        [TranslationExchange.header] + rows(b, locale: locale, scope: scope)
    }

    /// The CSV for translating the bundle into `locale`, as UTF-8 text with commas.
    public static func export(_ b: ContentBundle, locale: String, scope: Scope) -> String {
        records(b, locale: locale, scope: scope).map { CSV.line($0) + "\n" }.joined()
    }

    /// The default locale's words in the order of their file.
    static func orderedStrings(_ b: ContentBundle, _ locale: String) -> [(String, CatalogEntry)] {
        (b.strings.entries[locale] ?? [:]).sorted { ($0.value.location?.line ?? 0, $0.key) < ($1.value.location?.line ?? 0, $1.key) }
    }

    /// Whether the content's texts in `locale` are written in the content files (as French is) rather than in
    /// `locales/LANG.yaml`.
    public static func isInline(_ b: ContentBundle, locale: String) -> Bool {
        guard b.localeTexts.files[locale] == nil else { return false }
        return TranslatableStrings.all(b).contains { $0.text.texts[locale] != nil }
    }

    /// Checks a translated CSV for `locale` and works out every file it changes, all or nothing; writes
    /// nothing itself. The interface's words go into `strings/LANG.yaml`; the content's texts into
    /// `locales/LANG.yaml`, or into the content files for a language written there.
    public static func importCSV(_ bytes: [UInt8], locale: String, files: ContentFiles, bundle: ContentBundle)
        -> Result<TranslationExchange.Report, TranslationExchange.Refusal> {
        guard locale != bundle.info.defaultLocale else {
            return .failure(.init(problems: ["'\(locale)' is the bundle's default language: its texts are the source"]))
        }
        let read: (rows: [TranslationExchange.Row], report: TranslationExchange.Report, problems: [String])
        switch TranslationExchange.readRows(bytes) {
        case .success(let r): read = r
        case .failure(let refusal): return .failure(refusal)
        }
        var (report, problems) = (read.report, read.problems)
        let source = bundle.info.defaultLocale
        let originals = bundle.strings.entries[source] ?? [:]
        let entries = Dictionary(TranslatableStrings.all(bundle).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let inline = isInline(bundle, locale: locale)
        // The bundle's own strings file, not the program's words beneath it: a word the program already
        // has in this language is still written into the bundle when its translators send it.
        var strings = StringCatalog.read(from: files).entries[locale] ?? [:]
        var texts = bundle.localeTexts.entries[locale] ?? [:]
        var inlineRows: [TranslationExchange.Row] = []
        var stringsChanged = false, textsChanged = false
        for row in read.rows {
            let (id, hash, translation) = (row.id, row.hash, row.translation)
            if id.hasPrefix(interfacePrefix) {
                let key = String(id.dropFirst(interfacePrefix.count))
                guard let original = originals[key] else { report.unknown.append(id); continue }
                if translation.isEmpty { report.empty += 1; continue }
                if LocaleChecks.placeholders(translation) != LocaleChecks.placeholders(original.text) {
                    problems.append("line \(row.line) ('\(id)'): the translation must hold " + LocaleChecks.describe(LocaleChecks.placeholders(original.text))
                                    + " as the source does; it holds " + LocaleChecks.describe(LocaleChecks.placeholders(translation)))
                    continue
                }
                if hash != TranslatableStrings.hash(original.text) { report.stale.append(id) }
                if strings[key]?.text == translation && strings[key]?.sourceHash == hash { report.unchanged += 1; continue }
                // The program's own word, sent back as it is: nothing to write into the bundle.
                if strings[key] == nil && bundle.strings.entries[locale]?[key]?.text == translation
                    && bundle.strings.entries[locale]?[key]?.sourceHash == hash { report.unchanged += 1; continue }
                strings[key] = CatalogEntry(text: translation, sourceHash: hash)
                stringsChanged = true
                report.updated.append(id)
                continue
            }
            guard let entry = entries[id] else { report.unknown.append(id); continue }
            if inline { inlineRows.append(row); continue }
            if translation.isEmpty { report.empty += 1; continue }
            if hash != TranslatableStrings.hash(entry.text.texts[source] ?? "") { report.stale.append(id) }
            if texts[id]?.text == translation && texts[id]?.sourceHash == hash { report.unchanged += 1; continue }
            texts[id] = CatalogEntry(text: translation, sourceHash: hash)
            textsChanged = true
            report.updated.append(id)
        }
        var sources = bundle.translationSources[locale] ?? [:]
        TranslationExchange.planInline(inlineRows, locale: locale, files: files, bundle: bundle, report: &report, sources: &sources, problems: &problems)
        if stringsChanged {
            let order = orderedStrings(bundle, source).map(\.0)
            report.files["strings/\(locale).yaml"] = Array(file(kind: "strings", locale: locale, entries: strings, order: order).utf8)
        }
        if textsChanged {
            let order = TranslatableStrings.all(bundle).map(\.id)
            report.files["locales/\(locale).yaml"] = Array(file(kind: "texts", locale: locale, entries: texts, order: order).utf8)
        }
        return TranslationExchange.finish(report, problems: problems, locale: locale, sources: inline ? sources : nil, files: files, bundle: bundle)
    }

    /// A strings or locale file, keys in `order` first (then any others), each with its source hash.
    static func file(kind: String, locale: String, entries: [String: CatalogEntry], order: [String]) -> String {
        let schema = kind == "strings" ? "strings" : "locale-texts"
        let what = kind == "strings" ? "The program's own words" : "The content's texts"
        var out = ["# yaml-language-server: $schema=../schema/\(schema).schema.json",
                   "# \(what) in '\(locale)'. Written by `pathways translations import --lang \(locale)`: each text keeps",
                   "# the hash of the source text it was translated from, so `pathways check` warns (PW030) when the source",
                   "# changes. Translate with the CSV of `pathways translations export --lang \(locale)`.",
                   "\(kind):"]
        var seen = Set<String>()
        for key in order + entries.keys.sorted() where seen.insert(key).inserted {
            guard let e = entries[key] else { continue }
            let hash = e.sourceHash.map { ", source_hash: \"\($0)\"" } ?? ""
            out.append("  \(key): {text: \(ScalarWriter.doubleQuoted(e.text))\(hash)}")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
