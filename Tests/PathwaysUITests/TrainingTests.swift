import PathwaysEngine
import PathwaysTestSupport
import XCTest
@testable import PathwaysUI

/// Trainer mode: the walkthrough (reveal, notes before and after it, the results revealed like an answer,
/// what if, jump), the quiz (persona, key decisions, what next, Esc) and the banner.
final class TrainingTests: XCTestCase {
    func training(_ w: Int = 100, _ h: Int = 30, locale: String = "en", audience: Audience = .projected) -> UIState {
        UIState.training(bundle: Fixture.bundle, width: w, height: h, locale: locale, audience: audience)
    }

    /// The fixture case's steps: 0 persona, 1–7 its questions (status is 3, indicators 5), 8 the results,
    /// 9 the "what next" question, 10 the learning points.
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
            FrameFiles.assert(Renderer.frame(s), named: "training-step-notes-shown-100x30-\(locale)")
            s.press(.char("j"), .char("8"), .enter)
            FrameFiles.assert(Renderer.frame(s), named: "training-results-hidden-100x30-\(locale)")
            s.press(.char(" "))
            FrameFiles.assert(Renderer.frame(s), named: "training-results-revealed-100x30-\(locale)")
            s.press(.right)
            FrameFiles.assert(Renderer.frame(s), named: "training-what-next-100x30-\(locale)")
            s.press(.end)
            FrameFiles.assert(Renderer.frame(s), named: "training-end-100x30-\(locale)")
        }
    }

    // MARK: Point 1: nothing given away, nothing hidden that should show

    func testNotesStartHiddenAndTheDiscussionPromptAlwaysShows() {
        var s = training()
        s.press(.enter, .right, .right, .right)
        var text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("Step 3 of 10"), text)
        XCTAssertTrue(text.contains("Which pathways does this open?"), "the discussion prompt shows with the notes hidden")
        XCTAssertFalse(text.contains("Let the room guess the permit first."), "notes start hidden on a projected screen")
        XCTAssertFalse(text.contains("(notes hidden"), "no placeholder in the room's sight")
        XCTAssertTrue(text.contains("h show notes (hidden)"), "the key says the notes are hidden")
        s.press(.char("h"))
        text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("Let the room guess the permit first."))
        XCTAssertTrue(text.contains("Which pathways does this open?"))
        XCTAssertFalse(text.contains("The permit is tied to one employer."), "what would give the answer away waits for the reveal")
        s.press(.char(" "))
        text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("After the reveal"))
        XCTAssertTrue(text.contains("The permit is tied to one employer."))
        XCTAssertTrue(text.contains("◆ Employer-specific work permit ← The case's answer"), text)
    }

    // MARK: Point 2: the results revealed like an answer, in the caseworker's groups

    func testTheResultsStepStartsHiddenAndShowsTheCaseworkersGroupsOnceRevealed() throws {
        var s = training(100, 60)
        s.press(.enter, .char("j"), .char("8"), .enter)
        var text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("Step 8 of 10 — Results"), text)
        XCTAssertTrue(text.contains("Results hidden: press Space to reveal them"), text)
        XCTAssertFalse(text.contains("■"), "no results before the reveal")
        XCTAssertTrue(text.contains("What would you offer first?"), "the results step has its discussion prompt")
        s.press(.char(" "))
        text = Renderer.frame(s).text
        // The same groups, in the same order, as the caseworker's results for the same answers.
        let training = try XCTUnwrap(TrainingCase("worker-walkthrough", in: Fixture.bundle, today: nil))
        var c = UIState(bundle: Fixture.bundle, width: 100, height: 60)
        c.mode = .caseWork(CaseMode(session: Session(bundle: Fixture.bundle, answers: training.walk.effective, today: nil), purpose: .record))
        let caseworker = Renderer.frame(c).text
        func headings(_ t: String) -> [String] { Tmux.lines(t).filter { $0.contains("■ ") || $0.contains("✓ ") || $0.contains("✗ ") }.map { $0.replacingOccurrences(of: " ★ key to this case", with: "").trimmingCharacters(in: .whitespaces) } }
        XCTAssertEqual(headings(text), headings(caseworker), text)
        XCTAssertTrue(Tmux.lines(text).contains { $0.trimmingCharacters(in: .whitespaces) == "Results" }, "the outcome's title shows")
        XCTAssertTrue(text.contains("★ key to this case"), "the case's key pathway is marked")
        XCTAssertFalse(text.contains("(answered:"), "reasons do not repeat the answers on the projected screen")
    }

    /// Case 1's note speaks of the results screen for citizens: its message is on the results step.
    func testAShippedCasesResultsShowTheOutcomeMessage() {
        var s = UIState.training(bundle: Fixture.shipped, width: 100, height: 40)
        let cases = Fixture.shipped.scenarios.filter { $0.training != nil }.map(\.id)
        s.cursor = cases.firstIndex(of: "woman-moved-by-online-boyfriend") ?? 0
        s.press(.enter, .end)
        while s.training.map({ if case .walkthrough(let w) = $0.stage { return TrainingCase(w.scenario, in: s.bundle, today: nil)?.step(w.step) != .results } else { return false } }) == true {
            s.press(.left)
        }
        s.press(.char(" "))
        let text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("Options for a citizen or permanent resident"), text)
        XCTAssertTrue(text.contains("The person is a Canadian citizen or permanent resident, so no immigration permit is"), text)
        XCTAssertTrue(text.contains("■ Recommended — do first"), text)
    }

    func testEnterOpensAPathwayOfTheResultsAndGOpensTheGlossary() {
        var s = training(100, 40)
        s.press(.enter, .char("j"), .char("8"), .enter, .char(" "))
        let items = s.items
        let owp = try? XCTUnwrap(items.firstIndex(of: .pathway("owp")))
        s.cursor = owp ?? 0
        s.press(.enter)
        XCTAssertEqual(s.screen, .pathway("owp"))
        XCTAssertTrue(Renderer.frame(s).text.contains("Open work permit"))
        s.press(.escape)
        XCTAssertEqual(s.screen, .walkthrough)
        s.press(.char("g"))
        XCTAssertEqual(s.screen, .glossary)
        s.press(.escape)
        XCTAssertEqual(s.screen, .walkthrough)
    }

    // MARK: Point 4: what if

    func testWhatIfShowsWhatChangesAndOneKeyPutsTheCasesAnswerBack() {
        var s = training(100, 50)
        s.press(.enter, .char("j"), .char("3"), .enter)
        s.press(.char("i"))
        XCTAssertTrue(Renderer.frame(s).text.contains("Reveal the case’s answer first"), "what if comes after the reveal")
        s.press(.char(" "), .char("i"))
        // Status: from the employer-specific permit to no status.
        s.press(.char("3"), .enter)
        var text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("What if the answer were “No status”?"), text)
        XCTAssertTrue(text.contains("− No longer recommended: Open work permit (now: Not applicable)"), text)
        XCTAssertTrue(text.contains("◇ No status ← what if"), text)
        XCTAssertTrue(text.contains("◆ Employer-specific work permit ← The case's answer"), "the case's answer stays marked")
        s.press(.char("u"))
        text = Renderer.frame(s).text
        XCTAssertFalse(text.contains("What if the answer were"), text)
        s.press(.char("i"), .char("3"), .enter, .right, .left)
        XCTAssertFalse(Renderer.frame(s).text.contains("What if the answer were"), "leaving the step puts the case's answer back")
    }

    // MARK: Points 5 and 6: quizzes that score what matters

    /// Answers the fixture case's questions as a trainee; `status` is the option number chosen for status.
    func quiz(status: Character = "2", abuse: Character = "1") -> UIState {
        var s = training(100, 80)
        s.press(.char("z"))
        s.press(.enter)  // past the persona card
        s.press(.char("2"), .enter)
        s.type("29"); s.press(.enter)
        s.press(.char(status), .enter)
        if status != "1" {
            s.type("2023-05-01"); s.press(.enter)
            s.press(.char("2"), .enter)
            s.press(.char(abuse), .enter)
        }
        s.type("ontario"); s.press(.enter)
        return s
    }

    func testThePersonaIsTheQuizsFirstScreenAndPShowsItAgain() {
        var s = training()
        s.press(.char("z"))
        XCTAssertEqual(s.screen, .persona)
        var text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("A fictional 29-year-old farm worker"), text)
        XCTAssertTrue(text.contains("TRAINING — fictional case, nothing is saved"))
        s.press(.enter)
        XCTAssertEqual(s.currentQuestion?.id, "in_danger")
        s.press(.char("p"))
        XCTAssertEqual(s.screen, .persona)
        s.press(.escape)
        XCTAssertEqual(s.currentQuestion?.id, "in_danger")
        s.press(.char("2"), .enter)
        XCTAssertEqual(s.currentQuestion?.id, "age")
        s.press(.function(9))
        XCTAssertEqual(s.screen, .persona, "F9 where letters go into the field")
        s.press(.escape)
        text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("F9 persona"), text)
    }

    /// p on a "what next" question and on the score shows the persona, and Esc brings the quiz back.
    func testThePersonaOpensOverWhatNextAndTheScore() {
        var s = quiz(abuse: "2")
        XCTAssertEqual(s.screen, .whatNext)
        s.press(.char("p"))
        XCTAssertTrue(Renderer.frame(s).text.contains("A fictional 29-year-old farm worker"), Renderer.frame(s).text)
        s.press(.escape)
        XCTAssertTrue(Renderer.frame(s).text.contains("A volunteer asks him for a police report. What next?"))
        s.press(.char("1"), .enter)
        XCTAssertEqual(s.screen, .quizResults)
        s.press(.char("p"))
        XCTAssertTrue(Renderer.frame(s).text.contains("A fictional 29-year-old farm worker"), Renderer.frame(s).text)
        s.press(.escape)
        XCTAssertTrue(Renderer.frame(s).text.contains("Score:"))
    }

    func testEscAsksThenGoesBackToTheList() {
        var s = training()
        s.press(.char("z"), .enter, .char("2"), .enter)
        XCTAssertEqual(s.currentQuestion?.id, "age")
        s.press(.escape)
        XCTAssertEqual(s.currentQuestion?.id, "age", "Esc does not go back a question")
        XCTAssertTrue(Renderer.frame(s).text.contains("Leave the quiz? Esc again goes back to the list"))
        s.press(.char("1"))
        XCTAssertEqual(s.currentQuestion?.id, "age", "any other key stays")
        XCTAssertFalse(Renderer.frame(s).text.contains("Leave the quiz?"))
        s.press(.escape, .escape)
        XCTAssertEqual(s.screen, .trainingList)
    }

    func testTheScoreLeadsWithTheKeyDecisionsAndExplainsEachMiss() {
        // The trainee sees no abuse at work: the open work permit is missed.
        var s = quiz(abuse: "2")
        XCTAssertEqual(s.screen, .whatNext)
        XCTAssertTrue(Renderer.frame(s).text.contains("A volunteer asks him for a police report. What next?"))
        s.press(.char("1"), .enter)
        XCTAssertEqual(s.screen, .quizResults)
        let lines = Tmux.lines(Renderer.frame(s).text)
        let first = lines.first { $0.contains("Score:") } ?? ""
        XCTAssertTrue(first.contains("Score: key decisions 1 of 3 · what next 0 of 1 · answers 6 of 7 · pathways 4 of 5"), first)
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("✗ Was the person abused at work? → Yes"), text)
        XCTAssertTrue(text.contains("✗ Open work permit → Recommended"), text)
        XCTAssertTrue(text.contains("you: Not applicable · the case: Recommended"), text)
        XCTAssertTrue(text.contains("· The person was abused at work."), "the miss is explained with the content's reasons")
        XCTAssertTrue(text.contains("✗ A volunteer asks him for a police report. What next?"), text)
        XCTAssertTrue(text.contains("No pathway here needs the police."), "the chosen option's explanation")
        XCTAssertTrue(text.contains("right answer: Refer him to legal help"), text)
    }

    func testNotSureIsScoredAsTheCaseSays() throws {
        // "Not sure" on status is listed as right by the case's key decision.
        let s = quiz(status: "4")
        let session = try XCTUnwrap(s.session)
        let training = try XCTUnwrap(TrainingCase("worker-walkthrough", in: Fixture.bundle, today: nil))
        let score = QuizScore(bundle: Fixture.bundle, scenario: training.scenario, caseWalk: training.walk, trainee: session.walk, day: nil)
        let status = try XCTUnwrap(score.decisions.first { $0.decision.id == "status" })
        XCTAssertTrue(status.right, "Not sure is right where the case says so")
        XCTAssertTrue(try XCTUnwrap(score.answers.first { $0.question == "status" }).right)
        let owp = try XCTUnwrap(score.decisions.first { $0.decision.id == "owp" })
        XCTAssertFalse(owp.right, "the pathway it leads to is scored on its own")
    }

    func testTrainingNeverAsksToRecordAnything() {
        var s = training()
        s.recordsAvailable = true
        var effects: [Effect] = []
        effects += s.handle(.key(.char("z")))
        for key: Key in [.enter, .char("2"), .enter, .char("2"), .char("9"), .enter, .char("1"), .enter] { effects += s.handle(.key(key)) }
        XCTAssertFalse(effects.contains(.record), "\(effects)")
        XCTAssertNil(s.caseCode)
    }

    // MARK: Point 7: a trainee keeps their result for the group

    func testWOnTheScoreWritesTheResultUnderALabelThatIsNotAName() throws {
        var s = quiz()
        s.press(.char("2"), .enter)
        XCTAssertEqual(s.screen, .quizResults)
        XCTAssertEqual(s.handle(.key(.char("w"))), [])
        XCTAssertTrue(Renderer.frame(s).text.contains("start with: pathways train --results FOLDER"), "no folder was named")
        s.trainingFolders(results: true, drafts: false)
        s.press(.char("w"))
        XCTAssertTrue(Renderer.frame(s).text.contains("Your label for the group (no names"), Renderer.frame(s).text)
        s.type("Table/3")
        XCTAssertEqual(s.handle(.key(.enter)), [], "a label with a slash is refused")
        XCTAssertTrue(Renderer.frame(s).text.contains("1 to 32 letters, digits,"), Renderer.frame(s).text)
        s.press(.backspace, .backspace)
        s.type(" 3")
        let effects = s.handle(.key(.enter))
        guard case .training(.saveResult(let record))? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(record.label, "Table 3")
        XCTAssertEqual(record.scenario, "worker-walkthrough")
        XCTAssertEqual(record.keyDecisions.map(\.right), [true, true, true])
        XCTAssertFalse(String(decoding: record.json(), as: UTF8.self).contains("ontario"), "typed answers are never written")
        s.trainingSaved("your result is in /tmp/x.json")
        XCTAssertTrue(Renderer.frame(s).text.contains("your result is in /tmp/x.json"))
    }

    // MARK: Point 11: a walkthrough saved as a training case draft

    func testWInAWalkthroughAsksToSaveADraftOfTheCaseWithTheChangedAnswer() {
        var s = training()
        s.press(.enter, .char("j"), .char("3"), .enter)
        XCTAssertEqual(s.handle(.key(.char("w"))), [])
        XCTAssertTrue(Renderer.frame(s).text.contains("pathways train --drafts FOLDER"))
        s.trainingFolders(results: false, drafts: true)
        s.press(.char(" "), .char("i"), .char("3"), .enter)
        let effects = s.handle(.key(.char("w")))
        guard case .training(.saveDraft(let draft))? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(draft.basedOn, "worker-walkthrough")
        XCTAssertEqual(draft.persona?.texts["en"], "A fictional 29-year-old farm worker on an employer-specific permit.")
        XCTAssertEqual(draft.answers.first { $0.question == "status" }?.answer, .value(.option("no_status")), "the changed answer is kept")
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

    func testTheCaseworkersNormalModeNeverSavesATrainingCase() {
        var s = UIState(bundle: Fixture.bundle, width: 100, height: 30)
        s.press(.enter)
        for key: Key in [.char("2"), .enter, .char("2"), .char("9"), .enter, .char("1"), .enter, .char("w"), .function(8)] {
            let effects = s.handle(.key(key))
            XCTAssertFalse(effects.contains { if case .training = $0 { return true } else { return false } }, "\(key): \(effects)")
        }
    }
}

