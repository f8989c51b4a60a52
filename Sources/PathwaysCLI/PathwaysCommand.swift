import ArgumentParser
import Foundation
import PathwaysEngine
import PathwaysUI

/// `pathways`: opens the caseworker interface; subcommands serve content editors and scripts.
struct PathwaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathways",
        abstract: "Protection pathways for people who may have been trafficked or exploited at work in Canada.",
        discussion: """
            With no subcommand, opens the caseworker interface (full screen, or line by line with --plain). \
            Information, not legal advice. Content editors: 'pathways check' and 'pathways test'.
            """,
        subcommands: [CheckCommand.self, TestCommand.self, AssessCommand.self])

    @Flag(help: "Line-by-line accessible mode (automatic when output is not a terminal or TERM=dumb).")
    var plain = false

    @Option(help: "Language to start in (en or fr).")
    var lang: String?

    @Flag(help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @OptionGroup var options: ContentOptions

    func run() throws {
        let checked = try options.load()
        let errors = checked.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            printDiagnostics(errors, to: printError)
            throw CLIError("the content bundle has errors; run 'pathways check' for details")
        }
        let bundle = checked.bundle
        if let lang, !bundle.info.locales.contains(lang) {
            throw CLIError("--lang must be one of: " + bundle.info.locales.joined(separator: ", "))
        }
        let env = ProcessInfo.processInfo.environment
        let dumb = env["TERM"] == nil || env["TERM"] == "dumb" || env["TERM"] == ""
        if plain || dumb || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 {
            var driver = PlainDriver(bundle: bundle, locale: lang)
            let status = driver.run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let color = !noColor && (env["NO_COLOR"] ?? "").isEmpty
        let status = CursesBackend.run(UIState(bundle: bundle, locale: lang), color: color)
        if status != 0 { throw ExitCode(status) }
    }
}
