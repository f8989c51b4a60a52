import Foundation
import PathwaysTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Trainer mode through the real binary under tmux, at the presenter's size.
final class TrainingEndToEndTests: XCTestCase {
    /// A walkthrough of a shipped training case with reveal, notes and jump; the case records are never
    /// opened (nothing appears under XDG_DATA_HOME).
    func testTrainingWalkthroughWritesNothing() throws {
        let app = try AppInTmux("train")
        try app.start(["train"], store: true, width: 100, height: 30, first: "TRAINING — fictional case, nothing is saved")
        let t = app.tmux
        try t.waitFor("Training cases", "z quiz", "quick exit")
        t.send("Enter")
        try t.waitFor("TRAINING — fictional case, nothing is saved", "Persona", "Learning goals")
        t.send("Right")
        try t.waitFor("Step 1 of", "Answer hidden: press Space to reveal it.")
        try t.waitLacks("◆")
        t.send("Space")
        try t.waitFor("◆", "The case's answer")
        t.send("j", "5", "Enter")
        try t.waitFor("Step 5 of", "Discuss", "h show notes (hidden)")
        try t.waitLacks("Facilitator's note")
        t.send("h")
        try t.waitFor("Facilitator's note")
        t.send("End")
        try t.waitFor("Learning points", "Key decisions")
        t.send("Escape")
        try t.waitFor("Training cases")
        let written = try FileManager.default.contentsOfDirectory(atPath: app.data.path)
        XCTAssertEqual(written, [], "training mode wrote under XDG_DATA_HOME")
    }

    /// Point 10: quick exit in a walkthrough ends the program and leaves nothing on the screen.
    func testQuickExitInTrainingEndsTheProgram() throws {
        let app = try AppInTmux("train-quick")
        try app.start(["train"], store: true, width: 100, height: 30, first: "Training cases")
        let t = app.tmux
        t.send("Enter", "Right", "Space")
        try t.waitFor("The case's answer")
        let pid = pid_t(t.pane("#{pane_pid}")) ?? 0
        t.send("F12")
        XCTAssertEqual(try t.waitForExit(pid: pid), 0)
        XCTAssertTrue(Tmux.isBlank(Tmux.withoutPaneNotice(t.capture())), "the screen is not empty:\n\(t.screen)")
        XCTAssertTrue(Tmux.isBlank(Tmux.withoutPaneNotice(t.capture(history: true))), "the scrollback is not empty")
        XCTAssertFalse(Tmux.withoutPaneNotice(t.capture()).contains("Start a new case"), "no caseworker's start screen under a banner")
    }

    /// Point 11: w in a walkthrough saves a training case draft in the folder named, and it checks.
    func testWSavesADraftThatChecks() throws {
        let app = try AppInTmux("train-draft")
        let drafts = app.tmux.folder.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try app.start(["train", "--drafts", drafts.path], store: true, width: 100, height: 30, first: "Training cases")
        let t = app.tmux
        t.send("Enter")
        try t.waitFor("Persona")
        t.send("w")
        try t.waitFor("saved ", ".yaml")
        let names = try FileManager.default.contentsOfDirectory(atPath: drafts.path)
        XCTAssertEqual(names.count, 1)
        let name = try XCTUnwrap(names.first)
        XCTAssertTrue(name.hasPrefix("draft-") && name.hasSuffix(".yaml"), name)
        // The draft joins a copy of the content and checks with warnings only (what is left to write).
        let content = app.tmux.folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Content"), to: content)
        try FileManager.default.copyItem(at: drafts.appendingPathComponent(name), to: content.appendingPathComponent("training/" + name))
        let check = try BinaryRunner.run(["check", content.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains(name), "it says what is left to fill in")
        t.send("q")
    }

    /// Point 7: a trainee's quiz result goes into the folder the facilitator named, under their label.
    func testAQuizResultIsWrittenUnderTheTraineesLabel() throws {
        let app = try AppInTmux("train-result")
        let results = app.tmux.folder.appendingPathComponent("results")
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        try app.start(["train", "--results", results.path], store: true, width: 100, height: 40, first: "Training cases")
        let t = app.tmux
        t.send("z")
        try t.waitFor("Persona", "Enter start")
        t.send("Enter")
        // Answer each question with its first option (or a plausible typed value) until the score shows.
        for _ in 0..<60 {
            let s = t.capture()
            if s.contains("Score:") { break }
            if s.contains("What would you do next?") { t.send("1", "Enter"); usleep(150_000); continue }
            if s.contains("Type a date") { t.type("2025-01-01"); t.send("Enter") }
            else if s.contains("[ ]") || s.contains("[x]") { t.send("1", "Enter") }
            else if s.contains("( )") || s.contains("(•)") { t.send("2", "Enter") }
            else if s.contains("→ Continue the conversation") { t.send("Enter") }
            usleep(150_000)
        }
        try t.waitFor("Score: key decisions")
        t.send("w")
        try t.waitFor("Your label for the group")
        t.type("Table 3")
        t.send("Enter")
        try t.waitFor("your result is in")
        let files = try FileManager.default.contentsOfDirectory(atPath: results.path)
        XCTAssertEqual(files.count, 1)
        let group = try BinaryRunner.run(["train", "results", results.path])
        XCTAssertEqual(group.status, 0, group.stderr)
        XCTAssertTrue(group.stdout.contains("1 trainees: Table 3"), group.stdout)
        t.send("q")
    }
}
