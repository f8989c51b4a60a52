import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// Issue 14, points 11–18: what the screen shows is whole, consistent and about this screen.
final class DisplayTests: XCTestCase {
    func text(_ s: UIState) -> String { Renderer.frame(s).text }

    // MARK: 11. The bilingual view loses nothing and lines up

    /// The left and right columns of a bilingual frame, row by row.
    func columns(_ frame: Frame) -> [(String, String)] {
        let divider = frame.rows.first.map { _ in (frame.width - 1) / 2 } ?? 0
        return frame.rows.map { row in
            let cells = row.map(\.text)
            // The rule "│" sits in the middle column of the body rows.
            let split = cells.firstIndex(of: "│") ?? divider
            return (cells[..<split].joined(), cells[min(cells.count, split + 1)...].joined())
        }
    }

    func words(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    func testTheBilingualViewShowsEveryWordOfBothLanguagesAtEveryWidth() {
        let bundle = Fixture.shipped
        for (first, second) in [("en", "fr"), ("fr", "en")] {
            for width in [60, 80, 120] {
                var s = UIState(bundle: bundle, width: width, height: 80, locale: first)
                s.press(.enter)
                ShippedWalk.answer(&s, until: "indicators")
                s.press(.char("b"))
                let q = s.currentQuestion!
                let cols = columns(Renderer.frame(s))
                let left = cols.map(\.0).joined(separator: " "), right = cols.map(\.1).joined(separator: " ")
                let content = ContentText(bundle: bundle, locale: first), other = ContentText(bundle: bundle, locale: second)
                for (side, c, shown) in [("left", content, left), ("right", other, right)] {
                    let shownWords = Set(words(shown))
                    for label in q.options.map({ c.plain($0.label) }) + [c.plain(q.prompt)] {
                        for w in words(label) {
                            XCTAssertTrue(shownWords.contains(w), "\(first)|\(second) at \(width): the \(side) column lost '\(w)' of “\(label)”")
                        }
                    }
                }
                // Each option starts on the same row in both columns.
                let frame = Renderer.frame(s)
                let rows = columns(frame)
                for n in 1...q.options.count {
                    let l = rows.firstIndex { $0.0.range(of: #"^(› |  )\#(n)\. \["#, options: .regularExpression) != nil }
                    let r = rows.firstIndex { $0.1.range(of: #"^(› |  )\#(n)\. \["#, options: .regularExpression) != nil }
                    XCTAssertNotNil(l, "\(first)|\(second) \(width): option \(n) on the left\n\(frame.text)")
                    XCTAssertEqual(l, r, "\(first)|\(second) \(width): option \(n) starts on rows \(String(describing: l)) and \(String(describing: r))\n\(frame.text)")
                }
            }
        }
    }

    func testNoBodyLineIsCutAtTheEdgeOfItsColumn() {
        // Wrapped option labels come back with an indent: they must still fit their column.
        for locale in ["en", "fr"] {
            var s = UIState(bundle: Fixture.shipped, width: 60, height: 80, locale: locale)
            s.press(.enter)
            ShippedWalk.answer(&s, until: "indicators")
            let shown = Set(words(text(s)))
            let content = ContentText(bundle: Fixture.shipped, locale: locale)
            for label in s.currentQuestion!.options.map({ content.plain($0.label) }) {
                for w in words(label) { XCTAssertTrue(shown.contains(w), "\(locale): '\(w)' of “\(label)” is cut\n\(text(s))") }
            }
        }
    }

    // MARK: 12. One word for one state

    func testAnUrgentPathwaysDetailSaysUrgentAsTheResultsDo() {
        var s = UIState(bundle: Fixture.bundle, width: 80, height: 40)
        s.press(.enter, .char("1"), .enter)
        XCTAssertTrue(text(s).contains("■ Recommended — do first (1)"), text(s))
        s.cursor = s.items.firstIndex(of: .pathway("emergency"))!
        s.press(.enter)
        XCTAssertTrue(text(s).contains("■ Recommended — do first"), text(s))
        XCTAssertFalse(text(s).contains("■ Recommended — next"), text(s))
    }

    // MARK: 13. The glossary lists the terms on the screen

    func testTheGlossaryListsOnlyTheTermsOnTheScreen() {
        var s = UIState(bundle: Fixture.shipped, width: 100, height: 40)
        s.press(.enter, .char("g"))
        XCTAssertTrue(text(s).contains("No glossary terms on this screen"), text(s))
        s.press(.escape)
        ShippedWalk.answer(&s, until: "claim_history")
        s.press(.char("g"))
        XCTAssertLessThan(s.items.count, Fixture.shipped.glossary.count, "not every term of the bundle")
        XCTAssertTrue(s.items.allSatisfy { if case .term = $0 { return true } else { return false } })
        XCTAssertEqual(s.items.first, .term("refugee_claim"), "the term in the question")
        s.press(.char("a"))
        XCTAssertEqual(s.items.count, Fixture.shipped.glossary.count, "a shows every term")
    }

    // MARK: 14. The footer and notices fit

    func testTheFooterAtSixtyColumnsKeepsTheQuickExitFirstAndTheLanguageKeys() {
        var s = UIState(bundle: Fixture.bundle, width: 60, height: 16)
        s.press(.enter)
        let lines = text(s).split(separator: "\n", omittingEmptySubsequences: false).suffix(2).joined(separator: "\n")
        XCTAssertTrue(lines.hasPrefix("F12/Ctrl-X quick exit"), lines)
        XCTAssertTrue(lines.contains("l français"), lines)
        XCTAssertTrue(lines.contains("b both languages"), lines)
    }

    func testANoticeShowsOnceAndWholeAtSixtyColumns() {
        var s = UIState(bundle: Fixture.bundle, width: 60, height: 16)
        s.recordsAvailable = true
        s.press(.enter, .char("1"), .enter)
        let message = "Summary written: /home/worker/.local/share/pathways/exports/KQ7-M2P-2026-11-20.md / .txt"
        s.exported(message)
        let rows = text(s).split(separator: "\n").map(String.init)
        guard let first = rows.firstIndex(where: { $0.hasPrefix("Summary written:") }) else { return XCTFail(text(s)) }
        let status = rows[first...].prefix { !$0.hasPrefix("───") }
        XCTAssertEqual(status.joined().filter { !$0.isWhitespace }, message.filter { !$0.isWhitespace }, "the notice is shown whole\n\(text(s))")
        // Words are never cut; a path longer than the line breaks after one of its '/'.
        for word in message.split(separator: " ") where TextWidth.of(String(word)) <= 60 {
            XCTAssertTrue(status.contains { $0.contains(word) }, "'\(word)' is cut\n\(text(s))")
        }
        XCTAssertTrue(status.contains { $0.hasSuffix("/") }, "the long path breaks at a '/'\n\(text(s))")
        s.press(.down)
        XCTAssertFalse(text(s).contains("Summary written"), "a notice shows once\n\(text(s))")
    }

    // MARK: 15. A notes editor of several lines

    func testTheNotesEditorWrapsTakesNewLinesAndSavesWithAKey() {
        var s = UIState(bundle: Fixture.bundle, width: 60, height: 16)
        s.recordsAvailable = true
        s.press(.enter, .char("2"), .enter, .function(2), .char("n"))
        let long = "call back on Tuesday after the clinic, ask about the housing letter and the pay stubs"
        s.type(long)
        var shown = text(s).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression)
        XCTAssertTrue(shown.contains(long), "typed text past the width stays visible\n\(text(s))")
        XCTAssertEqual(s.handle(.key(.enter)), [], "Enter starts a new line")
        s.type("second line")
        shown = text(s)
        XCTAssertTrue(shown.contains("second line"), shown)
        XCTAssertEqual(s.handle(.key(.control("s"))), [.saveNotes(long + "\nsecond line")])
        XCTAssertEqual(s.screen, .review)
    }

    // MARK: 16. Set-aside answers in question order

    func testSetAsideAnswersAreListedInTheOrderOfTheConversation() {
        var s = UIState(bundle: Fixture.shipped, width: 100, height: 200)
        s.press(.enter)
        ShippedWalk.finish(&s, choosing: ["status": "employer_specific_permit"])
        s.press(.function(2))
        s.cursor = s.items.firstIndex(of: .question("status"))!
        s.press(.enter)
        let q = s.currentQuestion!
        let citizen = q.options.firstIndex { $0.id == "citizen_or_pr" }! + 1
        s.choose(citizen)
        s.press(.enter)
        ShippedWalk.finish(&s)
        if s.screen != .review { s.press(.function(2)) }
        let all = text(s)
        guard let start = all.range(of: "Set aside") else { return XCTFail(all) }
        let aside = String(all[start.upperBound...])
        let content = ContentText(bundle: Fixture.shipped, locale: "en")
        let order = Fixture.shipped.flow.sections.flatMap(\.questions).map(\.id)
        let shown = order.filter { id in
            s.session?.setAside[id] != nil
        }
        XCTAssertGreaterThan(shown.count, 2)
        var last = aside.startIndex
        for id in shown {
            let prompt = String(content.plain(Fixture.shipped.question(id)?.prompt).prefix(30))
            guard let r = aside.range(of: prompt, range: last..<aside.endIndex) else {
                return XCTFail("'\(id)' is not after the previous set-aside answer\n\(aside)")
            }
            last = r.upperBound
        }
    }

    // MARK: 18. Widths from a maintained Unicode source

    func testWideEmojiCJKAndCombiningMarksTakeTheColumnsTheTerminalGivesThem() {
        XCTAssertEqual(TextWidth.of("⛔"), 2)
        XCTAssertEqual(TextWidth.of("😀"), 2)
        XCTAssertEqual(TextWidth.of("✅"), 2)
        XCTAssertEqual(TextWidth.of("人身売買"), 8)
        XCTAssertEqual(TextWidth.of("한국어"), 6)
        XCTAssertEqual(TextWidth.of("e\u{301}"), 1)
        XCTAssertEqual(TextWidth.of("a\u{20DD}"), 1)
        XCTAssertEqual(TextWidth.of("é"), 1)
        XCTAssertEqual(TextWidth.of("🇨🇦"), 2)
        var f = Frame(width: 20, height: 1)
        f.put("⛔person", row: 0, col: 0)
        XCTAssertEqual(f.text, "⛔person")
        XCTAssertEqual(f.rows[0][2].text, "p", "the emoji takes two cells")
    }
}
