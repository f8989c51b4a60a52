import XCTest
@testable import PathwaysEngine

/// What the results say to do first: priorities, deadlines with their dates, computed dates in texts,
/// cautions shown when their pathway does not apply, and criteria that leave a pathway possible.
final class PriorityAndDeadlineTests: XCTestCase {
    /// The base bundle with a date question and a second pathway, `wait`, that uses every new key.
    static let bundle: ContentBundle = {
        var b = BaseBundle()
        b.replace("  - id: notes\n    kind: text\n    prompt: {en: Anything else to note?, fr: Autre chose à noter?}\n",
                  with: """
                    - id: notes
                      kind: text
                      prompt: {en: Anything else to note?, fr: Autre chose à noter?}
                    - id: decided_on
                      kind: date
                      sensitive: true
                      prompt: {en: When was the last decision?, fr: Quand la dernière décision a-t-elle été rendue?}

                  """, in: "questions/basics.yaml")
        b.replace("questions: [age, status, indicators, notes]", with: "questions: [age, status, indicators, notes, decided_on]", in: "flow.yaml")
        b.replace("  notes:\n    next: results", with: "  notes:\n    next: decided_on\n  decided_on:\n    next: results", in: "flow.yaml")
        b["pathways/wait.yaml"] = """
            id: wait
            title: {en: Apply after the wait, fr: Demander après l’attente}
            eligibility:
              - when: "decided_on + 12 months <= today"
                met: {en: "The wait ended on {{decided_on + 12 months}}.", fr: "L’attente a pris fin le {{decided_on + 12 months}}."}
                not_met: {en: "The 12-month wait ends on {{decided_on + 12 months}}.", fr: "L’attente de 12 mois prend fin le {{decided_on + 12 months}}."}
              - when: "status = worker"
                otherwise: possible
                met: {en: The person is a worker., fr: La personne est travailleuse.}
                not_met: {en: This is meant mainly for workers; it may still fit., fr: Ceci vise surtout les travailleurs.}
            priority:
              - if: "indicators has confiscated_documents"
                is: first
              - is: also
            order: 10
            cautions:
              - when: "indicators has confiscated_documents"
                even_when_not_applicable: true
                text: {en: Get a lawyer now., fr: Obtenez un avocat maintenant.}
              - text: {en: Shown only when it may apply., fr: Montré seulement quand cela peut s’appliquer.}
            deadlines:
              - date: "decided_on + 12 months"
                even_when_not_applicable: true
                text: {en: "From {{decided_on + 12 months}} the person can apply.", fr: "Dès le {{decided_on + 12 months}}, la personne peut demander."}
                sources: [S1]
              - date: "decided_on + 1 week"
                text: {en: A week later., fr: Une semaine plus tard.}
            sources: [S1]

            """
        return b.bundle()
    }()

    func day(_ s: String) -> Day { Day(s)! }

    func assess(_ answers: [String: Answer], on today: Day?) -> Assessment {
        let walk = FlowWalker(bundle: Self.bundle, today: today).walk(answers: answers, continueWhenAnswered: true)
        return Assessor(bundle: Self.bundle, today: today).assess(walk)
    }

    var worker: [String: Answer] {
        ["in_danger": .value(.option("no")), "age": .value(.number(30)), "status": .value(.option("worker")),
         "indicators": .value(.options(["unpaid_wages"])), "notes": .value(.text("none")),
         "decided_on": .value(.date(day("2026-04-30")))]
    }

    func testTheAssessmentDayIsAnInput() {
        XCTAssertEqual(assess(worker, on: day("2027-04-30")).pathway("wait")?.status, .recommended)
        XCTAssertEqual(assess(worker, on: day("2027-04-29")).pathway("wait")?.status, .notApplicable)
        XCTAssertEqual(assess(worker, on: nil).pathway("wait")?.status, .possible, "no day: the wait is not known to be over")
        XCTAssertEqual(assess(worker, on: day("2027-04-29")).today, day("2027-04-29"))
    }

