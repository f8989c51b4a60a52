import Foundation
import PathwaysEngine
import XCTest

/// `pathways train`: handouts on paper (point 8) and a group's results from files (point 7).
final class TrainCommandTests: XCTestCase {
    /// The start of every facilitator's note of the shipped cases (before and after the reveal), in English.
    func noteStarts() throws -> [String] {
        let checked = Checker.check(try ContentFiles.read(directory: BinaryRunner.packageRoot.appendingPathComponent("Content"), displayRoot: "Content"), today: nil)
        let steps = checked.bundle.scenarios.compactMap(\.training).flatMap { $0.steps + ($0.results.map { [$0] } ?? []) }
        return steps.flatMap { [$0.notes, $0.afterReveal].compactMap { $0?.texts["en"] } }
            .map { String($0.split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(40)) }
            .filter { !$0.contains("[[") }
    }

    func assertPaged(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let pages = text.components(separatedBy: "\u{0C}")
        XCTAssertEqual(pages.last, "", "\(what) ends with a form feed", file: file, line: line)
        for (i, page) in pages.dropLast().enumerated() {
            let lines = page.hasSuffix("\n") ? page.dropLast().components(separatedBy: "\n") : page.components(separatedBy: "\n")
            XCTAssertLessThanOrEqual(lines.count, 60, "\(what): page \(i + 1) has \(lines.count) lines", file: file, line: line)
            for l in lines { XCTAssertLessThanOrEqual(l.count, 80, "\(what): \(l)", file: file, line: line) }
            let foot = lines.suffix(2).joined(separator: " ")
            XCTAssertTrue(foot.contains("pathways-ca 1.0.0, "), "\(what): page \(i + 1) ends with the content version", file: file, line: line)
        }
    }

