import ArgumentParser
import PathwaysEngine

/// `pathways graph [DIR] --format dot|mermaid`: the flow as a graph.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the flow as a Graphviz (dot) or Mermaid graph, with unreachable parts marked.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, mermaid }

    @Argument(help: "The bundle folder (default: ./Content when there is one, else the built-in bundle).")
    var directory: String?

    @Option(help: "dot or mermaid.")
    var format: Format = .dot

    @Option(help: "Language of the labels.")
    var lang: String?

    @OptionGroup var options: ContentOptions

    func run() throws {
        let loaded = try options.load(positional: directory, today: nil)
        let graph = FlowGraph(bundle: loaded.bundle, locale: lang)
        // The first line, a comment in either format, names what was drawn.
        print((format == .dot ? "// " : "%% ") + "the flow of \(loaded.description)")
        print(graph.render(format == .dot ? .dot : .mermaid), terminator: "")
    }
}
