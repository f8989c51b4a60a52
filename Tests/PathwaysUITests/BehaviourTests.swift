import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// What the interface does with keys: the walk, going back, language, quick exit, review and results.
final class BehaviourTests: XCTestCase {
    func state(_ w: Int = 80, _ h: Int = 24) -> UIState { UIState(bundle: Fixture.bundle, width: w, height: h) }

    func testDigitsChooseAndEnterAnswers() {
        var s = state()
        s.press(.enter, .char("2"), .enter)
        XCTAssertEqual(s.session?.answers["in_danger"], .value(.option("no")))
        XCTAssertEqual(s.currentQuestion?.id, "age")
    }

    func testJAndKMoveLikeArrows() {
        var s = state()
        s.press(.enter, .char("j"), .char("j"), .char("k"), .enter)
        XCTAssertEqual(s.session?.answers["in_danger"], .value(.option("no")))
    }

    func testInvalidNumberShowsWhatToTypeAndKeepsThePlace() {
        var s = state()
        s.press(.enter, .char("2"), .enter)
        s.type("abc")
        s.press(.enter)
        XCTAssertEqual(s.problem, .number(min: 0, max: 120, integer: true))
        XCTAssertTrue(Renderer.frame(s).text.contains("Type a whole number from 0 to 120, such as 34."))
        for _ in 0..<3 { s.press(.backspace) }
        s.type("41")
        s.press(.enter)
        XCTAssertNil(s.problem)
        XCTAssertEqual(s.session?.answers["age"], .value(.number(41)))
    }

    func testBackShowsThePreviousAnswerAndChangingItKeepsLaterAnswers() {
        var s = state()
        s.press(.enter, .char("2"), .enter)
        s.type("29")
        s.press(.enter, .left)
        XCTAssertEqual(s.currentQuestion?.id, "age")
        XCTAssertEqual(s.input, "29", "the earlier answer is shown for editing")
        s.press(.left)
        XCTAssertEqual(s.currentQuestion?.id, "in_danger")
        XCTAssertTrue(Renderer.frame(s).text.contains("› 2. (•) No"))
        s.press(.enter)
        XCTAssertEqual(s.currentQuestion?.id, "age")
        XCTAssertEqual(s.session?.answers["age"], .value(.number(29)))
    }

    func testLanguageSwitchKeepsThePlaceAndTheTypedText() {
        var s = state()
        s.press(.enter, .char("2"), .enter)
        s.type("3")
        s.press(.function(4))
        XCTAssertEqual(s.locale, "fr")
        XCTAssertEqual(s.currentQuestion?.id, "age")
        XCTAssertEqual(s.input, "3")
        XCTAssertTrue(Renderer.frame(s).text.contains("Quel âge a la personne?"))
        s.press(.backspace, .backspace, .char("l"))  // clears the field, then goes back
        XCTAssertEqual(s.locale, "en")
        XCTAssertTrue(Renderer.frame(s).text.contains("Is the person in danger right now?"))
    }

    func testQuickExitDropsTheCaseWipesTheTerminalAndEndsTheProgram() {
        for key in [Key.function(12), .control("x")] {
            var s = state()
            s.press(.enter, .char("2"), .enter)
            s.type("29")
            s.press(.enter)
            let effects = s.handle(.key(key))
            XCTAssertEqual(effects, [.wipeTerminal, .forget, .quit], "wipe first, then drop the keys, then end")
            XCTAssertNil(s.session)
            XCTAssertEqual(s.screen, .closed)
            XCTAssertEqual(Renderer.frame(s).text.trimmingCharacters(in: .whitespacesAndNewlines), "")
            for k: Key in [.char("x"), .enter, .char("r"), .char("s")] { XCTAssertEqual(s.handle(.key(k)), []) }
            XCTAssertEqual(s.screen, .closed, "nothing comes back: the program ends")
        }
    }

