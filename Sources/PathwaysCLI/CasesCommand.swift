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
            let listing: CaseList
            do { listing = try store.open(creating: false).listing() } catch let e as StoreError { throw storeFailure(e) }
            if listing.cases.isEmpty && listing.changed.isEmpty { print("no cases"); return }
            let current = try? content.load(today: nil).bundle.hash
            for c in listing.cases {
                let changed = current != nil && current != c.bundle.hash ? " (content changed since)" : ""
                print("\(c.code)  created \(day(c.createdAt))  updated \(day(c.updatedAt))  step \(c.step) of about \(c.estimatedTotal)"
                      + "  \(c.bundle.id) \(c.bundle.version)\(changed)")
            }
            guard let last = listing.changed.last else { return }
            for code in listing.changed.dropLast() { printError("pathways: error: " + StoreError.changedOutside(code).description) }
            throw CLIError(StoreError.changedOutside(last).description)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one case's answers, results and notes.")
        @Argument(help: "The case code, such as KQ7-M2P.") var code: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var content: ContentOptions
        @OptionGroup var day: DayOptions

        func run() throws {
            let (record, bundle) = try loadCase(code, store, content)
            print(CaseExport.render(record, bundle: bundle, format: .text, includeAnswers: true, includeNotes: true, today: try day.day()),
                  terminator: "")
            if !record.exports.isEmpty {
                print("\nSummaries written for printing (not encrypted; deleted with the case):")
                for name in record.exports { print("  \(name)") }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a referral summary as Markdown or plain text for printing.")
        @Argument(help: "The case code.") var code: String
        @Option(help: "markdown or text.") var format: String = "markdown"
        @Flag(help: "Include the answers (leave them out when the summary leaves the shelter).") var withAnswers = false
        @Flag(help: "Include the caseworker's notes.") var withNotes = false
        @Option(help: "Write to this new file instead of standard output (it is not encrypted).") var output: String?
        @Flag(help: "With --output: replace the file if it exists (never a link or anything but a regular file).") var force = false
        @Option(help: "Language of the summary (default: the case's); with --handout, the person's language.") var lang: String?
        @Flag(help: "The person's one-page handout instead of the summary: no names, no case code.") var handout = false
        @Option(help: "With --handout: the same page in this language below the person's (the worker's).") var workerLang: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var content: ContentOptions
        @OptionGroup var day: DayOptions

        func run() throws {
            guard let f = CaseExport.Format(rawValue: format) else { throw CLIError("--format must be markdown or text") }
            if force && output == nil { throw CLIError("--force goes with --output") }
            let (record, bundle) = try loadCase(code, store, content)
            let text = handout
                ? try HandoutOptions.render(record.session(in: bundle, today: try day.day()).assess(), bundle: bundle,
                                            format: f == .markdown ? .markdown : .text,
                                            locale: lang ?? record.summary.locale, workerLocale: workerLang)
                : CaseExport.render(record, bundle: bundle, format: f, includeAnswers: withAnswers, includeNotes: withNotes,
                                    locale: lang, today: try day.day())
            guard let output else {
                print(text, terminator: "")
                return
            }
            do { try SafeFile.write(Data(text.utf8), to: output, replacing: force) } catch let e as StoreError { throw storeFailure(e) }
            printError("pathways: wrote \(output): it is not encrypted, and Pathways does not delete it with the case")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a case and its summaries so that nothing of them can be read back.")
        @Argument(help: "The case code.") var code: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard let c = CaseCode(code) else { throw CLIError("'\(code)' is not a case code (such as KQ7-M2P)") }
            do { try store.open(creating: false).delete(c) } catch let e as StoreError { throw storeFailure(e) }
            print("deleted \(c)")
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete every case not updated for a number of days (default 90).")
        @Option(help: "Age in days (at least 1).") var olderThan: Int = 90
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard olderThan >= 1 else { throw ValidationError("--older-than must be at least 1 day (0 or less would delete every case)") }
        }

        func run() throws {
            let gone: [CaseCode]
            do { gone = try store.open(creating: false).purge(olderThanDays: olderThan, now: Date()) } catch let e as StoreError {
                throw storeFailure(e)
            }
            print("purged \(gone.count) case\(gone.count == 1 ? "" : "s") not updated for \(olderThan) days")
        }
    }
}

func day(_ d: Date) -> String {
    ISO8601DateFormatter.string(from: d, timeZone: TimeZone(secondsFromGMT: 0) ?? .current, formatOptions: [.withFullDate])
}

func loadCase(_ text: String, _ store: StoreOptions, _ content: ContentOptions) throws -> (CaseRecord, ContentBundle) {
    guard let code = CaseCode(text) else { throw CLIError("'\(text)' is not a case code (such as KQ7-M2P)") }
    do {
        let record = try store.open(creating: false).load(code)
        return (record, try content.load(today: nil).bundle)
    } catch let e as StoreError {
        throw storeFailure(e)
    }
}
