import ArgumentParser
import Foundation
import PathwaysEngine

/// `pathways assess --answers FILE`: assesses a set of answers without any screen.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess a file of answers (question id → answer) and print the pathways with reasons.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Option(help: "A YAML file of answers: question id → option id, list, number, date, text or 'declined'.")
    var answers: String

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Option(help: "Language of the output (default: the bundle's default); with --handout, the person's language.")
    var lang: String?

    @Flag(help: "The person's one-page handout (text, or markdown with --format markdown) instead of the report.")
    var handout = false

    @Option(help: "With --handout: the same page in this language below the person's (the worker's).")
    var workerLang: String?

    @OptionGroup var options: ContentOptions
    @OptionGroup var day: DayOptions

    func run() throws {
        let today = try day.day()
        let (bundle, locale) = try options.usableBundle(lang: lang)
        let bytes: [UInt8]
        switch FileBytes.read(answers, streams: true) {
        case .success(let b): bytes = b
        case .failure(let failure): throw CLIError("the answers file: \(failure)")
        }
        let read = AnswersFile.read(bytes, file: answers, bundle: bundle)
        if !read.diagnostics.isEmpty {
            printDiagnostics(read.diagnostics, to: printError)
            if read.more > 0 { printError("and \(read.more) more problem\(read.more == 1 ? "" : "s") in \(answers) (the first \(read.diagnostics.count) are shown)") }
            throw ExitCode(1)
        }
        let walk = FlowWalker(bundle: bundle, today: today).walk(answers: read.answers, continueWhenAnswered: true)
        let assessment = Assessor(bundle: bundle, today: today).assess(walk)
        if handout {
            guard format != .json else { throw CLIError("--handout is text or markdown") }
            print(try HandoutOptions.render(assessment, bundle: bundle, format: format == .markdown ? Handout.Format.markdown : .text,
                                            locale: locale, workerLocale: workerLang), terminator: "")
            return
        }
        switch format {
        case .json: print(AssessmentJSON.render(assessment, bundle: bundle, locale: locale))
        case .text: print(AssessmentReport(bundle: bundle, locale: locale, style: .text).render(assessment), terminator: "")
        case .markdown: print(AssessmentReport(bundle: bundle, locale: locale, style: .markdown).render(assessment), terminator: "")
        }
    }
}
