import Foundation
import Yams

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

    /// Loads a bundle from files already in memory.
    public static func load(_ files: ContentFiles) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        var roots: [(path: String, role: FileRole, node: Node)] = []
        for path in files.files.keys.sorted() {
            let display = files.displayPath(path)
            guard let role = role(of: path) else {
                if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                    diagnostics.append(Diagnostic(.strayFile, at: .start(of: display),
                        "this file is not in a known place, so it is ignored",
                        hint: "questions go in questions/, pathways in pathways/, scenarios in scenarios/"))
                }
                continue
            }
            switch parse(files.files[path]!, file: display) {
            case .success(let node?): roots.append((display, role, node))
            case .success(nil):
                diagnostics.append(Diagnostic(.missingKey, at: .start(of: display), "this file is empty"))
            case .failure(let d): diagnostics.append(d)
            }
        }

        var info: BundleInfo?
        if let root = roots.first(where: { $0.role == .bundle }) {
            let sink = DiagnosticSink(file: root.path, defaultLocale: "en")
            info = ItemReaders.bundleInfo(root.node, sink)
            diagnostics += sink.diagnostics
        } else {
            diagnostics.append(Diagnostic(.missingFile, at: .start(of: files.displayPath("bundle.yaml")),
                "the bundle has no bundle.yaml", hint: "add bundle.yaml with id, title, version, locales and default_locale"))
        }
        let bundleInfo = info ?? BundleInfo(id: "unnamed", title: LocalizedText([:]), version: "0", locales: ["en"],
                                            defaultLocale: "en", location: .start(of: files.displayPath("bundle.yaml")))

        var questions: [Question] = [], outcomes: [Outcome] = [], pathways: [Pathway] = [], referrals: [Referral] = []
        var sources: [Source] = [], terms: [GlossaryTerm] = [], scenarios: [Scenario] = []
        var flow: Flow?
        var translationSources: [String: [String: String]] = [:]
        for root in roots where root.role != .bundle {
            let sink = DiagnosticSink(file: root.path, defaultLocale: bundleInfo.defaultLocale)
            switch root.role {
            case .bundle: break
            case .flow:
                if flow != nil {
                    sink.report(.duplicateID, at: sink.location(of: root.node), "a second flow file; a bundle has one flow")
                } else {
                    flow = ItemReaders.flow(root.node, sink)
                }
            case .questions: questions += items(root.node, key: "questions", sink, ItemReaders.question)
            case .outcomes: outcomes += items(root.node, key: "outcomes", sink, ItemReaders.outcome)
            case .referrals: referrals += items(root.node, key: "referrals", sink, ItemReaders.referral)
            case .sources: sources += items(root.node, key: "sources", sink, ItemReaders.source)
            case .glossary: terms += items(root.node, key: "terms", sink, ItemReaders.term)
            case .pathway: if let p = ItemReaders.pathway(root.node, sink) { pathways.append(p) }
            case .scenario: if let s = ItemReaders.scenario(root.node, sink) { scenarios.append(s) }
            case .training: if let s = ItemReaders.scenario(root.node, sink, training: true) { scenarios.append(s) }
            case .translations: translationSources = ItemReaders.translationSources(root.node, sink)
            }
            diagnostics += sink.diagnostics
        }
        if flow == nil && !roots.contains(where: { $0.role == .flow }) {
            diagnostics.append(Diagnostic(.missingFile, at: .start(of: files.displayPath("flow.yaml")),
                "the bundle has no flow.yaml", hint: "add flow.yaml with start, sections and nodes"))
        }
        let emptyFlow = Flow(start: Reference("", at: .start(of: files.displayPath("flow.yaml"))), sections: [], nodes: [],
                             location: .start(of: files.displayPath("flow.yaml")))
        var bundle = ContentBundle(info: bundleInfo, questions: questions, flow: flow ?? emptyFlow, outcomes: outcomes,
                                   pathways: pathways, referrals: referrals, sources: sources, glossary: terms,
                                   scenarios: scenarios, hash: files.hash)
        bundle.translationSources = translationSources
        return LoadResult(bundle: bundle, diagnostics: diagnostics)
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
        // Content never uses YAML anchors and aliases, and aliases can make a tiny file expand without end.
        if let (line, column, sigil) = anchorOrAlias(in: text) {
            return .failure(Diagnostic(.yamlSyntax, at: SourceLocation(file: file, line: line, column: column),
                                       sigil == "*" ? "YAML aliases (*name) are not used in content files"
                                                    : "YAML anchors (&name) are not used in content files",
                                       hint: "write the text out in full where it is needed"))
        }
        do {
            // Content reads every scalar as text, so the basic resolver does: the default one runs a regular
            // expression per scalar to guess booleans, numbers and dates we never use. The encoding is given
            // because Yams' default looks it up in the process environment on every call.
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch let error as YamlError {
            return .failure(yamlDiagnostic(error, file: file))
        } catch {
            return .failure(Diagnostic(.yamlSyntax, at: .start(of: file), "this file could not be read as YAML"))
        }
    }

    /// The first anchor (`&name`) or alias (`*name`) where YAML would read one: where a value starts,
    /// outside quotes and comments. Prose such as "see *note*" inside a value is not one.
    static func anchorOrAlias(in text: String) -> (line: Int, column: Int, sigil: Character)? {
        // Works on UTF-8 bytes: every character that matters here is ASCII, and the bytes of other
        // characters are never ASCII, so they only count as "something else" on the line.
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "*")) || bytes.contains(UInt8(ascii: "&")) else { return nil }
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        let opensValue: Set<UInt8> = Set(":-?[{,".utf8)
        var line = 1, lineStart = 0, i = 0
        while i < bytes.count {
            // One line: from i to the next newline.
            var end = i
            while end < bytes.count && bytes[end] != newline { end += 1 }
            var quote: UInt8?
            var previous: UInt8? = nil  // the last non-space byte before this one on the line
            var j = i
            scan: while j < end {
                let c = bytes[j]
                if let q = quote {
                    if c == q { quote = nil }
                    previous = c
                    j += 1
                    continue
                }
                if c == UInt8(ascii: "#") && (j == lineStart || bytes[j - 1] == space) { break scan }
                let startsValue = previous == nil || opensValue.contains(previous!)
                if (c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")) && startsValue { quote = c; previous = c; j += 1; continue }
                if (c == UInt8(ascii: "*") || c == UInt8(ascii: "&")), startsValue, j + 1 < end, bytes[j + 1] != space {
                    let column = String(decoding: bytes[lineStart..<j], as: UTF8.self).count + 1
                    return (line, column, c == UInt8(ascii: "*") ? "*" : "&")
                }
                if c != space && c != tab { previous = c }
                j += 1
            }
            line += 1
            i = end + 1
            lineStart = i
        }
        return nil
    }

    static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libYAML says where the construct it was reading began ("while parsing a flow sequence").
            let opened = context.map { " (\($0.text.replacingOccurrences(of: "while parsing", with: "in")) that starts at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return Diagnostic(.yamlSyntax, at: at(mark), "YAML syntax: \(problem)\(opened)",
                              hint: "check the indentation and the ':' and '- ' on this line and the one before")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.duplicateID, at: at(context.mark),
                              "the key '\(duplicates.first ?? "")' appears twice in one mapping")
        case .reader(let problem, _, _, _):
            return Diagnostic(.yamlSyntax, at: .start(of: file), "YAML: \(problem)")
        default:
            return Diagnostic(.yamlSyntax, at: .start(of: file), "this file could not be read as YAML")
        }
    }
}
