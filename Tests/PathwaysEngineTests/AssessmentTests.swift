import XCTest
@testable import PathwaysEngine

/// Three-valued assessment: recommended, possible (with what is missing) and not applicable, with reasons.
final class AssessmentTests: XCTestCase {
    var bundle: ContentBundle!

    override func setUpWithError() throws { bundle = try StarterBundle.load() }

    func assess(_ answers: [String: Answer]) -> Assessment {
        Assessor(bundle: bundle, today: nil).assess(FlowWalker(bundle: bundle, today: nil).walk(answers: answers, continueWhenAnswered: true))
    }

    let worker: [String: Answer] = [
        "in_danger": .value(.option("no")), "age": .value(.number(29)), "status": .value(.option("work_permit")),
        "arrived_on": .value(.date(Day("2019-05-01")!)), "indicators": .value(.options(["documents_taken"])),
        "abuse_at_work": .value(.option("yes")), "note": .value(.text("ontario")),
    ]

    func testRecommendedPathwaysCarryReasonsThatQuoteTheAnswers() {
        let owp = assess(worker).pathway("owp")!
        XCTAssertEqual(owp.status, .recommended)
        let text = ReportText(bundle: bundle, locale: "en")
        XCTAssertEqual(owp.reasons.map(text.reason), [
            "The person has an employer-specific permit. (answered: Employer-specific work permit)",
            "The person was abused at work. (answered: Yes)",
        ])
        XCTAssertEqual(ReportText(bundle: bundle, locale: "fr").reason(owp.reasons[1]),
                       "La personne a subi de la violence au travail. (réponse : Oui)")
    }

    func testNotApplicableSaysWhatRulesItOut() {
        var answers = worker
        answers["abuse_at_work"] = .value(.option("no"))
        let owp = assess(answers).pathway("owp")!
        XCTAssertEqual(owp.status, .notApplicable)
        XCTAssertEqual(owp.reasons.map(\.kind), [.notMet])
        XCTAssertEqual(owp.reasons.first?.text.texts["en"], "No abuse at work was reported.")
    }

    func testDeclinedAnswersMakeAPathwayPossibleAndNameTheQuestionsThatWouldDecideIt() {
        var answers = worker
        answers["indicators"] = .declined
        answers["abuse_at_work"] = .declined
        let a = assess(answers)
        XCTAssertEqual(a.pathway("trp")?.status, .possible)
        XCTAssertEqual(a.pathway("trp")?.missing, ["indicators"])
        XCTAssertEqual(a.pathway("owp")?.status, .possible)
        XCTAssertEqual(a.pathway("owp")?.missing, ["abuse_at_work"])
        XCTAssertEqual(a.pathway("owp")?.reasons.map(\.kind), [.met, .unknown])
    }

    func testUnsureAnswersAreUnknownNotFalse() {
        var answers = worker
        answers["abuse_at_work"] = .value(.option("unsure"))
        XCTAssertEqual(assess(answers).pathway("owp")?.status, .possible)
        answers["status"] = .value(.option("not_sure"))
        let a = assess(answers)
        XCTAssertEqual(a.pathway("trp")?.status, .possible)
        XCTAssertEqual(a.pathway("trp")?.missing, ["status"])
    }

    func testAFalseCriterionRulesAPathwayOutEvenWhenOthersAreUnknown() {
        var answers = worker
        answers["status"] = .value(.option("citizen"))
        answers["indicators"] = .declined
        XCTAssertEqual(assess(answers).pathway("trp")?.status, .notApplicable)
    }

    func testAnUnfinishedWalkAssessesWithWhatItKnowsAndNamesTheUnansweredQuestion() {
        let a = assess(["in_danger": .value(.option("no")), "age": .value(.number(20))])
        XCTAssertEqual(a.unanswered, ["status"])
        XCTAssertNil(a.outcome)
        XCTAssertEqual(a.pathway("trp")?.status, .possible)
        XCTAssertEqual(a.pathway("adult-services")?.status, .recommended)
        XCTAssertEqual(a.pathway("legal-help")?.status, .recommended)
    }

