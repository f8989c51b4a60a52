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
            return Checker.check(try ContentFiles.read(directory: url, displayRoot: display), today: today)
        } catch let error as ContentFolderError {
            throw CLIError("\(error.description)")
        }
    }
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
