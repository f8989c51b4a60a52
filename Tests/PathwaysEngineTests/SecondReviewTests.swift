import XCTest
@testable import PathwaysEngine

/// The general rules behind the findings of the second expert review (36 cases, issue 13), checked on the
/// texts the shipped scenarios show. The scenarios themselves check which pathways apply, in which group,
/// and the dates; these tests check what a worker reads.
final class SecondReviewTests: XCTestCase {
    var checked: CheckedBundle!
    var bundle: ContentBundle { checked.bundle }

    override func setUpWithError() throws {
        checked = Checker.check(try ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content"),
                                today: Day("2026-12-01"))
    }

    func scenario(_ id: String, file: StaticString = #filePath, line: UInt = #line) -> Scenario? {
        let s = bundle.scenarios.first { $0.id == id }
        if s == nil { XCTFail("no shipped scenario \(id)", file: file, line: line) }
        return s
    }

    func run(_ s: Scenario) -> (walk: Walk, assessment: Assessment) { ScenarioRunner(bundle: bundle, today: nil).assess(s) }

    /// What the worker reads for one pathway (its cautions, with "May apply" where they may), or for all.
    func cautions(_ a: Assessment, _ pathway: String? = nil) -> [String] {
        let t = ReportText(bundle: bundle, locale: "en")
        let ps = pathway.map { id in a.pathways.filter { $0.id == id } } ?? a.pathways
        return ps.flatMap { $0.cautions.map(t.caution) } + (pathway == nil ? a.notices.map { t.caution($0.caution) } : [])
    }

    /// Every reason, caution, notice and deadline text; `inPlay`: leave out the reasons of pathways that do not apply.
    func everything(_ a: Assessment, inPlay: Bool = false) -> [String] {
        let t = ReportText(bundle: bundle, locale: "en")
        return a.pathways.flatMap { p in (inPlay && p.status == .notApplicable ? [] : p.reasons.map(t.reason)) + p.cautions.map(t.caution) }
            + a.notices.map { t.caution($0.caution) } + a.deadlines.map(t.deadline)
    }

    // MARK: - E1: citizens and permanent residents

    func testACitizenOrPermanentResidentIsNeverToldAboutImmigrationSteps() {
        let citizens = bundle.scenarios.filter { s in
            s.answers.contains { $0.question.id == "status" && $0.answer == .value(.option("citizen_or_pr")) }
        }
        XCTAssertGreaterThanOrEqual(citizens.count, 5)
        for s in citizens {
            let result = run(s)
            // The pathways that do not apply say why in their own words ("Citizens … do not need this permit").
            for text in everything(result.assessment, inPlay: true) {
                for word in ["removal order", "H&C", "IFHP", "PRRA", "Bill C-12", "Legal Aid Ontario helps with the claim form"] {
                    XCTAssertFalse(text.contains(word), "\(s.id): \(text)")
                }
            }
            XCTAssertTrue(result.walk.notAsked.isSuperset(of: ["claim_history", "removal_order", "health_risk", "fear_of_return", "hc_pending"]),
                          "\(s.id): the immigration questions do not arise (\(result.walk.notAsked.sorted()))")
        }
    }

    // MARK: - E2, E10: Bill C-12 for claims already made, and the order of steps

    func testAClaimMadeMoreThan14DaysAfterACrossingFromTheUnitedStatesIsFlagged() throws {
        let a = try XCTUnwrap(scenario("pending-claim-us-crossing-late").map(run)).assessment
        XCTAssertTrue(cautions(a, "refugee-claim-advice").contains { $0.hasPrefix("The claim was made on 2025-09-10, more than 14 days after the crossing") })
        let inTime = try XCTUnwrap(scenario("pending-claim-within-14-days-of-crossing").map(run)).assessment
        XCTAssertFalse(cautions(inTime).contains { $0.contains("more than 14 days after the crossing") })
    }

