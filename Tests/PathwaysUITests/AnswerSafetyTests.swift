import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// Issue 14, points 1–3: the interface never records an answer the worker did not choose.
final class AnswerSafetyTests: XCTestCase {
    /// The starter fixture at the "What happened?" tick-all question (options: deceived, documents_taken, none).
    func atIndicators(_ w: Int = 80, _ h: Int = 24) -> UIState {
        var s = UIState(bundle: Fixture.bundle, width: w, height: h)
        s.press(.enter, .char("2"), .enter)
        s.type("29")
        s.press(.enter, .char("2"), .enter)
        s.type("2023-05-01")
        s.press(.enter)
        XCTAssertEqual(s.currentQuestion?.id, "indicators")
        return s
    }

    // MARK: 1. Enter with nothing ticked

    func testEnterWithNothingTickedAsksToTickOneAndRecordsNothing() {
        var s = atIndicators()
        s.press(.enter)
        XCTAssertNil(s.session?.answers["indicators"], "nothing was ticked, so nothing is recorded")
        XCTAssertEqual(s.currentQuestion?.id, "indicators")
        let text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("Tick at least one"), text)
    }

    func testEnterRecordsExactlyTheTickedOptionsNotTheHighlightedOne() {
        var s = atIndicators()
        s.press(.char("2"), .up, .enter)  // ticks "Documents taken", then moves the cursor up to "Deceived"
        XCTAssertEqual(s.session?.answers["indicators"], .value(.options(["documents_taken"])))
    }

    // MARK: 2. Exclusive options

    func testTickingAnExclusiveOptionClearsTheOthersAndTheOtherWayRound() {
        var s = UIState(bundle: Fixture.shipped, width: 100, height: 40)
        s.press(.enter)
        ShippedWalk.answer(&s, until: "indicators")
        let q = s.currentQuestion!
        let none = q.options.firstIndex { $0.id == "none_of_these" }! + 1
        XCTAssertTrue(q.options[none - 1].exclusive, "the shipped 'None of these' is marked exclusive")
        s.choose(1, 3, none)
        var text = Renderer.frame(s).text
        XCTAssertEqual(text.components(separatedBy: "[x]").count - 1, 1, text)
        XCTAssertTrue(text.contains("\(none). [x] None of these"), text)
        s.choose(1)
        text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("\(none). [ ] None of these"), text)
        XCTAssertTrue(text.contains("1. [x] "), text)
        s.press(.enter)
        XCTAssertEqual(s.session?.answers["indicators"], .value(.options([q.options[0].id])))
    }

    // MARK: 3. Keys while the window is too small

    func testOnlyResizeQuickExitAndQuitActWhileTheWindowIsTooSmall() {
        var s = UIState(bundle: Fixture.bundle, width: 80, height: 24)
        s.press(.enter)
        _ = s.handle(.resize(width: 40, height: 10))
        for key: Key in [.char("1"), .enter, .char("2"), .enter, .down, .char("r"), .char("s"), .escape, .left, .char("l")] {
            XCTAssertEqual(s.handle(.key(key)), [], "\(key) acts while the window is too small")
        }
        XCTAssertEqual(s.session?.answers, [:], "no answer was given unseen")
        XCTAssertEqual(s.locale, "en")
        _ = s.handle(.resize(width: 80, height: 24))
        XCTAssertEqual(s.currentQuestion?.id, "in_danger")
        XCTAssertTrue(Renderer.frame(s).text.contains("› 1. ( ) Yes"), "the cursor has not moved")
        _ = s.handle(.resize(width: 40, height: 10))
        XCTAssertEqual(s.handle(.key(.char("q"))), [.quit], "quit still works (no answers, nothing to lose)")
    }
}

/// Answers the shipped flow's questions with a plain choice (the second option, a number, a date or a few
/// words) until `id` is the current question.
enum ShippedWalk {
    static func answer(_ s: inout UIState, until id: String, choosing chosen: [String: String] = [:], limit: Int = 40) {
        for _ in 0..<limit {
            guard let q = s.currentQuestion, q.id != id else { return }
            step(&s, q, chosen[q.id])
        }
    }

    /// Answers every question until the results.
    static func finish(_ s: inout UIState, choosing chosen: [String: String] = [:], limit: Int = 40) {
        for _ in 0..<limit {
            guard let q = s.currentQuestion else { return }
            step(&s, q, chosen[q.id])
        }
    }

    static func step(_ s: inout UIState, _ q: Question, _ option: String?) {
        if q.kind.hasOptions {
            let n = option.flatMap { o in q.options.firstIndex { $0.id == o } }.map { $0 + 1 } ?? 2
            // Two digits for options past 9, then a pause so a single digit is taken too.
            for c in String(n) { s.press(.char(c)) }
            _ = s.handle(.pause)
            if q.kind == .multipleChoice && !s.hasTick { s.press(.char(" ")) }
            s.press(.enter)
        } else {
            s.type(q.kind == .number ? "30" : q.kind == .date ? "2024-01-01" : "a few words")
            s.press(.enter)
        }
    }
}

extension UIState {
    /// Types each number (two digits for 10 and up) with a pause after it, as a person choosing items would.
    mutating func choose(_ numbers: Int...) {
        for n in numbers {
            type(String(n))
            _ = handle(.pause)
        }
    }

    /// True when an option of the current tick-all question is ticked, as the screen shows it.
    var hasTick: Bool { Renderer.frame(self).text.contains("[x]") }
}
