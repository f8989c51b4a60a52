import Foundation
import XCTest

/// Issue 16 through the real binary: per-locale coverage in `check`, the person's language in line mode,
/// the handout from `assess` and `cases export`, and the translators' round trip for a new language.
final class LanguageCommandTests: XCTestCase {
    func testCheckReportsEachLanguagesCoverageAndReviewStatus() throws {
        let out = try BinaryRunner.run(["check"])
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        for l in ["es", "tl"] {
            let line = try XCTUnwrap(out.stdout.split(separator: "\n").first { $0.hasPrefix("\(l): ") }, out.stdout)
            XCTAssertTrue(line.contains(" strings (interface "), String(line))
            XCTAssertTrue(line.contains("unreviewed"), String(line))
        }
        XCTAssertTrue(out.stdout.contains("fr: 1"), out.stdout)
    }

    func testLineModeWithTheClientsLanguagePrintsEachPromptInBoth() throws {
        let out = try BinaryRunner.run(["--plain", "--no-store", "--lang", "en", "--client-lang", "es"], input: "1\nquit\nquit\n")
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        let i = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Is the person in danger right now") }, out.stdout)
        XCTAssertTrue(lines[i + 1].hasPrefix("¿Está usted en peligro ahora mismo"), out.stdout)
        XCTAssertTrue(out.stdout.contains("Esta traducción no ha sido revisada"), out.stdout)
        let tagalog = try BinaryRunner.run(["--plain", "--no-store", "--client-lang", "tl"], input: "quit\n")
        XCTAssertTrue(tagalog.stdout.contains("Nasa panganib ba kayo"), tagalog.stdout)
        let wrong = try BinaryRunner.run(["--plain", "--no-store", "--client-lang", "xx"])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.contains("--client-lang must be one of: en, fr, es, tl"), wrong.stderr)
    }

    func testAssessWritesTheHandoutInEachLanguage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("handout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let answers = dir.appendingPathComponent("answers.yaml")
        try """
            in_danger: no
            in_crisis: no
            under_18: no
            province: on
            status: out_of_status
            status_lost_on: 2025-01-10
            claim_history: none
            recruitment: [deceived_job]
            indicators: [confiscated_documents, recruitment_debt]

            """.write(to: answers, atomically: true, encoding: .utf8)
        for l in ["es", "tl", "en", "fr"] {
            let out = try BinaryRunner.run(["assess", "--answers", answers.path, "--handout", "--lang", l, "--worker-lang", l == "en" ? "fr" : "en",
                                            "--today", "2026-12-01"])
            XCTAssertEqual(out.status, 0, out.stderr)
            let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            XCTAssertLessThanOrEqual(lines.count, 60, out.stdout)
            XCTAssertFalse(lines.prefix(6).joined().lowercased().contains("traffick"), out.stdout)
            XCTAssertTrue(out.stdout.contains("1-833-900-1010"), out.stdout)
        }
        let md = try BinaryRunner.run(["assess", "--answers", answers.path, "--handout", "--lang", "es", "--format", "markdown"])
        XCTAssertTrue(md.stdout.hasPrefix("# Sus opciones y quién le puede ayudar"), md.stdout)
    }

    /// With case records: the line mode's `handout` writes the page beside the summaries, and `cases export
    /// CODE --handout` prints it; neither page holds the case's code.
    func testTheHandoutOfASavedCaseHasNoCaseCode() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("handout-case-\(UUID().uuidString)")
        let store = dir.appendingPathComponent("cases.sqlite").path
        let env = ["PATHWAYS_PASSPHRASE": "test passphrase"]
        let out = try BinaryRunner.run(["--plain", "--store", store, "--client-lang", "tl", "--today", "2026-12-01"], environment: env,
                                       input: "2\n2\n2\n9\n2\n1\n4\n1\n2\n2\nresults\nhandout\nquit\nquit\n")
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        let code = try XCTUnwrap(out.stdout.range(of: #"[A-Z0-9]{3}-[A-Z0-9]{3}"#, options: .regularExpression).map { String(out.stdout[$0]) }, out.stdout)
        XCTAssertTrue(out.stdout.contains("Handout for the person written: "), out.stdout)
        let exports = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("exports").path).sorted()
        XCTAssertEqual(exports.filter { $0.contains("-handout-tl") }.count, 2, "\(exports)")
        for name in exports where name.contains("-handout-") {
            let page = try String(contentsOfFile: dir.appendingPathComponent("exports/\(name)").path, encoding: .utf8)
            XCTAssertFalse(page.contains(code), page)
            XCTAssertTrue(page.contains("Ang inyong mga opsyon"), page)
        }
        let printed = try BinaryRunner.run(["cases", "export", code, "--handout", "--lang", "es", "--worker-lang", "en", "--format", "text",
                                            "--store", store, "--today", "2026-12-01"], environment: env)
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertFalse(printed.stdout.contains(code), printed.stdout)
        XCTAssertTrue(printed.stdout.hasPrefix("Sus opciones y quién le puede ayudar"), printed.stdout)
        XCTAssertTrue(printed.stdout.contains("The same, in English:"), printed.stdout)
        XCTAssertLessThanOrEqual(printed.stdout.split(separator: "\n", omittingEmptySubsequences: false).count - 1, 60)
    }

    /// How a shelter adds a language: declare it, export the CSV, translate, import, check.
    func testAShelterAddsALanguageThroughTheCSV() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("add-language-\(UUID().uuidString)")
        let content = dir.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BinaryRunner.starter, to: content)
        let bundleFile = content.appendingPathComponent("bundle.yaml")
        let yaml = try String(contentsOf: bundleFile, encoding: .utf8)
        try yaml.replacingOccurrences(of: "locales: [en, fr]", with: "locales: [en, fr, {id: pt, review: unreviewed, scope: client}]")
            .write(to: bundleFile, atomically: true, encoding: .utf8)
        let csvPath = dir.appendingPathComponent("pt.csv").path
        let exported = try BinaryRunner.run(["translations", "export", "--lang", "pt", "--output", csvPath, "Content"], in: dir)
        XCTAssertEqual(exported.status, 0, exported.stderr)
        var csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        XCTAssertTrue(csv.contains("\ninterface.keyQuickExit,"), "the interface's words are in the CSV")
        let line = try XCTUnwrap(csv.split(separator: "\n").first { $0.hasPrefix("interface.keyQuickExit,") })
        csv = csv.replacingOccurrences(of: line, with: line + "F12/Ctrl-X saída rápida")
        try csv.write(toFile: csvPath, atomically: true, encoding: .utf8)
        let imported = try BinaryRunner.run(["translations", "import", csvPath, "--lang", "pt", "Content"], in: dir)
        XCTAssertEqual(imported.status, 0, imported.stdout + imported.stderr)
        XCTAssertTrue(imported.stdout.contains("\nupdated 1,"), imported.stdout)
        let strings = try String(contentsOf: content.appendingPathComponent("strings/pt.yaml"), encoding: .utf8)
        XCTAssertTrue(strings.contains("keyQuickExit: {text: \"F12/Ctrl-X saída rápida\", source_hash: "), strings)
        let checked = try BinaryRunner.run(["check", "Content", "--today", "2026-11-23"], in: dir)
        XCTAssertEqual(checked.status, 0, checked.stdout)
        XCTAssertTrue(checked.stdout.contains("pt: "), checked.stdout)
        XCTAssertTrue(checked.stdout.contains("missing 'pt' text the person reads"), "what the person reads is still to translate")
    }
}
