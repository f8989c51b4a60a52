import XCTest
@testable import PathwaysEngine

/// The general rules behind the texts the third expert review (30 cases) found wrong, checked on what a
/// worker reads in the shipped scenarios. The scenarios check pathways, groups and dates themselves.
final class ThirdReviewTests: XCTestCase {
    var checked: CheckedBundle!
    var bundle: ContentBundle { checked.bundle }

    override func setUpWithError() throws {
        checked = Checker.check(try ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content"),
                                today: Day("2026-12-01"))
    }

    func assess(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> Assessment {
        let s = try XCTUnwrap(bundle.scenarios.first { $0.id == id }, "no shipped scenario \(id)", file: file, line: line)
        return ScenarioRunner(bundle: bundle, today: nil).assess(s).assessment
    }

    /// The cautions the worker reads for one pathway, with "May apply" where they may.
    func cautions(_ a: Assessment, _ pathway: String) -> [String] {
        let t = ReportText(bundle: bundle, locale: "en")
        return a.pathways.filter { $0.id == pathway }.flatMap { $0.cautions.map(t.caution) }
    }

    // MARK: - T2: a reason cites only the answers that made it hold

    func testAReasonCitesOnlyTheAnswersThatCounted() throws {
        let a = try assess("refused-claim-removal-order")
        let vtip = try XCTUnwrap(a.pathways.first { $0.id == "vtip-trp" })
        let second = try XCTUnwrap(vtip.reasons.first { ($0.text.texts["en"] ?? "").hasPrefix("Second part of the test") })
        XCTAssertEqual(second.evidence.map(\.question), ["indicators"])
        XCTAssertEqual(second.evidence.first?.answer, .value(.options(["confiscated_documents", "confinement_surveillance", "forced_work"])),
                       "unpaid wages are not part of the test")
        let safety = try XCTUnwrap(a.pathways.first { $0.id == "safety-planning" })
        XCTAssertEqual(safety.reasons.first?.evidence.map(\.question), ["indicators"], "not 'in danger: No', 'partner harms: No'")
    }

    // MARK: - T12: a declined question is the person's to come back to

    func testADeclinedQuestionThatWouldDecideAPathwayIsMarkedAsThePersonsChoice() throws {
        let a = try assess("declines-sensitive-questions")
        let possible = a.pathways.filter { $0.status == .possible }
        XCTAssertTrue(possible.contains { !$0.declined.isEmpty })
        for p in possible { XCTAssertTrue(Set(p.declined).isSubset(of: p.missing), p.id) }
        let report = AssessmentReport(bundle: bundle, locale: "en", style: .text).render(a)
        XCTAssertTrue(report.contains("(the person chose not to answer; come back to it only if they want to)"))
        let fr = AssessmentReport(bundle: bundle, locale: "fr", style: .text).render(a)
        XCTAssertTrue(fr.contains("(la personne a choisi de ne pas répondre; n’y revenez que si elle le souhaite)"))
    }

    // MARK: - E3: the Ontario employment standards number stays in Ontario

    func testOntarioEmploymentStandardsAreNotShownInOtherProvincesWhenWhereTheWorkHappenedWasNotAsked() throws {
        // Consent "not sure": where the work happened is never asked.
        let bc = try assess("labour-consent-unsure-in-british-columbia")
        for p in bc.pathways {
            XCTAssertFalse(p.referrals.contains("ontario-employment-standards"), p.id)
        }
        XCTAssertFalse(cautions(bc, "employment-standards").contains { $0.contains("23 languages") })
        // In Ontario, the same unasked question still gives Ontario's office.
        let on = try assess("expired-permit-recent")
        XCTAssertTrue(on.pathways.contains { $0.referrals.contains("ontario-employment-standards") })
        XCTAssertFalse(on.pathways.contains { $0.referrals.contains("employment-standards-office") })
    }

    // MARK: - E5: a refused PRRA

    func testARefusedPRRAIsNotCalledPossible() throws {
        let a = try assess("refused-prra-removal-date-set")
        let texts = cautions(a, "refugee-claim-advice")
        XCTAssertTrue(texts.contains { $0.hasPrefix("A PRRA was already refused") }, "\(texts)")
        XCTAssertFalse(texts.contains { $0.contains("A PRRA may be possible") }, "\(texts)")
        // A 2021 decision is long past the 36 months of the designated-country rule.
        XCTAssertFalse(texts.contains { $0.contains("36-month") }, "\(texts)")
        // One removal caution under H&C, the specific one.
        let hc = cautions(a, "h-and-c")
        XCTAssertTrue(hc.contains { $0.contains("An H&C application would not stop a removal") })
        XCTAssertFalse(hc.contains { $0.hasPrefix("An H&C application does not stop a removal") }, "\(hc)")
    }

    // MARK: - T10, J5: refugee-claim texts that fit where the claim stands

    func testARefusedClaimantIsNotToldHowToMakeAClaimAndTheFourteenDaysAreNoPromise() throws {
        let refused = try assess("refused-prra-removal-date-set")
        let texts = cautions(refused, "refugee-claim-advice")
        XCTAssertFalse(texts.contains { $0.contains("before making a claim") || $0.contains("15 days to file") }, "\(texts)")
        let steps = try XCTUnwrap(bundle.pathway("refugee-claim-advice")).steps.compactMap { $0.text.texts["en"] }
        XCTAssertFalse(steps.contains { $0.contains("before making a claim") || $0.contains("15 days") })
        let none = try assess("crossed-from-us-recently")
        XCTAssertTrue(cautions(none, "refugee-claim-advice").contains { $0.hasPrefix("Get legal advice before making a claim") })
        let t = ReportText(bundle: bundle, locale: "en")
        XCTAssertTrue(none.deadlines.map(t.deadline).contains { $0.contains("14 days after crossing") && $0.contains("can still be blocked by other rules") })
    }

    // MARK: - E6: no request while a PRRA waits after an ineligible claim

    func testTheTraffickingPermitSaysNoRequestCanBeMadeWhileThePRRAWaits() throws {
        let a = try assess("ineligible-claim-prra-pending")
        XCTAssertTrue(cautions(a, "vtip-trp").contains { $0.hasPrefix("Not now: while the PRRA waits, no request") })
        let notSent = try assess("ineligible-claim-prra-not-sent")
        XCTAssertFalse(cautions(notSent, "vtip-trp").contains { $0.hasPrefix("Not now") })
    }

    // MARK: - E7: no refugee-claim or trafficking-permit text for citizens and permanent residents

    func testCitizensAreNotToldAboutRefugeeClaimsOrTheTraffickingPermitByChildProtectionOrSchool() throws {
        let citizens = bundle.scenarios.filter { s in
            s.answers.contains { $0.question.id == "status" && $0.answer == .value(.option("citizen_or_pr")) }
        }
        XCTAssertGreaterThanOrEqual(citizens.count, 5)
        for s in citizens {
            let a = ScenarioRunner(bundle: bundle, today: nil).assess(s).assessment
            for id in ["child-protection", "school-for-children", "emergency-911"] {
                guard let p = a.pathways.first(where: { $0.id == id }), p.status != .notApplicable,
                      let pathway = bundle.pathway(id) else { continue }
                let steps = pathway.steps.map { $0.text.texts["en"] ?? "" }
                for text in steps + cautions(a, id) {
                    for word in ["refugee claim", "trafficking permit"] {
                        XCTAssertFalse(text.contains(word), "\(s.id) \(id): \(text)")
                    }
                }
            }
        }
        // A young person without status still hears it.
        let alone = try assess("unaccompanied-minor-ontario")
        XCTAssertTrue(cautions(alone, "child-protection").contains { $0.contains("A refugee claim would need an adult") })
    }

    // MARK: - P1: "not sure" about danger

    func testNotSureAboutDangerPutsASafetyCheckAndEmergencyServicesFirst() throws {
        let a = try assess("unsure-if-safe-now")
        let notice = try XCTUnwrap(a.notices.first { $0.pathway == "emergency-911" })
        XCTAssertEqual(notice.priority, .first)
        XCTAssertEqual(a.groups.first?.priority, .first)
        XCTAssertTrue(a.groups.first?.notices.contains(notice) ?? false, "shown in the first group")
        // Someone who said they are not in danger gets no such notice.
        let calm = try assess("trafficked-out-of-status")
        XCTAssertFalse(calm.notices.contains { $0.pathway == "emergency-911" })
    }

    // MARK: - T7, T9, E8, P3, E4: texts

    func testTheLayoffCautionIsNotShownToSomeoneWhoDescribedAbuse() throws {
        let abused = try assess("worker-permit-ends-soon")
        XCTAssertFalse(cautions(abused, "owp-vulnerable-workers").contains { $0.contains("fair layoff") })
        let unsure = try assess("worker-unsure-of-abuse-end-date-unknown")
        XCTAssertTrue(cautions(unsure, "owp-vulnerable-workers").contains { $0.contains("fair layoff") })
    }

    func testSomeoneWithoutStatusCardOrClaimIsToldTheyMayHaveNoCoverageNow() throws {
        let a = try assess("trafficked-out-of-status")
        XCTAssertTrue(cautions(a, "health-coverage").contains { $0.hasPrefix("Right now the person may have no public health coverage") })
        let claimant = try assess("abandoned-claim")
        XCTAssertFalse(cautions(claimant, "health-coverage").contains { $0.contains("may have no public health coverage") })
    }

    func testTheCrisisLineIsNotListedUnderHealthCoverageForAPurelyMedicalNeed() throws {
        let medical = try assess("citizen-needs-care-only")
        XCTAssertFalse(medical.pathways.first { $0.id == "health-coverage" }?.referrals.contains("suicide-crisis-helpline") ?? true)
        let crisis = try assess("claimant-needs-mental-health-care")
        XCTAssertTrue(crisis.pathways.contains { $0.referrals.contains("suicide-crisis-helpline") })
    }

    func testTheFamilyViolencePermitSummaryDoesNotPromiseNoFee() throws {
        let summary = try XCTUnwrap(bundle.pathway("family-violence-trp")?.summary)
        XCTAssertFalse((summary.texts["en"] ?? "").contains("It has no fee"))
        XCTAssertFalse((summary.texts["fr"] ?? "").contains("Il est gratuit"))
        XCTAssertTrue(bundle.pathway("family-violence-trp")?.fees.allSatisfy(\.verify) ?? false)
    }

    func testLegalAidSaysWhichTimeLimitMakesItFirst() throws {
        let a = try assess("fear-no-claim-year-ends-soon")
        XCTAssertEqual(a.pathways.first { $0.id == "legal-aid" }?.priority, .first)
        XCTAssertTrue(cautions(a, "legal-aid").contains { $0.hasPrefix("Time limit: a refugee claim made after 2027-01-20") },
                      "\(cautions(a, "legal-aid"))")
        let form = try assess("airport-claim-form-due")
        XCTAssertTrue(cautions(form, "legal-aid").contains { $0.contains("by 2026-12-05") })
        // No time-limit text with a date that is not known.
        let declines = try assess("declines-sensitive-questions")
        XCTAssertFalse(cautions(declines, "legal-aid").contains { $0.contains("Time limit") && $0.contains("(date not known)") })
    }
}
