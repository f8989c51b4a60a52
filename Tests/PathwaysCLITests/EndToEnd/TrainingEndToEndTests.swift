import Foundation
import PathwaysTestSupport
import XCTest

/// Trainer mode through the real binary under tmux, at the presenter's size.
final class TrainingEndToEndTests: XCTestCase {
    /// A walkthrough of a shipped training case with reveal, hidden notes and jump; the case records are
    /// never opened (nothing appears under XDG_DATA_HOME).
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
        t.send("j", "3", "Enter")
        try t.waitFor("Step 3 of")
        t.send("h")
        try t.waitFor("(notes hidden: press h to show)")
        t.send("End")
        try t.waitFor("■ Recommended")
        t.send("NPage", "NPage", "NPage", "NPage")
        try t.waitFor("Learning points")
        t.send("Escape")
        try t.waitFor("Training cases")
        let written = try FileManager.default.contentsOfDirectory(atPath: app.data.path)
        XCTAssertEqual(written, [], "training mode wrote under XDG_DATA_HOME")
    }
}
