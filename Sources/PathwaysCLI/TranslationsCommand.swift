import ArgumentParser
import Foundation
import PathwaysEngine

/// `pathways translations export|import`: the translators' CSV round trip.
struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "Export every text to a CSV for translators, and merge the translated CSV back.",
        subcommands: [Export.self, Import.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a CSV: id, hash of the source text, source text, current translation.",
            discussion: "With --excel the file is UTF-16 text with tabs, which Excel opens in columns whatever its language settings; save it back as 'CSV UTF-8' or 'Unicode text' to import it.")
        @Option(help: "The language to translate into, such as fr or es.") var lang: String
        @Flag(help: "Every text, also those only the worker reads (the default for a language for the person is the texts the person reads).") var all = false
        @Option(help: "Write to this file instead of standard output.") var output: String?
        @Flag(help: "Write a file Excel opens correctly (UTF-16 with tabs) instead of UTF-8 with commas.") var excel = false
        @Argument(help: "The bundle folder (default: ./Content when there is one, else the built-in bundle).") var directory: String?
        @OptionGroup var options: ContentOptions

        func run() throws {
            let loaded = try options.load(positional: directory, today: nil)
            let bundle = loaded.bundle
            guard bundle.info.locales.contains(lang), lang != bundle.info.defaultLocale else {
                throw CLIError("--lang must be a translated locale of the bundle: " + bundle.info.locales.filter { $0 != bundle.info.defaultLocale }.joined(separator: ", "))
            }
            // A language for the person needs the texts the person reads; `--all` gives every text.
            let scope: LocaleExchange.Scope = all || bundle.info.declaration(of: lang).scope == .all ? .all : .client
            let records = LocaleExchange.records(bundle, locale: lang, scope: scope)
            let bytes = CSV.file(records, dialect: excel ? .excel : CSV.Dialect())
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else { throw CLIError("cannot write \(output)") }
                print("Exported \(records.count - 1) texts of \(loaded.description) to \(output)" + (excel ? " (for Excel: UTF-16 with tabs)" : ""))
            } else {
                FileHandle.standardOutput.write(Data(bytes))
                printError("pathways: exported \(records.count - 1) texts of \(loaded.description)")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge a translated CSV into the content files, with a report.",
            discussion: "Accepts UTF-8 (with or without a byte-order mark) or UTF-16, separated by commas, semicolons or tabs. The whole file is checked first: if any row is wrong, or the bundle would have new errors, nothing is written.")
        @Argument(help: "The translated CSV.") var file: String
        @Option(help: "The language of the translations, such as fr.") var lang: String
        @Argument(help: "The bundle folder to write into (default: ./Content when there is one).") var directory: String?
        @OptionGroup var options: ContentOptions

        func run() throws {
            let loaded = try options.load(positional: directory, today: nil)
            guard !loaded.source.builtIn else {
                throw CLIError("there is no ./Content here, and the built-in bundle cannot be changed; give the content folder to import into")
            }
            print("Importing \(lang) translations into \(loaded.description)")
            let bundle = loaded.bundle
            guard bundle.info.locales.contains(lang), lang != bundle.info.defaultLocale else {
                throw CLIError("the bundle does not declare the locale '\(lang)' as a translation")
            }
            let bytes: [UInt8]
            switch FileBytes.read(file, streams: true) {
            case .success(let b): bytes = b
            case .failure(let failure): throw CLIError("the CSV: \(failure)")
            }
            let report: TranslationExchange.Report
            switch LocaleExchange.importCSV(bytes, locale: lang, files: loaded.files, bundle: bundle) {
            case .success(let r): report = r
            case .failure(let refusal):
                printError("pathways: nothing was imported and no file was changed:")
                for problem in refusal.problems { printError("  \(file): \(problem)") }
                throw ExitCode(1)
            }
            guard report.rows > 0 else {
                print("nothing to import: the CSV has no rows after its header; no file was changed")
                return
            }
            try ContentWriter.writeAll(report.files, into: loaded.source.url)
            print("updated \(report.updated.count), unchanged \(report.unchanged), left empty \(report.empty), unknown ids \(report.unknown.count)"
                  + " (\(report.files.count) file\(report.files.count == 1 ? "" : "s") written)")
            for id in report.unknown { print("  unknown id: \(id)") }
            for id in report.stale { print("  the source text of \(id) changed after this CSV was exported: check the translation") }
            let after = Checker.check(try ContentFiles.read(directory: loaded.source.url, displayRoot: loaded.source.display), today: nil)
            if after.hasErrors {
                printDiagnostics(after) { print($0) }
                throw ExitCode(1)
            }
        }
    }
}

/// Writes several content files so that either all of them change or none does: each is written in full
/// beside its original first, and only then are they all moved into place.
enum ContentWriter {
    static func writeAll(_ files: [String: [UInt8]], into folder: URL) throws {
        var staged: [(temp: URL, final: URL)] = []
        func discard() { for s in staged { try? FileManager.default.removeItem(at: s.temp) } }
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let final = folder.appendingPathComponent(path)
            let temp = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).import-\(getpid())")
            do {
                // A new language's strings/ or locales/ folder may not exist yet.
                try FileManager.default.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: temp, options: [.withoutOverwriting])
                staged.append((temp, final))
            } catch {
                discard()
                throw CLIError("cannot write \(final.path) (\(error.localizedDescription)); no file was changed")
            }
        }
        for (i, s) in staged.enumerated() where rename(s.temp.path, s.final.path) != 0 {
            let done = staged.prefix(i).map(\.final.lastPathComponent)
            for rest in staged.dropFirst(i) { try? FileManager.default.removeItem(at: rest.temp) }
            throw CLIError("cannot replace \(s.final.path)" + (done.isEmpty ? "; no file was changed" : "; already written: " + done.joined(separator: ", ")))
        }
    }
}
