import Foundation
import PathwaysTestSupport
import XCTest

/// Quick exit (F12, Ctrl-X) through the real binary under tmux: the screen and scrollback are empty and
/// nothing of the case is left.
final class QuickExitEndToEndTests: XCTestCase {
    func testQuickExitWithF12ThenCtrlX() throws {
        let app = try AppInTmux("quick")
        try app.start()
        app.tmux.send("Enter")
        try quickExit(with: "F12", app)
        try quickExit(with: "C-x", app)
    }

    /// Quick exit with `key` mid-case; starts and ends on the first question of a new case.
    private func quickExit(with key: String, _ app: AppInTmux) throws {
        let t = app.tmux
        try t.waitFor("Step 1 of about", "1. ( ) Yes")
        try t.waitLacks("(•)")
        try app.answer(1, "Is the person in danger right now", "No")
        try app.answer(2, "Is the person in deep distress right now", "No")
        try t.waitFor("Step 3 of about", "Is the person under 18 years old?")
        t.send("r")
        try t.waitFor("Review answers", "→ No")
        t.send("Left")
        try t.waitFor("Step 3 of about", "Is the person under 18 years old?")

        t.send(key)
        try t.waitBlank()
        XCTAssertFalse(t.paneIsDead, "pathways exited on \(key)")
        XCTAssertTrue(Tmux.isBlank(t.capture(history: true)), "the scrollback is not empty after \(key)")
        let history = t.pane("#{history_size}")
        XCTAssertTrue(history.isEmpty || history == "0", "tmux history_size is \(history) after \(key)")
        XCTAssertTrue(Tmux.isBlank(t.capture(alternate: true)), "the normal (non-alternate) screen is not empty after \(key)")
        XCTAssertTrue(Tmux.isBlank(t.capture()), "the screen is not empty after \(key)")

        // Any key brings back the start screen; there is no case any more.
        t.send("Space")
        try t.waitFor("Start a new case")
        try t.waitLacks("Step", "Is the person")
        // r (review) and s (results) do nothing without a case: the key after them (l) shows they were read.
        t.send("r", "l")
        try t.waitFor("Commencer un nouveau dossier")
        try t.waitLacks("Revoir les réponses", "Étape")
        t.send("s", "l")
        try t.waitFor("Start a new case")
        try t.waitLacks("Results", "Step")
        // A new case starts empty.
        t.send("Enter")
        try t.waitFor("Step 1 of about", "Is the person in danger right now", "1. ( ) Yes", "2. ( ) No")
        try t.waitLacks("(•)")
        t.send("r")
        try t.waitFor("Review answers", "No answers yet.")
        try t.waitLacks("→")
        t.send("Left")
        try t.waitFor("Step 1 of about")
    }
}
