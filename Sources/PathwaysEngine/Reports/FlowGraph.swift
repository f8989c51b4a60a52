/// The flow as a graph for Graphviz (DOT) or Mermaid, drawn for the people who write the content: each
/// question's full prompt (wrapped at word boundaries, its id underneath), sections as boxes around their
/// questions, and each way on labelled with the answers that take it, numbered in the order the branches
/// are tried (the condition as written is the edge's tooltip). Parts no answers reach are dashed and marked.
public struct FlowGraph: Sendable {
    public enum Format: String, Sendable, CaseIterable { case dot, mermaid }

    public struct Node: Hashable, Sendable {
        public var id: String
        /// The prompt (or an outcome's title), wrapped into lines.
        public var lines: [String]
        public var isOutcome: Bool
        public var reachable: Bool
        /// The section it is drawn in, if any.
        public var section: String?
    }

    public struct Edge: Hashable, Sendable {
        public var from: String
        public var to: String
        /// In words: "1. Yes", "2. otherwise"; nil for the only way on.
        public var label: String?
        /// The condition as written in flow.yaml, for the tooltip.
        public var condition: String?
        /// False when no answers can make the condition true.
        public var possible: Bool
    }

    public struct Cluster: Hashable, Sendable {
        public var id: String
        public var title: String
    }

    public let nodes: [Node]
    public let edges: [Edge]
    public let clusters: [Cluster]
    public let start: String
    public let title: String

    /// Characters per line of a node's text, and of an edge's label.
    static let nodeWidth = 34, edgeWidth = 28

    public init(bundle: ContentBundle, locale: String? = nil) {
        let locale = locale ?? bundle.info.defaultLocale
        let checks = FlowChecks(bundle: bundle)
        let reached = checks.reached
        let neverAsked = checks.unreachableQuestions()
        func text(_ t: LocalizedText) -> String {
            GlossaryMarkup.render(t.resolve(locale, fallback: bundle.info.defaultLocale), bundle: bundle, locale: locale)
        }
        var sectionOf: [String: String] = [:]
        for s in bundle.flow.sections { for q in s.questions where sectionOf[q.id] == nil { sectionOf[q.id] = s.id } }
        var nodes: [Node] = []
        var seen = Set<String>()
        for id in bundle.flow.nodeOrder + bundle.questions.map(\.id) where seen.insert(id).inserted {
            let prompt = bundle.question(id).map { text($0.prompt) } ?? "(no such question)"
            nodes.append(Node(id: id, lines: Self.wrap(prompt, width: Self.nodeWidth), isOutcome: false,
                              reachable: reached.contains(id) && !neverAsked.contains(id), section: sectionOf[id]))
        }
        for o in bundle.outcomes where seen.insert(o.id).inserted {
            nodes.append(Node(id: o.id, lines: Self.wrap(text(o.title), width: Self.nodeWidth), isOutcome: true,
                              reachable: reached.contains(o.id), section: nil))
        }
        let words = EdgeWords(bundle: bundle, locale: locale)
        var edges: [Edge] = []
        for id in bundle.flow.nodeOrder {
            guard let rules = bundle.flow.nodes[id]?.next else { continue }
            let table = checks.edges(from: id)
            for (i, rule) in rules.enumerated() {
                var label: String?
                if rules.count > 1 {
                    let said = rule.condition.map { words.describe($0, from: id) } ?? words.otherwise
                    label = "\(i + 1). " + said
                }
                edges.append(Edge(from: id, to: rule.target.id, label: label.map { Self.wrap($0, width: Self.edgeWidth).joined(separator: "\n") },
                                  condition: rule.condition?.text, possible: table.indices.contains(i) ? table[i].possible : true))
            }
        }
        for o in bundle.outcomes {
            if let next = o.continueTo { edges.append(Edge(from: o.id, to: next.id, label: words.continues, condition: nil, possible: true)) }
        }
        self.nodes = nodes
        self.edges = edges
        self.clusters = bundle.flow.sections.map { Cluster(id: $0.id, title: text($0.title)) }
        self.start = bundle.flow.start.id
        self.title = bundle.info.id
    }

