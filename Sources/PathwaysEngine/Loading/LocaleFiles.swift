/// The files of a bundle that hold one language each: `strings/LOCALE.yaml` (the program's own words, by
/// key) and `locales/LOCALE.yaml` (the content's texts in a language kept apart from the content files, by
/// string id). Both map a key to a text, or to `{text: …, source_hash: …}` as the translation import writes.
enum LocaleFiles {
    enum Kind: String {
        case strings, texts

        /// The folder of the bundle that holds this kind of file.
        var folder: String { self == .strings ? "strings" : "locales" }
    }

    /// The kind and locale of a path, when it is a locale file (`strings/es.yaml`).
    static func kind(of path: String) -> (kind: Kind, locale: String)? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 2, let name = parts.last, name.hasSuffix(".yaml") else { return nil }
        let kind: Kind
        switch parts[0] {
        case Kind.strings.folder: kind = .strings
        case Kind.texts.folder: kind = .texts
        default: return nil
        }
        return (kind, String(name.dropLast(5)))
    }

    /// What the locale files of a bundle hold.
    struct Contents {
        var strings = StringCatalog()
        var texts = StringCatalog()
        /// Where each locale text is written, so a problem in it is placed in its file.
        var places: [String: [String: TextPlace]] = [:]
        var diagnostics: [Diagnostic] = []
    }

    /// Reads every locale file of `files`, in path order.
    static func read(_ files: ContentFiles) -> Contents {
        var out = Contents()
        for path in files.files.keys.sorted() {
            guard let (kind, locale) = kind(of: path), let bytes = files.files[path] else { continue }
            let display = files.displayPath(path)
            guard Read.isLocaleCode(locale) else {
                out.diagnostics.append(Diagnostic(.invalidValue, at: .start(of: display),
                    "'\(locale)' is not a locale code such as 'en' or 'es', so this file is ignored",
                    hint: "name the file after its locale: \(kind.folder)/es.yaml"))
                continue
            }
            let node: Node
            switch BundleLoader.parse(bytes, file: display) {
            case .success(let n?): node = n
            case .success(nil): continue
            case .failure(let d):
                out.diagnostics.append(d)
                continue
            }
            let sink = DiagnosticSink(file: display, defaultLocale: locale, source: SourceText(bytes: bytes))
            var places: [String: TextPlace] = [:]
            let entries = read(node, key: kind.rawValue, sink, places: &places)
            switch kind {
            case .strings:
                out.strings.entries[locale] = entries
                out.strings.files[locale] = display
            case .texts:
                out.texts.entries[locale] = entries
                out.texts.files[locale] = display
                out.places[locale] = places
            }
            out.diagnostics += sink.diagnostics
        }
        return out
    }

    /// `strings:` (or `texts:`): key → text, or key → `{text, source_hash}`.
    static func read(_ node: Node, key: String, _ sink: DiagnosticSink, places: inout [String: TextPlace]) -> [String: CatalogEntry] {
        guard var root = MappingReader(node, sink, what: "a file of \(key)") else { return [:] }
        let body = root.node(key, required: true)
        root.finish()
        guard let body, var r = MappingReader(body, sink, what: "the \(key)") else { return [:] }
        var out: [String: CatalogEntry] = [:]
        for entry in r.entries {
            _ = r.node(entry.key)
            let keyLocation = sink.location(of: entry.keyNode)
            guard isKey(entry.key) else {
                sink.report(.invalidValue, at: keyLocation, "'\(entry.key)' is not a key: use letters, digits, '.', '_' and '-'")
                continue
            }
            switch entry.value {
            case .scalar(let scalar):
                out[entry.key] = CatalogEntry(text: scalar.string, location: sink.location(of: entry.value), keyLocation: keyLocation)
                places[entry.key] = Read.place(scalar, sink.location(of: entry.value), inFlow: false, key: keyLocation)
            case .mapping(let m):
                guard var e = MappingReader(entry.value, sink, what: "the text of '\(entry.key)'") else { continue }
                let textNode = e.node("text", required: true)
                let hash = e.string("source_hash")
                e.finish()
                guard let textNode, case .scalar(let scalar) = textNode else {
                    if let textNode { sink.report(.wrongType, at: sink.location(of: textNode), "'text' must be text") }
                    continue
                }
                out[entry.key] = CatalogEntry(text: scalar.string, sourceHash: hash?.0, location: sink.location(of: textNode), keyLocation: keyLocation)
                places[entry.key] = Read.place(scalar, sink.location(of: textNode), inFlow: m.style == .flow, key: keyLocation)
            case .sequence:
                sink.report(.wrongType, at: sink.location(of: entry.value), "the text of '\(entry.key)' must be text, found a list")
            }
        }
        return out
    }

    static func isKey(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// Puts what the locale files hold into the bundle: the catalog, each locale text into the content text
    /// it translates (where no text of that locale is written in the content file itself), the hashes they
    /// were made from, and the catalog's words for the built-in Yes / No / Not sure options.
    static func apply(_ contents: Contents, to bundle: inout ContentBundle) {
        bundle.strings = contents.strings
        bundle.localeTexts = contents.texts
        for (locale, entries) in contents.texts.entries {
            var hashes = bundle.translationSources[locale] ?? [:]
            let places = contents.places[locale] ?? [:]
            let source = bundle.info.defaultLocale
            TranslatableStrings.visit(&bundle) { id, text, _ in
                guard let entry = entries[id], !entry.text.isEmpty, text.texts[locale] == nil else { return }
                if let hash = entry.sourceHash { hashes[id] = hash }
                // A translation made from other English (a step moved, a text rewritten) may say something
                // else entirely: the English is shown instead, marked, until it is updated (PW030 says so).
                if let hash = entry.sourceHash, let english = text.texts[source], TranslatableStrings.hash(english) != hash { return }
                text.texts[locale] = entry.text
                if let place = places[id] { text.places[locale] = place }
            }
            if !hashes.isEmpty { bundle.translationSources[locale] = hashes }
        }
        applyBuiltInOptions(contents.strings, to: &bundle)
    }

    /// The words of `strings` for the built-in Yes / No / Not sure options of yes_no_unsure questions.
    static func applyBuiltInOptions(_ strings: StringCatalog, to bundle: inout ContentBundle) {
        let builtIn = ["yes": EngineWord.optionYes, "no": .optionNo, "unsure": .optionUnsure]
        for (qi, q) in bundle.questions.enumerated() where q.kind == .yesNoUnsure {
            for (oi, o) in q.options.enumerated() {
                guard let word = builtIn[o.id] else { continue }
                for (locale, text) in strings.localized(word.rawValue).texts { bundle.questions[qi].options[oi].label.texts[locale] = text }
            }
        }
    }
}
