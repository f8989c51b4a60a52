import XCTest
@testable import PathwaysUI

/// Word wrapping by display width.
final class WrapTests: XCTestCase {
    func text(_ lines: [StyledLine]) -> [String] { lines.map { $0.map(\.text).joined() } }

    func testWrapsAtSpacesAndCutsLongWords() {
        XCTAssertEqual(text(Wrap.lines("one two three four", width: 9)), ["one two", "three", "four"])
        XCTAssertEqual(text(Wrap.lines("abcdefghijkl", width: 5)), ["abcde", "fghij", "kl"])
        XCTAssertEqual(text(Wrap.lines("a\nb", width: 9)), ["a", "b"])
    }

    func testAWordMadeOfSeveralStylesIsNeverSplitAtTheStyleChange() {
        let spans = [Span("a permit ("), Span("VTIP", .term), Span(" "), Span("TRP", .term), Span(")")]
        XCTAssertEqual(text(Wrap.lines(spans, width: 13)), ["a permit", "(VTIP TRP)"])
    }

    func testWideCharactersCountTwice() {
        XCTAssertEqual(text(Wrap.lines("人身 売買 被害", width: 5)), ["人身", "売買", "被害"])
        XCTAssertEqual(TextWidth.of("é"), 1)
        XCTAssertEqual(TextWidth.of("e\u{301}"), 1)
    }
}
