import ArgumentParser
import Foundation
import PathwaysEngine

/// `pathways coverage [DIR]`: what the scenarios exercise, and which pathways any answers can reach.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show what the scenarios exercise, and which pathways some answers can reach (with an example) or none can (and why).")

    @Argument(help: "The bundle folder (default: ./Content when there is one, else the built-in bundle).")
    var directory: String?

    @Flag(help: "List every covered item too, not only what is missed.")
    var verbose = false

    @OptionGroup var options: ContentOptions
    @OptionGroup var day: DayOptions

    func run() throws {
        let today = try day.day()
        let loaded = try options.load(positional: directory, today: nil)
        let bundle = loaded.bundle
        print("Coverage of \(loaded.description)")
        // Files that do not parse leave parts of the bundle out: say so first.
        for d in loaded.checked.diagnostics where d.code == .yamlSyntax || d.code == .inputLimit { print(d.formatted) }
        let c = ScenarioCoverage(bundle: bundle, today: today)
        func part(_ name: String, _ covered: [String], _ missed: [String]) {
            let total = covered.count + missed.count
            let pct = total == 0 ? 100 : covered.count * 100 / total
            print("\(name): \(covered.count)/\(total) (\(pct)%)")
            if verbose { for x in covered { print("  covered: \(x)") } }
            for x in missed { print("  not exercised: \(x)") }
        }
        print("Scenarios (\(bundle.scenarios.count)):")
        part("questions asked", c.questions.covered, c.questions.missed)
        part("options chosen", c.options.covered, c.options.missed)
        part("flow edges taken", c.edges.covered, c.edges.missed)
        let seen = c.pathways.filter { !$0.statuses.isEmpty }
        print("pathways seen: \(seen.count)/\(c.pathways.count)")
        for p in c.pathways {
            let statuses = p.statuses.map(\.words).joined(separator: ", ")
            if verbose || p.statuses.count < PathwayStatus.allCases.count {
                print("  \(p.id): " + (statuses.isEmpty ? "never seen" : statuses))
            }
        }
        print("")
        print("Reachability (every path through the flow; examples show the answers the criteria read, --verbose every answer):")
        let analysis = PathwayReachability(bundle: bundle, today: today)
        var unreachable = 0
        for (p, result) in zip(bundle.pathways, analysis.analyseAll(bundle.pathways)) {
            switch result {
            case .reachable(let example):
                // The answers its criteria read; the rest only lead the way there (all of them with --verbose).
                let shown = verbose ? example.answers : example.decisiveAnswers
                let example = shown.sorted { (bundle.questionIndex[$0.key] ?? 0) < (bundle.questionIndex[$1.key] ?? 0) }
                    .map { "\($0.key)=\(ScenarioWriter.value($0.value))" }
                print("  \(p.id): reachable, e.g. " + (example.isEmpty ? "any answers" : example.joined(separator: " ")))
            case .unreachable(let blocking):
                unreachable += 1
                let why = blocking.map { "'\(p.eligibility[$0].condition.text)'" }
                print("  \(p.id): NO answers reach it" + (why.isEmpty ? ": its criteria are never all true on one path" : ": never true on any path: " + why.joined(separator: ", ")))
            case .undecided:
                print("  \(p.id): undecided (the search was too large)")
            }
        }
        if unreachable > 0 { throw ExitCode(1) }
    }
}
