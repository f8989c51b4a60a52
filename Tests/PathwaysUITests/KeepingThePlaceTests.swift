import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// Issue 14, points 4–10: the worker never loses their place and is never stuck.
final class KeepingThePlaceTests: XCTestCase {
    func state(_ w: Int = 80, _ h: Int = 40) -> UIState { UIState(bundle: Fixture.bundle, width: w, height: h) }

    /// A finished starter case: not in danger, 29, work permit, arrived 2023-05-01, documents taken, abused
    /// at work, a note; the results are on screen.
    func finishedCase(_ w: Int = 80, _ h: Int = 40) -> UIState {
        var s = state(w, h)
        s.press(.enter, .char("2"), .enter)
        s.type("29")
        s.press(.enter, .char("2"), .enter)
        s.type("2023-05-01")
        s.press(.enter, .char("2"), .enter, .char("1"), .enter)
        s.type("ontario")
        s.press(.enter)
        XCTAssertEqual(s.screen, .results)
        return s
    }

    func text(_ s: UIState) -> String { Renderer.frame(s).text }

    /// The line with the selection marker.
    func selectedLine(_ s: UIState) -> String {
        text(s).split(separator: "\n").first { $0.contains("› ") }.map(String.init) ?? ""
    }

    // MARK: 4. The urgent screen always has a way on

    func testChangingTheFirstAnswerToYesFromTheReviewOffersToContinue() {
        var s = state()
        s.press(.enter, .char("1"), .enter)  // in danger: yes
        s.press(.enter)                      // continue the conversation
        s.type("29")
        s.press(.enter, .function(2), .enter)  // review, change the first answer
        s.press(.char("2"), .enter)          // no
        s.press(.function(2))
        s.cursor = 0
        s.press(.enter, .char("1"), .enter)  // yes again, from the review
        XCTAssertTrue(text(s).contains("URGENT: Call 911 now"), text(s))
        XCTAssertTrue(text(s).contains("Continue the conversation"), "the urgent screen offers a way on\n\(text(s))")
        s.cursor = s.items.firstIndex(of: .continueConversation) ?? 0
        s.press(.enter)
        XCTAssertFalse(text(s).contains("URGENT: Call 911 now"), text(s))
        XCTAssertEqual(s.session?.answers["age"], .value(.number(29)))
    }

    // MARK: 5. A change from the review returns to the review

    func testChangingAnAnswerFromTheReviewReturnsToTheReviewWithTheOtherAnswersKept() {
        var s = finishedCase()
        let before = s.session?.answers
        s.press(.function(2))
        s.cursor = s.items.firstIndex(of: .question("age"))!
        s.press(.enter)
        XCTAssertEqual(s.currentQuestion?.id, "age")
        s.press(.backspace, .backspace)
        s.type("31")
        s.press(.enter)
        XCTAssertEqual(s.screen, .review, "back to the review, not walked through every later question")
        XCTAssertTrue(selectedLine(s).contains("How old is the person?"), "the review keeps its place: \(selectedLine(s))")
        XCTAssertTrue(text(s).contains("→ 31"), text(s))
        var after = before
        after?["age"] = .value(.number(31))
        XCTAssertEqual(s.session?.answers, after)
        s.press(.char("s"))
        XCTAssertFalse(text(s).contains("Not finished"), "the case is still finished\n\(text(s))")
    }

    func testAChangeAsksOnlyTheQuestionsItNewlyOpens() {
        var s = state()
        s.press(.enter, .char("2"), .enter)
        s.type("29")
        s.press(.enter, .char("1"), .enter)  // citizen: no arrival date, indicators or abuse at work
        s.type("ontario")
        s.press(.enter)
        XCTAssertEqual(s.screen, .results)
        s.press(.function(2))
        s.cursor = s.items.firstIndex(of: .question("status"))!
        s.press(.enter, .char("2"), .enter)  // work permit
        var asked: [String] = []
        for _ in 0..<6 {
            guard s.screen == .question, let q = s.currentQuestion else { break }
            asked.append(q.id)
            switch q.id {
            case "arrived_on": s.type("2023-05-01"); s.press(.enter)
            case "indicators": s.press(.char("2"), .enter)
            default: s.press(.char("1"), .enter)
            }
        }
        XCTAssertEqual(asked, ["arrived_on", "indicators", "abuse_at_work"], "the note is answered already")
        XCTAssertEqual(s.screen, .review)
        XCTAssertEqual(s.session?.answers["note"], .value(.text("ontario")))
    }

    func testAQuestionChosenFromTheResultsReturnsToTheResults() {
        var s = state(80, 60)
        s.press(.enter, .char("2"), .enter)
        s.type("29")
        s.press(.enter, .char("2"), .enter)
        s.type("2023-05-01")
        s.press(.enter, .char("4"), .enter, .char("3"), .enter)  // declines indicators, abuse at work unsure
        s.type("none")
        s.press(.enter)
        s.cursor = s.items.firstIndex(of: .question("indicators"))!
        s.press(.enter)
        XCTAssertEqual(s.currentQuestion?.id, "indicators")
        s.press(.char("2"), .enter)
        XCTAssertEqual(s.screen, .results, "back to the results, the later answers kept")
        XCTAssertEqual(s.session?.answers["note"], .value(.text("none")))
    }

    // MARK: 6. Esc closes the innermost thing

    func testEscClosesWhyWeAskInsteadOfGoingBack() {
        var s = state()
        s.press(.enter, .char("2"), .enter, .left, .char("?"))  // back on the first question, answered
        XCTAssertTrue(text(s).contains("Why we ask"), text(s))
        s.press(.escape)
        XCTAssertEqual(s.currentQuestion?.id, "in_danger", "Esc closed the explanation and stayed on the question")
        XCTAssertFalse(text(s).contains("Why we ask:"), text(s))
        XCTAssertEqual(s.session?.answers["in_danger"], .value(.option("no")))
    }

