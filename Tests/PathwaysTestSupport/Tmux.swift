import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A failed expectation about a terminal, with what the terminal showed: thrown so XCTest reports it.
public struct TmuxFailure: Error, CustomStringConvertible {
    public var description: String
}

/// A private tmux server with one window, driven as a person at the keyboard would: keys in, the screen
/// read back with `capture-pane`. Every wait polls the screen (every 50 ms, up to a deadline) instead
/// of sleeping. The server and everything in its panes are killed by `stop()` (and on deinit).
public final class Tmux {
    /// The folder holding the socket, the configuration and anything a test puts there; removed at the end.
    public let folder: URL
    public let socket: String
    /// Where the pane's program writes its standard error (shown when an expectation fails).
    public let stderrFile: String
    /// How long a wait lasts before it fails.
    public var timeout: TimeInterval
    /// The last screen captured.
    public private(set) var screen = ""
    private let target = "e2e:0.0"
    private var started = false

    /// The terminal type programs see: one that describes tmux, so the keys tmux sends are those terminfo
    /// lists (tmux-256color, else screen-256color, which ncurses-base always has).
    public static let terminalType: String = {
        Spawn.run(["infocmp", "tmux-256color"], captureOutput: false).status == 0 ? "tmux-256color" : "screen-256color"
    }()

    public static var isInstalled: Bool { Spawn.run(["tmux", "-V"]).status == 0 }

    public init(name: String, timeout: TimeInterval = 10) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("pw-tmux-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        folder = base
        socket = base.appendingPathComponent("s").path
        stderrFile = base.appendingPathComponent("stderr").path
        self.timeout = timeout
        // No status line, so the pane is exactly the window size; a pane whose program died stays, so
        // its last screen and exit status can be read.
        try "set -g status off\nset -g remain-on-exit on\nset -g history-limit 2000\n"
            .write(to: base.appendingPathComponent("tmux.conf"), atomically: true, encoding: .utf8)
    }

    deinit { stop() }

    /// Runs a tmux client command against this server and returns what it printed.
    @discardableResult
    public func tmux(_ arguments: [String]) -> Spawn.Result {
        Spawn.run(["tmux", "-u", "-S", socket, "-f", folder.appendingPathComponent("tmux.conf").path] + arguments,
                  environment: Self.clientEnvironment)
    }

