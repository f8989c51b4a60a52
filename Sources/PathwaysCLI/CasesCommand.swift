import ArgumentParser
import Foundation
import PathwaysEngine
import PathwaysStore

/// `pathways cases …`: the case records from the command line.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "List, show, export, delete and purge case records.",
        subcommands: [List.self, Show.self, Export.self, Delete.self, Purge.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the cases: code, dates, progress and content version.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var content: ContentOptions

        func run() throws {
            let cases = try store.open(creating: false).list()
            if cases.isEmpty { print("no cases"); return }
            let current = try? content.load(today: nil).bundle.hash
            for c in cases {
                let changed = current != nil && current != c.bundle.hash ? " (content changed since)" : ""
                print("\(c.code)  created \(day(c.createdAt))  updated \(day(c.updatedAt))  step \(c.step) of about \(c.estimatedTotal)"
                      + "  \(c.bundle.id) \(c.bundle.version)\(changed)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one case's answers and results.")
        @Argument(help: "The case code, such as KQ7-M2P.") var code: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var content: ContentOptions
        @OptionGroup var day: DayOptions

        func run() throws {
            let (record, bundle) = try loadCase(code, store, content)
            print(CaseExport.render(record, bundle: bundle, format: .text, includeAnswers: true, today: try day.day()), terminator: "")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a referral summary as Markdown or plain text for printing.")
        @Argument(help: "The case code.") var code: String
        @Option(help: "markdown or text.") var format: String = "markdown"
        @Flag(help: "Include the answers (leave them out when the summary leaves the shelter).") var withAnswers = false
        @Option(help: "Write to this file instead of standard output.") var output: String?
        @Option(help: "Language of the summary (default: the case's); with --handout, the person's language.") var lang: String?
        @Flag(help: "The person's one-page handout instead of the summary: no names, no case code.") var handout = false
        @Option(help: "With --handout: the same page in this language below the person's (the worker's).") var workerLang: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var content: ContentOptions
        @OptionGroup var day: DayOptions

        func run() throws {
            guard let f = CaseExport.Format(rawValue: format) else { throw CLIError("--format must be markdown or text") }
            let (record, bundle) = try loadCase(code, store, content)
            let text = handout
                ? try HandoutOptions.render(record.session(in: bundle, today: try day.day()).assess(), bundle: bundle,
                                            format: f == .markdown ? .markdown : .text,
                                            locale: lang ?? record.summary.locale, workerLocale: workerLang)
                : CaseExport.render(record, bundle: bundle, format: f, includeAnswers: withAnswers, locale: lang, today: try day.day())
            if let output {
                umask(0o077)
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                    throw CLIError("cannot write \(output)")
                }
            } else {
                print(text, terminator: "")
            }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a case so that nothing of it can be read back.")
        @Argument(help: "The case code.") var code: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard let c = CaseCode(code) else { throw CLIError("'\(code)' is not a case code (such as KQ7-M2P)") }
            do { try store.open(creating: false).delete(c) } catch let e as StoreError { throw CLIError(e.description) }
            print("deleted \(c)")
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete every case not updated for a number of days (default 90).")
        @Option(help: "Age in days.") var olderThan: Int = 90
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard olderThan >= 0 else { throw CLIError("--older-than must be 0 or more days") }
            let gone = try store.open(creating: false).purge(olderThanDays: olderThan, now: Date())
            print("purged \(gone.count) case\(gone.count == 1 ? "" : "s") not updated for \(olderThan) days")
        }
    }
}

func day(_ d: Date) -> String {
    ISO8601DateFormatter.string(from: d, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
}

func loadCase(_ text: String, _ store: StoreOptions, _ content: ContentOptions) throws -> (CaseRecord, ContentBundle) {
    guard let code = CaseCode(text) else { throw CLIError("'\(text)' is not a case code (such as KQ7-M2P)") }
    do {
        let record = try store.open(creating: false).load(code)
        return (record, try content.load(today: nil).bundle)
    } catch let e as StoreError {
        throw CLIError(e.description)
    }
}