    func testAPathwayWithNoCriteriaAppliesToEveryone() {
        let p = assess([:]).pathway("legal-help")!
        XCTAssertEqual(p.status, .recommended)
        XCTAssertEqual(p.reasons.first?.text.texts["en"], "This applies to everyone, whatever their answers.")
    }

    func testACriterionWithoutWordsIsDescribedFromTheQuestion() {
        let p = assess(["in_danger": .value(.option("no")), "age": .value(.number(12))]).pathway("adult-services")!
        XCTAssertEqual(p.status, .notApplicable)
        XCTAssertEqual(p.reasons.first?.text.texts["en"], "Not the case: How old is the person? >= 18")
    }

    func testCautionsApplyOrMayApply() {
        XCTAssertEqual(assess(worker).pathway("trp")?.cautions.map(\.certainty), [.yes])
        var recent = worker
        recent["arrived_on"] = .value(.date(Day("2024-01-01")!))
        XCTAssertEqual(assess(recent).pathway("trp")?.cautions, [])
        var unknown = worker
        unknown.removeValue(forKey: "arrived_on")
        // Not known yet, and nothing known points to it: not shown (MayApplyCautionTests has the "may apply" cases).
        XCTAssertEqual(assess(unknown).pathway("trp")?.cautions.map(\.certainty), [], "only an unknown answer points to it")
    }

    func testReferralsFollowTheirConditions() {
        XCTAssertEqual(assess(worker).pathway("owp")?.referrals, ["hotline", "legal-ontario"])
        var elsewhere = worker
        elsewhere["note"] = .value(.text("manitoba"))
        XCTAssertEqual(assess(elsewhere).pathway("owp")?.referrals, ["hotline"])
    }

    func testUrgentAndShownFirstPathwaysLeadTheList() {
        let a = assess(["in_danger": .value(.option("yes"))])
        XCTAssertEqual(a.outcome, "emergency")
        XCTAssertEqual(a.pathways.first?.id, "emergency")
        XCTAssertEqual(a.recommended.first?.id, "emergency")
    }

    func testTheSameAnswersAndContentGiveTheSameAssessmentAndJSON() throws {
        let first = assess(worker)
        let other = try StarterBundle.load()
        let second = Assessor(bundle: other, today: nil).assess(FlowWalker(bundle: other, today: nil).walk(answers: worker, continueWhenAnswered: true))
        XCTAssertEqual(first, second)
        XCTAssertEqual(AssessmentJSON.render(first, bundle: bundle, locale: "en"), AssessmentJSON.render(second, bundle: other, locale: "en"))
        XCTAssertEqual(first.bundle.id, "starter")
        XCTAssertEqual(first.bundle.version, "0.1.0")
        XCTAssertEqual(first.bundle.hash.count, 64)
    }

    func testTheHashChangesWhenAnyFileChanges() throws {
        var files = try StarterBundle.files()
        let before = files.hash
        files.files["glossary.yaml"]! += Array("\n# edited\n".utf8)
        XCTAssertNotEqual(files.hash, before)
    }

    func testScenariosOfTheStarterBundlePass() throws {
        let runner = ScenarioRunner(bundle: bundle, today: nil)
        for scenario in bundle.scenarios {
            XCTAssertEqual(runner.run(scenario).failures, [], scenario.id)
        }
    }

    func testAFailingScenarioShowsExpectedAgainstActualWithReasons() throws {
        var scenario = bundle.scenarios.first { $0.id == "citizen" }!
        scenario.expect.recommended.append(Reference("trp", at: SourceLocation(file: "s.yaml", line: 3, column: 5)))
        let failures = ScenarioRunner(bundle: bundle, today: nil).run(scenario).failures
        XCTAssertEqual(failures, ["s.yaml:3:5: expected 'trp' to be recommended, but it is not applicable\n      - Citizens do not need this permit. (answered: Citizen)"])
    }
}
