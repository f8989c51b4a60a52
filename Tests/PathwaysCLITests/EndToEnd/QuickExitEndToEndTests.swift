import Foundation
import PathwaysTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Quick exit (F12, Ctrl-X) through the real binary under tmux: the screen and scrollback are empty, and
/// the program has ended (status 0) with nothing of the case left to come back to.
final class QuickExitEndToEndTests: XCTestCase {
    func testQuickExitWithF12() throws { try quickExit(with: "F12") }

    func testQuickExitWithCtrlX() throws { try quickExit(with: "C-x") }

    /// Quick exit with `key` mid-case, with the review open and closed before.
    private func quickExit(with key: String) throws {
        let app = try AppInTmux("quick")
        try app.start()
        let t = app.tmux
        t.send("Enter")
        try t.waitFor("Step 1 of about", "1. ( ) Yes")
        try t.waitLacks("(•)")
        try app.answer(1, "Is the person in danger right now", "No")
        try app.answer(2, "Is the person in deep distress right now", "No")
        try t.waitFor("Step 3 of about", "Is the person under 18 years old?")
        t.send("r")
        try t.waitFor("Review answers", "→ No")
        t.send("Escape")
        try t.waitFor("Step 3 of about", "Is the person under 18 years old?")

        let pid = pid_t(t.pane("#{pane_pid}")) ?? 0
        t.send(key)
        XCTAssertEqual(try t.waitForExit(pid: pid), 0, "pathways ends with status 0 after \(key)")
        XCTAssertTrue(Tmux.isBlank(Tmux.withoutPaneNotice(t.capture())), "the screen is not empty after \(key):\n\(t.screen)")
        XCTAssertTrue(Tmux.isBlank(Tmux.withoutPaneNotice(t.capture(history: true))), "the scrollback is not empty after \(key)")
        XCTAssertEqual(t.pane("#{alternate_on}"), "0", "the terminal is back on its normal screen")
        XCTAssertTrue(Tmux.isBlank(Tmux.withoutPaneNotice(t.capture(alternate: true))), "the other screen is not empty after \(key)")
    }
}
