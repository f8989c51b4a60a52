import PathwaysEngine
import PathwaysTestSupport
import XCTest
@testable import PathwaysUI

/// Issue 13, point 4, in the interface: the caseworker's results grouped by priority (first, next, also),
/// then possible and not applicable; the dates that matter and the cautions shown although their pathway
/// does not apply, on the results and in a pathway's detail; and the same grouping in the line mode.
final class ResultsByPriorityTests: XCTestCase {
    /// The results of a shipped scenario, as a caseworker sees them at the end of its walk.
    func results(_ id: String, height: Int = 120) throws -> UIState {
        let bundle = Fixture.shipped
        let s = try XCTUnwrap(bundle.scenarios.first { $0.id == id })
        let (walk, _) = ScenarioRunner(bundle: bundle, today: nil).assess(s)
        var state = UIState(bundle: bundle, width: 100, height: height)
        state.mode = .caseWork(CaseMode(session: Session(bundle: bundle, answers: walk.effective, today: s.today), purpose: .record))
        return state
    }

    func lines(_ s: UIState) -> [String] { Tmux.lines(Renderer.frame(s).text) }

    func testTheGroupsComeInPriorityOrderWithTheDatesAndTheNoticesInTheirGroup() throws {
        let s = try results("refused-claim-removal-order")
        let text = lines(s)
        func row(_ heading: String) -> Int? { text.firstIndex { $0.contains("■ " + heading) } }
        let dates = try XCTUnwrap(row("Dates that matter"), text.joined(separator: "\n"))
        let first = try XCTUnwrap(row("Recommended — do first"))
        let possible = row("Possible: needs more information") ?? Int.max
        let notApplicable = try XCTUnwrap(row("Not applicable"))
        XCTAssertLessThan(dates, first, "the dates that matter come first")
        if let next = row("Recommended — next") { XCTAssertLessThan(first, next) }
        if let also = row("Recommended — also") { XCTAssertLessThan(first, also) }
        XCTAssertLessThan(first, notApplicable)
        XCTAssertLessThan(min(possible, notApplicable), Int.max)
        // Its deadline has its date; the H&C caution shows in the first group although H&C does not apply.
        XCTAssertTrue(text[dates + 1].contains("◷ 20"), text[dates + 1])
        let notice = try XCTUnwrap(text.firstIndex { $0.contains("⚠ ") && $0.contains("(not recommended)") }, text.joined(separator: "\n"))
        XCTAssertGreaterThan(notice, first)
        XCTAssertLessThan(notice, row("Recommended — next") ?? notApplicable)
        XCTAssertTrue(text[notice].contains("Humanitarian and compassionate application (H&C) (not recommended)"), text[notice])
    }

    func testAWorkerNeverSeesHAndCAboveThePermitThatFits() throws {
        var checked = 0
        for scenario in Fixture.shipped.scenarios {
            let s = try results(scenario.id)
            let a = try XCTUnwrap(s.session).assess()
            guard a.pathway("h-and-c")?.status == .recommended else { continue }
            let permits = ["owp-vulnerable-workers", "vtip-trp", "family-violence-trp", "restoration"].filter { a.pathway($0)?.status == .recommended }
            let order = s.items
            guard let hc = order.firstIndex(of: .pathway("h-and-c")) else { continue }
            for p in permits {
                let at = try XCTUnwrap(order.firstIndex(of: .pathway(p)))
                XCTAssertLessThan(at, hc, "\(scenario.id): \(p) is listed below H&C")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 5, "scenarios with H&C and a permit that fits were found")
    }

    func testAPathwaysDetailShowsItsGroupItsDatesAndWhatToKeepInMind() throws {
        var s = try results("refused-claim-removal-order")
        s.cursor = try XCTUnwrap(s.items.firstIndex(of: .pathway("h-and-c")))
        s.press(.enter)
        XCTAssertEqual(s.screen, .pathway("h-and-c"))
        let text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("■ Not applicable"), text)
        XCTAssertTrue(text.contains("Keep in mind"), text)
        XCTAssertTrue(text.contains("⚠ "), text)
        s.press(.escape)
        let deadline = try XCTUnwrap(Fixture.shipped.scenarios.first { $0.id == "refused-claim-removal-order" }?.expect.deadlines.first)
        s.cursor = try XCTUnwrap(s.items.firstIndex(of: .pathway(deadline.pathway.id)))
        s.press(.enter)
        let detail = Renderer.frame(s).text
        XCTAssertTrue(detail.contains("Dates that matter"), detail)
        XCTAssertTrue(detail.contains(deadline.date.description), detail)
    }

    func testTheLineModeNamesTheSameGroups() throws {
        let s = try XCTUnwrap(Fixture.shipped.scenarios.first { $0.id == "refused-claim-removal-order" })
        let (walk, _) = ScenarioRunner(bundle: Fixture.shipped, today: nil).assess(s)
        var out: [String] = []
        var input: ArraySlice<String> = ["results", "quit", "quit"][...]
        var driver = PlainDriver(bundle: Fixture.shipped, today: s.today, readLine: { input.popFirst() }, write: { out.append($0) })
        driver.session = Session(bundle: Fixture.shipped, answers: walk.effective, today: s.today)
        driver.prompt = {}
        _ = driver.run()
        XCTAssertTrue(out.contains("Recommended — do first:"), out.joined(separator: "\n"))
        XCTAssertFalse(out.contains("URGENT:"))
    }
}
