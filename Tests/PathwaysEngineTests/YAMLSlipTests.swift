import XCTest
@testable import PathwaysEngine

/// The slips a content editor makes in YAML, each with the one error it gets: plain words, a hint, and the
/// place of the mistake (not where libyaml gave up). Everything that only follows from the file being
/// unreadable is held back and counted.
final class YAMLSlipTests: XCTestCase {
    /// Checks the base bundle with `path` replaced, and asserts that exactly one diagnostic is shown.
    func only(_ path: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> (Diagnostic?, CheckedFixture) {
        var bundle = BaseBundle()
        bundle[path] = text
        let result = bundle.check()
        XCTAssertEqual(result.diagnostics.count, 1, result.diagnostics.map(\.formatted).joined(separator: "\n"), file: file, line: line)
        return (result.diagnostics.first, result)
    }

    /// `message` may name the marker's place as `@`, e.g. "the quote opened at @ is never closed".
    func assertSlip(_ path: String, _ text: String, _ message: String, hint: String?, file: StaticString = #filePath, line: UInt = #line) {
        let (d, result) = only(path, text, file: file, line: line)
        XCTAssertEqual(d?.code, .yamlSyntax, file: file, line: line)
        let place = "\(result.marker.line):\(result.marker.column)"
        XCTAssertEqual(d?.message, message.replacingOccurrences(of: "@", with: place), file: file, line: line)
        XCTAssertEqual(d?.location, result.marker, "where the slip is", file: file, line: line)
        XCTAssertEqual(d?.hint, hint, file: file, line: line)
    }

    static let questions = BaseBundle.texts["questions/basics.yaml"] ?? ""

    /// One tab in a questions file: one error at the tab; the dozens of "unknown question" errors from the
    /// questions it lost are counted in one line instead.
    func testATabInTheIndentation() throws {
        let text = Self.questions.replacingOccurrences(of: "\n    kind: number", with: "\n⟨⟩\tkind: number")
        assertSlip("questions/basics.yaml", text, "a tab character — use spaces to indent",
                   hint: "YAML files are indented with spaces only; set your editor to insert spaces for the Tab key")
        let (_, result) = only("questions/basics.yaml", text)
        XCTAssertEqual(result.withheld.count, 1)
        let held = try XCTUnwrap(result.withheld.first)
        XCTAssertGreaterThanOrEqual(held.diagnostics.count, 5, "the cascade it replaces")
        XCTAssertEqual(held.note, "\(held.diagnostics.count) more errors may follow from Content/questions/basics.yaml, which could not be read; fix it first")
        XCTAssertTrue(held.diagnostics.allSatisfy { $0.location.file != "Content/questions/basics.yaml" })
    }

    /// A mis-indented list item (one space short) in the options of a question.
    func testAMisIndentedListItem() {
        let text = Self.questions.replacingOccurrences(of: "      - id: worker\n", with: "     ⟨⟩- id: worker\n")
        assertSlip("questions/basics.yaml", text, "this '- ' item is indented differently from the lines it belongs with",
                   hint: "line it up with '- id: visitor' (column 7) to put it under 'options', or with 'options' (column 5) to put it beside it")
    }

    func testAKeyIndentedTooFar() {
        let text = Self.questions.replacingOccurrences(of: "    prompt: {en: How old", with: "     ⟨⟩prompt: {en: How old")
        assertSlip("questions/basics.yaml", text, "'prompt' is indented further than the line above, so it is read as more of the text before it",
                   hint: "line it up with 'kind' (column 5) to put it beside it")
    }

    func testAKeyIndentedLessThanItsSiblings() {
        assertSlip("scenarios/visitor.yaml", """
            id: visitor-at-work
            title: {en: A visitor, fr: Une visiteuse}
            answers:
              in_danger: no
             ⟨⟩age: 34
            expect:
              recommended: [trp]

            """, "this line is indented differently from the lines it belongs with",
                   hint: "line it up with 'in_danger' (column 3) to put it under 'answers', or with 'answers' (column 1) to put it beside it")
    }

    func testAColonInsideAText() {
        let text = Self.questions.replacingOccurrences(of: "prompt: {en: Anything else to note?, fr: Autre chose à noter?}",
                                                      with: "prompt: ⟨⟩Note: anything else?")
        assertSlip("questions/basics.yaml", text, "this text contains ': ' — put the whole text in quotes",
                   hint: "write it as \"Note: anything else?\"")
    }

    func testAColonInsideATextInBraces() {
        let text = Self.questions.replacingOccurrences(of: "prompt: {en: Anything else to note?, fr: Autre chose à noter?}",
                                                      with: "prompt: {en: Note⟨⟩: anything else?, fr: Autre chose à noter?}")
        assertSlip("questions/basics.yaml", text, "inside { }, a text with ': ' or ',' must be put in quotes",
                   hint: "write the text in double quotes, such as {en: \"Note: call first\", fr: …}")
    }

    /// The quote is reported where it opens, not at the end of the file 100 lines later.
    func testAQuoteThatIsNeverClosed() {
        let text = Self.questions.replacingOccurrences(of: "prompt: {en: Anything else to note?, fr: Autre chose à noter?}",
                                                      with: "prompt: ⟨⟩\"Anything else to note?")
        assertSlip("questions/basics.yaml", text, "the quote opened at @ is never closed", hint: "end the text with \" on the same line")
    }

    /// An unclosed quote that a later quote closes: the lines in between were swallowed as text.
    func testAQuoteClosedOnlyByALaterQuote() {
        let text = Self.questions.replacingOccurrences(of: "prompt: {en: What happened at work?, fr: Que s’est-il passé au travail?}",
                                                      with: "prompt: ⟨⟩\"What happened at work?")
        assertSlip("questions/basics.yaml", text, "the quote opened at @ is never closed", hint: "end the text with \" on the same line")
    }

    func testAnApostropheInsideSingleQuotes() {
        assertSlip("scenarios/visitor.yaml", """
            id: visitor-at-work
            title: {en: A visitor, fr: Une visiteuse}
            persona: 'Ana came to Canada⟨⟩'s farms'
            answers:
              in_danger: no
            expect:
              recommended: [trp]

            """, "this apostrophe ends the text in '…' quotes",
                   hint: "inside '…' write an apostrophe as two ('') — or put the whole text in double quotes instead")
    }

    func testTextAfterTheClosingQuote() {
        assertSlip("scenarios/visitor.yaml", """
            id: visitor-at-work
            title: {en: A visitor, fr: Une visiteuse}
            persona: "Ana⟨⟩" came to Canada
            answers:
              in_danger: no
            expect:
              recommended: [trp]

            """, "the text goes on after this closing quote", hint: "put the whole text in quotes, or remove the quotes")
    }

    func testATextThatStartsWithABracket() {
        assertSlip("scenarios/visitor.yaml", """
            id: visitor-at-work
            title: {en: A visitor, fr: Une visiteuse}
            persona: ⟨⟩[Fictional] Ana came to Canada
            answers:
              in_danger: no
            expect:
              recommended: [trp]

            """, "a text that starts with '[' is read as a list — put the whole text in quotes", hint: nil)
    }

    func testAListThatIsNeverClosed() {
        var bundle = BaseBundle()
        bundle.replace("indicators: [confiscated_documents]", with: "indicators: ⟨⟩[confiscated_documents", in: "scenarios/visitor.yaml")
        assertSlip("scenarios/visitor.yaml", bundle["scenarios/visitor.yaml"] ?? "", "the '[' opened at @ is never closed",
                   hint: "end the list with ']' on the same line, or put the whole text in quotes if the '[' is part of it")
    }

    func testTextsThatStartWithAMarkYAMLReserves() {
        for (mark, expected) in [("@", "a text cannot start with '@' — put the whole text in quotes"),
                                 ("`", "a text cannot start with '`' — put the whole text in quotes"),
                                 ("*", "a text that starts with '*' must be put in quotes"),
                                 ("&", "a text that starts with '&' must be put in quotes")] {
            let (d, result) = only("scenarios/visitor.yaml", """
                id: visitor-at-work
                title: {en: A visitor, fr: Une visiteuse}
                persona: ⟨⟩\(mark)Ana came to Canada
                answers:
                  in_danger: no
                expect:
                  recommended: [trp]

                """)
            XCTAssertEqual(d?.message, expected, mark)
            XCTAssertEqual(d?.location, result.marker, mark)
        }
    }

    /// Tags are refused where they are written, not dropped.
    func testATagIsRefused() {
        let (d, result) = only("scenarios/visitor.yaml", """
            id: visitor-at-work
            title: {en: A visitor, fr: Une visiteuse}
            answers:
              in_danger: no
              age: ⟨⟩!!int 34
            expect:
              recommended: [trp]

            """)
        XCTAssertEqual(d?.message, "YAML tags such as 'tag:yaml.org,2002:int' are not used in content files")
        XCTAssertEqual(d?.location, result.marker)
        let (custom, at) = only("scenarios/visitor.yaml", "id: v\ntitle: ⟨⟩!title A visitor\n")
        XCTAssertEqual(custom?.message, "YAML tags such as '!title' are not used in content files")
        XCTAssertEqual(custom?.location, at.marker)
    }

    func testALineWithoutAKey() {
        let text = Self.questions.replacingOccurrences(of: "  - id: notes\n    kind: text\n", with: "  - id: notes\n    kind: text\n    ⟨⟩a free text question\n")
        assertSlip("questions/basics.yaml", text, "this line has no 'key:'",
                   hint: "in a mapping every line is 'key: value'; a list item starts with '- '; a line that goes on with the text above must be indented further than its key")
    }

    func testAListOnTheSameLineAsItsKey() {
        assertSlip("scenarios/visitor.yaml", """
            id: visitor-at-work
            title: {en: A visitor, fr: Une visiteuse}
            answers:
              indicators: ⟨⟩- confiscated_documents
            expect:
              recommended: [trp]

            """, "a '- ' list cannot start on the same line as its key",
                   hint: "put each '- ' item on a line of its own, below the key and indented further")
    }

    /// A control character (copied from another program) is placed where it is, not at 1:1.
    func testAControlCharacterIsPlaced() {
        let (d, result) = only("scenarios/visitor.yaml", "id: visitor-at-work\ntitle: A visitor ⟨⟩\u{07}here\n")
        XCTAssertEqual(d?.message, "an invisible control character (U+0007) in the text")
        XCTAssertEqual(d?.location, result.marker)
    }

    /// Words the explanations must not fall back on for these slips.
    func testNoSlipFallsBackOnLibyamlsWording() {
        let slips = [
            Self.questions.replacingOccurrences(of: "\n    kind: number", with: "\n\tkind: number"),
            Self.questions.replacingOccurrences(of: "prompt: {en: Anything else to note?, fr: Autre chose à noter?}", with: "prompt: Note: anything?"),
            Self.questions.replacingOccurrences(of: "      - id: worker\n", with: "     - id: worker\n"),
        ]
        for text in slips {
            let (d, _) = only("questions/basics.yaml", text)
            for libyaml in ["found character that cannot start any token", "mapping values are not allowed", "did not find expected"] {
                XCTAssertFalse(d?.message.contains(libyaml) ?? true, d?.message ?? "")
            }
        }
    }
}