    func testQuickExitWorksWhileTypingAndWhenTheWindowIsTooSmall() {
        var s = state()
        s.press(.enter, .char("2"), .enter)
        s.type("2")
        _ = s.handle(.resize(width: 50, height: 10))
        XCTAssertEqual(s.handle(.key(.function(12))), [.wipeTerminal, .forget, .quit])
        XCTAssertNil(s.session)
    }

    func testQuickExitEndsTrainingAndThePreviewToo() {
        var t = UIState.training(bundle: Fixture.bundle)
        t.press(.enter, .right)
        XCTAssertEqual(t.handle(.key(.control("x"))), [.wipeTerminal, .forget, .quit])
        var p = UIState.preview(bundle: Fixture.bundle, diagnostics: [], excerpts: [:])
        p.press(.char("2"))
        XCTAssertEqual(p.handle(.key(.function(12))), [.wipeTerminal, .forget, .quit])
        XCTAssertEqual(p.screen, .closed)
    }

    func testCtrlCIsAKeyThatQuitsLikeQ() {
        var s = state()
        XCTAssertEqual(s.handle(.key(.control("c"))), [.quit], "nothing to lose on the start screen")
        s = state()
        s.press(.enter, .char("2"), .enter)
        s.type("2")
        XCTAssertEqual(s.handle(.key(.control("c"))), [], "in a text field too, but it asks first")
        XCTAssertTrue(Renderer.frame(s).text.contains("Press q again to quit."), Renderer.frame(s).text)
        XCTAssertEqual(s.handle(.key(.control("c"))), [.quit])
        s = state()
        s.press(.enter)
        XCTAssertEqual(s.handle(.key(.control("z"))), [], "Ctrl-Z does nothing")
        XCTAssertEqual(s.currentQuestion?.id, "in_danger")
    }

    func testTheEarlyExitComesFirstAndTheWorkerCanContinue() {
        var s = state()
        s.press(.enter, .char("1"), .enter)
        XCTAssertEqual(s.screen, .results)
        XCTAssertTrue(Renderer.frame(s).text.contains("URGENT: Call 911 now"))
        s.press(.enter)
        XCTAssertEqual(s.currentQuestion?.id, "age")
    }

    func testReviewListsAnswersAndSetAsideOnesAndOpensAQuestionToChange() {
        var s = state()
        s.press(.enter, .char("2"), .enter)
        s.type("29")
        s.press(.enter, .char("2"), .enter)
        s.type("2023-05-01")
        s.press(.enter, .left, .left, .char("1"), .enter, .function(2))
        XCTAssertEqual(s.screen, .review)
        let text = Renderer.frame(UIState(copying: s, height: 40)).text
        XCTAssertTrue(text.contains("Set aside: these answers no longer apply"))
        XCTAssertTrue(text.contains("When did the person arrive? → 2023-05-01"))
        s.press(.down, .enter)
        XCTAssertEqual(s.currentQuestion?.id, "age")
    }

    func testResultsJumpToAQuestionThatWouldDecideAPossiblePathway() {
        var s = state(80, 40)
        s.press(.enter, .char("2"), .enter)
        s.type("29")
        s.press(.enter, .char("2"), .enter)
        s.type("2023-05-01")
        s.press(.enter, .char("4"), .enter, .char("3"), .enter)  // declines indicators and abuse at work
        s.type("none")
        s.press(.enter)
        XCTAssertEqual(s.screen, .results)
        let items = s.items
        XCTAssertTrue(items.contains(.question("indicators")), "the declined question is listed to settle the possible pathways")
        s.cursor = items.firstIndex(of: .question("indicators"))!
        s.press(.enter)
        XCTAssertEqual(s.screen, .question)
        XCTAssertEqual(s.currentQuestion?.id, "indicators")
    }

