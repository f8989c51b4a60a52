import Foundation
import PathwaysEngine
import XCTest

/// `pathways --plain` driven by piped input, the way a script or a screen-reader user would use it.
final class PlainModeTests: XCTestCase {
    static let shipped: ContentBundle = {
        Checker.check(try! ContentFiles.read(directory: BinaryRunner.packageRoot.appendingPathComponent("Content"), displayRoot: "Content"),
                      today: nil).bundle
    }()

    /// The lines a person would type to give a scenario's answers, in the order the walk asks on `today`
    /// (an `ask_when` may read the day: pass the one the binary is run on).
    static func typedLines(for scenario: Scenario, in bundle: ContentBundle, today: Day? = nil) -> [String] {
        let answers = ScenarioRunner.answers(scenario.answers, in: bundle)
        let walk = FlowWalker(bundle: bundle, today: today).walk(answers: answers, continueWhenAnswered: true)
        return walk.stops.map { stop in
            switch stop {
            case .outcome: return "continue"
            case .question(let id):
                let q = bundle.question(id)!
                switch answers[id]! {
                case .declined: return "decline"
                case .value(.option(let o)): return String(q.options.firstIndex { $0.id == o }! + 1)
                case .value(.options(let os)): return os.map { o in String(q.options.firstIndex { $0.id == o }! + 1) }.joined(separator: " ")
                case .value(.number(let n)): return n.rounded() == n ? String(Int(n)) : String(n)
                case .value(.date(let d)): return d.description
                case .value(.text(let t)): return t
                }
            }
        }
    }

    func testEveryShippedScenarioPipedInGivesItsExpectedResults() throws {
        let bundle = Self.shipped
        for scenario in bundle.scenarios {
            let lines = Self.typedLines(for: scenario, in: bundle, today: scenario.today)
            // Scenarios with a day of their own are replayed on it, so their dates give the same results.
            let day = scenario.today.map { ["--today", $0.description] } ?? []
            let out = try BinaryRunner.run(["--plain"] + day, input: lines.joined(separator: "\n") + "\n")
            XCTAssertEqual(out.status, 0, scenario.id + out.stderr)
            let text = out.stdout
            let report = ReportText(bundle: bundle, locale: "en")
            let sections = ["Recommended — do first:", "Recommended — next:", "Recommended — also:", "Possible: needs more information:", "Not applicable:"]
            func section(_ heading: String) -> String {
                guard let start = text.range(of: "\n" + heading + "\n", options: .backwards) else { return "" }
                let rest = text[start.upperBound...]
                let end = sections.compactMap { rest.range(of: "\n" + $0 + "\n")?.lowerBound }.min() ?? rest.endIndex
                return String(rest[..<end])
            }
            for ref in scenario.expect.recommended {
                let title = report.title(ofPathway: ref.id)
                let inRecommended = ["Recommended — do first:", "Recommended — next:", "Recommended — also:"].contains { section($0).contains(title) }
                XCTAssertTrue(inRecommended, "\(scenario.id): '\(title)' should be recommended\n\(text.suffix(3000))")
            }
            for ref in scenario.expect.notApplicable {
                XCTAssertTrue(section("Not applicable:").contains(report.title(ofPathway: ref.id)), "\(scenario.id): \(ref.id) should be not applicable")
            }
            // The line mode lists the deadlines too, with their days.
            for d in scenario.expect.deadlines {
                XCTAssertTrue(text.contains("\nDates that matter:\n"), "\(scenario.id): no deadlines listed\n\(text.suffix(3000))")
                XCTAssertTrue(text.contains("  - \(d.date) — \(report.title(ofPathway: d.pathway.id)): "), "\(scenario.id): \(d.date) \(d.pathway.id)")
            }
            for ref in scenario.expect.notices {
                XCTAssertTrue(text.contains("\nKeep in mind:\n  - \(report.title(ofPathway: ref.id)) (not recommended): "), "\(scenario.id): notice of \(ref.id)")
            }
        }
    }

    func testInvalidInputIsAskedAgainWithWhatToType() throws {
        let out = try BinaryRunner.run(["--plain"], input: "7\nmaybe\n2\n")
        XCTAssertTrue(out.stdout.contains("Please type a number from 1 to 3."), out.stdout)
        XCTAssertTrue(out.stdout.contains("Step 2 of about"), out.stdout)
    }

    func testHelpBackReviewLanguageAndDetailAreTypedCommands() throws {
        let out = try BinaryRunner.run(["--plain"], input: "help\n2\n?\nback\nreview\nlang\n2\nresults\ndetail 1\nquit\n")
        let text = out.stdout
        XCTAssertEqual(out.status, 0)
        XCTAssertTrue(text.contains("Commands: a number or a value to answer"), text)
        XCTAssertTrue(text.contains("Why we ask:"), text)
        XCTAssertTrue(text.contains("Review answers:\n  1. "), text)
        XCTAssertTrue(text.contains("Étape 2 sur environ"), text)
        XCTAssertTrue(text.contains("Qui contacter:") || text.contains("Sources:"), text)
    }

    func testPlainModeIsChosenWhenOutputIsNotATerminal() throws {
        let out = try BinaryRunner.run([], input: "quit\n")
        XCTAssertEqual(out.status, 0)
        XCTAssertTrue(out.stdout.contains("Step 1 of about"), out.stdout)
    }
}

/// Notes and the referral summary from the line mode, with case records on.
final class PlainRecordsTests: XCTestCase {
    func testNotesAndExportAreSavedPrivatelyBesideTheStore() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plain-records-\(UUID().uuidString)")
        let store = dir.appendingPathComponent("cases.sqlite").path
        let out = try BinaryRunner.run(["--plain", "--store", store], environment: ["PATHWAYS_PASSPHRASE": "test passphrase"],
                                       input: "2\nnote call back Tuesday\nexport with answers\nquit\n")
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.contains("Notes saved."), out.stdout)
        XCTAssertTrue(out.stdout.contains("Summary written: "), out.stdout)
        let exports = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("exports").path).sorted()
        XCTAssertEqual(exports.count, 2)
        XCTAssertTrue(exports[0].hasSuffix(".md") && exports[1].hasSuffix(".txt"), "\(exports)")
        let md = try String(contentsOfFile: dir.appendingPathComponent("exports/\(exports[0])").path, encoding: .utf8)
        XCTAssertTrue(md.contains("## Answers"), md)
        XCTAssertTrue(md.contains("This is information, not legal advice."))
        let mode = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("exports/\(exports[0])").path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }
}
