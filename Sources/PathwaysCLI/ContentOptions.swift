import ArgumentParser
import Foundation
import PathwaysEngine
import ShippedContent

/// Which content bundle a command works on: `--content DIR`, `PATHWAYS_CONTENT`, or the shipped one.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "A content bundle folder to use instead of the shipped one (or set PATHWAYS_CONTENT).")
    var content: String?

    /// The folder and the name to show for it in messages.
    func folder(positional: String? = nil) throws -> (url: URL, display: String) {
        if let dir = positional ?? content ?? ProcessInfo.processInfo.environment["PATHWAYS_CONTENT"], !dir.isEmpty {
            return (URL(fileURLWithPath: dir), dir.hasSuffix("/") ? String(dir.dropLast()) : dir)
        }
        guard let shipped = ShippedContent.directory else {
            throw CLIError("the shipped content is missing from this build; pass --content DIR")
        }
        return (shipped, "Content")
    }

    /// Reads and checks the bundle.
    func load(positional: String? = nil, today: Day? = Clock.today()) throws -> CheckedBundle {
        let (url, display) = try folder(positional: positional)
        do {
            return ProgramStrings.complete(Checker.check(try ContentFiles.read(directory: url, displayRoot: display), today: today))
        } catch let error as ContentFolderError {
            throw CLIError("\(error.description)")
        }
    }
}

extension ContentOptions {
    /// The bundle for a command that runs it (not one that checks it): errors stop here, with their
    /// diagnostics, and `lang` must be one of the bundle's locales. Returns the bundle and the locale.
    func usableBundle(lang: String?) throws -> (ContentBundle, String) {
        let checked = try load()
        let errors = checked.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            printDiagnostics(errors, to: printError)
            throw CLIError("the content bundle has errors; run 'pathways check' for details")
        }
        let bundle = checked.bundle
        let locale = lang ?? bundle.info.defaultLocale
        guard bundle.info.locales.contains(locale) else {
            throw CLIError("--lang must be one of: " + bundle.info.locales.joined(separator: ", "))
        }
        return (bundle, locale)
    }
}

/// Whether to use the line mode: asked for, or no real terminal to draw on.
func shouldUseLineMode(plain: Bool) -> Bool {
    let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
    return plain || term.isEmpty || term == "dumb" || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0
}

/// Colour unless switched off by flag or by NO_COLOR.
func colorWanted(noColor: Bool) -> Bool {
    !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
}

/// A problem the person running the command can fix, said plainly; exits with code 2.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// The one place the CLI reads the clock.
enum Clock {
    static func today() -> Day? {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1)
    }
}

/// `--today YYYY-MM-DD`: the day a case is assessed on, so results with dates and deadlines replay.
struct DayOptions: ParsableArguments {
    @Option(name: .long, help: "Assess as of this day (YYYY-MM-DD) instead of today, so results with dates replay.")
    var today: String?

    /// The day given, or the clock's day.
    func day() throws -> Day? {
        guard let today else { return Clock.today() }
        guard let d = Day(today) else { throw CLIError("--today must be a date as YYYY-MM-DD, such as 2026-11-20") }
        return d
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Prints diagnostics in the compiler style, with their hints.
func printDiagnostics(_ diagnostics: [Diagnostic], to print: (String) -> Void) {
    for d in diagnostics {
        print(d.formatted)
        if let hint = d.hint { print("    hint: \(hint)") }
    }
}
