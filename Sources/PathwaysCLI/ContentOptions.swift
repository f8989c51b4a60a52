import ArgumentParser
import Foundation
import PathwaysEngine
import ShippedContent

/// Which content bundle a command works on, by one rule for every command: the folder given (argument,
/// `--content` or `PATHWAYS_CONTENT`), else `./Content` when there is one, else the bundle built into the
/// binary. Every command names what it read, so nobody checks one bundle believing it is another.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "A content bundle folder (default: ./Content when there is one, else the built-in bundle; or set PATHWAYS_CONTENT).")
    var content: String?

    /// The folder and the name to show for it in messages.
    func folder(positional: String? = nil) throws -> ContentSource {
        if let dir = positional ?? content ?? ProcessInfo.processInfo.environment["PATHWAYS_CONTENT"], !dir.isEmpty {
            return ContentSource(url: URL(fileURLWithPath: dir), display: dir.hasSuffix("/") ? String(dir.dropLast()) : dir, builtIn: false)
        }
        if ContentSource.looksLikeContent("Content") {
            return ContentSource(url: URL(fileURLWithPath: "Content"), display: "Content", builtIn: false)
        }
        guard let shipped = ShippedContent.directory else {
            throw CLIError("the built-in content is missing from this build; pass --content DIR")
        }
        return ContentSource(url: shipped, display: "Content", builtIn: true)
    }

    /// Reads and checks the bundle.
    func load(positional: String? = nil, today: Day? = Clock.today()) throws -> LoadedContent {
        let source = try folder(positional: positional)
        do {
            let files = try ContentFiles.read(directory: source.url, displayRoot: source.display)
            return LoadedContent(source: source, files: files, checked: ProgramStrings.complete(Checker.check(files, today: today)))
        } catch let error as ContentFolderError {
            throw CLIError("\(error.description)")
        }
    }
}

/// Where a command's content came from.
struct ContentSource {
    var url: URL
    /// How its paths are shown: "Content", or the folder as given.
    var display: String
    /// The bundle built into the binary, not a folder the editor can change.
    var builtIn: Bool

    /// A folder named Content with YAML files at its top: an editor's bundle, even a broken one.
    static func looksLikeContent(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return names.contains { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
    }
}

/// A bundle as a command read it: where from, its files, and what the checker found.
struct LoadedContent {
    var source: ContentSource
    var files: ContentFiles
    var checked: CheckedBundle
    var bundle: ContentBundle { checked.bundle }

    /// "Content/ — 51 files (pathways-ca 1.0.0)", or "the built-in bundle pathways-ca 1.0.0".
    var description: String {
        let info = checked.bundle.info
        if source.builtIn { return "the built-in bundle \(info.id) \(info.version)" }
        let count = files.files.keys.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.count + files.tooLarge.count
        return "\(source.display)/ — \(count) file\(count == 1 ? "" : "s") (\(info.id) \(info.version))"
    }
}

extension ContentOptions {
    /// The bundle for a command that runs it (not one that checks it): errors stop here, with their
    /// diagnostics, and `lang` must be one of the bundle's locales. Returns the bundle and the locale.
    func usableBundle(lang: String?) throws -> (ContentBundle, String) {
        let loaded = try load()
        let checked = loaded.checked
        if checked.hasErrors {
            printDiagnostics(checked, to: printError)
            throw CLIError("the content bundle in \(loaded.description) has errors; run 'pathways check' for details")
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

/// Writes to standard error (never traps, even when standard error cannot be written).
func printError(_ text: String) {
    let bytes = Array((text + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
        offset += n
    }
}

/// Prints diagnostics in the compiler style, with their hints.
func printDiagnostics(_ diagnostics: [Diagnostic], to print: (String) -> Void) {
    for d in diagnostics {
        print(d.formatted)
        if let hint = d.hint { print("    hint: \(hint)") }
    }
}

/// Prints a checked bundle's errors and warnings (`errorsOnly`: its errors), then a note for each group
/// held back: "note: 12 more errors may follow from …; fix it first".
func printDiagnostics(_ checked: CheckedBundle, errorsOnly: Bool = true, to print: (String) -> Void) {
    printDiagnostics(errorsOnly ? checked.diagnostics.filter { $0.severity == .error } : checked.diagnostics, to: print)
    for w in checked.withheld where !errorsOnly || w.diagnostics.hasErrors { print("note: " + w.note) }
}
