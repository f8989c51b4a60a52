import ArgumentParser
import Foundation
import PathwaysEngine
import PathwaysStore
import PathwaysUI

/// `pathways`: opens the caseworker interface; subcommands serve content editors, trainers and scripts.
struct PathwaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathways",
        abstract: "Protection pathways for people who may have been trafficked or exploited at work in Canada.",
        discussion: """
            With no subcommand, opens the caseworker interface (full screen, or line by line with --plain). \
            Information, not legal advice. Content editors: 'pathways check' and 'pathways test'.
            """,
        subcommands: [OpenCommand.self, CheckCommand.self, TestCommand.self, AssessCommand.self, CasesCommand.self, TrainCommand.self, GraphCommand.self, SchemaCommand.self, TranslationsCommand.self, CoverageCommand.self, PreviewCommand.self],
        defaultSubcommand: OpenCommand.self)
}

/// `pathways [open]`: the caseworker interface. The options live here, not on the root command, so
/// subcommands keep their own `--lang`.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the caseworker interface (the default when no subcommand is given).")

    @Flag(help: "Line-by-line accessible mode (automatic when output is not a terminal or TERM=dumb).")
    var plain = false

    @Option(help: "The worker's language to start in: one of the bundle's locales (en, fr, es, tl).")
    var lang: String?

    @Option(help: "The person's language, shown beside the worker's from the start (such as es or tl).")
    var clientLang: String?

    @Flag(help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Do not keep case records (nothing is saved).")
    var noStore = false

    @Option(help: "Reopen a saved case by its code.")
    var resume: String?

    @Option(help: "Delete cases not updated for this many days, at start-up.")
    var retentionDays: Int = 90

    @Option(help: "Lock the case after this many minutes without a key.")
    var lockAfter: Double = 5

    @OptionGroup var options: ContentOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var day: DayOptions

    /// The case records for this session, or nil when they are off (with the reason said once).
    func openRecords(interactive: Bool, contentHash: String) throws -> StoreKeeper? {
        if noStore { return nil }
        let env = ProcessInfo.processInfo.environment
        if env["PATHWAYS_PASSPHRASE"] == nil && !interactive {
            if resume != nil { throw CLIError("set PATHWAYS_PASSPHRASE to reopen a case without a terminal") }
            printError("pathways: case records are off (no passphrase); answers will not be saved")
            return nil
        }
        let store = try storeOptions.open()
        let gone = try store.purge(olderThanDays: retentionDays, now: Date())
        if !gone.isEmpty { printError("pathways: \(gone.count) case(s) older than \(retentionDays) days were deleted") }
        return StoreKeeper(store: store, contentHash: contentHash, today: try day.day())
    }

    func run() throws {
        // The interface assesses on the day it is used: the clock is read here, at the edge (or --today).
        let today = try day.day()
        let (bundle, worker) = try options.usableBundle(lang: lang)
        if let clientLang {
            guard bundle.info.locales.contains(clientLang) else {
                throw CLIError("--client-lang must be one of: " + bundle.info.locales.joined(separator: ", "))
            }
            guard clientLang != worker else { throw CLIError("--client-lang is the worker's language already (\(worker)); choose another") }
        }
        let linewise = shouldUseLineMode(plain: plain)
        let keeper = try openRecords(interactive: isatty(STDIN_FILENO) != 0, contentHash: bundle.hash)
        var reopened: ReopenedCase?
        if let resume {
            guard let keeper else { throw CLIError("--resume needs the case records") }
            do { reopened = try keeper.reopen(resume, bundle: bundle) } catch let e as StoreError { throw CLIError(e.description) }
        }
        if linewise {
            var driver = PlainDriver(bundle: bundle, locale: lang, clientLocale: clientLang, today: today, keeper: keeper, reopened: reopened)
            let status = driver.run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let color = colorWanted(noColor: noColor)
        var state = UIState(bundle: bundle, locale: lang)
        state.today = today
        if let reopened, let code = keeper?.caseCode { state.reopened(reopened, code: code) }
        if let clientLang { state.use(clientLocale: clientLang) }
        let status = CursesBackend.run(state, color: color, keeper: keeper, lockAfter: lockAfter * 60,
                                       openPreview: FolderPreview.startScreenOffer())
        if status != 0 { throw ExitCode(status) }
    }
}