    /// Words in lines of at most `width` characters, broken between words (a longer word stays whole).
    static func wrap(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { WordWrap.lines($0, width: width) }
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .dot: return dot()
        case .mermaid: return mermaid()
        }
    }

    func dot() -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n") + "\""
        }
        func html(_ s: String) -> String {
            s.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;").replacingAll("\"", with: "&quot;")
        }
        var out = ["digraph \(q(title)) {", "  rankdir=TB;", "  node [shape=box, style=\"rounded\", fontname=\"Helvetica\", margin=\"0.15,0.08\"];",
                   "  edge [fontname=\"Helvetica\", fontsize=10];"]
        func node(_ n: Node, indent: String) -> String {
            var body = n.lines.map(html).joined(separator: "<BR/>")
            if !n.reachable { body += "<BR/><B>(never reached)</B>" }
            let label = "<\(body)<BR/><FONT POINT-SIZE=\"9\" COLOR=\"gray35\">\(html(n.id))</FONT>>"
            var attrs = ["label=\(label)"]
            if n.isOutcome { attrs.append("shape=doubleoctagon") }
            let style = (n.isOutcome ? [] : ["rounded"]) + (n.reachable ? [] : ["dashed"])
            if style != ["rounded"] { attrs.append("style=\(q(style.joined(separator: ",")))") }
            if !n.reachable { attrs.append("color=red") }
            return "\(indent)\(q(n.id)) [\(attrs.joined(separator: ", "))];"
        }
        if nodes.contains(where: { $0.id == start }) {
            out.append("  \"__start\" [label=\"Start\", shape=oval, style=filled, fillcolor=gray90];")
        }
        for c in clusters {
            let members = nodes.filter { $0.section == c.id }
            guard !members.isEmpty else { continue }
            out.append("  subgraph \(q("cluster_" + c.id)) {")
            out.append("    label=\(q(c.title)); labeljust=l; fontname=\"Helvetica-Bold\"; style=\"rounded,filled\"; fillcolor=gray97; color=gray60;")
            for n in members { out.append(node(n, indent: "    ")) }
            out.append("  }")
        }
        for n in nodes where n.section == nil || !clusters.contains(where: { $0.id == n.section }) { out.append(node(n, indent: "  ")) }
        if nodes.contains(where: { $0.id == start }) { out.append("  \"__start\" -> \(q(start));") }
        for e in edges {
            var attrs: [String] = []
            if let l = e.label { attrs.append("label=\(q(e.possible ? l : l + "\n(never true)"))") }
            if let c = e.condition { attrs.append("tooltip=\(q(c))") }
            if !e.possible { attrs += ["style=dashed", "color=red"] }
            out.append("  \(q(e.from)) -> \(q(e.to))" + (attrs.isEmpty ? "" : " [\(attrs.joined(separator: ", "))]") + ";")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    func mermaid() -> String {
        func id(_ s: String) -> String { "n_" + String(s.map { $0.isLetter || $0.isNumber ? $0 : "_" }) }
        func text(_ s: String) -> String {
            "\"" + s.replacingAll("\"", with: "#quot;").replacingAll("\n", with: "<br/>").replacingAll("|", with: "#124;") + "\""
        }
        var out = ["flowchart TD"]
        func node(_ n: Node, indent: String) -> String {
            let label = text((n.lines + (n.reachable ? [] : ["(never reached)"]) + ["(\(n.id))"]).joined(separator: "\n"))
            return indent + id(n.id) + (n.isOutcome ? "([\(label)])" : "[\(label)]")
        }
        for c in clusters {
            let members = nodes.filter { $0.section == c.id }
            guard !members.isEmpty else { continue }
            out.append("  subgraph \(id("section_" + c.id))[\(text(c.title))]")
            for n in members { out.append(node(n, indent: "    ")) }
            out.append("  end")
        }
        for n in nodes where n.section == nil || !clusters.contains(where: { $0.id == n.section }) { out.append(node(n, indent: "  ")) }
        for e in edges {
            let arrow = e.possible ? "-->" : "-.->"
            if let l = e.label {
                out.append("  \(id(e.from)) \(arrow)|\(text(e.possible ? l : l + "\n(never true)"))| \(id(e.to))")
            } else {
                out.append("  \(id(e.from)) \(arrow) \(id(e.to))")
            }
        }
        let unreachable = nodes.filter { !$0.reachable }.map { id($0.id) }
        out.append("  classDef unreachable stroke:#c00,stroke-dasharray:5 5;")
        out.append("  classDef outcome stroke-width:3px;")
        let outcomes = nodes.filter(\.isOutcome).map { id($0.id) }
        if !outcomes.isEmpty { out.append("  class \(outcomes.joined(separator: ",")) outcome;") }
        if !unreachable.isEmpty { out.append("  class \(unreachable.joined(separator: ",")) unreachable;") }
        return out.joined(separator: "\n") + "\n"
    }
}

/// A flow branch's condition in the words of the questions it reads: "Yes"; "Visitor or Student"; "status:
/// Citizen or permanent resident"; the answers of the question being left need no name.
struct EdgeWords {
    let bundle: ContentBundle
    let locale: String

    var otherwise: String { locale == "fr" ? "sinon" : "otherwise" }
    var continues: String { locale == "fr" ? "puis continuer" : "then go on" }

    /// Past this many characters a label is drawn with long lists of answers counted instead of named.
    static let longest = 90

