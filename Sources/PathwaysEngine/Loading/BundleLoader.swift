import Foundation

/// A bundle as read from its files, with every problem the reading found.
public struct LoadResult: Sendable {
    public var bundle: ContentBundle
    public var diagnostics: [Diagnostic]
    /// Files whose items could not be read at all (or are missing): what else is wrong may only follow from them.
    var unread: [UnreadFile] = []
}

/// A content file that could not be read (it does not parse, is empty or too large), or a required one
/// that is missing: the items it held are absent from the bundle.
struct UnreadFile: Sendable, Hashable {
    /// The path as shown to editors.
    var file: String
    var role: BundleLoader.FileRole
    /// Whether the file is missing rather than unreadable.
    var missing = false
    /// The ids written in it (every `id: x`), found by a plain scan since it does not parse.
    var ids: Set<String> = []
}

/// Reads a bundle's files into the content model. It never fails: a broken file becomes diagnostics and
/// every other file is still read.
public enum BundleLoader {
    /// Which kind of item a file holds, decided by its path.
    enum FileRole: Equatable, Sendable, Hashable {
        case bundle, flow, outcomes, questions, pathway, referrals, sources, glossary, scenario, training, translations
    }

    static func role(of path: String) -> FileRole? {
        let parts = path.split(separator: "/").map(String.init)
        guard let name = parts.last, name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return nil }
        let stem = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : String(name.dropLast(4))
        if parts.count == 1 {
            switch stem {
            case "bundle": return .bundle
            case "flow": return .flow
            case "outcomes": return .outcomes
            case "questions": return .questions
            case "referrals": return .referrals
            case "sources": return .sources
            case "glossary": return .glossary
            case "translations": return .translations
            default: return nil
            }
        }
        switch parts[0] {
        case "questions": return .questions
        case "pathways": return .pathway
        case "referrals": return .referrals
        case "scenarios": return .scenario
        case "training": return .training
        default: return nil
        }
    }

    /// What one file gave: its items, and the problems found reading it.
    struct FileRead: Sendable {
        var questions: [Question] = [], outcomes: [Outcome] = [], pathways: [Pathway] = [], referrals: [Referral] = []
        var sources: [Source] = [], terms: [GlossaryTerm] = [], scenarios: [Scenario] = []
        /// A flow file: the flow read (nil when broken) and where its root starts.
        var flow: (flow: Flow?, root: SourceLocation)?
        var translationSources: [String: [String: String]]?
        var diagnostics: [Diagnostic] = []
        var unread: UnreadFile?
    }

    /// Loads a bundle from files already in memory. Files are read in parallel, each on its own, and put
    /// together in path order, so the result is the same on any number of cores.
    public static func load(_ files: ContentFiles) -> LoadResult {
        let all = files.files.sorted { $0.key < $1.key }
        var diagnostics: [Diagnostic] = []
        var unread: [UnreadFile] = []

        // Files too large to read from disk: one error each, and what they held counts as unread.
        for (path, size) in files.tooLarge.sorted(by: { $0.key < $1.key }) {
            let display = files.displayPath(path)
            diagnostics.append(tooLarge(size, file: display))
            if let role = role(of: path) { unread.append(UnreadFile(file: display, role: role)) }
        }
        let bundlePath = all.first { role(of: $0.key) == .bundle }?.key ?? files.tooLarge.keys.first { role(of: $0) == .bundle }

        // bundle.yaml first: the default locale it names is how every other file's plain text is read.
        var info: BundleInfo?
        if let path = bundlePath, let bytes = files.files[path] {
            let display = files.displayPath(path)
            switch parse(bytes, file: display) {
            case .success(let node?):
                let sink = DiagnosticSink(file: display, defaultLocale: "en")
                info = ItemReaders.bundleInfo(node, sink)
                diagnostics += sink.diagnostics
            case .success(nil):
                diagnostics.append(Diagnostic(.missingKey, at: .start(of: display), "this file is empty"))
                unread.append(UnreadFile(file: display, role: .bundle))
            case .failure(let d):
                diagnostics.append(d)
                unread.append(UnreadFile(file: display, role: .bundle))
            }
        } else if bundlePath == nil {
            let display = files.displayPath("bundle.yaml")
            diagnostics.append(Diagnostic(.missingFile, at: .start(of: display),
                "the bundle has no bundle.yaml", hint: "add bundle.yaml with id, title, version, locales and default_locale"))
            unread.append(UnreadFile(file: display, role: .bundle, missing: true))
        }
        let bundleInfo = info ?? BundleInfo(id: "unnamed", title: LocalizedText([:]), version: "0", locales: ["en"],
                                            defaultLocale: "en", location: .start(of: files.displayPath("bundle.yaml")))

        // Files of one language each (strings/, locales/) are read after the content they translate.
        let others = all.filter { role(of: $0.key) != .bundle && LocaleFiles.kind(of: $0.key) == nil }
        // The bundle's hash is worked out alongside the reading.
        let (reads, hash) = ParallelMap.both({
            ParallelMap.map(others) { file in
                read(file.value, path: file.key, display: files.displayPath(file.key), defaultLocale: bundleInfo.defaultLocale)
            }
        }, { files.hash })

        var questions: [Question] = [], outcomes: [Outcome] = [], pathways: [Pathway] = [], referrals: [Referral] = []
        var sources: [Source] = [], terms: [GlossaryTerm] = [], scenarios: [Scenario] = []
        var flow: Flow?
        // A flow file too large to read still counts as the flow, so it is not also reported missing.
        var sawFlow = files.tooLarge.keys.contains { role(of: $0) == .flow }
        var translationSources: [String: [String: String]] = [:]
        for r in reads {
            diagnostics += r.diagnostics
            if let u = r.unread { unread.append(u) }
            questions += r.questions; outcomes += r.outcomes; pathways += r.pathways; referrals += r.referrals
            sources += r.sources; terms += r.terms; scenarios += r.scenarios
            if let t = r.translationSources { translationSources = t }
            if let f = r.flow {
                if sawFlow {
                    diagnostics.append(Diagnostic(.duplicateID, at: f.root, "a second flow file; a bundle has one flow"))
                } else {
                    flow = f.flow
                    sawFlow = true
                }
            }
        }
        if !sawFlow {
            let display = files.displayPath("flow.yaml")
            diagnostics.append(Diagnostic(.missingFile, at: .start(of: display),
                "the bundle has no flow.yaml", hint: "add flow.yaml with start, sections and nodes"))
            unread.append(UnreadFile(file: display, role: .flow, missing: true))
        }
        let emptyFlow = Flow(start: Reference("", at: .start(of: files.displayPath("flow.yaml"))), sections: [], nodes: [],
                             location: .start(of: files.displayPath("flow.yaml")))
        var bundle = ContentBundle(info: bundleInfo, questions: questions, flow: flow ?? emptyFlow, outcomes: outcomes,
                                   pathways: pathways, referrals: referrals, sources: sources, glossary: terms,
                                   scenarios: scenarios, hash: hash)
        bundle.translationSources = translationSources
        let localeFiles = LocaleFiles.read(files)
        diagnostics += localeFiles.diagnostics
        LocaleFiles.apply(localeFiles, to: &bundle)
        return LoadResult(bundle: bundle, diagnostics: diagnostics, unread: unread)
    }

    /// Parses and reads one file other than bundle.yaml.
    static func read(_ bytes: [UInt8], path: String, display: String, defaultLocale: String) -> FileRead {
        var out = FileRead()
        guard let role = role(of: path) else {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                out.diagnostics.append(Diagnostic(.strayFile, at: .start(of: display),
                    "this file is not in a known place, so it is ignored",
                    hint: "questions go in questions/, pathways in pathways/, scenarios in scenarios/"))
            }
            return out
        }
        let node: Node
        switch parse(bytes, file: display) {
        case .success(let n?): node = n
        case .success(nil):
            // An empty flow file still counts as the flow, so it is not also reported missing.
            if role == .flow { out.flow = (nil, .start(of: display)) }
            out.diagnostics.append(Diagnostic(.missingKey, at: .start(of: display), "this file is empty"))
            out.unread = UnreadFile(file: display, role: role)
            return out
        case .failure(let d):
            if role == .flow { out.flow = (nil, .start(of: display)) }
            out.diagnostics.append(d)
            out.unread = UnreadFile(file: display, role: role, ids: writtenIDs(bytes, path: path))
            return out
        }
        let sink = DiagnosticSink(file: display, defaultLocale: defaultLocale, source: SourceText(bytes: bytes))
        switch role {
        case .bundle: break
        case .flow: out.flow = (ItemReaders.flow(node, sink), sink.location(of: node))
        case .questions: out.questions = items(node, key: "questions", sink, ItemReaders.question)
        case .outcomes: out.outcomes = items(node, key: "outcomes", sink, ItemReaders.outcome)
        case .referrals: out.referrals = items(node, key: "referrals", sink, ItemReaders.referral)
        case .sources: out.sources = items(node, key: "sources", sink, ItemReaders.source)
        case .glossary: out.terms = items(node, key: "terms", sink, ItemReaders.term)
        case .pathway: out.pathways = ItemReaders.pathway(node, sink).map { [$0] } ?? []
        case .scenario: out.scenarios = ItemReaders.scenario(node, sink).map { [$0] } ?? []
        case .training: out.scenarios = ItemReaders.scenario(node, sink, training: true).map { [$0] } ?? []
        case .translations: out.translationSources = ItemReaders.translationSources(node, sink)
        }
        out.diagnostics += sink.diagnostics
        return out
    }

    /// Every `id: x` written in a file (and a pathway or scenario file's own name), found without parsing it.
    static func writtenIDs(_ bytes: [UInt8], path: String) -> Set<String> {
        var ids = Set<String>()
        if let name = path.split(separator: "/").last, let dot = name.lastIndex(of: ".") { ids.insert(String(name[..<dot])) }
        func isIDByte(_ b: UInt8) -> Bool {
            (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
        var i = 0
        while i + 2 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "i"), bytes[i + 1] == UInt8(ascii: "d"), i == 0 || !isIDByte(bytes[i - 1]) else { continue }
            var j = i + 2
            while j < bytes.count && bytes[j] == UInt8(ascii: " ") { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else { continue }
            j += 1
            while j < bytes.count && (bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'")) { j += 1 }
            let start = j
            while j < bytes.count && isIDByte(bytes[j]) { j += 1 }
            if j > start { ids.insert(String(decoding: bytes[start..<j], as: UTF8.self)) }
        }
        return ids
    }

    /// Reads `key: [items]` from a file's root mapping.
    static func items<T>(_ node: Node, key: String, _ sink: DiagnosticSink, _ read: (Node, DiagnosticSink) -> T?) -> [T] {
        guard var r = MappingReader(node, sink, what: "a file of \(key)") else { return [] }
        let list = r.list(key, required: true)
        r.finish()
        return list.compactMap { read($0, sink) }
    }

    /// Parses one YAML document, turning syntax errors into a located diagnostic in plain words.
    static func parse(_ bytes: [UInt8], file: String) -> Result<Node?, Diagnostic> {
        if bytes.count > InputLimits.fileBytes {
            return .failure(tooLarge(bytes.count, file: file))
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let mark = YAMLLines.mark(ofByte: firstInvalidUTF8(bytes), in: bytes)
            return .failure(Diagnostic(.yamlSyntax, at: SourceLocation(file: file, line: mark.line, column: mark.column),
                                       "this file is not UTF-8 text",
                                       hint: "save it as UTF-8 in your editor (it may have been saved as Latin-1 or Windows-1252)"))
        }
        if let nul = bytes.firstIndex(of: 0) {
            let mark = YAMLLines.mark(ofByte: nul, in: bytes)
            return .failure(Diagnostic(.yamlSyntax, at: SourceLocation(file: file, line: mark.line, column: mark.column),
                                       "this file contains a NUL character", hint: "delete it; a text file never holds one"))
        }
        do {
            return .success(try YAMLComposer.compose(bytes))
        } catch {
            return .failure(YAMLProblems.diagnostic(error, file: file, bytes: bytes))
        }
    }

    static func tooLarge(_ size: Int, file: String) -> Diagnostic {
        Diagnostic(.inputLimit, at: .start(of: file),
                   "this file is \(InputLimits.describe(bytes: size)); content files of more than \(InputLimits.describe(bytes: InputLimits.fileBytes)) are not read",
                   hint: "split it into several files (questions/ and pathways/ hold any number)")
    }

    /// The offset of the first byte that does not continue valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
