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

    @Option(help: "Delete cases not updated for this many days, at start-up (at least 1).")
    var retentionDays: Int = 90

    @Option(help: "Lock the case after this many minutes without a key.")
    var lockAfter: Double = 5

    @OptionGroup var options: ContentOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var day: DayOptions

    func validate() throws {
        guard retentionDays >= 1 else {
            throw ValidationError("--retention-days must be at least 1 day (0 or less would delete every case at start-up)")
        }
        guard lockAfter > 0, lockAfter.isFinite else { throw ValidationError("--lock-after must be a number of minutes above 0") }
    }

    /// The case records for this session, or nil when they are off (with the reason said once).
    func openRecords(interactive: Bool, fullScreen: Bool, contentHash: String) throws -> StoreKeeper? {
        if noStore { return nil }
        if !EnvironmentPassphrase.isSet && !interactive {
            if resume != nil { throw CLIError("set PATHWAYS_PASSPHRASE to reopen a case without a terminal") }
            printError("pathways: case records are off (no passphrase); answers will not be saved")
            return nil
        }
        let store = try storeOptions.open()
        let gone: [CaseCode]
        do { gone = try store.purge(olderThanDays: retentionDays, now: Date()) } catch let e as StoreError { throw storeFailure(e) }
        if !gone.isEmpty { RetentionNotice.say(count: gone.count, days: retentionDays, waitForEnter: fullScreen && interactive) }
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
        let keeper = try openRecords(interactive: isatty(STDIN_FILENO) != 0, fullScreen: !linewise, contentHash: bundle.hash)
        var reopened: ReopenedCase?
        if let resume {
            guard let keeper else { throw CLIError("--resume needs the case records") }
            do { reopened = try keeper.reopen(resume, bundle: bundle) } catch let e as StoreError { throw storeFailure(e) }
        }
        if linewise {
            var driver = PlainDriver(bundle: bundle, locale: lang, clientLocale: clientLang, today: today, keeper: keeper, reopened: reopened,
                                     write: StandardOutput.writeLine)
            let status = driver.run()
            try endOfSession(keeper)
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
        // A quick exit ends the process at once, status 0, printing nothing.
        if keeper?.wasForgotten == true { QuickExit.end() }
        try endOfSession(keeper)
        if status != 0 { throw ExitCode(status) }
    }

    /// After the interface: if answers could not be saved, the worker was told at the time; the program
    /// says it once more and ends with status 1.
    func endOfSession(_ keeper: StoreKeeper?) throws {
        guard let keeper, keeper.failedSaves > 0 else { return }
        let n = keeper.failedSaves
        throw ExitFailure("answers could not be saved \(n) time\(n == 1 ? "" : "s") (\(keeper.lastFailure ?? "unknown reason")); "
                          + "the case record holds only what was saved before")
    }
}

/// Says how many cases start-up retention deleted; in full-screen mode it waits for Enter, so the worker
/// reads it before the interface covers the terminal.
enum RetentionNotice {
    static func say(count: Int, days: Int, waitForEnter: Bool) {
        let line = count == 1 ? "1 case not updated for \(days) days was deleted" : "\(count) cases not updated for \(days) days were deleted"
        printError("pathways: " + line + " (--retention-days)")
        guard waitForEnter, let tty = fopen("/dev/tty", "r+") else { return }
        defer { fclose(tty) }
        fputs("Press Enter to go on. ", tty)
        fflush(tty)
        while true {
            let c = fgetc(tty)
            if c == EOF || c == 10 || c == 13 { break }
        }
    }
}
