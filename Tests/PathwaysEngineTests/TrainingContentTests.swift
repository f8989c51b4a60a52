import Foundation
import XCTest
@testable import PathwaysEngine

/// The shipped training cases (nothing given away before the reveal, key decisions, "what next", the facts
/// as updated), and the files of the group's quiz results and of training case drafts.
final class TrainingContentTests: XCTestCase {
    var checked: CheckedBundle!
    var bundle: ContentBundle { checked.bundle }
    var cases: [Scenario] { bundle.scenarios.filter { $0.training != nil } }

    override func setUpWithError() throws {
        checked = Checker.check(try ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content"),
                                today: Day("2026-11-23"))
    }

    // MARK: Point 1: nothing given away before the reveal

    func testEveryShippedCaseHasPromptsNotesAfterTheRevealKeyDecisionsAndWhatNext() {
        XCTAssertEqual(cases.count, 7)
        let training = checked.diagnostics.filter { ["PW065", "PW066", "PW067", "PW068", "PW069"].contains($0.code.rawValue) }
        XCTAssertEqual(training.map(\.formatted), [], "no shipped text gives an answer away, and every step can be shown")
        for s in cases {
            let t = s.training!
            XCTAssertFalse(t.keyDecisions.isEmpty, s.id)
            XCTAssertFalse(t.whatNext.isEmpty, "\(s.id) asks what the trainee would do next")
            XCTAssertNotNil(t.results?.discussion, "\(s.id) has a prompt for the results step")
            XCTAssertGreaterThanOrEqual(t.steps.count, 4, s.id)
            for step in t.steps {
                XCTAssertNotNil(step.discussion, "\(s.id) \(step.question.id) has a discussion prompt")
                XCTAssertNotNil(step.afterReveal, "\(s.id) \(step.question.id) says what matters once revealed")
            }
        }
    }

    /// The notes shown before the reveal speak to the room's guessing, not to the answer: none says "This is
    /// where the mistake happened" and then explains it, none names the case's answer (PW065 above), and the
    /// example of the review ("the trafficking permit is meant mainly for people without valid status" on the
    /// status step) is after the reveal.
    func testTheReviewsExampleOfAGiveawayIsNowAfterTheReveal() throws {
        let s = try XCTUnwrap(cases.first { $0.id == "domestic-worker-sent-to-police" })
        let status = try XCTUnwrap(s.training?.step("status"))
        XCTAssertFalse(status.beforeReveal.contains { $0.texts["en"]?.contains("meant mainly for people without valid status") == true })
        XCTAssertTrue(status.afterReveal?.texts["en"]?.contains("meant mainly for people without valid status") == true)
    }

    func testTheIdsNameThePersonaNotTheLesson() {
        for s in cases {
            for lesson in ["not-owp", "no-police", "bar", "before-legal", "no-immigration", "maintained-status", "family-violence"] {
                XCTAssertFalse(s.id.contains(lesson), "\(s.id) gives the lesson away")
            }
        }
    }

    // MARK: Point 12: the facts as updated