    func testReasonsShowComputedDates() {
        let a = assess(worker, on: day("2026-12-01"))
        XCTAssertEqual(a.pathway("wait")?.reasons.map { $0.text.texts["en"] }, ["The 12-month wait ends on 2027-04-30."])
        XCTAssertEqual(a.pathway("wait")?.reasons.map { $0.text.texts["fr"] }, ["L’attente de 12 mois prend fin le 2027-04-30."])
        let later = assess(worker, on: day("2027-05-01"))
        XCTAssertEqual(later.pathway("wait")?.reasons.first?.text.texts["en"], "The wait ended on 2027-04-30.")
    }

    func testDeadlinesAreListedWithTheirDaysAndTexts() {
        // Not applicable yet, but the day the wait ends is still a date that matters.
        let a = assess(worker, on: day("2026-12-01"))
        XCTAssertEqual(a.deadlines.map { "\($0.date) \($0.pathway) \($0.fact.text.texts["en"] ?? "")" },
                       ["2027-04-30 wait From 2027-04-30 the person can apply."])
        // The week-later deadline is only for when the pathway applies, and a past day is left out.
        let early = assess(worker, on: day("2026-05-01"))
        XCTAssertEqual(early.deadlines.map(\.date), [day("2027-04-30")])
        let late = assess(worker, on: day("2027-05-01"))
        XCTAssertEqual(late.deadlines, [], "both days are past")
    }

    func testADeadlineWithAnUnknownDateIsNotListed() {
        var answers = worker
        answers["decided_on"] = .declined
        XCTAssertEqual(assess(answers, on: day("2026-12-01")).deadlines, [])
    }

    func testACriterionCanLeaveThePathwayPossible() {
        var answers = worker
        answers["status"] = .value(.option("visitor"))
        let p = assess(answers, on: day("2027-05-01")).pathway("wait")
        XCTAssertEqual(p?.status, .possible)
        XCTAssertEqual(p?.missing, [], "nothing more to find out: the rules aim at others")
        XCTAssertEqual(p?.reasons.map(\.kind), [.met, .notMet])
        XCTAssertEqual(p?.reasons.last?.text.texts["en"], "This is meant mainly for workers; it may still fit.")
    }

    func testPrioritiesGroupAndOrderTheResults() {
        var answers = worker
        answers["indicators"] = .value(.options(["confiscated_documents"]))
        answers["status"] = .value(.option("visitor"))
        let a = assess(answers, on: day("2027-05-01"))
        // trp has no rules (next); wait is only possible, so only its caution shows, in the first group.
        XCTAssertEqual(a.groups.map(\.priority), [.first, .next])
        XCTAssertEqual(a.groups.map { $0.pathways.map(\.id) }, [[], ["trp"]])
        XCTAssertEqual(a.groups.first?.notices.map(\.pathway), ["wait"])
        answers["status"] = .value(.option("worker"))
        let b = assess(answers, on: day("2027-05-01"))
        XCTAssertEqual(b.pathway("wait")?.priority, .first)
        XCTAssertEqual(b.pathways.map(\.id), ["wait", "trp"], "first before next")
        answers["indicators"] = .value(.options(["unpaid_wages"]))
        XCTAssertEqual(assess(answers, on: day("2027-05-01")).pathway("wait")?.priority, .also)
    }

    func testACautionIsShownWhenItsPathwayDoesNotApply() {
        var answers = worker
        answers["indicators"] = .value(.options(["confiscated_documents"]))
        let a = assess(answers, on: day("2026-12-01"))
        XCTAssertEqual(a.pathway("wait")?.status, .notApplicable)
        XCTAssertEqual(a.pathway("wait")?.cautions.map { $0.fact.text.texts["en"] }, ["Get a lawyer now."],
                       "only the caution marked even_when_not_applicable")
        XCTAssertEqual(a.notices.map { "\($0.pathway) \($0.priority)" }, ["wait first"])
        XCTAssertEqual(a.groups.first?.priority, .first)
        XCTAssertEqual(a.groups.first?.notices.map(\.pathway), ["wait"])
        let report = AssessmentReport(bundle: Self.bundle, locale: "en", style: .text).render(a)
        XCTAssertTrue(report.contains("⚠ Apply after the wait (not recommended): Get a lawyer now."), report)
    }