    func testTheOrderOfStepsIsRaisedWhenItMatters() throws {
        let c12 = try XCTUnwrap(scenario("pending-claim-caught-by-c12").map(run)).assessment
        XCTAssertTrue(cautions(c12, "refugee-claim-advice").contains { $0.contains("While that PRRA waits") })
        XCTAssertTrue(cautions(c12, "vtip-trp").contains { $0.contains("once a PRRA is sent and waiting") })
        let ineligible = try XCTUnwrap(scenario("ineligible-claim-prra-not-sent").map(run)).assessment
        for p in ["vtip-trp", "h-and-c", "refugee-claim-advice"] {
            XCTAssertTrue(cautions(ineligible, p).contains { $0.contains("no PRRA is waiting yet") }, p)
        }
        let noHC = try XCTUnwrap(scenario("ineligible-claim-nothing-for-h-and-c-yet").map(run)).assessment
        XCTAssertTrue(noHC.notices.contains { $0.pathway == "h-and-c" && $0.priority == .first
            && ($0.caution.fact.text.texts["en"] ?? "").contains("no PRRA is waiting yet") })
        // The general "before making a claim" text is for people who have not claimed.
        let before = try XCTUnwrap(scenario("pending-claim-before-june-2025").map(run)).assessment
        XCTAssertFalse(cautions(before).contains { $0.contains("before making a claim") })
    }

    // MARK: - E4, E3: the work permit for vulnerable workers

    func testAnUnknownPermitEndDateAsksForItNow() throws {
        let a = try XCTUnwrap(scenario("seasonal-worker-end-date-unknown").map(run)).assessment
        XCTAssertTrue(cautions(a, "owp-vulnerable-workers").contains { $0.hasPrefix("The day the work permit ends is not known.") })
        XCTAssertFalse(everything(a).contains { $0.contains("(date not known)") }, "no reason quotes a date nobody asked for")
    }

    // MARK: - E5: restoration

    func testWorkWithoutAuthorizationIsExplainedWithoutBlame() throws {
        let a = try XCTUnwrap(scenario("visitor-forced-to-work-status-ended-recently").map(run)).assessment
        let reasons = a.pathway("restoration")?.reasons.compactMap { $0.text.texts["en"] } ?? []
        XCTAssertTrue(reasons.contains { $0.contains("even if they were forced to") && $0.contains("blocks restoration") })
        let unsure = try XCTUnwrap(scenario("expired-permit-unsure-about-past-work").map(run)).assessment
        XCTAssertTrue(cautions(unsure, "restoration").contains { $0.hasPrefix("The person may have done work") })
        let all = ContentWalk.texts(bundle).compactMap { $0.texts["en"] }.joined(separator: "\n")
        XCTAssertFalse(all.contains("breaks a rule, and then status cannot be given back"))
    }

    // MARK: - E7: "Not sure" about a claim

    func testNotSureAboutAClaimKeepsTheTimeLimitsInView() throws {
        let a = try XCTUnwrap(scenario("not-sure-if-claim-made-year-ends-soon").map(run)).assessment
        XCTAssertTrue(cautions(a, "refugee-claim-advice").contains { $0.hasPrefix("The person is not sure if a refugee claim was made for them.") })
        XCTAssertTrue(cautions(a, "vtip-trp").contains { $0.hasPrefix("The person is not sure if a refugee claim was made for them.") })
        XCTAssertEqual(a.deadlines.map(\.certainty), [.unknown], "the one-year date may apply: it counts if no claim was made")
    }

    // MARK: - E8: conditional removal orders

    func testAPendingClaimantsOrderRaisesNoAlarm() throws {
        let a = try XCTUnwrap(scenario("pending-claimant-with-conditional-order").map(run)).assessment
        XCTAssertEqual(a.notices, [], "no 'get a lawyer now' notice")
        XCTAssertFalse(cautions(a).contains { $0.contains("Legal help is urgent") })
        XCTAssertTrue(cautions(a, "refugee-claim-advice").contains { $0.hasPrefix("The claim is still waiting. An order given when a claim is made")
            && $0.contains("verify with a lawyer") })
    }

