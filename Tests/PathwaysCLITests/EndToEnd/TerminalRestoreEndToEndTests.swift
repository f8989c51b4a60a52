import Foundation
import PathwaysTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A signal that ends pathways leaves the terminal as it found it: echo and line mode on, the normal
/// screen, the cursor shown, no keypad mode. pathways runs from an interactive bash in the pane, and
/// `stty -a` is read in the same pane afterwards.
///
/// An interactive bash puts back the terminal settings itself when a foreground job dies of a signal,
/// which would hide what pathways leaves behind. So pathways runs in a subshell that traps SIGINT and
/// prints its status: the job then ends normally and bash keeps whatever terminal state it finds. A
/// control run first shows that a program that switches echo off and dies of SIGTERM is seen so.
final class TerminalRestoreEndToEndTests: XCTestCase {
    func testSigtermRestoresTheTerminal() throws { try endAndCheck("term", how: .term, at: .question) }

    func testCtrlCRestoresTheTerminal() throws { try endAndCheck("int", how: .ctrlC, at: .question) }

    /// Ctrl-C at the passphrase prompt (echo is off there) puts echo back.
    func testCtrlCAtThePassphrasePromptRestoresTheTerminal() throws { try endAndCheck("pass", how: .ctrlC, at: .passphrase) }

    enum How { case term, ctrlC }
    enum Place { case question, passphrase }

    private func endAndCheck(_ name: String, how: How, at place: Place) throws {
        let app = try AppInTmux(name)
        let t = app.tmux
        // A copy of the content in a unique folder: the process is found by that path.
        let content = t.folder.appendingPathComponent("content-\(name)")
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Content"), to: content)
        let out = t.folder.appendingPathComponent("stty").path
        var env = app.environment
        env["PS1"] = "$ "
        try t.start(["bash", "--norc", "--noprofile"], environment: env, captureStderr: false)
        t.type("stty sane; echo READY")
        t.send("Enter")
        try t.waitMatch("^READY$", timeout: t.timeout * 2)

        var reports = 0
        func report() throws -> Set<String> {
            reports += 1
            try? FileManager.default.removeItem(atPath: out)
            t.type("{ stty -a; echo END-\(reports); } > \(Tmux.quote(out)) 2>&1")
            t.send("Enter")
            let deadline = Date().addingTimeInterval(t.timeout)
            while true {
                if let text = try? String(contentsOfFile: out, encoding: .utf8), text.contains("END-\(reports)\n") {
                    return Set(text.split(whereSeparator: { " ;\n".contains($0) }).map(String.init))
                }
                if Date() >= deadline { throw t.failure("stty -a did not finish") }
                usleep(50_000)
            }
        }
        func modes(_ s: Set<String>) -> String { s.filter { ["echo", "-echo", "icanon", "-icanon"].contains($0) }.sorted().joined(separator: " ") }

        // Control.
        t.type("( trap 'echo SIGINT' INT; bash -c 'stty -echo -icanon; kill -TERM $$'; echo \"ctl-status=$?\" )")
        t.send("Enter")
        try t.waitMatch("^ctl-status=[0-9]+$")
        let control = try report()
        guard control.contains("-echo"), control.contains("-icanon") else {
            throw t.failure("control failed: this shell repairs the terminal by itself, so the test cannot see what pathways leaves (stty: \(modes(control)))")
        }
        t.type("stty sane")
        t.send("Enter")

        var args = ["--content", content.path]
        let first: String
        switch place {
        case .question:
            args += ["--no-store"]
            first = "Start a new case"
        case .passphrase:
            args += ["--store", t.folder.appendingPathComponent("\(name)-cases.sqlite").path]
            first = "Choose a passphrase for the case records:"
        }
        let command = ([AppInTmux.binary] + args).map(Tmux.quote).joined(separator: " ")
        t.type("( trap 'echo SIGINT' INT; \(command) 2>>\(Tmux.quote(t.stderrFile)); echo \"app-status=$?\" )")
        t.send("Enter")
        try t.wait("\"\(first)\"", timeout: t.timeout * 2) { s in
            s.contains(first) || Tmux.lines(s).contains { $0.hasPrefix("app-status=") }
        }
        if Tmux.lines(t.screen).contains(where: { $0.hasPrefix("app-status=") }) {
            throw t.failure("pathways ended before showing \"\(first)\"")
        }
        if place == .question {
            t.send("Enter")
            try t.waitFor("Step 1 of about", "Is the person in danger right now")
            XCTAssertEqual(t.pane("#{alternate_on}"), "1", "pathways is not on the alternate screen while running")
        }
        let pids = processes(withArgument: content.path)
        guard pids.count == 1, let pid = pids.first else { throw t.failure("cannot find the one pathways process (found: \(pids))") }

        switch how {
        case .term: kill(pid, SIGTERM)
        case .ctrlC: t.send("C-c")
        }
        try t.waitMatch("^app-status=[0-9]+$")
        XCTAssertFalse(Tmux.isRunning(pid), "pathways (pid \(pid)) is still running")
        let after = try report()
        XCTAssertTrue(after.contains("echo"), "echo is still off (stty: \(modes(after)))")
        XCTAssertTrue(after.contains("icanon"), "line mode is still off (stty: \(modes(after)))")
        XCTAssertEqual(t.pane("#{alternate_on}"), "0", "the terminal is still on the alternate screen")
        XCTAssertEqual(t.pane("#{cursor_flag}"), "1", "the cursor is still hidden")
        XCTAssertEqual(t.pane("#{keypad_cursor_flag}"), "0", "the terminal is still in keypad (application cursor) mode")
        try t.waitLacks("Step 1 of about")
    }

    /// The processes whose command line contains `argument` as a whole word.
    private func processes(withArgument argument: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> pid_t? in
            guard let pid = pid_t(name), pid != getpid(),
                  let raw = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") else { return nil }
            let words = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard words.contains(argument), words.first?.hasSuffix("pathways") ?? false else { return nil }
            return pid
        }
    }
}
