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
        static let configuration = CommandConfiguration(abstract: "Write a CSV: id, hash of the source text, source text, current translation.")
        @Option(help: "The language to translate into, such as fr or es.") var lang: String
        @Flag(help: "Every text, also those only the worker reads (the default for a language for the person is the texts the person reads).") var all = false
        @Option(help: "Write to this file instead of standard output.") var output: String?
        @Argument(help: "The bundle folder (default: the shipped content).") var directory: String?
        @OptionGroup var options: ContentOptions

        func run() throws {
            let bundle = try options.load(positional: directory, today: nil).bundle
            guard bundle.info.locales.contains(lang), lang != bundle.info.defaultLocale else {
                throw CLIError("--lang must be a translated locale of the bundle: " + bundle.info.locales.filter { $0 != bundle.info.defaultLocale }.joined(separator: ", "))
            }
            // A language for the person needs the texts the person reads; `--all` gives every text.
            let scope: LocaleExchange.Scope = all || bundle.info.declaration(of: lang).scope == .all ? .all : .client
            let csv = LocaleExchange.export(bundle, locale: lang, scope: scope)
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(csv.utf8)) else { throw CLIError("cannot write \(output)") }
            } else {
                print(csv, terminator: "")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge a translated CSV into the content files, with a report.")
        @Argument(help: "The translated CSV.") var file: String
        @Option(help: "The language of the translations, such as fr.") var lang: String
        @Argument(help: "The bundle folder to write into (default: ./Content).") var directory: String?
        @Option(name: .long, help: "Same as the folder argument.") var content: String?

        func run() throws {
            let dir = directory ?? content ?? "Content"
            let url = URL(fileURLWithPath: dir)
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read \(file)") }
            let files: ContentFiles
            do { files = try ContentFiles.read(directory: url, displayRoot: dir) } catch { throw CLIError("no content folder at '\(dir)'") }
            let checked = ProgramStrings.complete(Checker.check(files, today: nil))
            guard checked.bundle.info.locales.contains(lang) else { throw CLIError("the bundle does not declare the locale '\(lang)'") }
            let report = LocaleExchange.importCSV(String(decoding: data, as: UTF8.self), locale: lang, files: files, bundle: checked.bundle)
            for problem in report.problems { printError("pathways: \(problem)") }
            if report.problems.contains(where: { $0.hasPrefix("the first line") || $0.hasPrefix("the file is not") }) { throw ExitCode(1) }
            for (path, bytes) in report.files.sorted(by: { $0.key < $1.key }) {
                let target = url.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: target)
            }
            print("updated \(report.updated.count), unchanged \(report.unchanged), left empty \(report.empty), unknown ids \(report.unknown.count)")
            for id in report.unknown { print("  unknown id: \(id)") }
            for id in report.stale { print("  the source text of \(id) changed after this CSV was exported: check the translation") }
            let after = Checker.check(try ContentFiles.read(directory: url, displayRoot: dir), today: nil)
            let errors = after.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty {
                printDiagnostics(errors) { print($0) }
                throw ExitCode(1)
            }
            if !report.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