    func testJSONHasTheDayDeadlinesPrioritiesAndNotices() throws {
        var answers = worker
        answers["indicators"] = .value(.options(["confiscated_documents"]))
        answers["status"] = .value(.option("visitor"))
        let json = AssessmentJSON.render(assess(answers, on: day("2026-12-01")), bundle: Self.bundle, locale: "en")
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(doc["as_of"] as? String, "2026-12-01")
        let deadlines = try XCTUnwrap(doc["deadlines"] as? [[String: String]])
        XCTAssertEqual(deadlines, [["date": "2027-04-30", "pathway": "wait", "text": "From 2027-04-30 the person can apply."]])
        let recommended = try XCTUnwrap(doc["recommended"] as? [[String: Any]])
        XCTAssertEqual(recommended.map { $0["priority"] as? String }, ["next"])
        let notices = try XCTUnwrap(doc["notices"] as? [[String: String]])
        XCTAssertEqual(notices, [["pathway": "wait", "priority": "first", "text": "Get a lawyer now."]])
        let noDay = AssessmentJSON.render(assess(answers, on: nil), bundle: Self.bundle, locale: "en")
        XCTAssertTrue(noDay.contains("\"as_of\" : null"), noDay)
    }

    func testReportsListTheDatesThatMatterFirst() {
        let a = assess(worker, on: day("2026-12-01"))
        let report = AssessmentReport(bundle: Self.bundle, locale: "en", style: .markdown).render(a)
        XCTAssertTrue(report.contains("Assessed on: 2026-12-01"), report)
        let dates = try? XCTUnwrap(report.range(of: "## Dates that matter"))
        let first = report.range(of: "## Recommended")
        XCTAssertNotNil(dates)
        if let dates, let first { XCTAssertLessThan(dates.lowerBound, first.lowerBound) }
        XCTAssertTrue(report.contains("- 2027-04-30 — Apply after the wait: From 2027-04-30 the person can apply."), report)
    }

    func testScenariosCheckPrioritiesDeadlinesNoticesAndWhatMustNotBeRecommended() {
        func written(_ answers: [String: Answer]) -> [WrittenAnswer] {
            answers.map { WrittenAnswer(question: Reference($0.key, at: .init(file: "s", line: 1, column: 1)), answer: $0.value,
                                        location: .init(file: "s", line: 1, column: 1)) }
        }
        let here = SourceLocation(file: "s.yaml", line: 3, column: 5)
        var answers = worker
        answers["indicators"] = .value(.options(["confiscated_documents"]))
        var expect = ScenarioExpectation(notRecommended: [Reference("wait", at: here)])
        expect.priorities = [ExpectedPriority(pathway: Reference("trp", at: here), priority: .first)]
        expect.deadlines = [ExpectedDeadline(pathway: Reference("wait", at: here), date: day("2027-04-30"), location: here)]
        expect.notices = [Reference("wait", at: here)]
        let scenario = Scenario(id: "s", title: LocalizedText(["en": "S"]), answers: written(answers), today: day("2026-12-01"),
                                expect: expect, location: here)
        let failures = ScenarioRunner(bundle: Self.bundle, today: day("2030-01-01")).run(scenario).failures
        XCTAssertEqual(failures, ["s.yaml:3:5: expected 'trp' in the first group, but it is not applicable"],
                       "the scenario's own day is used, not the runner's")
    }

    /// `priority: []` says nothing: it is an error, not a silent default (found by the mutation test).
    func testAnEmptyPriorityListIsAnError() {
        var b = BaseBundle()
        b.replace("eligibility:\n  - when: \"status = visitor\"", with: "priority: ⟨⟩[]\neligibility:\n  - when: \"status = visitor\"",
                  in: "pathways/trp.yaml")
        let result = b.check()
        let d = result.diagnostics.filter { $0.code == .wrongType }
        XCTAssertEqual(d.map(\.message), ["'priority' is an empty list"])
        XCTAssertEqual(d.first?.location, result.marker)
    }
}
