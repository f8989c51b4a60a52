import Foundation
import XCTest
@testable import PathwaysEngine

/// The shipped bundle in Content/: clean, complete in both languages, sourced, and fully scenario-tested.
final class ShippedContentTests: XCTestCase {
    static let requiredPathways = [
        "emergency-911", "child-protection", "trafficking-hotline", "vtip-trp", "owp-vulnerable-workers",
        "family-violence-trp", "h-and-c", "refugee-claim-advice", "legal-aid", "esdc-tip-line",
        "employment-standards", "crisis-988", "kids-help-phone", "health-coverage", "school-for-children",
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
        XCTAssertEqual(bundle.info.locales, ["en", "fr"])
    }

    func testEveryRequiredPathwayExists() {
        for id in Self.requiredPathways { XCTAssertNotNil(bundle.pathway(id), "missing pathway \(id)") }
    }

    func testEveryPathwayAndReferralHasADatedSource() {
        for p in bundle.pathways {
            XCTAssertFalse(p.sources.isEmpty, p.id)
            for s in p.sources { XCTAssertNotNil(bundle.source(s.id)?.date, "\(p.id) cites \(s.id) without a date") }
        }
        for r in bundle.referrals {
            XCTAssertFalse(r.sources.isEmpty, r.id)
            for s in r.sources { XCTAssertNotNil(bundle.source(s.id)?.date, "\(r.id) cites \(s.id) without a date") }
        }
    }

    func testScenariosPassAndCoverEveryPathwayBothWays() {
        XCTAssertGreaterThanOrEqual(bundle.scenarios.count, 15)
        let runner = ScenarioRunner(bundle: bundle)
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
