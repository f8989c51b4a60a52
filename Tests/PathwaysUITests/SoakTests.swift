import PathwaysEngine
import PathwaysTestSupport
import XCTest
@testable import PathwaysUI

/// Thousands of random key events, resizes and quick exits into the interface's state machine: no crash,
/// and the state is consistent after every event.
final class SoakTests: XCTestCase {
    static let keys: [Key] = [.up, .down, .left, .right, .enter, .backspace, .escape, .tab, .pageUp, .pageDown, .home, .end,
                              .delete, .function(1), .function(2), .function(3), .function(4), .function(5), .function(6),
                              .function(7), .function(8), .function(12), .control("x"), .control("c"), .control("a")]
        + "0123456789 jkqrslbgnzeEdw:?hapx-é人".map { Key.char($0) }

    func soak(_ make: () -> UIState, events: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var s = make()
        for i in 0..<events {
            let roll = Int.random(in: 0..<100, using: &rng)
            let event: Event
            if roll < 3 {
                event = .resize(width: Int.random(in: 20...160, using: &rng), height: Int.random(in: 5...60, using: &rng))
            } else if roll == 3 {
                event = .key(.function(12))
            } else {
                event = .key(Self.keys.randomElement(using: &rng)!)
            }
            // While the window is too small only quit and quick exit act: nothing else may change the case.
            let before = s.isTooSmall ? (s.session?.answers, s.locale, s.mode.kind) : nil
            let effects = s.handle(event)
            if effects.contains(.quit) { s = make(); continue }
            if let before, case .key = event, s.isTooSmall {
                XCTAssertEqual(effects, [], "seed \(seed), event \(i): \(event) acted while too small")
                XCTAssertEqual(s.session?.answers, before.0, "seed \(seed), event \(i)")
                XCTAssertEqual(s.locale, before.1, "seed \(seed), event \(i)")
                XCTAssertEqual(s.mode.kind, before.2, "seed \(seed), event \(i)")
            }
            check(s, "seed \(seed), event \(i): \(event)")
            if i % 7 == 0 {
                let frame = Renderer.frame(s)
                XCTAssertEqual(frame.rows.count, s.height, "seed \(seed), event \(i)")
                XCTAssertTrue(frame.rows.allSatisfy { $0.count == s.width }, "seed \(seed), event \(i)")
            }
        }
    }

    /// What must hold after every event.
    func check(_ s: UIState, _ context: String) {
        XCTAssertGreaterThanOrEqual(s.cursor, 0, context)
        let items = s.items
        if !items.isEmpty { XCTAssertLessThan(s.cursor, max(1, items.count), context) }
        XCTAssertGreaterThanOrEqual(s.scroll, 0, context)
        if let session = s.session {
            XCTAssertLessThanOrEqual(session.index, session.walk.stops.count, context)
            for (id, answer) in session.walk.effective {
                XCTAssertEqual(session.answers[id], answer, context)
            }
        }
        if s.screen == .closed { XCTAssertNil(s.session, context) }
        if s.isTooSmall { XCTAssertEqual(s.screen, .tooSmall, context) }
        if s.screen == .question { XCTAssertNotNil(s.currentQuestion, context) }
        XCTAssertTrue(s.bundle.info.locales.contains(s.locale), context)
    }

    func testRandomKeysIntoTheCaseworkerInterface() {
        for seed: UInt64 in [1, 2, 3] {
            soak({ var s = UIState(bundle: Fixture.shipped, width: 80, height: 24); s.recordsAvailable = true; return s }, events: 1500, seed: seed)
        }
    }

    func testRandomKeysIntoTrainingAndPreview() {
        soak({ UIState.training(bundle: Fixture.shipped) }, events: 1500, seed: 11)
        soak({ UIState.preview(bundle: Fixture.bundle, diagnostics: [], excerpts: [:]) }, events: 1500, seed: 12)
    }
}

extension Mode {
    /// The name of the mode, for comparing states in tests.
    var kind: String {
        switch self {
        case .start: return "start"
        case .caseWork: return "case"
        case .training: return "training"
        case .preview: return "preview"
        case .locked(let l): return "locked(" + l.suspended.kind + ")"
        case .tooSmall(let t): return "tooSmall(" + t.suspended.kind + ")"
        case .closed: return "closed"
        }
    }
}
