import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// Every screen at 80×24, 60×16 and 120×40, in English and French, compared with recorded frames.
final class FrameTests: XCTestCase {
    static let sizes = [(80, 24), (60, 16), (120, 40)]

    /// Builds each screen from a fresh state by pressing keys, the way a caseworker gets there.
    static let screens: [(String, @Sendable (inout UIState) -> Void)] = [
        ("start", { _ in }),
        ("question-choice", { s in s.press(.enter) }),
        ("question-why", { s in s.press(.enter, .char("?")) }),
        ("question-number", { s in s.press(.enter, .char("2"), .enter) }),
        ("question-number-invalid", { s in s.press(.enter, .char("2"), .enter); s.type("200"); s.press(.enter) }),
        ("question-multiple", { s in
            s.press(.enter, .char("2"), .enter); s.type("29"); s.press(.enter, .char("2"), .enter); s.type("2023-05-01")
            s.press(.enter, .char("2"))
        }),
        ("urgent-outcome", { s in s.press(.enter, .enter) }),
        ("review-set-aside", { s in
            s.press(.enter, .char("2"), .enter); s.type("29"); s.press(.enter, .char("2"), .enter); s.type("2023-05-01")
            s.press(.enter, .left, .left, .char("1"), .enter, .function(2))
        }),
        ("results", { s in
            s.press(.enter, .char("2"), .enter); s.type("29"); s.press(.enter, .char("2"), .enter); s.type("2023-05-01")
            s.press(.enter, .char("2"), .enter, .char("1"), .enter); s.type("ontario"); s.press(.enter)
        }),
        ("results-unfinished", { s in s.press(.enter, .char("2"), .enter, .function(3)) }),
        ("pathway-detail", { s in
            s.press(.enter, .char("2"), .enter); s.type("29"); s.press(.enter, .char("2"), .enter); s.type("2023-05-01")
            s.press(.enter, .char("2"), .enter, .char("1"), .enter); s.type("ontario"); s.press(.enter, .down, .enter)
        }),
        ("glossary", { s in s.press(.enter, .char("2"), .enter); s.type("29"); s.press(.enter, .char("g")) }),
        ("term", { s in s.press(.enter, .char("2"), .enter); s.type("29"); s.press(.enter, .char("g"), .char("a"), .enter) }),
        ("tick-one", { s in
            s.press(.enter, .char("2"), .enter); s.type("29"); s.press(.enter, .char("2"), .enter); s.type("2023-05-01")
            s.press(.enter, .enter)
        }),
        ("change-from-review", { s in
            s.press(.enter, .char("2"), .enter); s.type("29"); s.press(.enter, .char("2"), .enter); s.type("2023-05-01")
            s.press(.enter, .char("2"), .enter, .char("1"), .enter); s.type("ontario"); s.press(.enter, .function(2), .down, .enter)
        }),
        ("quit-confirm", { s in
            s.recordsAvailable = true
            s.press(.enter, .char("2"), .enter)
            s.recorded(error: nil, code: "KQ7-M2P")
            s.press(.left, .char("q"))
        }),
        ("notes-editor", { s in
            s.recordsAvailable = true
            s.press(.enter, .char("2"), .enter, .function(2), .char("n"))
            s.type("Call back on Tuesday after the clinic; ask about the housing letter and the pay stubs.")
            s.press(.enter)
            s.type("Prefers French.")
            s.press(.up)
        }),
        ("start-preview-how", { s in s.press(.char("4"), .enter) }),
        ("bilingual-question", { s in s.press(.enter, .char("b")) }),
        ("bilingual-results", { s in s.press(.enter, .char("b"), .char("1"), .enter) }),
    ]

    func testEveryScreenAtEverySizeInBothLanguages() {
        for (name, steps) in Self.screens {
            for (w, h) in Self.sizes {
                for locale in ["en", "fr"] {
                    var state = UIState(bundle: Fixture.bundle, width: w, height: h, locale: locale)
                    steps(&state)
                    FrameFiles.assert(Renderer.frame(state), named: "\(name)-\(w)x\(h)-\(locale)")
                }
            }
        }
    }