    func testAPathwayOpensWithStepsSourcesAndEscCloses() {
        var s = state(80, 40)
        s.press(.enter, .char("1"), .enter)
        let i = s.items.firstIndex(of: .pathway("emergency"))!
        s.cursor = i
        s.press(.enter)
        XCTAssertEqual(s.screen, .pathway("emergency"))
        let text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("Next steps"))
        XCTAssertTrue(text.contains("Emergency services — 911"))
        XCTAssertTrue(text.contains("Test source one, example.org/one (2025-04-04)"))
        s.press(.escape)
        XCTAssertEqual(s.screen, .results)
    }

    func testResizeRedrawsAtTheNewSizeAndTooSmallAsksToEnlarge() {
        var s = state()
        s.press(.enter)
        _ = s.handle(.resize(width: 50, height: 12))
        XCTAssertTrue(Renderer.frame(s).text.contains("Enlarge the window to at least 60×16"))
        _ = s.handle(.resize(width: 100, height: 30))
        XCTAssertEqual(Renderer.frame(s).width, 100)
        XCTAssertTrue(Renderer.frame(s).text.contains("Is the person in danger right now?"))
    }

    func testPageDownReachesTheEndOfLongScreensAndPageUpComesBack() {
        var s = state(60, 16)
        XCTAssertFalse(Renderer.frame(s).text.contains("Test content only."))
        s.press(.pageDown)
        XCTAssertTrue(Renderer.frame(s).text.contains("Test content only."), Renderer.frame(s).text)
        s.press(.pageUp)
        XCTAssertTrue(Renderer.frame(s).text.contains("1. Start a new case"))
        var shipped = UIState(bundle: Fixture.shipped, width: 80, height: 24)
        shipped.press(.enter, .char("1"), .enter)
        var last = ""
        for _ in 0..<40 { shipped.press(.pageDown); last = Renderer.frame(shipped).text }
        XCTAssertTrue(last.contains("Information, not legal advice."), "the last page of the results shows their end\n\(last)")
    }

    func testQuitAsksForConfirmationWhenACaseHasAnswers() {
        var s = state()
        s.press(.enter, .char("2"), .enter)
        XCTAssertEqual(s.handle(.key(.char("x"))), [])
        s.press(.backspace, .escape)  // from the age field back to the first question, where letters are keys
        XCTAssertEqual(s.handle(.key(.char("q"))), [])
        XCTAssertTrue(Renderer.frame(s).text.contains("Press q again to quit"))
        XCTAssertEqual(s.handle(.key(.char("q"))), [.quit])
    }

    func testGlossaryListsTheTermsMarkedInTheQuestion() {
        var s = state()
        s.press(.enter, .char("2"), .enter)
        s.type("29")
        s.press(.enter, .char("g"))
        XCTAssertEqual(s.screen, .glossary)
        XCTAssertEqual(s.items, [.term("trp")])
        s.press(.enter)
        XCTAssertTrue(Renderer.frame(s).text.contains("A temporary resident permit."))
        s.press(.escape, .escape)
        XCTAssertEqual(s.currentQuestion?.id, "status")
    }

    func testTheShippedBundleRendersEveryQuestionAtTheSmallestSizeInBothLanguages() {
        for locale in ["en", "fr"] {
            var s = UIState(bundle: Fixture.shipped, width: 60, height: 16, locale: locale)
            s.press(.enter)
            var seen = Set<String>()
            while let q = s.currentQuestion, seen.insert(q.id).inserted {
                let text = Renderer.frame(s).text
                XCTAssertTrue(text.contains("F12/Ctrl-X"), q.id)
                if q.kind.hasOptions { s.press(.char("2"), .enter) } else { s.type(q.kind == .number ? "30" : q.kind == .date ? "2024-01-01" : "x"); s.press(.enter) }
            }
            XCTAssertEqual(s.screen, .results, "the walk reaches the results")
        }
    }
}

extension UIState {
    /// The same state at another height, to see more of a screen in a test.
    init(copying s: UIState, height: Int) {
        self = s
        self.context.height = height
        self.fitToWindow()
        self.keepSelectionVisible()
    }
}