    // MARK: - E9: withdrawn claims

    func testTheBarAfterAWithdrawnClaimIsSomethingToVerify() throws {
        let a = try XCTUnwrap(scenario("withdrawn-before-hearing-no-fear").map(run)).assessment
        XCTAssertTrue(cautions(a, "vtip-trp").contains { $0.hasPrefix("The claim was withdrawn less than 12 months ago.") && $0.contains("verify with a lawyer") })
        XCTAssertTrue(a.deadlines.allSatisfy { $0.fact.verify }, "the date of a wait that may not apply is marked to verify")
        XCTAssertFalse(everything(a).contains { $0.contains("refused, withdrawn or abandoned less than 12 months ago") })
    }

    // MARK: - T1, T3: what a guarded person's results say

    func testAGuardedPersonsResultsAreShortAndAssertNothing() throws {
        let a = try XCTUnwrap(scenario("not-sure-of-status-declines-everything").map(run)).assessment
        let shown = cautions(a)
        XCTAssertLessThanOrEqual(shown.filter { $0.hasPrefix("May apply") }.count, 3, shown.joined(separator: "\n"))
        let texts = everything(a)
        XCTAssertFalse(texts.contains { $0.hasPrefix("Still to find out: The person said") })
        XCTAssertFalse(shown.contains { $0.contains("The claim is still waiting") }, "nothing says there is a claim")
        XCTAssertFalse(shown.contains { $0.contains("does not want contact with police") }, "she did not say so")
    }

    // MARK: - T4 to T7, T9 to T13: texts aimed at the right people

    func testTextsReachOnlyThePeopleTheyAreFor() throws {
        let claimant = try XCTUnwrap(scenario("pending-claim-caught-by-c12").map(run)).assessment
        XCTAssertFalse(everything(claimant).contains { $0.contains("such as the open work permit for vulnerable workers, comes first") })

        let worker = try XCTUnwrap(scenario("worker-permit-ends-soon").map(run)).assessment
        XCTAssertFalse(cautions(worker).contains { $0.contains("child lives outside Canada") })
        XCTAssertFalse(everything(worker).contains { $0.contains("(date not known)") })

        let appeal = try XCTUnwrap(scenario("pending-appeal-trafficked").map(run)).assessment
        XCTAssertFalse(cautions(appeal).contains { $0.contains("Bill C-12 has been law") }, "a claim made before June 3, 2025")
        XCTAssertFalse(cautions(appeal).contains { $0.contains("So a new claim would be ineligible") }, "the appeal is still open")
        let vtip = appeal.pathway("vtip-trp")?.reasons.compactMap { $0.text.texts["en"] } ?? []
        XCTAssertFalse(vtip.contains { $0.contains("No refugee claim ended in the last 12 months") })
        XCTAssertTrue(vtip.contains { $0.contains("or a refusal is under appeal") })

        let bc = try XCTUnwrap(scenario("labour-consent-unsure-in-british-columbia").map(run)).assessment
        XCTAssertFalse(cautions(bc, "employment-standards").contains { $0.contains("Ontario") })

        let ill = try XCTUnwrap(scenario("refused-claim-illness-no-trafficking").map(run)).assessment
        XCTAssertFalse(cautions(ill).contains { $0.contains("trafficking permit holders get") })

        let alone = try XCTUnwrap(scenario("unaccompanied-minor-quebec").map(run)).assessment
        XCTAssertTrue(cautions(alone, "school-for-children").contains { $0.hasPrefix("This young person has no safe parent or guardian here.") })

        let crossed = try XCTUnwrap(scenario("never-had-status-crossed-from-us").map(run)).assessment
        XCTAssertTrue(cautions(crossed, "refugee-claim-advice").contains { $0.contains("Safe Third Country Agreement") && $0.contains("verify with a lawyer") })
        XCTAssertEqual(crossed.pathway("restoration")?.reasons.compactMap { $0.text.texts["en"] },
                       ["Restoring status is only for people who had temporary status and lost it."])
    }
}