    /// The bilingual view with the longest texts of the shipped bundle (its longest question, and the
    /// pathway with the longest detail), in both orders of the languages, at 60, 80 and 120 columns.
    func testTheBilingualViewWithTheLongestTextsInBothOrders() {
        let bundle = Fixture.shipped
        func length(_ q: Question) -> Int {
            bundle.info.locales.reduce(0) { n, l in
                let c = ContentText(bundle: bundle, locale: l)
                return n + c.plain(q.prompt).count + q.options.reduce(0) { $0 + c.plain($1.label).count }
            }
        }
        let longest = bundle.questions.max { length($0) < length($1) }!
        for (first, _) in [("en", "fr"), ("fr", "en")] {
            for (w, h) in Self.sizes {
                var s = UIState(bundle: bundle, width: w, height: h, locale: first)
                s.press(.enter)
                ShippedWalk.answer(&s, until: longest.id)
                XCTAssertEqual(s.currentQuestion?.id, longest.id, "the walk reaches the longest question")
                s.press(.char("b"))
                FrameFiles.assert(Renderer.frame(s), named: "bilingual-longest-question-\(w)x\(h)-\(first)")
            }
        }
        var finished = UIState(bundle: bundle, width: 80, height: 24)
        finished.press(.enter)
        ShippedWalk.finish(&finished, choosing: ["in_danger": "no", "status": "out_of_status", "claim_history": "none"])
        let shown = finished.items.compactMap { if case .pathway(let id) = $0 { return id } else { return nil } }
        func detailLength(_ id: String) -> Int {
            guard let p = bundle.pathway(id) else { return 0 }
            return ([p.title, p.summary] + (p.steps + p.documents + p.fees + p.duration).map(\.text)).reduce(0) { $0 + ($1.map { ContentText(bundle: bundle, locale: "en").plain($0).count } ?? 0) }
        }
        let pathway = shown.max { detailLength($0) < detailLength($1) }!
        for (first, _) in [("en", "fr"), ("fr", "en")] {
            for (w, h) in Self.sizes {
                var s = finished
                s.context.width = w
                s.context.height = h
                if first == "fr" { s.context.switchLanguage() }
                s.cursor = s.items.firstIndex(of: .pathway(pathway))!
                s.press(.enter, .char("b"))
                XCTAssertEqual(s.screen, .pathway(pathway))
                FrameFiles.assert(Renderer.frame(s), named: "bilingual-longest-pathway-\(w)x\(h)-\(first)")
            }
        }
    }

    func testTooSmallTerminalAsksToEnlargeTheWindow() {
        for (w, h) in [(59, 24), (80, 15), (40, 10)] {
            for locale in ["en", "fr"] {
                var state = UIState(bundle: Fixture.bundle, width: w, height: h, locale: locale)
                state.press(.enter)
                FrameFiles.assert(Renderer.frame(state), named: "too-small-\(w)x\(h)-\(locale)")
            }
        }
        let state = UIState(bundle: Fixture.bundle, width: 59, height: 16)
        XCTAssertTrue(Renderer.frame(state).text.contains("Enlarge the window to at least 60×16"))
        var confirming = UIState(bundle: Fixture.bundle, width: 80, height: 24)
        confirming.press(.enter, .char("2"), .enter)
        _ = confirming.handle(.resize(width: 40, height: 10))
        confirming.press(.char("q"))
        FrameFiles.assert(Renderer.frame(confirming), named: "too-small-quit-40x10-en")
    }

    func testEveryFrameFitsItsSizeAndShowsTheQuickExit() {
        for (name, steps) in Self.screens {
            for (w, h) in Self.sizes {
                for locale in ["en", "fr"] {
                    var state = UIState(bundle: Fixture.bundle, width: w, height: h, locale: locale)
                    steps(&state)
                    let frame = Renderer.frame(state)
                    let lines = frame.text.split(separator: "\n", omittingEmptySubsequences: false)
                    XCTAssertEqual(lines.count, h, name)
                    for l in lines { XCTAssertLessThanOrEqual(TextWidth.of(String(l)), w, "\(name) \(w)x\(h) \(locale): \(l)") }
                    XCTAssertTrue(frame.text.contains("F12/Ctrl-X"), "\(name) \(w)x\(h) \(locale) has no quick exit in its footer")
                }
            }
        }
    }
}