    func testTheCasesFollowTheFactsSheetAsUpdated() throws {
        var english = "", french = ""
        for s in cases {
            let texts = [s.title, s.persona].compactMap { $0 } + (s.training?.texts ?? [])
            english += texts.compactMap { $0.texts["en"] }.joined(separator: "\n")
            french += texts.compactMap { $0.texts["fr"] }.joined(separator: "\n")
        }
        // C-12 is in force and retroactive: nothing presents it as uncertain or to come.
        XCTAssertTrue(english.contains("in force"), "C-12 is said to be in force")
        XCTAssertTrue(english.contains("June 3, 2025"), "and to reach back to claims made from June 3, 2025")
        XCTAssertFalse(english.range(of: "C-12[^.]*(uncertain|may come|proposed|not yet)", options: .regularExpression) != nil)
        XCTAssertFalse(english.contains("new one-year rule for refugee claims as uncertain"))
        // Case 2 says plainly that a claim filed now, years after arrival, would likely not go to the IRB.
        let kitchen = try XCTUnwrap(cases.first { $0.id == "kitchen-worker-told-to-file-tonight" })
        let said = (kitchen.training?.texts ?? []).compactMap { $0.texts["en"] }.joined(separator: "\n")
        XCTAssertTrue(said.contains("a claim he files now, years after he arrived, would likely not go to the [[irb]]"), said)
        // French uses IRCC's terms: PTO-V, « lié à un employeur donné ».
        XCTAssertTrue(french.contains("PTO-V"))
        XCTAssertFalse(french.contains("ouvert pour travailleurs vulnérables"), "« pour les travailleurs vulnérables »")
        XCTAssertNil(french.range(of: "lié à un employeur(?! donné)", options: .regularExpression), "« lié à un employeur donné »")
        XCTAssertFalse(french.contains("Pas certain"))
        XCTAssertNil(french.range(of: #"\p{L}'\p{L}"#, options: .regularExpression), "French texts use ’")
    }

    // MARK: Point 7: the files of a group's results

    func testAQuizRecordRoundTripsAndHoldsNoTypedText() throws {
        let s = try XCTUnwrap(cases.first { $0.id == "fish-plant-worker" })
        let (walk, _) = ScenarioRunner(bundle: bundle, today: nil).assess(s)
        let score = QuizScore(bundle: bundle, scenario: s, caseWalk: walk, trainee: walk, day: nil, choices: [1])
        XCTAssertEqual(score.decisionsRight, score.decisions.count)
        XCTAssertEqual(score.whatNextRight, 1)
        let record = QuizRecord(score: score, scenario: s, bundle: bundle, label: "Table 3")
        let data = record.json()
        guard case .success(let back) = QuizRecord.read(data) else { return XCTFail("not read back") }
        XCTAssertEqual(back, record)
        XCTAssertEqual(back.label, "Table 3")
    }

    func testHostileResultFilesAreRefusedWithAClearReason() {
        func problem(_ text: String) -> String? {
            if case .failure(let p) = QuizRecord.read(Data(text.utf8)) { return p.description }
            return nil
        }
        let good = #"{"pathways_quiz_result":1,"bundle":"pathways-ca","version":"1.0.0","case":"fish-plant-worker","label":"T1","key_decisions":[],"answers":[],"what_next":[],"pathways":[]}"#
        XCTAssertNil(problem(good))
        XCTAssertEqual(problem(String(repeating: "[", count: 100)), "nested more than 8 deep: not a quiz result")
        XCTAssertEqual(problem(String(repeating: " ", count: QuizRecord.maxBytes + 1)), "larger than 64 KB: not a quiz result")
        XCTAssertEqual(problem("{}"), "not a quiz result written by Pathways (the JSON does not have the fields of one)")
        XCTAssertEqual(problem(good.replacingOccurrences(of: "\"T1\"", with: "\"Ana Lopez, 34, Calgary\"")),
                       "the label must be 1 to 32 letters, digits, spaces, '-' or '_'")
        XCTAssertEqual(problem(good.replacingOccurrences(of: "\"pathways_quiz_result\":1", with: "\"pathways_quiz_result\":7")),
                       "a quiz result of format 7; this version reads format 1")
        XCTAssertEqual(problem(good.replacingOccurrences(of: "fish-plant-worker", with: "../../etc")), "the content or case id is not an id")
        XCTAssertEqual(problem(good.replacingOccurrences(of: "\"answers\":[]", with: #""answers":[{"id":"status","right":false,"answer":"a\nb"}]"#)),
                       "an answer is longer than 256 characters or holds a line break")
    }

    func testTheGroupsResultsCountRightAnswersAndTheMostCommonMistakes() {
        func record(_ label: String, status: String, right: Bool) -> QuizRecord {
            let json = #"{"pathways_quiz_result":1,"bundle":"pathways-ca","version":"1.0.0","case":"fish-plant-worker","label":"\#(label)","key_decisions":[{"id":"status","right":\#(right),"answer":"\#(status)"}],"answers":[{"id":"status","right":\#(right),"answer":"\#(status)"}],"what_next":[{"id":"1","right":\#(right),"answer":"\#(right ? 2 : 1)"}],"pathways":[]}"#
            guard case .success(let r) = QuizRecord.read(Data(json.utf8)) else { fatalError("test record") }
            return r
        }
        let records = [record("A", status: "out_of_status", right: true), record("B", status: "maintained_status", right: false),
                       record("C", status: "maintained_status", right: false), record("D", status: "not_sure", right: true)]
        let g = GroupResults(scenario: "fish-plant-worker", records: records)
        XCTAssertEqual(g.labels, ["A", "B", "C", "D"])
        XCTAssertEqual(g.keyDecisions.first?.right, 2)
        XCTAssertEqual(g.keyDecisions.first?.answered, 4)
        XCTAssertEqual(g.keyDecisions.first?.wrong.first?.answer, "maintained_status")
        XCTAssertEqual(g.keyDecisions.first?.wrong.first?.count, 2)
        XCTAssertEqual(g.whatNext.first?.wrong.first?.answer, "1")
        XCTAssertEqual(g.commonMistakes.first?.answer, "maintained_status")
    }

    // MARK: Point 11: a training case draft

    func testADraftOfACaseIsATrainingCaseThatChecksWithOnlyWarnings() throws {
        let s = try XCTUnwrap(cases.first { $0.id == "greenhouse-worker" })
        let (walk, _) = ScenarioRunner(bundle: bundle, today: nil).assess(s)
        var answers = walk.effective
        answers["abuse_at_work"] = .value(.option("no"))
        let draft = TrainingDraft(case: s, bundle: bundle, answers: answers, today: s.today)
        let yaml = TrainingSkeleton.yaml(id: "draft-1", draft: draft, bundle: bundle)
        XCTAssertTrue(yaml.contains("  abuse_at_work: no"), yaml)
        XCTAssertTrue(yaml.contains("persona:\n  en: \"A woman in her late 30s"), yaml)
        XCTAssertTrue(yaml.contains("    after_reveal:"))
        var files = try ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content")
        files.files["training/draft-1.yaml"] = Array(yaml.utf8)
        let result = Checker.check(files, today: Day("2026-11-23"))
        let mine = result.diagnostics.filter { $0.location.file.hasSuffix("draft-1.yaml") }
        XCTAssertEqual(mine.filter { $0.severity == .error }.map(\.formatted), [])
        XCTAssertTrue(mine.contains { $0.code == .trainingCaseIncomplete }, "it says what is left to write")
        XCTAssertTrue(result.bundle.scenarios.contains { $0.id == "draft-1" && $0.training != nil })
        XCTAssertTrue(ScenarioRunner(bundle: result.bundle, today: nil).run(result.bundle.scenarios.first { $0.id == "draft-1" }!).passed)
    }
}
