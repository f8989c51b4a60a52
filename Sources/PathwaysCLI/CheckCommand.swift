import ArgumentParser
import Foundation
import PathwaysEngine

/// `pathways check [DIR]`: reports every problem in a content bundle.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a content bundle and report problems as file:line:col diagnostics.",
        discussion: "Exits 0 when there are no errors (warnings allowed), 1 when there are errors, 2 on a usage problem.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The bundle folder (default: the shipped content).")
    var directory: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Check review dates as of this day (YYYY-MM-DD) instead of today.")
    var today: String?

    @OptionGroup var options: ContentOptions

    func run() throws {
        var day = Clock.today()
        if let today {
            guard let d = Day(today) else { throw CLIError("--today must be a date as YYYY-MM-DD, such as 2026-11-20") }
            day = d
        }
        let checked = try options.load(positional: directory, today: day)
        let errors = checked.diagnostics.filter { $0.severity == .error }.count
        let warnings = checked.diagnostics.count - errors
        switch format {
        case .text:
            printDiagnostics(checked.diagnostics) { print($0) }
            for line in ProgramStrings.coverage(checked.bundle) { print(line) }
            let b = checked.bundle.info
            print("\(b.id) \(b.version): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
                  + " (\(checked.bundle.questions.count) questions, \(checked.bundle.pathways.count) pathways, \(checked.bundle.scenarios.count) scenarios)")
        case .json:
            print(DiagnosticsJSON.render(checked))
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

/// `pathways check --format json`.
enum DiagnosticsJSON {
    struct Item: Encodable {
        var file: String, line: Int, column: Int, severity: String, code: String, name: String, message: String, hint: String?
    }
    struct Document: Encodable {
        var bundle: BundleStamp
        var errors: Int
        var warnings: Int
        var diagnostics: [Item]
    }

    static func render(_ checked: CheckedBundle) -> String {
        let items = checked.diagnostics.map {
            Item(file: $0.location.file, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue,
                 code: $0.code.rawValue, name: $0.code.name, message: $0.message, hint: $0.hint)
        }
        let errors = checked.diagnostics.filter { $0.severity == .error }.count
        let doc = Document(bundle: checked.bundle.stamp, errors: errors, warnings: checked.diagnostics.count - errors, diagnostics: items)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(doc)) ?? Data(), as: UTF8.self)
    }
}
