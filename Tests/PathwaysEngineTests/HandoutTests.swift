import Foundation
import XCTest
@testable import PathwaysEngine

/// The person's handout: one page in their language (and the worker's below it when asked), discreet on
/// its first lines, with no names, code or dates, the 24/7 line first, and "information, not legal advice".
final class HandoutTests: XCTestCase {
    static let bundle: ContentBundle = Checker.check(try! ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content"),
                                                     today: nil).bundle
    static let day = Day("2026-12-01")
    /// Words that must not be on the first lines of a page someone else may see.
    static let telling = ["traffick", "immigra", "trata", "inmigra", "migratori", "imigrasyon", "traite", "refugi", "refugee", "asile", "police", "policía", "pulis"]

    func assessments() -> [(String, Assessment)] {
        let runner = ScenarioRunner(bundle: Self.bundle, today: Self.day)
        return Self.bundle.scenarios.map { ($0.id, runner.assess($0).assessment) }
    }

    func testEveryScenarioGivesAOnePageHandoutInEveryLanguage() {
        for (id, a) in assessments() {
            for l in Self.bundle.info.locales {
                for worker in [nil, "en", "fr"] where worker != l {
                    let page = Handout(bundle: Self.bundle, locale: l, workerLocale: worker ?? "en", withWorkerCopy: worker != nil).render(a, format: .text)
                    let lines = page.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    XCTAssertLessThanOrEqual(lines.count, 60, "\(id) \(l)+\(worker ?? "-")\n\(page)")
                    for line in lines { XCTAssertLessThanOrEqual(line.count, 80, "\(id) \(l): \(line)") }
                    let top = lines.prefix(8).joined(separator: " ").lowercased()
                    for word in Self.telling { XCTAssertFalse(top.contains(word), "\(id) \(l): '\(word)' on the first lines\n\(page)") }
                    if worker == nil { XCTAssertFalse(page.contains("[EN] "), "\(id) \(l): every text the person reads is translated\n\(page)") }
                }
            }
        }
    }

    func testTheHandoutSaysWhoToCallWithThe24HourLineFirstAndEndsWithTheDisclaimer() throws {
        let (_, a) = try XCTUnwrap(assessments().first { $0.0 == "seasonal-worker-left-farm" })
        for l in ["es", "tl"] {
            let page = Handout(bundle: Self.bundle, locale: l, workerLocale: "en").render(a, format: .text)
            let lines = page.split(separator: "\n").map(String.init)
            let call = try XCTUnwrap(lines.firstIndex(of: Self.bundle.strings.word(.handoutCall, l)), page)
            XCTAssertTrue(lines[call + 1].hasPrefix("• " + Self.bundle.strings.word(.handoutHotline, l).prefix(20)), page)
            XCTAssertTrue(lines[call + 1...call + 2].joined().contains("1-833-900-1010"), page)
            XCTAssertTrue(page.contains(Self.bundle.strings.word(.handoutNotLegalAdvice, l).prefix(30)), page)
            // The unchecked translation says so in its language and in the worker's.
            XCTAssertTrue(page.replacingOccurrences(of: "\n", with: " ").contains(Self.bundle.strings.word(.unreviewedTranslation, l)), page)
            XCTAssertTrue(page.replacingOccurrences(of: "\n", with: " ").contains(Self.bundle.strings.word(.unreviewedTranslation, "en")), page)
            // Options and next steps in the person's words.
            XCTAssertTrue(page.contains(GlossaryMarkup.render(Self.bundle.pathway("owp-vulnerable-workers")!.title.texts[l]!, bundle: Self.bundle, locale: l)), page)
            XCTAssertFalse(page.contains("[EN]"), page)
        }
    }

    func testTheWorkersCopyIsTheSamePageBelowInTheirLanguage() throws {
        let (_, a) = try XCTUnwrap(assessments().first { $0.0 == "trafficked-out-of-status" })
        let page = Handout(bundle: Self.bundle, locale: "es", workerLocale: "en", withWorkerCopy: true).render(a, format: .text)
        let title = try XCTUnwrap(page.range(of: "Sus opciones y quién le puede ayudar"))
        let below = try XCTUnwrap(page.range(of: "The same, in English:"))
        XCTAssertLessThan(title.lowerBound, below.lowerBound)
        XCTAssertTrue(page[below.upperBound...].contains("Who you can call"))
        let es = page[..<below.lowerBound].components(separatedBy: "\n• ").count
        let en = page[below.lowerBound...].components(separatedBy: "\n• ").count
        XCTAssertEqual(es, en, "both copies list the same options, steps and contacts\n\(page)")
    }

    /// Without a worker's language named, the copy below is in the bundle's default language.
    func testTheWorkersCopyDefaultsToTheBundlesLanguage() throws {
        let (_, a) = try XCTUnwrap(assessments().first { $0.0 == "trafficked-out-of-status" })
        let page = Handout(bundle: Self.bundle, locale: "es", withWorkerCopy: true).render(a, format: .text)
        XCTAssertTrue(page.contains("The same, in English:"), page)
    }

    func testMarkdownHasHeadingsAndBullets() throws {
        let (_, a) = try XCTUnwrap(assessments().first { $0.0 == "seasonal-worker-left-farm" })
        let md = Handout(bundle: Self.bundle, locale: "tl", workerLocale: "en").render(a, format: .markdown)
        XCTAssertTrue(md.hasPrefix("# Ang inyong mga opsyon at kung sino ang makakatulong\n"), md)
        XCTAssertTrue(md.contains("\n## Sino ang puwede ninyong tawagan\n"), md)
        XCTAssertTrue(md.contains("\n- "), md)
    }

    /// A page with many options says less rather than running onto a second page, and says how many more
    /// there are to talk about.
    func testALongPageSaysLessToFitAndCountsWhatItLeftOut() throws {
        let (_, a) = try XCTUnwrap(assessments().max { $0.1.recommended.count < $1.1.recommended.count })
        let narrow = Handout(bundle: Self.bundle, locale: "es", workerLocale: "en", maxLines: 30).render(a, format: .text)
        XCTAssertLessThanOrEqual(narrow.split(separator: "\n", omittingEmptySubsequences: false).count - 1, 30, narrow)
        XCTAssertTrue(narrow.contains("opciones más para hablar"), narrow)
    }
}