    func testTheWorksheetHasPromptsAndRoomToWriteButNoAnswersOrNotes() throws {
        for n in 1...7 {
            for locale in ["en", "fr"] {
                let r = try BinaryRunner.run(["train", "\(n)", "--worksheet", "--lang", locale])
                XCTAssertEqual(r.status, 0, r.stderr)
                assertPaged(r.stdout, "worksheet \(n) \(locale)")
                let footer = locale == "en" ? "pathways-ca 1.0.0, reviewed on 2026-11-20 · Information, not legal advice. · 1/"
                    : "pathways-ca 1.0.0, révisé le 2026-11-20 · De l’information, pas un avis juridique. · 1/"
                XCTAssertTrue(r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(footer), "\(n) \(locale)")
                XCTAssertTrue(r.stdout.contains(locale == "en" ? "Discuss: " : "À discuter : "))
                XCTAssertTrue(r.stdout.contains("____"), "room to write")
                for marker in ["◆", "✓", "The case's answer", "La réponse du cas", "(notes hidden", "Facilitator's note", "After the reveal", "Learning points"] {
                    XCTAssertFalse(r.stdout.contains(marker), "worksheet \(n) \(locale) shows \(marker)")
                }
            }
        }
        let oneLine = { (s: String) in s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let all = try (1...7).map { try BinaryRunner.run(["train", "\($0)"]).stdout }.joined(separator: "\n")
        for note in try noteStarts() {
            XCTAssertFalse(oneLine(all).contains(note), "a facilitator's note is in a worksheet: \(note)")
        }
    }

    func testTheGuideHasTheAnswerKeyNotesLearningPointsAndTimings() throws {
        let r = try BinaryRunner.run(["train", "fish-plant-worker", "--guide"])
        XCTAssertEqual(r.status, 0, r.stderr)
        assertPaged(r.stdout, "guide")
        for part in ["Plan about", "min)", "The case's answer: No valid status", "◆ key decision", "Facilitator's note:", "After the reveal:",
                     "Key decisions", "✓ right answer", "Learning points", "Recommended — do first:", "2026-12-30"] {
            XCTAssertTrue(r.stdout.contains(part), "the guide lacks \(part)")
        }
    }

    func testTheListFitsEightyColumns() throws {
        let r = try BinaryRunner.run(["train", "--plain"])
        XCTAssertEqual(r.status, 0)
        for line in r.stdout.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 80, String(line)) }
        XCTAssertTrue(r.stdout.contains("pathways train 1 --worksheet | --guide"))
        XCTAssertEqual(try BinaryRunner.run(["train", "99"]).status, 2)
    }

    // MARK: Point 7: a group's results, from files only

    func record(_ label: String, status: String, right: Bool) -> String {
        #"{"pathways_quiz_result":1,"bundle":"pathways-ca","version":"1.0.0","case":"fish-plant-worker","label":"\#(label)","key_decisions":[{"id":"status","right":\#(right),"answer":"\#(status)"},{"id":"owp-vulnerable-workers","right":\#(right),"answer":"\#(right ? "not_applicable" : "recommended")"}],"answers":[{"id":"status","right":\#(right),"answer":"\#(status)"}],"what_next":[{"id":"1","right":\#(right),"answer":"\#(right ? 2 : 1)"}],"pathways":[]}"#
    }

    func testResultsShowHowTheGroupAnsweredAndRefuseFilesThatAreNotResults() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pw-results-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try record("Table 1", status: "out_of_status", right: true).write(to: dir.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try record("Table 2", status: "maintained_status", right: false).write(to: dir.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        try record("Table 3", status: "maintained_status", right: false).write(to: dir.appendingPathComponent("c.json"), atomically: true, encoding: .utf8)
        var clean = try BinaryRunner.run(["train", "results", dir.path])
        XCTAssertEqual(clean.status, 0, clean.stderr)
        let out = clean.stdout
        XCTAssertTrue(out.contains("A fish-plant worker whose permit expired"), out)
        XCTAssertTrue(out.contains("3 trainees: Table 1, Table 2, Table 3"), out)
        XCTAssertTrue(out.contains("Key decisions"), out)
        XCTAssertTrue(out.contains("1 of 3 right"), out)
        XCTAssertTrue(out.contains("2 answered: Applied to renew their work permit before it expired"), out)
        XCTAssertTrue(out.contains("Open work permit for vulnerable workers (OWP-V): 1 of 3 right"), out)
        XCTAssertTrue(out.contains("2 answered: Recommended"), out)
        XCTAssertTrue(out.contains("2 chose: Send it today: the abuse fits"), out)
        XCTAssertTrue(out.contains("Most common mistakes"), out)
        for line in out.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 80, String(line)) }
        // Hostile files: too deep, not a result, a link, a case this content does not have.
        try String(repeating: "[", count: 10_000).write(to: dir.appendingPathComponent("deep.json"), atomically: true, encoding: .utf8)
        try "{\"hello\": 1}".write(to: dir.appendingPathComponent("other.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("link.json"), withDestinationURL: dir.appendingPathComponent("a.json"))
        try record("T4", status: "x", right: true).replacingOccurrences(of: "fish-plant-worker", with: "no-such-case")
            .write(to: dir.appendingPathComponent("unknown.json"), atomically: true, encoding: .utf8)
        clean = try BinaryRunner.run(["train", "results", dir.path])
        XCTAssertEqual(clean.status, 1, "some files were refused")
        XCTAssertTrue(clean.stdout.contains("3 trainees"), "the good files are still shown")
        XCTAssertTrue(clean.stderr.contains("deep.json: nested more than 8 deep: not a quiz result"), clean.stderr)
        XCTAssertTrue(clean.stderr.contains("other.json: not a quiz result written by Pathways"), clean.stderr)
        XCTAssertTrue(clean.stderr.contains("link.json: not a regular file (a link or a folder): not read"), clean.stderr)
        XCTAssertTrue(clean.stderr.contains("unknown.json: a result for the training case 'no-such-case', which this content does not have"), clean.stderr)
        XCTAssertEqual(try BinaryRunner.run(["train", "results", dir.appendingPathComponent("nope").path]).status, 2)
    }
}
