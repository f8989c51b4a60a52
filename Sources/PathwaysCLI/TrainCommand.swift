import ArgumentParser
import Foundation
import PathwaysEngine
import PathwaysUI

/// `pathways train`: workshop walkthroughs of fictional cases. Never opens the case records.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Run workshop walkthroughs and quizzes on fictional training cases (nothing is saved).")

    @Argument(help: "A training case id, to print its walkthrough in line mode.")
    var scenario: String?

    @Flag(help: "Line mode: list the training cases, or print one walkthrough as text (for handouts and screen readers).")
    var plain = false

    @Option(help: "Language (en or fr).")
    var lang: String?

    @Flag(help: "Show the facilitator's notes in line mode (left out by default, for handouts).")
    var notes = false

    @Flag(help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @OptionGroup var options: ContentOptions
    @OptionGroup var day: DayOptions

    func run() throws {
        let today = try day.day()
        let (bundle, locale) = try options.usableBundle(lang: lang)
        if scenario != nil || shouldUseLineMode(plain: plain) {
            let handout = TrainingHandout(bundle: bundle, locale: locale, includeNotes: notes, today: today)
            if let scenario {
                guard let text = handout.walkthrough(scenario) else {
                    throw CLIError("no training case '\(scenario)'; 'pathways train --plain' lists them")
                }
                print(text, terminator: "")
            } else {
                print(handout.list(), terminator: "")
            }
            return
        }
        var state = UIState.training(bundle: bundle, locale: locale)
        state.today = today
        let status = CursesBackend.run(state, color: colorWanted(noColor: noColor), keeper: nil)
        if status != 0 { throw ExitCode(status) }
    }
}
