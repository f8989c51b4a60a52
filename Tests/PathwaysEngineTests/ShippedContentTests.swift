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

    /// Every phone number and web address shown anywhere is declared once in the referral directory.
    func testEveryNumberAndAddressInTheTextIsDeclaredInTheReferralDirectory() {
        var declaredNumbers = Set<String>(), declaredURLs = Set<String>()
        for r in bundle.referrals {
            for n in [r.phone, r.textNumber].compactMap({ $0 }) { declaredNumbers.insert(n.filter(\.isNumber)) }
            if let u = r.url { declaredURLs.insert(Self.normalised(u)) }
        }
        var problems: [String] = []
        for text in ContentWalk.texts(bundle) {
            for value in text.texts.values {
                for number in Self.phoneNumbers(in: value) where !declaredNumbers.contains(number.filter(\.isNumber)) {
                    problems.append("\(text.location.map(\.description) ?? "?"): '\(number)' is not in referrals.yaml")
                }
                for address in Self.addresses(in: value) where !declaredURLs.contains(Self.normalised(address)) {
                    problems.append("\(text.location.map(\.description) ?? "?"): '\(address)' is not in referrals.yaml")
                }
            }
        }
        XCTAssertEqual(problems, [])
    }

    func testTheNumberScannerFindsWhatItShould() {
        XCTAssertEqual(Self.phoneNumbers(in: "Call 1-833-900-1010 or 9-8-8, text 686868; not 2025-02-04, $635 or 12 months."),
                       ["1-833-900-1010", "9-8-8", "686868"])
        XCTAssertEqual(Self.addresses(in: "See https://www.canada.ca/en.html or www.example.org, and ccrweb.ca."),
                       ["https://www.canada.ca/en.html", "www.example.org", "ccrweb.ca"])
    }

    /// Phone-shaped tokens: dash-separated digit groups that form a phone number, or 6+ digits in a row.
    static func phoneNumbers(in text: String) -> [String] {
        var out: [String] = []
        var token = ""
        func flush() {
            let t = token.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            if t.contains("-") ? ContactFormat.isPhone(t) : t.count >= 6 { out.append(t) }
            token = ""
        }
        for c in text {
            if c.isASCII && (c.isNumber || c == "-") { token.append(c) } else { flush() }
        }
        flush()
        return out
    }

    /// Web addresses: http(s)://…, www.…, or a bare domain ending in a common top-level domain.
    static func addresses(in text: String) -> [String] {
        let pattern = #"(https?://[^\s)\]]+|www\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s)\],;]*|\b[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.(ca|com|org|net|gc\.ca)\b)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
            .map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
    }

    static func normalised(_ url: String) -> String {
        var u = url.lowercased()
        for prefix in ["https://", "http://", "www."] where u.hasPrefix(prefix) { u.removeFirst(prefix.count) }
        while u.hasSuffix("/") { u.removeLast() }
        return u
    }
}
