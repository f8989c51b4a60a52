import Foundation
import XCTest

/// `pathways check`, `test` and `assess`, run as the real binary.
final class CommandTests: XCTestCase {
    func testCheckOnTheShippedBundleExitsZeroFromAnyFolder() throws {
        let out = try BinaryRunner.run(["check"], in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.lastLine.hasPrefix("Checked the built-in bundle pathways-ca "), out.lastLine)
        XCTAssertTrue(out.lastLine.contains(": 0 errors"), out.lastLine)
    }

    func testTestOnTheShippedBundlePassesEveryScenario() throws {
        let out = try BinaryRunner.run(["test"])
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.lastLine.hasSuffix(" passed, 0 failed"), out.lastLine)
        XCTAssertFalse(out.lastLine.hasPrefix("0 passed"), "the shipped bundle has scenarios")
    }

    func testCheckReportsErrorsInTheCompilerStyleAndExitsOne() throws {
        let dir = try BinaryRunner.starterCopy(replacing: ["pathways/owp.yaml": """
            id: owp
            title: {en: Open work permit, fr: Permis de travail ouvert}
            eligibility:
              - when: "statsu = work_permit"
            sources: [S2]
            """])
        let out = try BinaryRunner.run(["check", dir.path])
        XCTAssertEqual(out.status, 1)
        XCTAssertTrue(out.stdout.contains("\(dir.path)/pathways/owp.yaml:4:12: error: unknown question 'statsu' (did you mean 'status'?) [PW006]"), out.stdout)
    }

    func testCheckJSONListsDiagnosticsWithCodesAndPlaces() throws {
        let dir = try BinaryRunner.starterCopy(replacing: ["glossary.yaml": "terms:\n  - id: trp\n    term: TRP\n    definition: {en: A permit., fr: Un permis.}\n"])
        let out = try BinaryRunner.run(["check", "--format", "json", dir.path])
        XCTAssertEqual(out.status, 0, "a missing translation is a warning")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let items = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items.first?["code"] as? String, "PW014")
        XCTAssertEqual(items.first?["severity"] as? String, "warning")
        XCTAssertEqual(items.first?["line"] as? Int, 3)
        XCTAssertEqual(items.first?["column"] as? Int, 11)
        XCTAssertEqual(json["errors"] as? Int, 0)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try BinaryRunner.run(["check", "--no-such-flag"]).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["check", "/no/such/folder"]).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["assess"]).status, 2, "--answers is required")
        XCTAssertEqual(try BinaryRunner.run(["check", "--help"]).status, 0)
    }

    func testContentCanComeFromTheEnvironment() throws {
        let out = try BinaryRunner.run(["test"], environment: ["PATHWAYS_CONTENT": BinaryRunner.starter.path])
        XCTAssertEqual(out.lastLine, "4 passed, 0 failed")
    }

    func testAFailingScenarioShowsExpectedAndActualAndExitsOne() throws {
        let dir = try BinaryRunner.starterCopy(replacing: ["scenarios/citizen.yaml": """
            id: citizen
            title: {en: A citizen, fr: Une citoyenne}
            answers:
              in_danger: no
              age: 40
              status: citizen
              note: none
            expect:
              recommended: [trp]
            """])
        let out = try BinaryRunner.run(["test", "--content", dir.path])
        XCTAssertEqual(out.status, 1)
        XCTAssertTrue(out.stdout.contains("FAIL citizen"), out.stdout)
        XCTAssertTrue(out.stdout.contains("expected 'trp' to be recommended, but it is not applicable"), out.stdout)
        XCTAssertTrue(out.stdout.contains("Citizens do not need this permit. (answered: Citizen)"), out.stdout)
        XCTAssertEqual(out.lastLine, "3 passed, 1 failed")
    }

    func testAssessJSONHasTheDocumentedShape() throws {
        let answers = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString).yaml")
        try "in_danger: no\nage: 29\nstatus: work_permit\narrived_on: 2023-05-01\nindicators: declined\n".write(to: answers, atomically: true, encoding: .utf8)
        let out = try BinaryRunner.run(["assess", "--answers", answers.path, "--format", "json", "--content", BinaryRunner.starter.path])
        XCTAssertEqual(out.status, 0, out.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let bundle = try XCTUnwrap(json["bundle"] as? [String: Any])
        XCTAssertEqual(bundle["id"] as? String, "starter")
        XCTAssertEqual(bundle["version"] as? String, "0.1.0")
        XCTAssertEqual((bundle["hash"] as? String)?.count, 64)
        let recommended = try XCTUnwrap(json["recommended"] as? [[String: Any]])
        XCTAssertEqual(recommended.map { $0["id"] as? String }, ["adult-services", "legal-help"], "content order: one pathway per file, by file name")
        XCTAssertNotNil(recommended.first?["title"] as? String)
        XCTAssertNotNil(recommended.first?["reasons"] as? [String])
        let possible = try XCTUnwrap(json["possible"] as? [[String: Any]])
        let trp = try XCTUnwrap(possible.first { $0["id"] as? String == "trp" })
        XCTAssertEqual(trp["missing"] as? [String], ["indicators"])
        let notApplicable = try XCTUnwrap(json["not_applicable"] as? [[String: Any]])
        XCTAssertEqual(notApplicable.map { $0["id"] as? String }, ["emergency"])
        XCTAssertEqual(json["unanswered"] as? [String], ["abuse_at_work"])
    }

    func testAssessRejectsAnswersToUnknownQuestionsWithAPlace() throws {
        let answers = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString).yaml")
        try "in_danger: no\nstatsu: citizen\n".write(to: answers, atomically: true, encoding: .utf8)
        let out = try BinaryRunner.run(["assess", "--answers", answers.path, "--content", BinaryRunner.starter.path])
        XCTAssertEqual(out.status, 1)
        XCTAssertTrue(out.stderr.contains("\(answers.path):2:1: error: unknown question 'statsu' (did you mean 'status'?) [PW006]"), out.stderr)
    }

    func testAssessInFrenchAndMarkdown() throws {
        let answers = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString).yaml")
        try "in_danger: yes\n".write(to: answers, atomically: true, encoding: .utf8)
        let out = try BinaryRunner.run(["assess", "--answers", answers.path, "--format", "markdown", "--lang", "fr",
                                        "--content", BinaryRunner.starter.path])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.hasPrefix("# Ensemble de départ\n"), out.stdout)
        XCTAssertTrue(out.stdout.contains("## URGENT: Appelez le 911 maintenant"), out.stdout)
        XCTAssertTrue(out.stdout.contains("### URGENT — Aide d'urgence"), out.stdout)
        XCTAssertTrue(out.stdout.contains("Ceci est de l’information, pas un avis juridique."), out.stdout)
    }

    func testAssessAsOfADayGivesTheDayDeadlinesAndPrioritiesInJSON() throws {
        let scenario = BinaryRunner.packageRoot.appendingPathComponent("Content/scenarios/worker-permit-ends-soon.yaml").path
        let out = try BinaryRunner.run(["assess", "--answers", scenario, "--format", "json", "--today", "2026-12-01"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(doc["as_of"] as? String, "2026-12-01")
        let deadlines = try XCTUnwrap(doc["deadlines"] as? [[String: String]])
        XCTAssertEqual(deadlines.map { $0["date"] }, ["2026-12-20"])
        XCTAssertEqual(deadlines.first?["pathway"], "owp-vulnerable-workers")
        let recommended = try XCTUnwrap(doc["recommended"] as? [[String: Any]])
        let priorities = Dictionary(uniqueKeysWithValues: recommended.map { ($0["id"] as! String, $0["priority"] as? String) })
        XCTAssertEqual(priorities["owp-vulnerable-workers"], "first")
        XCTAssertEqual(priorities["trafficking-hotline"], "also")
        // The same answers a month later: the permit has ended, and the result says so.
        let later = try BinaryRunner.run(["assess", "--answers", scenario, "--format", "json", "--today", "2027-01-05"])
        let laterDoc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((laterDoc["deadlines"] as? [Any])?.count, 0)
        let na = (laterDoc["not_applicable"] as? [[String: Any]])?.map { $0["id"] as? String }
        XCTAssertTrue(na?.contains("owp-vulnerable-workers") == true, later.stdout)
    }

    func testTodayMustBeADay() throws {
        let out = try BinaryRunner.run(["test", "--today", "tomorrow"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("--today must be a date as YYYY-MM-DD"), out.stderr)
    }
}
