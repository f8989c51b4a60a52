import Foundation
import PathwaysTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The real `pathways` binary in a private tmux server, with the moves a caseworker makes: pick an
/// option by its label, answer a question, read a section of the results.
final class AppInTmux {
    let tmux: Tmux
    /// HOME and XDG_DATA_HOME of the program: a fresh folder, so no test reads or writes real records.
    let home: URL
    let data: URL

    /// A copy of the binary with its resource bundles, taken once per test run: a build running at the same
    /// time could rewrite `.build/debug/pathways` under a test ("Text file busy").
    static let binary: String = {
        let source = BinaryRunner.binary
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pw-e2e-bin-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("pathways")
        try? FileManager.default.copyItem(at: source, to: copy)
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: source.deletingLastPathComponent().path)) ?? []
        for name in siblings where name.hasSuffix(".resources") {
            try? FileManager.default.copyItem(at: source.deletingLastPathComponent().appendingPathComponent(name),
                                              to: folder.appendingPathComponent(name))
        }
        return FileManager.default.isExecutableFile(atPath: copy.path) ? copy.path : source.path
    }()

    init(_ name: String, timeout: TimeInterval = 10) throws {
        try XCTSkipUnless(Tmux.isInstalled, "tmux is not installed (Scripts/install-deps installs it)")
        tmux = try Tmux(name: name, timeout: timeout)
        home = tmux.folder.appendingPathComponent("home")
        data = tmux.folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    }

    deinit { tmux.stop() }

    var environment: [String: String] { ["HOME": home.path, "XDG_DATA_HOME": data.path] }

    /// Starts `pathways ARGS` (with `--no-store` unless `store` is set) and waits for `first`.
    func start(_ args: [String] = [], store: Bool = false, width: Int = 80, height: Int = 24,
               environment extra: [String: String] = [:], first: String? = "Start a new case") throws {
        var env = environment
        for (k, v) in extra { env[k] = v }
        try tmux.start([Self.binary] + (store ? [] : ["--no-store"]) + args, environment: env, width: width, height: height)
        // The first screen of a debug build loads and checks the content: give it longer.
        if let first { try tmux.waitFor(first, timeout: tmux.timeout * 2) }
    }

    /// The number shown before the option labelled `label` on the current question (a wrapped label
    /// matches on its first line), or nil when it is not on screen.
    static func optionNumber(_ label: String, on screen: String) -> Int? {
        let pattern = #"^(› |  )([0-9]+)\. (\( \)|\(•\)|\[ \]|\[x\]) (.*)$"#
        let regex = try? NSRegularExpression(pattern: pattern)
        for line in Tmux.lines(screen) {
            let ns = line as NSString
            guard let m = regex?.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else { continue }
            var rest = ns.substring(with: m.range(at: 4))
            if let gap = rest.range(of: "  ") { rest = String(rest[..<gap.lowerBound]) }
            for arrow in [" ↓", " ↑"] where rest.hasSuffix(arrow) { rest.removeLast(arrow.count) }
            while rest.last == " " { rest.removeLast() }
            if rest == label || (rest.count >= 12 && label.hasPrefix(rest + " ")) {
                return Int(ns.substring(with: m.range(at: 2)))
            }
        }
        return nil
    }

    /// Presses the option's digit and waits for the cursor on it (or its tick). Does not press Enter.
    func pick(_ label: String) throws {
        var number: Int?
        try tmux.wait("an option \"\(label)\" on this question") { s in
            number = Self.optionNumber(label, on: s)
            return number != nil
        }
        guard let n = number, n <= 9 else { throw tmux.failure("option \"\(label)\" is number \(number ?? 0): digits reach only 1 to 9") }
        let multiple = Tmux.lines(tmux.screen).contains { $0.range(of: #"^(› |  )[0-9]+\. \["#, options: .regularExpression) != nil }
        tmux.send("\(n)")
        if multiple {
            try tmux.waitMatch("^(› |  )\(n)\\. \\[x\\] ")
        } else {
            try tmux.waitMatch("^› \(n)\\. \\(")
        }
    }

    /// Waits for question number `step` showing `prompt`, picks `label`, presses Enter.
    func answer(_ step: Int, _ prompt: String, _ label: String) throws {
        try tmux.waitFor("Step \(step) of about", prompt)
        try pick(label)
        tmux.send("Enter")
    }

    /// The lines of a section of the results: from the heading "■ NAME (" to the next "■ ".
    static func section(_ name: String, of screen: String) -> [String] {
        var on = false
        var out: [String] = []
        for line in Tmux.lines(screen) {
            if line.contains("■ \(name) (") { on = true; out.append(line); continue }
            if on && line.contains("■ ") { on = false }
            if on { out.append(line) }
        }
        return out
    }

    /// The answer listed under a question in the review: the first "→" line after the line with `anchor`.
    static func reviewAnswer(_ anchor: String, on screen: String) -> String? {
        var on = false
        for line in Tmux.lines(screen) {
            if line.contains(anchor) { on = true; continue }
            if on, let arrow = line.range(of: "→") {
                return line[arrow.upperBound...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
