import ArgumentParser
import Foundation
import PathwaysEngine
import PathwaysUI

/// `pathways train`: workshop walkthroughs, presentations, quizzes and handouts of fictional training cases,
/// and `pathways train results DIR` for a group's quiz results. Never opens the case records.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Workshop walkthroughs, quizzes and handouts on fictional training cases (nothing is saved).",
        subcommands: [TrainRunCommand.self, TrainResultsCommand.self],
        defaultSubcommand: TrainRunCommand.self)
}

/// `pathways train [CASE]`: the interface on the training cases, a presentation's two views, or a handout.
struct TrainRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open trainer mode, a presentation (--present, --room), or print a handout (CASE --worksheet or --guide).",
        discussion: """
            A presentation is two views of one walkthrough: 'pathways train --present' is the facilitator's \
            console (notes, the next discussion step, a timer) and 'pathways train --room', in the terminal \
            on the projector, shows the room what the console shows, never a note. They talk over a Unix \
            socket in a private folder; nothing goes on the network and nothing is saved.
            """)

    @Argument(help: "A training case, by its number in 'pathways train --plain' or its id: prints its handout.")
    var scenario: String?

    @Flag(help: "Line mode: list the training cases (or print a handout of CASE).")
    var plain = false

    @Flag(help: "With CASE: the participant worksheet (persona, prompts, room to write; no answers). The default.")
    var worksheet = false

    @Flag(help: "With CASE: the facilitator guide (answer key, notes, key decisions, learning points, timings).")
    var guide = false

    @Flag(help: .hidden)
    var notes = false

    @Flag(help: "Open the facilitator's console of a presentation.")
    var present = false

    @Flag(help: "Open the room's view of a presentation (for the projector): it follows the console.")
    var room = false

    @Option(help: "The presentation's socket (default: in $XDG_RUNTIME_DIR/pathways-present, else /tmp/pathways-present-UID).")
    var socket: String?

    @Option(help: "A folder (that exists) where trainees keep their quiz results for the group ('w' on the score).")
    var results: String?

    @Option(help: "A folder (that exists) where 'w' in a walkthrough saves a training case draft.")
    var drafts: String?

    @Option(help: "The language to start in: one of the bundle's locales (en, fr, es, tl).")
    var lang: String?

    @Flag(help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @OptionGroup var options: ContentOptions
    @OptionGroup var day: DayOptions

    func run() throws {
        let today = try day.day()
        let (bundle, locale) = try options.usableBundle(lang: lang)
        guard !(present && room) else { throw CLIError("--present opens the console and --room the room's view: choose one per terminal") }
        if worksheet && (guide || notes) { throw CLIError("--worksheet and --guide are two handouts: choose one") }
        let handout = TrainingHandout(bundle: bundle, locale: locale, today: today)
        if let scenario {
            guard let id = handout.scenarioID(scenario) else {
                throw CLIError("no training case '\(scenario)'; 'pathways train --plain' lists them")
            }
            let text = guide || notes ? handout.guide(id) : handout.worksheet(id)
            print(text ?? "", terminator: "")
            return
        }
        if worksheet || guide || notes { throw CLIError("name a training case for its handout: pathways train CASE --worksheet (or --guide)") }
        guard !shouldUseLineMode(plain: plain) else {
            if present || room { throw CLIError("a presentation needs a terminal for each view") }
            print(handout.list(), terminator: "")
            return
        }
        let folders = try TrainingFolders(results: results, drafts: drafts)
        var link: PresentLink?
        let audience: Audience
        do {
            if present {
                link = try ConsoleLink(socket: socket ?? PresentPlace.defaultSocket())
                audience = .console
            } else if room {
                link = try RoomLink(socket: socket ?? PresentPlace.defaultSocket())
                audience = .room
            } else {
                audience = .projected
            }
        } catch let problem as PresentPlace.Problem {
            throw CLIError(problem.description)
        }
        var state = UIState.training(bundle: bundle, locale: locale, audience: audience)
        state.today = today
        state.trainingFolders(results: folders.results != nil, drafts: folders.drafts != nil)
        let status = CursesBackend.run(state, color: colorWanted(noColor: noColor), keeper: nil, training: folders, link: link)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `pathways train results DIR`: how a group answered, from the result files its trainees wrote.
struct TrainResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Show how a group answered the quizzes, from the result files in a folder (files only, no server).",
        discussion: "Exit status: 0 every file read, 1 some files were not quiz results (the others are shown), 2 no results.")

    @Argument(help: "The folder the trainees wrote their results into (pathways train --results DIR).")
    var folder: String

    @Option(help: "The language to start in: one of the bundle's locales (en, fr, es, tl).")
    var lang: String?

    @OptionGroup var options: ContentOptions

    /// More files than a workshop makes are not read.
    static let maxFiles = 1000

    func run() throws {
        let (bundle, locale) = try options.usableBundle(lang: lang)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw CLIError("no folder '\(folder)'")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var records: [QuizRecord] = []
        var refused = 0
        for name in names.prefix(Self.maxFiles) {
            let path = (folder as NSString).appendingPathComponent(name)
            switch Self.read(path, bundle: bundle) {
            case .success(let r): records.append(r)
            case .failure(let problem):
                refused += 1
                printError("\(path): \(problem.description)")
            }
        }
        if names.count > Self.maxFiles {
            printError("\(folder): \(names.count - Self.maxFiles) more result files were not read (at most \(Self.maxFiles))")
            refused += 1
        }
        guard !records.isEmpty else {
            throw CLIError("no quiz results in '\(folder)'" + (refused > 0 ? " (\(refused) files could not be read)" : ""))
        }
        print(GroupResultsText(bundle: bundle, locale: locale).render(records), terminator: "")
        if refused > 0 { throw ExitCode(1) }
    }

    /// One file, possibly hostile: a regular file (not a link), of a bounded size, that is a result of a
    /// training case of this content.
    static func read(_ path: String, bundle: ContentBundle) -> Result<QuizRecord, QuizRecord.Problem> {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return .failure(.init("not a regular file (a link or a folder): not read")) }
        guard st.st_size <= QuizRecord.maxBytes else { return .failure(.init("larger than \(QuizRecord.maxBytes / 1024) KB: not a quiz result")) }
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.read(upToCount: QuizRecord.maxBytes + 1) else {
            return .failure(.init("could not be read"))
        }
        switch QuizRecord.read(data) {
        case .failure(let p): return .failure(p)
        case .success(let r):
            guard r.bundle == bundle.info.id else { return .failure(.init("a result for the content '\(r.bundle)', not '\(bundle.info.id)'")) }
            guard bundle.scenarios.contains(where: { $0.id == r.scenario && $0.training != nil }) else {
                return .failure(.init("a result for the training case '\(r.scenario)', which this content does not have"))
            }
            return .success(r)
        }
    }
}
