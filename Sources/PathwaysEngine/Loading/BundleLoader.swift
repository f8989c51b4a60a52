import Foundation

/// A bundle as read from its files, with every problem the reading found.
public struct LoadResult: Sendable {
    public var bundle: ContentBundle
    public var diagnostics: [Diagnostic]
}

/// Reads a bundle's files into the content model. It never fails: a broken file becomes diagnostics and
/// every other file is still read.
public enum BundleLoader {
    /// Which kind of item a file holds, decided by its path.
    enum FileRole: Equatable {
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
    struct FileRead {
        var questions: [Question] = [], outcomes: [Outcome] = [], pathways: [Pathway] = [], referrals: [Referral] = []
        var sources: [Source] = [], terms: [GlossaryTerm] = [], scenarios: [Scenario] = []
        /// A flow file: the flow read (nil when broken) and where its root starts.
        var flow: (flow: Flow?, root: SourceLocation)?
        var translationSources: [String: [String: String]]?
        var diagnostics: [Diagnostic] = []
    }

    /// Loads a bundle from files already in memory. Files are read in parallel, each on its own, and put
    /// together in path order, so the result is the same on any number of cores.
    public static func load(_ files: ContentFiles) -> LoadResult {
        let paths = files.files.keys.sorted()
        var diagnostics: [Diagnostic] = []

        // bundle.yaml first: the default locale it names is how every other file's plain text is read.
        var info: BundleInfo?
        if let path = paths.first(where: { role(of: $0) == .bundle }) {
            let display = files.displayPath(path)
            switch parse(files.files[path]!, file: display) {
            case .success(let node?):
                let sink = DiagnosticSink(file: display, defaultLocale: "en")
                info = ItemReaders.bundleInfo(node, sink)
                diagnostics += sink.diagnostics
            case .success(nil): diagnostics.append(Diagnostic(.missingKey, at: .start(of: display), "this file is empty"))
            case .failure(let d): diagnostics.append(d)
            }
        } else {
            diagnostics.append(Diagnostic(.missingFile, at: .start(of: files.displayPath("bundle.yaml")),
                "the bundle has no bundle.yaml", hint: "add bundle.yaml with id, title, version, locales and default_locale"))
        }
        let bundleInfo = info ?? BundleInfo(id: "unnamed", title: LocalizedText([:]), version: "0", locales: ["en"],
                                            defaultLocale: "en", location: .start(of: files.displayPath("bundle.yaml")))

        // Files of one language each (strings/, locales/) are read after the content they translate.
        let others = paths.filter { role(of: $0) != .bundle && LocaleFiles.kind(of: $0) == nil }
        // The bundle's hash is worked out alongside the reading.
        let (reads, hash) = ParallelMap.both({
            ParallelMap.map(others) { path in
                read(files.files[path]!, path: path, display: files.displayPath(path), defaultLocale: bundleInfo.defaultLocale)
            }
        }, { files.hash })

        var questions: [Question] = [], outcomes: [Outcome] = [], pathways: [Pathway] = [], referrals: [Referral] = []
        var sources: [Source] = [], terms: [GlossaryTerm] = [], scenarios: [Scenario] = []
        var flow: Flow?
        var sawFlow = false
        var translationSources: [String: [String: String]] = [:]
        for r in reads {
            diagnostics += r.diagnostics
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
            diagnostics.append(Diagnostic(.missingFile, at: .start(of: files.displayPath("flow.yaml")),
                "the bundle has no flow.yaml", hint: "add flow.yaml with start, sections and nodes"))
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
        return LoadResult(bundle: bundle, diagnostics: diagnostics)
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
            return out
        case .failure(let d):
            if role == .flow { out.flow = (nil, .start(of: display)) }
            out.diagnostics.append(d)
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

    /// Reads `key: [items]` from a file's root mapping.
    static func items<T>(_ node: Node, key: String, _ sink: DiagnosticSink, _ read: (Node, DiagnosticSink) -> T?) -> [T] {
        guard var r = MappingReader(node, sink, what: "a file of \(key)") else { return [] }
        let list = r.list(key, required: true)
        r.finish()
        return list.compactMap { read($0, sink) }
    }

    /// Parses one YAML document, turning syntax errors into a located diagnostic.
    static func parse(_ bytes: [UInt8], file: String) -> Result<Node?, Diagnostic> {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Diagnostic(.yamlSyntax, at: .start(of: file), "this file is not UTF-8 text",
                                       hint: "save it as UTF-8 in your editor"))
        }
        if text.hasASCII("\0") {
            return .failure(Diagnostic(.yamlSyntax, at: .start(of: file), "this file contains a NUL character"))
        }
        do {
            return .success(try YAMLComposer.compose(bytes))
        } catch {
            return .failure(yamlDiagnostic(error, file: file))
        }
    }

    static func yamlDiagnostic(_ failure: YAMLComposer.Failure, file: String) -> Diagnostic {
        func at(_ mark: Node.Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch failure {
        case .syntax(let problem, let mark, let context):
            // libYAML says where the construct it was reading began ("while parsing a flow sequence").
            let opened = context.map { " (\($0.text.replacingOccurrences(of: "while parsing", with: "in")) that starts at line \($0.at.line), column \($0.at.column))" } ?? ""
            return Diagnostic(.yamlSyntax, at: at(mark), "YAML syntax: \(problem)\(opened)",
                              hint: "check the indentation and the ':' and '- ' on this line and the one before")
        case .duplicateKey(let key, let mark, let first):
            return Diagnostic(.duplicateID, at: at(mark), "the key '\(key)' appears twice in one mapping",
                              hint: "it is first at \(first.line):\(first.column); keep one of the two")
        case .anchor(let mark), .alias(let mark):
            // Content never uses anchors and aliases, and aliases can make a tiny file expand without end.
            let what: String
            if case .alias = failure { what = "aliases (*name)" } else { what = "anchors (&name)" }
            return Diagnostic(.yamlSyntax, at: at(mark), "YAML \(what) are not used in content files",
                              hint: "write the text out in full where it is needed")
        case .secondDocument(let mark):
            return Diagnostic(.yamlSyntax, at: at(mark), "a second YAML document ('---') in one file",
                              hint: "each content file holds one document; put the rest in a file of its own")
        case .reader(let problem):
            return Diagnostic(.yamlSyntax, at: .start(of: file), "YAML: \(problem)")
        }
    }
}