    func describe(_ c: ConditionText, from question: String) -> String {
        guard let parsed = c.parsed else { return c.text }
        let full = words(parsed, from: question, compact: false)
        return full.count <= Self.longest ? full : words(parsed, from: question, compact: true)
    }

    private func label(_ ref: QuestionRef, _ l: LiteralNode) -> String {
        if case .word(let w) = l.value, let o = bundle.question(ref.name)?.option(w) {
            return o.label.resolve(locale, fallback: bundle.info.defaultLocale)
        }
        return l.value.description
    }

    private func name(_ ref: QuestionRef, from question: String) -> String {
        ref.name == question ? "" : ref.name.replacingAll("_", with: " ") + ": "
    }

    /// `compact`: a list of more than two answers is counted ("one of 4 answers") rather than named.
    private func words(_ c: Condition, from question: String, compact: Bool) -> String {
        let or = locale == "fr" ? " ou " : " or ", and = locale == "fr" ? " et " : " and "
        func listed(_ q: QuestionRef, _ ls: [LiteralNode], _ joiner: String, all: Bool) -> String {
            if compact && ls.count > 2 {
                return locale == "fr" ? (all ? "les \(ls.count) réponses" : "une de \(ls.count) réponses")
                                      : (all ? "all \(ls.count) answers" : "one of \(ls.count) answers")
            }
            return ls.map { label(q, $0) }.joined(separator: joiner)
        }
        switch c {
        case .constant(let b): return b ? (locale == "fr" ? "toujours" : "always") : (locale == "fr" ? "jamais" : "never")
        case .isYes(let q): return name(q, from: question) + (locale == "fr" ? "Oui" : "Yes")
        case .compare(let q, let op, let l):
            let value = label(q, l)
            switch op {
            case .equal: return name(q, from: question) + value
            case .notEqual: return name(q, from: question) + (locale == "fr" ? "pas \(value)" : "not \(value)")
            case .less: return name(q, from: question) + (locale == "fr" ? "moins de \(value)" : "under \(value)")
            case .lessOrEqual: return name(q, from: question) + (locale == "fr" ? "\(value) ou moins" : "\(value) or less")
            case .greater: return name(q, from: question) + (locale == "fr" ? "plus de \(value)" : "over \(value)")
            case .greaterOrEqual: return name(q, from: question) + (locale == "fr" ? "\(value) ou plus" : "\(value) or more")
            }
        case .member(let q, let negated, let ls):
            let these = listed(q, ls, or, all: false)
            return name(q, from: question) + (negated ? (locale == "fr" ? "ni \(these)" : "neither \(these)") : these)
        case .has(let q, let mode, let ls):
            if compact && ls.count > 2 { return name(q, from: question) + listed(q, ls, or, all: mode == .all) + (locale == "fr" ? " cochée(s)" : " ticked") }
            let ticked = locale == "fr" ? "coché : " : "ticked: "
            return name(q, from: question) + ticked + listed(q, ls, mode == .all ? and : or, all: mode == .all)
        case .status(let q, let s):
            let said: String
            switch s {
            case .declined: said = locale == "fr" ? "préfère ne pas répondre" : "prefers not to say"
            case .answered: said = locale == "fr" ? "répondu" : "answered"
            case .unanswered: said = locale == "fr" ? "sans réponse" : "not answered"
            case .unsure: said = locale == "fr" ? "Ne sait pas" : "Not sure"
            }
            return name(q, from: question) + said
        case .dateCompare(let a, let op, let b):
            let fr = locale == "fr"
            let relation: String
            switch op {
            case .less: relation = fr ? "avant" : "before"
            case .lessOrEqual: relation = fr ? "au plus tard" : "on or before"
            case .greater: relation = fr ? "après" : "after"
            case .greaterOrEqual: relation = fr ? "au plus tôt" : "on or after"
            case .equal: relation = fr ? "le" : "on"
            case .notEqual: relation = fr ? "pas le" : "not on"
            }
            return a.description.replacingAll("_", with: " ") + " " + relation + " " + b.description.replacingAll("_", with: " ")
        case .not(let inner): return (locale == "fr" ? "pas (" : "not (") + words(inner, from: question, compact: compact) + ")"
        case .and(let cs): return cs.map { words($0, from: question, compact: compact) }.joined(separator: and)
        case .or(let cs): return cs.map { words($0, from: question, compact: compact) }.joined(separator: or)
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation in the engine's core types).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    private func components(separatedBy separator: String) -> [String] {
        var parts: [String] = [], current = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: separator) {
            current += rest[..<r.lowerBound]
            parts.append(current)
            current = ""
            rest = rest[r.upperBound...]
        }
        parts.append(current + rest)
        return parts
    }
}
