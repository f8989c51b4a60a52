/// The flow as a graph for Graphviz (DOT) or Mermaid: questions, outcomes, conditional edges labelled
/// with their conditions, and the parts no answers reach marked as such.
public struct FlowGraph: Sendable {
    public enum Format: String, Sendable, CaseIterable { case dot, mermaid }

    public struct Node: Hashable, Sendable {
        public var id: String
        public var label: String
        public var isOutcome: Bool
        public var reachable: Bool
    }

    public struct Edge: Hashable, Sendable {
        public var from: String
        public var to: String
        /// The condition, "otherwise" for a default after conditions, or nil for the only way on.
        public var label: String?
        /// False when no answers can make the condition true.
        public var possible: Bool
    }

    public let nodes: [Node]
    public let edges: [Edge]
    public let title: String

    public init(bundle: ContentBundle, locale: String? = nil) {
        let locale = locale ?? bundle.info.defaultLocale
        let checks = FlowChecks(bundle: bundle)
        let reached = checks.reached
        let neverAsked = checks.unreachableQuestions()
        func short(_ t: LocalizedText) -> String {
            let s = GlossaryMarkup.render(t.resolve(locale, fallback: bundle.info.defaultLocale), bundle: bundle, locale: locale)
            return s.count > 60 ? String(s.prefix(57)) + "…" : s
        }
        var nodes: [Node] = []
        var seen = Set<String>()
        for id in bundle.flow.nodeOrder + bundle.questions.map(\.id) where seen.insert(id).inserted {
            let prompt = bundle.question(id).map { short($0.prompt) } ?? "?"
            nodes.append(Node(id: id, label: "\(id)\n\(prompt)", isOutcome: false, reachable: reached.contains(id) && !neverAsked.contains(id)))
        }
        for o in bundle.outcomes where seen.insert(o.id).inserted {
            nodes.append(Node(id: o.id, label: "\(o.id)\n\(short(o.title))", isOutcome: true, reachable: reached.contains(o.id)))
        }
        var edges: [Edge] = []
        for id in bundle.flow.nodeOrder {
            let rules = bundle.flow.nodes[id]!.next
            let table = checks.edges(from: id)
            for (i, rule) in rules.enumerated() {
                let label = rule.condition?.text ?? (rules.count > 1 ? "otherwise" : nil)
                edges.append(Edge(from: id, to: rule.target.id, label: label, possible: table.indices.contains(i) ? table[i].possible : true))
            }
        }
        for o in bundle.outcomes {
            if let next = o.continueTo { edges.append(Edge(from: o.id, to: next.id, label: "continue", possible: true)) }
        }
        self.nodes = nodes
        self.edges = edges
        self.title = bundle.info.id
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
        var out = ["digraph \(q(title)) {", "  rankdir=TB;", "  node [shape=box, fontname=\"Helvetica\"];",
                   "  edge [fontname=\"Helvetica\", fontsize=10];"]
        for n in nodes {
            var attrs = ["label=\(q(n.reachable ? n.label : n.label + "\n(unreachable)"))"]
            if n.isOutcome { attrs.append("shape=doubleoctagon") }
            if !n.reachable { attrs += ["style=dashed", "color=red"] }
            out.append("  \(q(n.id)) [\(attrs.joined(separator: ", "))];")
        }
        for e in edges {
            var attrs: [String] = []
            if let l = e.label { attrs.append("label=\(q(e.possible ? l : l + " (never true)"))") }
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
        for n in nodes {
            let label = text(n.reachable ? n.label : n.label + "\n(unreachable)")
            out.append("  " + id(n.id) + (n.isOutcome ? "([\(label)])" : "[\(label)]"))
        }
        for e in edges {
            let arrow = e.possible ? "-->" : "-.->"
            if let l = e.label {
                out.append("  \(id(e.from)) \(arrow)|\(text(e.possible ? l : l + " (never true)"))| \(id(e.to))")
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
