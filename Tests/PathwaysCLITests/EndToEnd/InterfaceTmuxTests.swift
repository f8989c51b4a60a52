import Foundation
import PathwaysTestSupport
import XCTest

/// Issue 14 (and the interface's side of issue 12) through the real binary under tmux: the keys the terminal
/// sends in raw mode, a wrong TERM, a window too small, two-digit choices, the start screen's preview, and
/// the quick exit from a shell.
final class InterfaceTmuxTests: XCTestCase {
    /// Starts a case and answers the first two questions, so quitting would leave answers.
    private func twoAnswers(_ app: AppInTmux) throws {
        app.tmux.send("Enter")
        try app.answer(1, "Is the person in danger right now", "No")
        try app.answer(2, "Is the person in deep distress right now", "No")
        try app.tmux.waitFor("Step 3 of about", "Is the person under 18 years old?")
    }

    // MARK: Issue 12 point 3: raw mode

    func testCtrlZAndCtrlBackslashDoNothingAndCtrlCQuitsLikeQ() throws {
        let app = try AppInTmux("rawkeys")
        try app.start()
        try twoAnswers(app)
        let t = app.tmux
        // Neither suspends the program nor opens a backtracer: the next key still reaches the question.
        t.send("C-z")
        t.send("C-\\")
        t.send("2")
        try t.waitMatch("^› 2\\. \\( \\) No")
        XCTAssertFalse(t.paneIsDead, "Ctrl-Z or Ctrl-\\ ended pathways")
        try t.waitLacks("Stopped", "backtrace", "Crashed")
        t.send("C-c")
        try t.waitFor("Press q again to quit.")
        XCTAssertFalse(t.paneIsDead)
        let pid = pid_t(t.pane("#{pane_pid}")) ?? 0
        t.send("C-c")
        XCTAssertEqual(try t.waitForExit(pid: pid), 0, "Ctrl-C twice quits like q, with status 0")
    }

    // MARK: Point 17: a sequence the terminal description does not know

    func testAnUnknownKeySequenceIsNotTakenAsEsc() throws {
        let app = try AppInTmux("wrongterm")
        // vt100 names no End or Home key: what tmux sends for them reaches the program as ESC [ 4 ~ or the like.
        try app.start(environment: ["TERM": "vt100"])
        try twoAnswers(app)
        let t = app.tmux
        t.send("g")
        try t.waitFor("Glossary")
        t.send("End")
        t.send("Home")
        // A key that does something, to know the sequences before it were read.
        t.send("l")
        try t.waitFor("Glossaire")
        XCTAssertTrue(t.screen.contains("Glossaire"), "End or Home closed the glossary, as Esc would have")
        try t.waitLacks("La personne a-t-elle moins de 18 ans?")
    }

    // MARK: Point 3: keys while the window is too small

    func testNoKeyButQuitActsWhileTheWindowIsTooSmall() throws {
        let app = try AppInTmux("toosmall")
        try app.start()
        try twoAnswers(app)
        let t = app.tmux
        try t.resize(width: 40, height: 10)
        try t.waitFor("Enlarge the window to at least 60×16")
        t.send("1", "Enter", "1", "Enter", "l")
        try t.resize(width: 80, height: 24)
        try t.waitFor("Step 3 of about", "Is the person under 18 years old?", "› 1. ( ) Yes", "2. ( ) No")
        try t.waitLacks("(•)", "La personne")
    }

    // MARK: Point 8: options past 9

    func testTwoDigitsChooseTheEleventhProvince() throws {
        let app = try AppInTmux("twodigits")
        try app.start()
        try twoAnswers(app)
        let t = app.tmux
        try app.answer(3, "Is the person under 18 years old?", "No")
        try t.waitFor("Step 4 of about", "In which province or territory", "(two digits from 10)")
        t.send("1", "1")
        try t.waitMatch("^› 11\\. \\( \\) Quebec")
        t.send("Enter")
        try t.waitFor("Step 5 of about")
        t.send("r")
        try t.waitFor("Review answers", "→ Quebec")
    }

    // MARK: Point 9: the start screen's content preview

    func testContentPreviewOnTheStartScreenOpensThePreviewOfTheContentFolder() throws {
        let app = try AppInTmux("startpreview")
        let t = app.tmux
        let dir = t.folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Content"), to: dir.appendingPathComponent("Content"))
        let command = "cd \(Tmux.quote(dir.path)) && exec \(Tmux.quote(AppInTmux.binary)) --no-store"
        try t.start(["sh", "-c", command], environment: app.environment)
        try t.waitFor("4. Content preview (./Content)", timeout: t.timeout * 2)
        t.send("4", "Enter")
        try t.waitFor("PREVIEW", "node in_danger · Content/questions/safety.yaml:", timeout: t.timeout * 2)
        t.send("q")
        try t.waitFor("Start a new case")
    }

    // MARK: Issue 12 point 2: the quick exit ends the program and leaves a plain cleared terminal

    func testQuickExitFromAShellEndsThePathwaysProcessAndLeavesNothingOfTheCase() throws {
        for key in ["F12", "C-x"] {
            let app = try AppInTmux("quickshell")
            let t = app.tmux
            var env = app.environment
            env["PS1"] = "$ "
            try t.start(["bash", "--norc", "--noprofile"], environment: env, captureStderr: false)
            t.type("echo BEFORE-PATHWAYS")
            t.send("Enter")
            try t.waitMatch("^BEFORE-PATHWAYS$", timeout: t.timeout * 2)
            let command = [AppInTmux.binary, "--no-store"].map(Tmux.quote).joined(separator: " ")
            t.type("\(command) 2>>\(Tmux.quote(t.stderrFile)); echo \"app-status=$?\"")
            t.send("Enter")
            try t.waitFor("Start a new case", timeout: t.timeout * 2)
            try twoAnswers(app)
            t.send(key)
            try t.waitMatch("^app-status=0$")
            let all = t.capture(history: true)
            for trace in ["BEFORE-PATHWAYS", "Is the person", "Step ", "Pathways"] {
                XCTAssertFalse(all.contains(trace), "after \(key), the terminal still shows \"\(trace)\":\n\(all)")
            }
            app.tmux.stop()
        }
    }
}
