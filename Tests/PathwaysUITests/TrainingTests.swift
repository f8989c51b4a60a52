import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// Trainer mode: the walkthrough (reveal, hide notes, jump), the quiz and its score, the banner.
final class TrainingTests: XCTestCase {
    func training(_ w: Int = 100, _ h: Int = 30, locale: String = "en") -> UIState {
        UIState.training(bundle: Fixture.bundle, width: w, height: h, locale: locale)
    }

    func testTheListAndEveryStepOfTheWalkthroughAtThePresenterSize() {
        for locale in ["en", "fr"] {
            var s = training(locale: locale)
            FrameFiles.assert(Renderer.frame(s), named: "training-list-100x30-\(locale)")
            s.press(.enter)
            FrameFiles.assert(Renderer.frame(s), named: "training-persona-100x30-\(locale)")
            s.press(.right, .right, .right)
            FrameFiles.assert(Renderer.frame(s), named: "training-step-hidden-100x30-\(locale)")
            s.press(.char(" "))
            FrameFiles.assert(Renderer.frame(s), named: "training-step-revealed-100x30-\(locale)")
            s.press(.char("h"))
            FrameFiles.assert(Renderer.frame(s), named: "training-step-notes-hidden-100x30-\(locale)")
            s.press(.end)
            FrameFiles.assert(Renderer.frame(s), named: "training-end-100x30-\(locale)")
        }
    }

    func testRevealHideNotesAndJump() {
        var s = training()
        s.press(.enter, .right, .right, .right)
        var text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("TRAINING — fictional case, nothing is saved"))
        XCTAssertTrue(text.contains("Step 3 of 7"))
        XCTAssertTrue(text.contains("Answer hidden: press Space to reveal it."))
        XCTAssertFalse(text.contains("◆"), "the answer stays hidden so the room can guess first")
        XCTAssertTrue(text.contains("Facilitator's note"))
        s.press(.char(" "))
        text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("◆ Employer-specific work permit ← The case's answer"), text)
        s.press(.char("h"))
        text = Renderer.frame(s).text
        XCTAssertFalse(text.contains("The permit is tied to one employer."), "notes can be kept off the projector")
        XCTAssertTrue(text.contains("(notes hidden: press h to show)"))
        s.press(.char("j"), .char("5"), .enter)
        text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("Step 5 of 7"), text)
        XCTAssertTrue(text.contains("What happened?"))
        s.press(.left)
        XCTAssertTrue(Renderer.frame(s).text.contains("Step 4 of 7"))
        s.press(.end)
        text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("Learning points"))
        XCTAssertTrue(text.contains("No pathway here needs the police."))
        s.press(.escape)
        XCTAssertEqual(s.screen, .trainingList)
    }

    func testAQuizComparesTheTraineesAnswersAndScoresThem() {
        var s = training()
        s.press(.char("z"))
        XCTAssertEqual(s.screen, .question)
        XCTAssertTrue(Renderer.frame(s).text.contains("TRAINING — fictional case, nothing is saved"))
        // The trainee answers like the case, except that they see no abuse at work.
        s.press(.char("2"), .enter)
        s.type("29"); s.press(.enter)
        s.press(.char("2"), .enter)
        s.type("2023-05-01"); s.press(.enter)
        s.press(.char("2"), .enter)
        s.press(.char("2"), .enter)
        s.type("ontario"); s.press(.enter)
        XCTAssertEqual(s.screen, .quizResults)
        let training = TrainingCase("worker-walkthrough", in: Fixture.bundle, today: nil)!
        let result = QuizResult(bundle: Fixture.bundle, scenario: training.scenario, caseWalk: training.walk, trainee: s.session!)
        XCTAssertEqual(result.matchedAnswers, 6)
        XCTAssertEqual(result.pathways.count, 5)
        XCTAssertEqual(result.matchedPathways, 4, "only the open work permit differs")
        let text = Renderer.frame(UIState(copying: s, height: 60)).text
        XCTAssertTrue(text.contains("Score: 4/5 pathways · 6/7 answers"), text)
        XCTAssertTrue(text.contains("✗ Was the person abused at work?"), text)
        XCTAssertTrue(text.contains("you: No · case: Yes"), text)
        XCTAssertTrue(text.contains("you: Not applicable · the case: Recommended"), text)
        XCTAssertTrue(text.contains("· The person was abused at work. (answered: Yes)"), text)
    }

    func testTrainingNeverAsksToRecordAnything() {
        var s = training()
        s.recordsAvailable = true
        var effects: [Effect] = []
        effects += s.handle(.key(.char("z")))
        for key: Key in [.char("2"), .enter, .char("2"), .char("9"), .enter, .char("1"), .enter] { effects += s.handle(.key(key)) }
        XCTAssertFalse(effects.contains(.record), "\(effects)")
        XCTAssertNil(s.caseCode)
    }
}

/// Training reached from the caseworker's start screen.
final class TrainingFromStartTests: XCTestCase {
    func testTrainingOpensFromTheStartScreenAndEscComesBack() {
        var s = UIState(bundle: Fixture.bundle, width: 100, height: 30)
        s.recordsAvailable = true
        XCTAssertEqual(s.handle(.key(.char("3"))), [], "a digit chooses; Enter opens")
        XCTAssertEqual(s.handle(.key(.enter)), [.closeCase])
        XCTAssertEqual(s.screen, .trainingList)
        XCTAssertTrue(Renderer.frame(s).text.contains("TRAINING — fictional case, nothing is saved"))
        s.press(.enter, .right, .escape)
        XCTAssertEqual(s.screen, .trainingList)
        XCTAssertEqual(s.handle(.key(.escape)), [])
        XCTAssertEqual(s.screen, .start)
        XCTAssertNil(s.training)
    }
}
