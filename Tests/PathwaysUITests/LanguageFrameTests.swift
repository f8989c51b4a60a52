import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// Every screen in Spanish and in Tagalog at 80×24 and 60×16, as the worker's language and as the person's
/// beside English, on the shipped bundle (the one with those languages), compared with recorded frames.
final class LanguageFrameTests: XCTestCase {
    static let sizes = [(80, 24), (60, 16)]
    static let seasonalWorker = ["in_danger": "no", "in_crisis": "no", "under_18": "no", "province": "on",
                                 "status": "employer_specific_permit", "claim_history": "none", "abuse_at_work": "yes"]

    /// Builds each screen from a fresh state by pressing keys, the way a caseworker gets there.
    static let screens: [(String, @Sendable (inout UIState) -> Void)] = [
        ("start", { _ in }),
        ("question-choice", { s in s.press(.enter) }),
        ("question-why", { s in s.press(.enter, .char("?")) }),
        ("question-multiple", { s in s.press(.enter); ShippedWalk.answer(&s, until: "recruitment", choosing: seasonalWorker) }),
        ("tick-one", { s in s.press(.enter); ShippedWalk.answer(&s, until: "recruitment", choosing: seasonalWorker); s.press(.enter) }),
        ("question-date", { s in s.press(.enter); ShippedWalk.answer(&s, until: "permit_expires_on", choosing: seasonalWorker) }),
        ("question-date-invalid", { s in
            s.press(.enter); ShippedWalk.answer(&s, until: "permit_expires_on", choosing: seasonalWorker)
            s.type("soon"); s.press(.enter)
        }),
        ("urgent-outcome", { s in s.press(.enter, .char("1"), .enter) }),
        ("review", { s in s.press(.enter); ShippedWalk.answer(&s, until: "status", choosing: seasonalWorker); s.press(.function(2)) }),
        ("change-from-review", { s in
            s.press(.enter); ShippedWalk.answer(&s, until: "status", choosing: seasonalWorker); s.press(.function(2), .down, .enter)
        }),
        ("results", { s in s.press(.enter); ShippedWalk.finish(&s, choosing: seasonalWorker) }),
        ("results-unfinished", { s in s.press(.enter); ShippedWalk.answer(&s, until: "status", choosing: seasonalWorker); s.press(.function(3)) }),
        ("pathway-detail", { s in
            s.press(.enter); ShippedWalk.finish(&s, choosing: seasonalWorker)
            s.cursor = s.items.firstIndex(of: .pathway("owp-vulnerable-workers")) ?? 0
            s.press(.enter)
        }),
        ("glossary", { s in s.press(.enter); ShippedWalk.answer(&s, until: "recruitment", choosing: seasonalWorker); s.press(.char("g")) }),
        ("term", { s in s.press(.enter); ShippedWalk.answer(&s, until: "recruitment", choosing: seasonalWorker); s.press(.char("g"), .enter) }),
        ("quit-confirm", { s in
            s.recordsAvailable = true
            s.press(.enter, .char("2"), .enter)
            s.recorded(error: nil, code: "KQ7-M2P")
            s.press(.char("q"))
        }),
        ("notes-editor", { s in
            s.recordsAvailable = true
            s.press(.enter, .char("2"), .enter, .function(2), .char("n"))
            s.type("Call back on Tuesday.")
        }),
        ("saved-cases", { s in
            s.recordsAvailable = true
            s.showCases([CaseListing(code: "KQ7-M2P", updated: "2026-12-01", step: 9, estimatedTotal: 20, version: "pathways-ca 1.0.0", contentChanged: false)])
        }),
        ("locked", { s in s.recordsAvailable = true; s.press(.enter); s.lock() }),
        ("start-preview-how", { s in s.press(.char("4"), .enter) }),
        ("training-list", { s in s.press(.char("3"), .enter) }),
        ("training-walkthrough", { s in s.press(.char("3"), .enter, .enter, .right) }),
    ]

    /// The worker reads Spanish or Tagalog (one column), or English with the person's language beside it.
    static func states(_ w: Int, _ h: Int) -> [(String, UIState)] {
        var out: [(String, UIState)] = []
        for l in ["es", "tl"] {
            out.append((l, UIState(bundle: Fixture.shipped, width: w, height: h, locale: l)))
            var both = UIState(bundle: Fixture.shipped, width: w, height: h, locale: "en")
            both.use(clientLocale: l)
            out.append(("en-\(l)", both))
        }
        return out
    }

    func testEveryScreenInSpanishAndTagalogAt80And60Columns() {
        for (name, steps) in Self.screens {
            for (w, h) in Self.sizes {
                for (variant, initial) in Self.states(w, h) {
                    var state = initial
                    steps(&state)
                    FrameFiles.assert(Renderer.frame(state), named: "lang-\(name)-\(w)x\(h)-\(variant)")
                }
            }
        }
    }

    /// Accents and Tagalog take one column each: no line is wider than the window, and the quick exit shows.
    func testEveryFrameFitsItsSizeInEveryLanguage() {
        for (name, steps) in Self.screens {
            for (w, h) in Self.sizes {
                for (variant, initial) in Self.states(w, h) {
                    var state = initial
                    steps(&state)
                    let frame = Renderer.frame(state)
                    let lines = frame.text.split(separator: "\n", omittingEmptySubsequences: false)
                    XCTAssertEqual(lines.count, h, "\(name) \(variant)")
                    for l in lines { XCTAssertLessThanOrEqual(TextWidth.of(String(l)), w, "\(name) \(w)x\(h) \(variant): \(l)") }
                    XCTAssertTrue(frame.text.contains("F12/Ctrl-X"), "\(name) \(w)x\(h) \(variant) has no quick exit in its footer")
                }
            }
        }
    }
}
