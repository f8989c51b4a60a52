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
        ("results-unfinished", { s in s.press(.enter, .char("2"), .enter, .char("s")) }),
        ("pathway-detail", { s in
            s.press(.enter, .char("2"), .enter); s.type("29"); s.press(.enter, .char("2"), .enter); s.type("2023-05-01")
            s.press(.enter, .char("2"), .enter, .char("1"), .enter); s.type("ontario"); s.press(.enter, .down, .enter)
        }),
        ("glossary", { s in s.press(.enter, .char("2"), .enter); s.type("29"); s.press(.enter, .char("g")) }),
        ("term", { s in s.press(.enter, .char("2"), .enter); s.type("29"); s.press(.enter, .char("g"), .enter) }),
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