    /// The environment of the tmux client and server: UTF-8, so box rules and accents come through.
    static var clientEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "LC_CTYPE")
        env.removeValue(forKey: "TMUX")
        return env
    }

    /// Starts the server with `command` as the window's program, in a window of `width`×`height`.
    /// `environment` is set for the program only; its standard error goes to `stderrFile` unless
    /// `captureStderr` is false.
    public func start(_ command: [String], environment: [String: String] = [:], width: Int = 80, height: Int = 24,
                      captureStderr: Bool = true) throws {
        var env = ["SWIFT_BACKTRACE": "enable=no", "TERM": Self.terminalType, "LANG": "C.UTF-8"]
        for (k, v) in environment { env[k] = v }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        var shell = "exec " + (["env"] + assignments + command).map(Self.quote).joined(separator: " ")
        if captureStderr { shell += " 2>>" + Self.quote(stderrFile) }
        // The server daemonizes: with every descriptor on /dev/null nothing of this process is held open.
        let args = ["tmux", "-u", "-S", socket, "-f", folder.appendingPathComponent("tmux.conf").path,
                    "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", shell]
        let result = Spawn.run(args, environment: Self.clientEnvironment, captureOutput: false)
        started = true
        guard result.status == 0 else { throw TmuxFailure(description: "tmux could not start a session (status \(result.status))") }
    }

    /// Sends keys by tmux's names (`Enter`, `F12`, `C-x`, `Left`, `NPage`) or as characters (`"3"`).
    public func send(_ keys: String...) { tmux(["send-keys", "-t", target] + keys) }

    /// Types `text` literally, with no key-name lookup.
    public func type(_ text: String) { tmux(["send-keys", "-t", target, "-l", "--", text]) }

    /// The visible screen (or, with `history`, the scrollback too; with `alternate`, the screen that is
    /// not showing).
    @discardableResult
    public func capture(history: Bool = false, alternate: Bool = false) -> String {
        var args = ["capture-pane", "-p", "-t", target]
        if history { args += ["-S", "-1000"] }
        if alternate { args += ["-a", "-q"] }
        let text = tmux(args).output
        if !history && !alternate { screen = text }
        return text
    }

    /// A value of the pane by tmux's format, e.g. `#{pane_dead}`, `#{pane_pid}`, `#{alternate_on}`.
    public func pane(_ format: String) -> String {
        tmux(["display", "-p", "-t", target, format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var paneIsDead: Bool { pane("#{pane_dead}") == "1" }

    public func resize(width: Int, height: Int) throws {
        let r = tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
        guard r.status == 0 else { throw failure("tmux could not resize the window to \(width)x\(height)") }
    }

    /// Waits until `condition` holds for the screen; fails (with the screen) at the deadline, or when the
    /// pane's program has exited and `allowExit` is false.
    @discardableResult
    public func wait(_ description: String, timeout: TimeInterval? = nil, allowExit: Bool = false,
                     until condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout ?? self.timeout)
        while true {
            if condition(capture()) { return screen }
            if !allowExit && paneIsDead {
                if condition(capture()) { return screen }
                throw failure("the program exited while waiting for \(description)")
            }
            if Date() >= deadline { throw failure("timed out after \(Int(timeout ?? self.timeout)) s waiting for \(description)") }
            usleep(50_000)
        }
    }

    /// Waits until every text is on the screen at once.
    @discardableResult
    public func waitFor(_ texts: String..., timeout: TimeInterval? = nil) throws -> String {
        try wait(texts.map { "\"\($0)\"" }.joined(separator: " "), timeout: timeout) { s in texts.allSatisfy { s.contains($0) } }
    }

    /// Waits until a line of the screen matches the regular expression.
    @discardableResult
    public func waitMatch(_ pattern: String, timeout: TimeInterval? = nil) throws -> String {
        try wait("a line matching /\(pattern)/", timeout: timeout) { s in Self.lines(s).contains { $0.range(of: pattern, options: .regularExpression) != nil } }
    }

    /// Waits until none of the texts is on the screen (a capture can fall between two writes of a redraw).
    public func waitLacks(_ texts: String..., timeout: TimeInterval? = nil) throws {
        try wait(texts.map { "\"\($0)\"" }.joined(separator: " ") + " to be absent", timeout: timeout) { s in
            !texts.contains { s.contains($0) }
        }
    }

    /// Waits for an empty screen; a pane whose program has ended counts when only tmux's notice is left.
    public func waitBlank(timeout: TimeInterval? = nil, allowExit: Bool = false) throws {
        try wait("an empty screen", timeout: timeout, allowExit: allowExit) { Self.isBlank(Self.withoutPaneNotice($0)) }
    }

    /// Waits for the pane's program to end; returns its exit status. tmux can say the pane is dead before
    /// it has reaped the program (a zombie, with no status shown yet, sometimes for seconds): the status is
    /// then read from the zombie's /proc entry, where Linux keeps it in waitpid's form.
    @discardableResult
    /// Pass the `pid` read while the program ran when it may already have ended.
    public func waitForExit(pid known: pid_t? = nil, timeout: TimeInterval? = nil) throws -> Int {
        let pid = known ?? pid_t(pane("#{pane_pid}")) ?? 0
        try wait("the program to end", timeout: timeout, allowExit: true) { _ in self.paneIsDead }
        let deadline = Date().addingTimeInterval(timeout ?? self.timeout)
        while Date() < deadline {
            if let status = Int(pane("#{pane_dead_status}")) { return status }
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               let close = stat.range(of: ") ", options: .backwards) {
                let fields = stat[close.upperBound...].split(separator: " ")
                if fields.first == "Z", let code = fields.last.flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) {
                    return (code >> 8) & 0xff
                }
            }
            usleep(50_000)
        }
        throw failure("no exit status for pid \(pid)")
    }

    public static func isBlank(_ text: String) -> Bool { !text.contains { !$0.isWhitespace } }

    /// The screen without tmux's own "Pane is dead (status 0, …)" line, which a dead pane shows at its foot
    /// (remain-on-exit): that line is not the program's.
    public static func withoutPaneNotice(_ text: String) -> String {
        lines(text).filter { !$0.hasPrefix("Pane is dead") }.joined(separator: "\n")
    }

    /// The lines of a capture (its final newline ends the last line, it does not start another).
    public static func lines(_ text: String) -> [String] {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A failure that shows the last screen, how the program ended, and what it wrote to stderr.
    public func failure(_ message: String) -> TmuxFailure {
        var text = message + "\nlast screen (\(pane("#{pane_width}x#{pane_height}"))):\n"
        text += Self.lines(screen).map { "│" + $0 }.joined(separator: "\n")
        if paneIsDead {
            text += "\nthe program has exited (status '\(pane("#{pane_dead_status}"))', signal '\(pane("#{pane_dead_signal}"))')"
        }
        if let err = try? String(contentsOfFile: stderrFile, encoding: .utf8), !err.isEmpty {
            text += "\nit wrote to standard error:\n" + err.split(separator: "\n").prefix(40).map { "! " + $0 }.joined(separator: "\n")
        }
        return TmuxFailure(description: text)
    }

    /// Kills the server, then waits up to 2 s for the programs of its panes to end and kills any left.
    public func stop() {
        guard started else { try? FileManager.default.removeItem(at: folder); return }
        started = false
        let pids = tmux(["list-panes", "-a", "-F", "#{pane_pid}"]).output.split(separator: "\n").compactMap { pid_t($0) }
        tmux(["kill-server"])
        for pid in pids {
            for _ in 0..<40 where Self.isRunning(pid) { usleep(50_000) }
            if Self.isRunning(pid) { kill(pid, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// True while `pid` runs (a zombie does not count).
    public static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.range(of: ") ", options: .backwards) else { return true }
        return stat[close.upperBound...].first != "Z"
    }

    /// Quotes a word for `sh`.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:@%+,".contains($0) }), word.allSatisfy(\.isASCII) {
            return word
        }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
