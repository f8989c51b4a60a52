import Foundation
import XCTest
@testable import PathwaysEngine

/// The shipped bundle in Content/: clean, complete in both languages, sourced, and fully scenario-tested.
final class ShippedContentTests: XCTestCase {
    static let requiredPathways = [
        "emergency-911", "child-protection", "trafficking-hotline", "vtip-trp", "owp-vulnerable-workers",
        "family-violence-trp", "h-and-c", "refugee-claim-advice", "legal-aid", "esdc-tip-line",
        "employment-standards", "crisis-988", "kids-help-phone", "health-coverage", "school-for-children",
        "restoration", "safety-planning", "sexual-assault-care",
    ]

    var checked: CheckedBundle!
    var bundle: ContentBundle { checked.bundle }

    override func setUpWithError() throws {
        checked = Checker.check(try ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content"),
                                today: Day("2026-11-23"))
    }

    func testTheShippedBundleHasNoErrorsAndNoMissingFrench() {
        XCTAssertEqual(checked.diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        XCTAssertEqual(checked.diagnostics.filter { $0.code == .missingTranslation }.map(\.formatted), [])
        XCTAssertEqual(bundle.info.locales, ["en", "fr", "es", "tl"])
    }

    func testEveryRequiredPathwayExists() {
        for id in Self.requiredPathways { XCTAssertNotNil(bundle.pathway(id), "missing pathway \(id)") }
    }

    /// Every source is dated: by when it was published or updated, or at least by when it was read (and
    /// then `check` warns, PW031, because a read date says nothing about how current the source is).
    func testEveryPathwayAndReferralHasADatedSource() {
        func dated(_ id: String) -> Bool { bundle.source(id).map { $0.date != nil || $0.readOn != nil } ?? false }
        for p in bundle.pathways {
            XCTAssertFalse(p.sources.isEmpty, p.id)
            for s in p.sources { XCTAssertTrue(dated(s.id), "\(p.id) cites \(s.id) without a date") }
        }
        for r in bundle.referrals {
            XCTAssertFalse(r.sources.isEmpty, r.id)
            for s in r.sources { XCTAssertTrue(dated(s.id), "\(r.id) cites \(s.id) without a date") }
        }
        let readOnly = bundle.sources.filter { $0.date == nil }.map(\.id)
        XCTAssertEqual(checked.diagnostics.filter { $0.code == .sourceWithoutPublicationDate }.count, readOnly.count)
        XCTAssertFalse(bundle.sources.contains { $0.date?.text == "2026" }, "the year a source was read is not its publication date")
    }

    func testScenariosPassAndCoverEveryPathwayBothWays() {
        XCTAssertGreaterThanOrEqual(bundle.scenarios.count, 15)
        let runner = ScenarioRunner(bundle: bundle, today: nil)
        var recommended = Set<String>(), notApplicable = Set<String>()
        for s in bundle.scenarios {
            XCTAssertEqual(runner.run(s).failures, [], s.id)
            recommended.formUnion(s.expect.recommended.map(\.id))
            notApplicable.formUnion(s.expect.notApplicable.map(\.id))
        }
        for p in bundle.pathways {
            XCTAssertTrue(recommended.contains(p.id), "no scenario expects \(p.id) to be recommended")
            // A pathway with no criteria (the hotline) applies to everyone, so it can never be ruled out.
            if !p.eligibility.isEmpty {
                XCTAssertTrue(notApplicable.contains(p.id), "no scenario expects \(p.id) to be not applicable")
            }
        }
    }

    /// The questions hold what decides a case, each asked only when a later rule reads it, and a simple
    /// case stays short.
    func testTheQuestionsHoldWhatDecidesACase() throws {
        func q(_ id: String) throws -> Question { try XCTUnwrap(bundle.question(id), "no question \(id)") }
        for id in ["first_entry", "claim_date", "last_decision", "removal_date", "status_lost_on", "permit_expires_on"] {
            XCTAssertEqual(try q(id).kind, .date, id)
            XCTAssertTrue(try q(id).sensitive, "\(id): a date the person may not know can be declined")
            XCTAssertNotNil(try q(id).askWhen, "\(id) is asked only when a rule reads it")
        }
        XCTAssertEqual(try q("claim_history").options.map(\.id),
                       ["none", "pending_rpd", "pending_rad", "refused_rpd", "refused_rad", "withdrawn", "abandoned", "ineligible", "accepted", "not_sure"])
        XCTAssertEqual(try q("removal_order").options.map(\.id), ["no", "yes", "yes_with_date", "not_sure"])
        // The spouse or partner, one thing per question; each child by status; family abroad within them.
        XCTAssertEqual(try q("partner").options.map(\.id), ["none", "in_canada", "abroad"])
        XCTAssertEqual(try q("partner_harms").askWhen?.text, "partner in [in_canada, abroad]")
        XCTAssertEqual(try q("status_through_partner").askWhen?.text, "partner_harms = yes and (status != citizen_or_pr or status is unsure)")
        XCTAssertEqual(try q("children").options.map(\.id), ["child_citizen", "child_with_status", "child_no_status", "child_abroad", "no_children"])
        XCTAssertNil(bundle.question("family_violence_sponsor"), "the question that asked two things at once is gone")
        XCTAssertTrue(try q("recruitment").options.contains { $0.id == "deceived_other" }, "deception beyond the job")
        XCTAssertTrue(try q("indicators").options.contains { $0.id == "controls_money_phone" }, "control by a partner who is not a sponsor")
        XCTAssertEqual(try q("guardian_in_canada").askWhen?.text, "under_18 = yes")
        XCTAssertEqual(try q("care_needs").options.map(\.id), ["medical", "sexual_assault_care", "mental_health", "none"])
        XCTAssertNotNil(bundle.question("health_card"))
        XCTAssertEqual(try q("worked_in").askWhen?.text, "labour_contact_consent = yes")
        // Every sensitive question can be declined; the ones about harm, family and dates are sensitive.
        for id in ["recruitment", "indicators", "partner", "partner_harms", "partner_status", "status_through_partner",
                   "children", "care_needs", "guardian_in_canada", "us_crossing"] {
            XCTAssertTrue(try q(id).sensitive, "\(id) can be declined")
        }
        // A simple case: a worker with a valid permit, abused at work, no claim, no partner, no children.
        let simple = try XCTUnwrap(bundle.scenarios.first { $0.id == "worker-permit-ends-later" })
        let walk = ScenarioRunner(bundle: bundle, today: nil).assess(simple).walk
        XCTAssertLessThanOrEqual(walk.stops.count, 20, "a simple case stays short")
        XCTAssertTrue(walk.notAsked.isSuperset(of: ["claim_date", "last_decision", "first_entry", "partner_harms", "hc_pending"]), "\(walk.notAsked)")
    }

    /// Corrections from the review of the texts (issue 13, point 5).
    func testTheTextsCarryTheCorrectionsOfTheReview() throws {
        func english(_ id: String) -> String {
            guard let p = bundle.pathway(id) else { return "" }
            return ([p.summary].compactMap { $0 } + p.steps.map(\.text) + p.documents.map(\.text) + p.cautions.map(\.fact.text) + p.fees.map(\.text)
                    + p.duration.map(\.text) + p.eligibility.flatMap { [$0.met, $0.notMet].compactMap { $0 } })
                .compactMap { $0.texts["en"] }.joined(separator: "\n")
        }
        let all = ContentWalk.texts(bundle).flatMap { $0.texts.values }.joined(separator: "\n")
        XCTAssertTrue(english("refugee-claim-advice").contains("Bill C-12 has been law since March 26, 2026"))
        XCTAssertTrue(english("refugee-claim-advice").contains("June 3, 2025"))
        XCTAssertFalse(english("refugee-claim-advice").contains("regulations are still pending"))
        XCTAssertFalse(english("legal-aid").contains("The contacts are listed below"))
        XCTAssertTrue(english("legal-aid").contains("For many provinces and territories we have no checked contact"))
        XCTAssertTrue(english("legal-aid").contains("A permanent resident can still face removal"))
        XCTAssertFalse(english("family-violence-trp").contains("Our sources do not give"))
        XCTAssertTrue(english("family-violence-trp").contains("at least 12 months"))
        XCTAssertFalse(english("health-coverage").contains("family-violence permit, and their family members"))
        XCTAssertFalse(all.contains("must be told"))
        XCTAssertFalse(all.contains("Do not delay"))
        // Said once (third review, T8): "only while the renewal is still waiting. Apply soon."
        XCTAssertTrue(english("owp-vulnerable-workers").contains("only while the renewal is still waiting. Apply soon."))
        XCTAssertFalse(english("owp-vulnerable-workers").contains("Apply soon, while the renewal is waiting"))
        XCTAssertFalse(bundle.pathway("owp-vulnerable-workers")!.eligibility.contains { $0.notMet?.texts["en"]?.contains("layoff") == true },
                       "fair layoffs are a caution about the rules, not a verdict on the person")
        XCTAssertTrue(english("vtip-trp").contains("can tell the officer, if they wish"))
        XCTAssertTrue(english("vtip-trp").contains("gender"))
        XCTAssertTrue(english("safety-planning").contains("Racism"))
        // IRCC's French terms, inclusive forms, the unsure option, curly apostrophes.
        XCTAssertEqual(bundle.term("owp_v")?.term.texts["fr"], "PTO-V")
        XCTAssertFalse(all.contains("PTO-TV"))
        XCTAssertTrue(all.contains("lié à un employeur donné"))
        XCTAssertTrue(all.contains("exploitation financière"))
        XCTAssertTrue(all.contains("demande fondée sur des considérations d’ordre humanitaire"))
        XCTAssertTrue(all.contains("fait l’objet d’une mesure de renvoi"))
        XCTAssertTrue(all.contains("conjoint ou une conjointe") || all.contains("conjoint ou la conjointe"))
        XCTAssertFalse(all.contains("Pas certain"))
        for q in bundle.questions { for o in q.options where o.unsure { XCTAssertEqual(o.label.texts["fr"], "Ne sait pas", q.id) } }
        let straight = ContentWalk.texts(bundle).compactMap { $0.texts["fr"] }.filter { $0.range(of: #"\p{L}'\p{L}"#, options: .regularExpression) != nil }
        XCTAssertEqual(straight, [], "French texts use ’")
    }

    func testAtLeastFortyScenariosAndEachEndsAtAnOutcome() {
        let plain = bundle.scenarios.filter { $0.training == nil }
        XCTAssertGreaterThanOrEqual(plain.count, 40)
        for s in bundle.scenarios { XCTAssertNotNil(s.expect.outcome, "\(s.id) says where its walk must end") }
        XCTAssertGreaterThanOrEqual(plain.filter { !$0.expect.notRecommended.isEmpty }.count, 15, "negative checks")
        XCTAssertGreaterThanOrEqual(plain.filter { !$0.expect.deadlines.isEmpty && $0.today != nil }.count, 10, "deadlines on a fixed day")
        let coverage = ScenarioCoverage(bundle: bundle, today: nil)
        XCTAssertEqual(coverage.questions.missed, [], "every question is asked by some scenario")
        XCTAssertEqual(coverage.edges.missed, [], "every branch of the flow is taken")
    }

    /// Every phone number and web address shown anywhere is declared once in the referral directory: the
    /// check that does it (PW045) finds nothing in the shipped content.
    func testEveryNumberAndAddressInTheTextIsDeclaredInTheReferralDirectory() {
        XCTAssertEqual(checked.diagnostics.filter { $0.code == .undeclaredContact }.map(\.formatted), [])
        XCTAssertEqual(ContactChecks.undeclared(bundle).map(\.formatted), [])
    }

    func testTheNumberScannerFindsWhatItShould() {
        XCTAssertEqual(ContactScan.contacts(in: "Call 1-833-900-1010 or 9-8-8, text 686868; not 2025-02-04, $635 or 12 months.").map(\.text),
                       ["1-833-900-1010", "9-8-8", "686868"])
        XCTAssertEqual(ContactScan.contacts(in: "See https://www.canada.ca/en.html or www.example.org, and ccrweb.ca.").map(\.text),
                       ["https://www.canada.ca/en.html", "www.example.org", "ccrweb.ca"])
        XCTAssertEqual(ContactScan.contacts(in: "À 211ontario.ca/aide, é.g. not e.g. or i.e., at 1-800-555-0100.").map { "\($0.text)@\($0.offset)" },
                       ["211ontario.ca/aide@2", "1-800-555-0100@48"])
    }
}