    func testTheQuestionStillTakesItsKeysWhileWhyWeAskIsOpen() {
        var s = state()
        s.press(.enter, .char("?"), .char("2"), .enter)
        XCTAssertEqual(s.session?.answers["in_danger"], .value(.option("no")))
        XCTAssertEqual(s.currentQuestion?.id, "age")
        XCTAssertFalse(text(s).contains("Why we ask:"), "the explanation belonged to the question answered")
    }

    func testGoingBackToAnEarlyExitAlreadyPassedStillOffersToContinue() {
        var s = state()
        s.press(.enter, .char("1"), .enter, .enter)  // yes, then continue
        XCTAssertEqual(s.currentQuestion?.id, "age")
        s.press(.left)
        XCTAssertTrue(text(s).contains("URGENT: Call 911 now"), text(s))
        XCTAssertEqual(s.items.first, .continueConversation)
        s.cursor = 0
        s.press(.enter)
        XCTAssertEqual(s.currentQuestion?.id, "age")
    }

    func testAnyOtherKeyAfterQuitCancelsItAndActs() {
        var s = state()
        s.press(.enter, .char("2"), .enter, .left, .char("q"))
        XCTAssertTrue(text(s).contains("Press q again to quit."))
        s.press(.down)
        XCTAssertFalse(text(s).contains("Press q again to quit."))
        XCTAssertTrue(selectedLine(s).contains("3. ( ) Not sure"), selectedLine(s))
    }

    func testEscOnStepOneWithWhyOpenStaysInTheCase() {
        var s = state()
        s.press(.enter, .char("?"), .escape)
        XCTAssertEqual(s.currentQuestion?.id, "in_danger")
        XCTAssertNotNil(s.session)
    }

    func testEscOnStepOneWithAnswersStaysAndSaysHowToLeave() {
        var s = state()
        s.press(.enter, .char("2"), .enter, .left, .escape)
        XCTAssertEqual(s.currentQuestion?.id, "in_danger", "a case with answers is not left by Esc")
        XCTAssertTrue(text(s).contains("This is the first question. q quits"), text(s))
    }

    func testLeavingStepOneWithNoAnswersSavesNothing() {
        var s = state()
        s.recordsAvailable = true
        var effects = s.handle(.key(.enter))
        effects += s.handle(.key(.escape))
        XCTAssertTrue(text(s).contains("Start a new case"), text(s))
        XCTAssertFalse(effects.contains(.record), "no empty case is saved: \(effects)")
    }

    // MARK: 7. Closing a detail keeps the place

    func testClosingAPathwaysDetailKeepsTheCursorOnIt() {
        var s = finishedCase()
        s.press(.down, .down, .down)
        let chosen = selectedLine(s)
        XCTAssertFalse(chosen.isEmpty)
        s.press(.enter)
        XCTAssertNotEqual(s.screen, .results)
        s.press(.escape)
        XCTAssertEqual(s.screen, .results)
        XCTAssertEqual(selectedLine(s), chosen)
    }

    // MARK: 8. Options past 9 by number

    func testTwoDigitsTypedTogetherChooseOptionsTenToThirteen() {
        var s = UIState(bundle: Fixture.shipped, width: 80, height: 30)
        s.press(.enter)
        ShippedWalk.answer(&s, until: "province")
        s.press(.char("1"), .char("1"))
        XCTAssertTrue(selectedLine(s).contains("11. ( )"), selectedLine(s))
        s.press(.char("1"), .char("3"))
        XCTAssertTrue(selectedLine(s).contains("13. ( )"), selectedLine(s))
        s.press(.char("1"))
        _ = s.handle(.pause)
        s.press(.char("2"))
        XCTAssertTrue(selectedLine(s).contains("2. ( )") && !selectedLine(s).contains("12."), "after a pause a digit starts anew: \(selectedLine(s))")
        XCTAssertTrue(text(s).contains("1–13"), "the footer says how to choose by number\n\(text(s))")
    }

    // MARK: 9. Digits choose; Enter opens

    func testDigitsChooseOnTheStartScreenAndEnterOpens() {
        var s = state()
        s.press(.char("1"))
        XCTAssertNil(s.session, "a digit only chooses")
        XCTAssertTrue(selectedLine(s).contains("1. Start a new case"))
        s.press(.enter)
        XCTAssertEqual(s.currentQuestion?.id, "in_danger")
    }

    func testContentPreviewOnTheStartScreenSaysHowWhenThereIsNoContentFolder() {
        var s = state()
        s.press(.char("4"), .enter)
        XCTAssertTrue(text(s).contains("pathways preview FOLDER"), text(s))
    }

    // MARK: 10. The quit question says what is true

    func testQuitSaysTheCaseIsSavedWhenItIs() {
        var s = state()
        s.recordsAvailable = true
        s.press(.enter, .char("2"), .enter)
        s.recorded(error: nil, code: "KQ7-M2P")
        s.press(.escape, .char("q"))  // out of the age field, then q
        XCTAssertTrue(text(s).contains("The case is saved as KQ7-M2P. Press q again to quit."), text(s))
    }

    func testQuitSaysAnswersAreNotSavedWhenRecordsAreOff() {
        var s = state()
        s.press(.enter, .char("2"), .enter, .escape, .char("q"))
        XCTAssertTrue(text(s).contains("not saved"), text(s))
    }
}
