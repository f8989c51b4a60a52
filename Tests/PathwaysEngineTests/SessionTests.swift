import XCTest
@testable import PathwaysEngine

/// Sessions: answering, going back, changing answers, set-aside answers, progress and history.
final class SessionTests: XCTestCase {
    var bundle: ContentBundle!

    override func setUpWithError() throws { bundle = try StarterBundle.load() }

    func testStartsAtTheFirstQuestionOfTheFlow() {
        let s = Session(bundle: bundle, today: nil)
        XCTAssertEqual(s.position, .question("in_danger", current: nil))
        XCTAssertEqual(s.progress.step, 1)
        XCTAssertEqual(s.progress.section?.id, "safety")
    }

    func testAnsweringFollowsTheFlowAndSkipsQuestionsWhoseAskWhenFails() {
        var s = Session(bundle: bundle, today: nil)
        s.give(.option("no"))
        s.give(.number(40))
        s.give(.option("citizen"))
        // A citizen skips arrived_on, indicators and abuse_at_work: the flow goes straight to the note.
        XCTAssertEqual(s.currentNode, "note")
        s.give(.text("nothing"))
        XCTAssertEqual(s.position, .outcome("results"))
        XCTAssertTrue(s.isFinished)
        XCTAssertEqual(s.history.map(\.node), ["in_danger", "age", "status", "note"])
    }

    func testAskWhenSkipsAQuestionOnTheFlowPath() {
        var s = Session(bundle: bundle, today: nil)
        s.give(.option("no"))
        s.give(.number(30))
        s.give(.option("no_status"))
        s.give(.date(Day("2024-01-01")!))
        s.give(.options(["deceived"]))
        // abuse_at_work is asked only of work-permit holders.
        XCTAssertEqual(s.currentNode, "note")
        XCTAssertEqual(s.walk.skipped, ["abuse_at_work"])
    }

    func testInvalidAnswersAreRefusedWithAMessageThatSaysWhatToType() {
        var s = Session(bundle: bundle, today: nil)
        s.give(.option("no"))
        XCTAssertThrowsError(try s.answer(.value(.number(200)))) { error in
            XCTAssertEqual((error as? AnswerProblem)?.message, "type a number no more than 120")
        }
        XCTAssertThrowsError(try s.answer(.value(.number(3.5)))) { error in
            XCTAssertEqual((error as? AnswerProblem)?.message, "type a whole number, such as 3")
        }
        XCTAssertThrowsError(try s.answer(.declined)) { error in
            XCTAssertEqual((error as? AnswerProblem)?.message, "'age' is not a sensitive question, so it cannot be declined")
        }
        XCTAssertThrowsError(try s.answer(.value(.text("forty")))) { error in
            XCTAssertEqual((error as? AnswerProblem)?.message, "type a number, such as 34")
        }
        XCTAssertEqual(s.currentNode, "age", "a refused answer leaves the worker where they were")
    }

    func testBackKeepsTheAnswerAndShowsIt() {
        var s = Session(bundle: bundle, today: nil)
        s.give(.option("no"))
        s.give(.number(40))
        XCTAssertTrue(s.back())
        XCTAssertEqual(s.position, .question("age", current: .value(.number(40))))
        XCTAssertTrue(s.back())
        XCTAssertFalse(s.back(), "there is nothing before the first question")
        XCTAssertEqual(s.position, .question("in_danger", current: .value(.option("no"))))
    }

    func testChangingAnEarlierAnswerKeepsLaterAnswersThatStillApply() {
        var s = Session(bundle: bundle, today: nil)
        for v: AnswerValue in [.option("no"), .number(29), .option("work_permit"), .date(Day("2023-05-01")!),
                               .options(["documents_taken"]), .option("yes"), .text("x")] { s.give(v) }
        XCTAssertTrue(s.isFinished)
        XCTAssertTrue(s.goTo(question: "age"))
        s.give(.number(31))
        // The rest of the path is unchanged, so every later answer is still on it.
        XCTAssertEqual(s.setAside, [:])
        s.resume()
        XCTAssertTrue(s.isFinished)
        XCTAssertEqual(s.walk.effective["abuse_at_work"], .value(.option("yes")))
    }

    func testAnswersOffThePathAreSetAsideAndComeBackWhenThePathReturns() {
        var s = Session(bundle: bundle, today: nil)
        for v: AnswerValue in [.option("no"), .number(29), .option("work_permit"), .date(Day("2023-05-01")!),
                               .options(["documents_taken"]), .option("yes"), .text("x")] { s.give(v) }
        XCTAssertTrue(s.goTo(question: "status"))
        s.give(.option("citizen"))
        XCTAssertEqual(Set(s.setAside.keys), ["arrived_on", "indicators", "abuse_at_work"])
        XCTAssertEqual(s.assess().pathway("owp")?.status, .notApplicable, "set-aside answers are not used")
        XCTAssertEqual(s.answers["abuse_at_work"], .value(.option("yes")), "never silently lost")
        XCTAssertTrue(s.goTo(question: "status"))
        s.give(.option("work_permit"))
        XCTAssertEqual(s.setAside, [:])
        s.resume()
        XCTAssertTrue(s.isFinished)
        XCTAssertEqual(s.assess().pathway("owp")?.status, .recommended)
    }

    func testAnEarlyExitComesFirstAndTheWorkerCanContinuePastIt() {
        var s = Session(bundle: bundle, today: nil)
        s.give(.option("yes"))
        XCTAssertEqual(s.position, .outcome("emergency"))
        XCTAssertEqual(s.assess().pathways.first?.id, "emergency")
        XCTAssertEqual(s.assess().pathways.first?.status, .recommended)
        XCTAssertTrue(s.continuePastOutcome())
        XCTAssertEqual(s.currentNode, "age")
        XCTAssertTrue(s.back())
        XCTAssertEqual(s.position, .outcome("emergency"))
    }

    func testProgressCountsStepsAndEstimatesTheLongestRemainingPath() {
        var s = Session(bundle: bundle, today: nil)
        // Longest path: in_danger, age, status, arrived_on, indicators, abuse_at_work, note.
        XCTAssertEqual(s.progress.step, 1)
        XCTAssertEqual(s.progress.estimatedTotal, 7)
        s.give(.option("no"))
        s.give(.number(40))
        XCTAssertEqual(s.progress.step, 3)
        XCTAssertEqual(s.progress.section?.id, "situation")
        s.give(.option("citizen"))
        XCTAssertEqual(s.progress.step, 4)
        XCTAssertEqual(s.progress.estimatedTotal, 4, "a citizen's path is shorter, and the estimate follows it")
    }

    func testRestoringFromSavedAnswersLandsOnTheFirstUnansweredQuestion() {
        let s = Session(bundle: bundle, answers: ["in_danger": .value(.option("no")), "age": .value(.number(30))], today: nil)
        XCTAssertEqual(s.currentNode, "status")
    }

    func testForgetAllDropsEveryAnswer() {
        var s = Session(bundle: bundle, today: nil)
        s.give(.option("no"))
        s.forgetAll()
        XCTAssertEqual(s.answers, [:])
        XCTAssertEqual(s.currentNode, "in_danger")
    }
}