/// Point 9: at 100×30 nothing is cut without a mark, and a long step says there is more below.
final class TrainingFitTests: XCTestCase {
    func testEveryStepOfEveryShippedCaseAt100x30MarksWhatDoesNotFit() throws {
        for locale in ["en", "fr"] {
            for (index, scenario) in Fixture.shipped.scenarios.filter({ $0.training != nil }).enumerated() {
                var s = UIState.training(bundle: Fixture.shipped, width: 100, height: 30, locale: locale)
                s.cursor = index
                s.press(.enter, .char("h"))
                let last = try XCTUnwrap(TrainingCase(scenario.id, in: Fixture.shipped, today: nil)).lastStep
                for step in 0...last {
                    s.press(.char(" "))
                    let shown = Shown(s)
                    let frame = Tmux.lines(Renderer.frame(s).text)
                    for (i, header) in shown.view.header.enumerated() {
                        let full = header.map(\.text).joined()
                        if TextWidth.of(full) > 100 {
                            XCTAssertTrue(frame[i].trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(scenario.id) \(step): a cut header without …: \(frame[i])")
                        } else {
                            XCTAssertEqual(frame[i].trimmingCharacters(in: .whitespaces), full.trimmingCharacters(in: .whitespaces))
                        }
                    }
                    for line in shown.left { XCTAssertLessThanOrEqual(line.line.reduce(0) { $0 + TextWidth.of($1.text) }, Layout.columnWidth(s.context)) }
                    if shown.left.count > shown.layout.bodyHeight, shown.status.isEmpty {
                        let status = frame[30 - Layout.footerHeight - 2]
                        XCTAssertTrue(status.contains("↓") || status.contains("↑"), "\(scenario.id) step \(step) \(locale): more than fits, with no mark\n\(frame.joined(separator: "\n"))")
                    }
                    s.press(.right)
                }
            }
        }
    }

    func testLongNotesScrollAndSayWhatIsLeft() throws {
        // The first step of a shipped case that does not fit 100×30 once revealed with its notes.
        for (index, scenario) in Fixture.shipped.scenarios.filter({ $0.training != nil }).enumerated() {
            var s = UIState.training(bundle: Fixture.shipped, width: 100, height: 30)
            s.cursor = index
            s.press(.enter, .char("h"))
            let last = try XCTUnwrap(TrainingCase(scenario.id, in: Fixture.shipped, today: nil)).lastStep
            for _ in 0...last {
                s.press(.char(" "))
                let shown = Shown(s)
                if shown.left.count > shown.layout.bodyHeight, !shown.left.contains(where: { $0.target != nil }) {
                    var text = Renderer.frame(s).text
                    XCTAssertTrue(text.contains("↓ more below: PgDn (lines 1–\(shown.layout.bodyHeight) of \(shown.left.count))"), text)
                    let lastLine = try XCTUnwrap(shown.left.last { !$0.line.isEmpty }).line.map(\.text).joined()
                    XCTAssertFalse(text.contains(lastLine), "the end is below")
                    for _ in 0..<5 { s.press(.pageDown) }
                    text = Renderer.frame(s).text
                    XCTAssertTrue(text.contains(lastLine), text)
                    XCTAssertTrue(text.contains("↑ more above: PgUp"), text)
                    return
                }
                s.press(.right)
            }
        }
        XCTFail("no step of the shipped cases is longer than 100×30")
    }
}

/// Point 11 in the preview: at the end of a walk, w offers a training case draft as well as a scenario.
final class PreviewDraftTests: XCTestCase {
    func testWAtTheEndOfAPreviewWalkOffersATrainingCaseDraft() throws {
        var s = UIState.preview(bundle: Fixture.bundle, diagnostics: [], excerpts: [:])
        XCTAssertEqual(s.handle(.key(.char("w"))), [.previewRequest(.recordScenario)], "mid-walk, w saves a scenario as before")
        s.press(.char("2"), .enter)
        s.type("29"); s.press(.enter)
        s.press(.char("1"), .enter)
        s.type("on"); s.press(.enter)
        XCTAssertEqual(s.screen, .results)
        XCTAssertEqual(s.handle(.key(.char("w"))), [])
        XCTAssertTrue(Renderer.frame(s).text.contains("w a scenario · t a training case draft"), Renderer.frame(s).text)
        let effects = s.handle(.key(.char("t")))
        guard case .training(.saveDraft(let draft))? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertNil(draft.basedOn)
        XCTAssertEqual(draft.answers.map(\.question), ["in_danger", "age", "status", "note"])
        s.press(.char("w"))
        XCTAssertEqual(s.handle(.key(.char("w"))), [.previewRequest(.recordScenario)], "w twice: the scenario")
    }
}
