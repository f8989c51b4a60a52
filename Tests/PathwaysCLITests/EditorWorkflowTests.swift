import Foundation
import PathwaysEngine
import XCTest

/// A content editor's day through the real binary: every command reads ./Content when there is one and
/// says what it read; one mistake gives one error; translations come back from spreadsheets as they are.
final class EditorWorkflowTests: XCTestCase {
    /// A fresh folder holding `Content/`, a copy of the starter bundle with some files replaced.
    func workspace(replacing files: [String: String] = [:]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pathways-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BinaryRunner.starter, to: dir.appendingPathComponent("Content"))
        for (path, text) in files {
            try text.write(to: dir.appendingPathComponent("Content").appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return dir
    }

    static let brokenFlow = ["flow.yaml": "start: in_danger\nnodes:\n  in_danger:\n\tnext: age\n"]

    /// With no folder named, every command reads ./Content, not the built-in bundle, and names it.
    func testEveryCommandReadsDotContentAndSaysSo() throws {
        let dir = try workspace(replacing: Self.brokenFlow)
        let check = try BinaryRunner.run(["check"], in: dir)
        XCTAssertEqual(check.status, 1, check.stdout)
        XCTAssertTrue(check.lastLine.hasPrefix("Checked Content/ — 17 files (starter 0.1.0): 1 error"), check.lastLine)
        let test = try BinaryRunner.run(["test"], in: dir)
        XCTAssertEqual(test.status, 1)
        XCTAssertEqual(test.stdout.split(separator: "\n").first.map(String.init), "Testing Content/ — 17 files (starter 0.1.0)")
        XCTAssertTrue(test.stdout.contains("Content/flow.yaml:4:1: error: a tab character — use spaces to indent [PW001]"), test.stdout)
        let coverage = try BinaryRunner.run(["coverage"], in: dir)
        XCTAssertTrue(coverage.stdout.hasPrefix("Coverage of Content/ — 17 files (starter 0.1.0)\n"), coverage.stdout)
        let graph = try BinaryRunner.run(["graph"], in: dir)
        XCTAssertTrue(graph.stdout.hasPrefix("// the flow of Content/ — 17 files (starter 0.1.0)\n"), graph.stdout)
        let preview = try BinaryRunner.run(["preview"], in: dir)
        XCTAssertTrue(preview.stdout.contains("Content/flow.yaml:4:1: error: a tab character"), preview.stdout + preview.stderr)
        let export = try BinaryRunner.run(["translations", "export", "--lang", "fr"], in: dir)
        XCTAssertTrue(export.stderr.contains("exported 418 texts of Content/ — 17 files (starter 0.1.0)"), export.stderr)
        XCTAssertEqual(try BinaryRunner.run(["assess", "--answers", "/dev/null"], in: dir).status, 2, "a broken ./Content is not silently replaced")
    }

    /// Without ./Content, the built-in bundle, said as such.
    func testWithoutDotContentTheBuiltInBundleIsNamed() throws {
        let check = try BinaryRunner.run(["check"])
        XCTAssertTrue(check.lastLine.hasPrefix("Checked the built-in bundle pathways-ca 1.0.0: 0 errors"), check.lastLine)
        let test = try BinaryRunner.run(["test"])
        XCTAssertTrue(test.stdout.hasPrefix("Testing the built-in bundle pathways-ca 1.0.0\n"), test.stdout)
        // A folder named Content with no content files in it (someone's documents) is not taken for a bundle.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pathways-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try "notes".write(to: dir.appendingPathComponent("Content/notes.txt"), atomically: true, encoding: .utf8)
        XCTAssertTrue(try BinaryRunner.run(["check"], in: dir).lastLine.hasPrefix("Checked the built-in bundle"))
    }

    /// One tab: the syntax error first, one note for all that follows from it, and a summary that says so.
    func testOneTabGivesOneErrorAndANote() throws {
        let dir = try workspace(replacing: ["questions/safety.yaml": try String(contentsOf: BinaryRunner.starter.appendingPathComponent("questions/safety.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "\n    kind: number", with: "\n\tkind: number")])
        let out = try BinaryRunner.run(["check"], in: dir)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        guard lines.count == 4 else { return XCTFail("expected the error, its hint, a note and the summary:\n" + out.stdout) }
        XCTAssertTrue(lines[0].hasPrefix("Content/questions/safety.yaml:"), lines[0])
        XCTAssertTrue(lines[0].hasSuffix(": error: a tab character — use spaces to indent [PW001]"), lines[0])
        XCTAssertEqual(lines[1], "    hint: YAML files are indented with spaces only; set your editor to insert spaces for the Tab key")
        XCTAssertTrue(lines[2].hasPrefix("note: "), lines[2])
        XCTAssertTrue(lines[2].hasSuffix(" may follow from Content/questions/safety.yaml, which could not be read; fix it first"), lines[2])
        XCTAssertTrue(lines[3].contains(": 1 error, 0 warnings; "), lines[3])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try BinaryRunner.run(["check", "--format", "json"], in: dir).stdout.utf8)) as? [String: Any])
        XCTAssertEqual((json["diagnostics"] as? [Any])?.count, 1)
        XCTAssertEqual(((json["withheld"] as? [[String: Any]])?.first?["reason"]) as? String, "may-follow-from-unreadable-file")
        XCTAssertEqual(json["source"] as? String, "Content")
    }

    /// The translation files as Excel and French-locale spreadsheets save them.
    func testTranslationsComeBackFromSpreadsheets() throws {
        let dir = try workspace()
        let excel = dir.appendingPathComponent("fr-excel.csv")
        let export = try BinaryRunner.run(["translations", "export", "--lang", "fr", "--excel", "--output", excel.path], in: dir)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(export.stdout, "Exported 420 texts of Content/ — 17 files (starter 0.1.0) to \(excel.path) (for Excel: UTF-16 with tabs)\n")
        let bytes = Array(try Data(contentsOf: excel))
        XCTAssertEqual(Array(bytes.prefix(2)), [0xFF, 0xFE])
        // Excel's "CSV UTF-8" in French settings: a byte-order mark, semicolons, CRLF.
        let hash = TranslatableStrings.hash("How old is the person?")
        let semicolons = dir.appendingPathComponent("fr-semicolons.csv")
        try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array("id;source_hash;source;translation\r\nquestion.age.prompt;\(hash);How old is the person?;Quel âge a-t-elle?\r\n".utf8)).write(to: semicolons)
        let imported = try BinaryRunner.run(["translations", "import", semicolons.path, "--lang", "fr"], in: dir)
        XCTAssertEqual(imported.status, 0, imported.stdout + imported.stderr)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("Content/questions/safety.yaml"), encoding: .utf8).contains("fr: Quel âge a-t-elle?}"))
        // The UTF-16 file itself, imported as it was exported: nothing to change.
        let again = try BinaryRunner.run(["translations", "import", excel.path, "--lang", "fr"], in: dir)
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
    }

    /// Windows-1252: refused with the line, every file left as it was, exit 1.
    func testAWindows1252CSVChangesNothing() throws {
        let dir = try workspace()
        let before = try ContentFiles.read(directory: dir.appendingPathComponent("Content")).hash
        let csv = dir.appendingPathComponent("fr-1252.csv")
        let hash = TranslatableStrings.hash("How old is the person?")
        try Data(Array("id,source_hash,source,translation\r\nquestion.age.prompt,\(hash),How old is the person?,Quel ".utf8) + [0xE2] + Array("ge?\r\n".utf8)).write(to: csv)
        let out = try BinaryRunner.run(["translations", "import", csv.path, "--lang", "fr"], in: dir)
        XCTAssertEqual(out.status, 1)
        XCTAssertTrue(out.stderr.contains("pathways: nothing was imported and no file was changed:\n  \(csv.path): line 2: this line is not UTF-8 text"), out.stderr)
        XCTAssertEqual(try ContentFiles.read(directory: dir.appendingPathComponent("Content")).hash, before)
    }

    /// A header alone: nothing to import, nothing written, the bundle still checks clean.
    func testAHeaderOnlyCSVLeavesTheBundleWorking() throws {
        let dir = try workspace()
        let csv = dir.appendingPathComponent("empty.csv")
        try "id,source_hash,source,translation\n".write(to: csv, atomically: true, encoding: .utf8)
        let out = try BinaryRunner.run(["translations", "import", csv.path, "--lang", "fr"], in: dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.hasSuffix("nothing to import: the CSV has no rows after its header; no file was changed\n"), out.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("Content/translations.yaml").path))
        XCTAssertEqual(try BinaryRunner.run(["check"], in: dir).status, 0)
    }

    /// The CSV and answers files are bounded before they are read.
    func testOversizedCSVAndAnswersFilesAreRefused() throws {
        let dir = try workspace()
        let big = dir.appendingPathComponent("big.csv")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 17 << 20)
        try handle.close()
        let csv = try BinaryRunner.run(["translations", "import", big.path, "--lang", "fr"], in: dir)
        XCTAssertEqual(csv.status, 2)
        XCTAssertTrue(csv.stderr.contains("the CSV: '\(big.path)' is 17 MB; files of more than 16 MB are not read"), csv.stderr)
        let answers = try BinaryRunner.run(["assess", "--answers", big.path], in: dir)
        XCTAssertEqual(answers.status, 2)
        XCTAssertTrue(answers.stderr.contains("the answers file: '\(big.path)' is 17 MB; files of more than 16 MB are not read"), answers.stderr)
    }
}
