import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// A case keeper that remembers what it was asked, for the line mode and the interface.
final class FakeKeeper: CaseKeeper {
    var recorded = 0
    var notes: [String] = []
    var forgotten = false
    var code: String?

    func record(_ session: Session, locale: String) throws { recorded += 1; if code == nil { code = "KQ7-M2P" } }
    func list() -> [CaseListing] { [] }
    func reopen(_ code: String, bundle: ContentBundle) throws -> ReopenedCase { ReopenedCase(session: Session(bundle: bundle, today: nil), locale: "en", notice: []) }
    func unlock(_ passphrase: String) -> Bool { passphrase == "right" }
    func close() { code = nil }
    func forget() { forgotten = true; code = nil }
    func lock() {}
    func saveNotes(_ notes: String, session: Session, locale: String) throws { self.notes.append(notes) }
    func export(_ session: Session, locale: String, includeAnswers: Bool) throws -> String { "Summary written: /tmp/x.md" }
    var handouts: [(locale: String, worker: String?)] = []
    func handout(_ session: Session, locale: String, workerLocale: String?, wordsLocale: String) throws -> String {
        handouts.append((locale, workerLocale))
        return "Handout written: /tmp/h.md"
    }
    var caseCode: String? { code }
}

/// Issue 14, points 19–20, and the line mode's parts of issue 12 (notes add up; quick exit).
final class LineModeTests: XCTestCase {
    /// Runs the line mode on the starter fixture with these typed lines; returns what it wrote and its status.
    func run(_ lines: [String], keeper: CaseKeeper? = nil, wiped: (() -> Void)? = nil) -> (out: [String], status: Int32) {
        var input = lines[...]
        var out: [String] = []
        var driver = PlainDriver(bundle: Fixture.bundle, keeper: keeper, readLine: { input.popFirst() }, write: { out.append($0) })
        driver.prompt = { out.append(PlainDriver.promptMarker) }
        driver.wipeTerminal = wiped ?? {}
        let status = driver.run()
        return (out, status)
    }

    // MARK: 19. Change asks only what the change opens

    func testChangeAsksOnlyTheQuestionsTheChangeNewlyOpensThenShowsTheReview() {
        // A citizen (no arrival date, indicators or abuse at work), then a change to a work permit.
        let (out, _) = run(["2", "29", "1", "ontario", "change 3", "2", "2023-05-01", "2", "1", "quit", "quit"])
        let text = out.joined(separator: "\n")
        let asked = out.filter { $0.hasPrefix("Anything else (no names)?") }.count
        XCTAssertEqual(asked, 1, "the note was not asked again\n\(text)")
        XCTAssertTrue(text.contains("When did the person arrive?"), text)
        XCTAssertTrue(text.contains("Was the person abused at work?\n"), text)
        guard let changed = text.range(of: "Changed. The other answers are kept.\nReview answers:") else {
            return XCTFail("after the change, the review again\n\(text)")
        }
        XCTAssertTrue(text[changed.upperBound...].contains("3. What is the person's status? → Employer-specific work permit"), text)
        XCTAssertTrue(text[changed.upperBound...].contains("7. Anything else (no names)? → ontario"), text)
    }

    func testAnEmptyLineAsksAgainWithAHint() {
        let (out, _) = run(["", "2", "quit", "quit"])
        let text = out.joined(separator: "\n")
        XCTAssertTrue(text.contains("Nothing typed"), text)
    }

    func testAnExclusiveOptionTypedWithAnotherIsRefused() {
        let (out, _) = run(["2", "29", "2", "2023-05-01", "1 3", "3", "quit", "quit"])
        let text = out.joined(separator: "\n")
        XCTAssertTrue(text.contains("“None of these” cannot be chosen with other answers"), text)
        XCTAssertTrue(text.contains("Was the person abused at work?"), "the answer alone is taken\n\(text)")
    }

    // MARK: 20. The next action last, a prompt, quit asks again

    func testTheNextActionIsTheLastLineBeforeThePrompt() {
        let (out, _) = run(["1", "quit", "quit"])
        guard let i = out.firstIndex(where: { $0.hasPrefix("URGENT: Call 911 now") }) else { return XCTFail(out.joined(separator: "\n")) }
        let shown = out[i...].prefix { !$0.contains("again to quit") }
        let last = shown.last(where: { !$0.isEmpty && $0 != PlainDriver.promptMarker }) ?? ""
        XCTAssertTrue(last.contains("'continue'"), "the next action comes last, above the prompt: \(last)\n\(out[i...].joined(separator: "\n"))")
    }

    func testAPromptMarkerComesBeforeEachLineIsRead() {
        let (out, _) = run(["2", "quit", "quit"])
        XCTAssertEqual(out.filter { $0 == PlainDriver.promptMarker }.count, 3, out.joined(separator: "\n"))
        XCTAssertEqual(out.last, PlainDriver.promptMarker)
    }

    func testQuitAsksAgainWhenTheCaseIsUnfinished() {
        let (out, status) = run(["2", "quit", "2"])
        let text = out.joined(separator: "\n")
        XCTAssertTrue(text.contains("Type 'quit' again to quit"), text)
        XCTAssertTrue(text.contains("Step 2 of about"), "the first quit did not end the program\n\(text)")
        XCTAssertEqual(status, 0)
    }

    func testQuitEndsAtOnceWithNoAnswers() {
        let (out, _) = run(["quit", "2"])
        XCTAssertFalse(out.joined(separator: "\n").contains("again to quit"))
    }

    // MARK: Issue 12 point 9: notes add up

    func testNoteAddsToTheNotesInsteadOfReplacingThem() {
        let keeper = FakeKeeper()
        _ = run(["2", "note call back Tuesday", "note bring the pay stubs", "quit", "quit"], keeper: keeper)
        XCTAssertEqual(keeper.notes.last, "call back Tuesday\nbring the pay stubs")
    }

    // MARK: Issue 12 point 2: quick exit in line mode

    func testQuickExitLineForgetsTheCaseWipesTheTerminalAndEnds() {
        let keeper = FakeKeeper()
        var wiped = false
        let (out, status) = run(["2", "exit!", "2"], keeper: keeper, wiped: { wiped = true })
        XCTAssertEqual(status, 0)
        XCTAssertTrue(keeper.forgotten)
        XCTAssertTrue(wiped)
        XCTAssertFalse(out.joined(separator: "\n").contains("Step 3 of about"), "nothing more is read or shown")
        for line in ["\u{18}", "\u{1b}[24~"] {
            let k = FakeKeeper()
            _ = run(["2", line], keeper: k, wiped: {})
            XCTAssertTrue(k.forgotten, "a line with \(line.unicodeScalars.map { String($0.value, radix: 16) }) is a quick exit")
        }
    }
}
