import XCTest
@testable import PathwaysUI

/// The notes editor as a value: wrapping, moving by character and by line, the limit.
final class NotesEditorTests: XCTestCase {
    func editor(_ text: String) -> NotesEditor {
        var e = NotesEditor("")
        for c in text { e.insert(c) }
        return e
    }

    func shown(_ e: NotesEditor, width: Int) -> [String] {
        e.lines(width: width).map { l in String(e.text[l.start..<l.end]).trimmingCharacters(in: .newlines) }
    }

    func testWrapsAtSpacesAndKeepsNewLines() {
        let e = editor("call back on Tuesday\nbring the pay stubs")
        XCTAssertEqual(shown(e, width: 12).map { $0.trimmingCharacters(in: .whitespaces) }, ["call back on", "Tuesday", "bring the", "pay stubs"])
        XCTAssertTrue(e.isChanged)
        XCTAssertEqual(e.string, "call back on Tuesday\nbring the pay stubs")
    }

    func testUpAndDownMoveByLineOnScreenKeepingTheColumn() {
        var e = editor("abcdef ghijkl\nxyz")
        e.moveLines(-1, width: 7)  // from the end of "xyz" up to the wrapped line "ghijkl"
        XCTAssertEqual(e.cursorLine(in: e.lines(width: 7)).line, 1)
        e.moveLines(-1, width: 7)
        XCTAssertEqual(e.cursorLine(in: e.lines(width: 7)).line, 0)
        XCTAssertEqual(e.cursor, 3, "column 3 kept")
        e.insert("!")
        XCTAssertEqual(e.string, "abc!def ghijkl\nxyz")
        e.moveToLineEnd(width: 7)
        e.moveLines(1, width: 7)
        e.moveLines(1, width: 7)
        e.moveToLineEnd(width: 7)
        e.deleteBackward()
        XCTAssertEqual(e.string, "abc!def ghijkl\nxy")
    }

    func testTheLimitStopsTyping() {
        var e = NotesEditor(String(repeating: "a", count: NotesEditor.limit))
        e.insert("b")
        XCTAssertEqual(e.text.count, NotesEditor.limit)
        XCTAssertTrue(e.full)
        XCTAssertFalse(e.isChanged)
    }

    func testTheCursorLineStaysOnScreen() {
        var e = editor((1...30).map { "line \($0)" }.joined(separator: "\n"))
        e.keepCursorVisible(width: 20, height: 5)
        XCTAssertEqual(e.scroll, 25)
        for _ in 0..<29 { e.moveLines(-1, width: 20) }
        e.keepCursorVisible(width: 20, height: 5)
        XCTAssertEqual(e.scroll, 0)
    }
}
