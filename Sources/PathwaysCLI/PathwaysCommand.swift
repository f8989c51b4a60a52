import ArgumentParser
import PathwaysEngine

/// `pathways`: the root command.
struct PathwaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathways",
        abstract: "Protection pathways for people who may have been trafficked or exploited at work in Canada.",
        discussion: "Information, not legal advice. Content editors: 'pathways check' and 'pathways test'.",
        subcommands: [CheckCommand.self, TestCommand.self, AssessCommand.self])

    @OptionGroup var options: ContentOptions

    func run() throws {
        let checked = try options.load()
        let info = checked.bundle.info
        print("\(info.title.resolve(info.defaultLocale, fallback: info.defaultLocale)) — content \(info.id) \(info.version)"
              + (info.reviewedOn.map { ", reviewed \($0)" } ?? ""))
        print("")
        print(PathwaysCommand.helpMessage())
    }
}
