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

    @Argument(help: "The bundle folder (default: ./Content when there is one, else the built-in bundle).")
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
        let loaded = try options.load(positional: directory, today: day)
        let checked = loaded.checked
        switch format {
        case .text:
            printDiagnostics(checked, errorsOnly: false) { print($0) }
            // Coverage counts a bundle that was read whole; with errors it would count what was left out.
            if !checked.hasErrors { for line in ProgramStrings.coverage(checked.bundle) { print(line) } }
            print(Self.summary(loaded))
        case .json:
            print(DiagnosticsJSON.render(loaded))
        }
        if checked.hasErrors { throw ExitCode(1) }
    }

    /// The last line: what was read, and what was found in it.
    /// "Checked Content/ — 51 files (pathways-ca 1.0.0): 1 error, 0 warnings; 12 more held back (see the note
    /// above); 17 questions, 15 pathways, 25 scenarios"
    static func summary(_ loaded: LoadedContent) -> String {
        let checked = loaded.checked
        func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let errors = checked.diagnostics.filter { $0.severity == .error }.count
        let warnings = checked.diagnostics.count - errors
        let held = checked.withheld.reduce(0) { $0 + $1.diagnostics.count }
        let b = checked.bundle
        let notes = checked.withheld.count == 1 ? "the note" : "the notes"
        return "Checked \(loaded.description): \(n(errors, "error")), \(n(warnings, "warning"))"
            + (held > 0 ? "; \(held) more held back (see \(notes) above)" : "")
            + "; \(b.questions.count) questions, \(b.pathways.count) pathways, \(b.scenarios.count) scenarios"
    }
}

/// `pathways check --format json`.
enum DiagnosticsJSON {
    struct Item: Encodable {
        var file: String, line: Int, column: Int, severity: String, code: String, name: String, message: String, hint: String?
    }
    /// Diagnostics held back, with the note said in their place.
    struct Withheld: Encodable {
        var file: String, reason: String, note: String, diagnostics: [Item]
    }
    struct Document: Encodable {
        var bundle: BundleStamp
        /// What was read: the folder as shown, or "built-in".
        var source: String
        /// Errors and warnings, those held back included.
        var errors: Int
        var warnings: Int
        var diagnostics: [Item]
        var withheld: [Withheld]
    }

    static func render(_ loaded: LoadedContent) -> String {
        let checked = loaded.checked
        func items(_ ds: [Diagnostic]) -> [Item] {
            ds.map {
                Item(file: $0.location.file, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue,
                     code: $0.code.rawValue, name: $0.code.name, message: $0.message, hint: $0.hint)
            }
        }
        let all = checked.allDiagnostics
        let errors = all.filter { $0.severity == .error }.count
        let withheld = checked.withheld.map { w in
            Withheld(file: w.file, reason: w.reason == .tooMany ? "too-many-in-file" : "may-follow-from-unreadable-file",
                     note: w.note, diagnostics: items(w.diagnostics))
        }
        let doc = Document(bundle: checked.bundle.stamp, source: loaded.source.builtIn ? "built-in" : loaded.source.display,
                           errors: errors, warnings: all.count - errors, diagnostics: items(checked.diagnostics), withheld: withheld)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(doc)) ?? Data(), as: UTF8.self)
    }
}
