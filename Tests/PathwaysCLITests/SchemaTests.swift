import Foundation
import XCTest

/// The JSON Schemas in Content/schema: printed by `pathways schema`, and every shipped file valid against
/// the schema its modeline names, as a YAML editor would check it.
final class SchemaTests: XCTestCase {
    func python() throws -> String {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3", "python3"] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [candidate, "-c", "import jsonschema, yaml"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            if p.terminationStatus == 0 { return candidate }
        }
        throw XCTSkip("no python3 with jsonschema and PyYAML (Scripts/install-deps installs them)")
    }

    func checkSchemas(_ folder: URL) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [try python(), BinaryRunner.packageRoot.appendingPathComponent("Scripts/check-schemas").path, folder.path]
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("schemas-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        let handle = try FileHandle(forWritingTo: out)
        p.standardOutput = handle
        try p.run()
        p.waitUntilExit()
        try handle.close()
        return (p.terminationStatus, try String(contentsOf: out, encoding: .utf8))
    }

    func testEveryShippedFileNamesItsSchemaAndIsValid() throws {
        let (status, output) = try checkSchemas(BinaryRunner.packageRoot.appendingPathComponent("Content"))
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.hasSuffix(" passed, 0 failed\n"), output)
    }

    func testTheSchemaCatchesWhatAnEditorWouldGetWrong() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Content"), to: dir)
        let file = dir.appendingPathComponent("questions/safety.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "    prompt:", with: "    promt:").write(to: file, atomically: true, encoding: .utf8)
        let (status, output) = try checkSchemas(dir)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(output.contains("questions/safety.yaml: questions/0: Additional properties are not allowed ('promt' was unexpected)"), output)
    }

    /// The schemas require what `pathways check` requires: for each mistake check rejects, an editor with
    /// the YAML extension is warned too.
    func testTheSchemasRequireWhatCheckRequires() throws {
        // The pathway's own sources line, read from the file, so a source added later does not break the test.
        let legalAid = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Content/pathways/legal-aid.yaml"), encoding: .utf8)
        let sourcesLine = try XCTUnwrap(legalAid.range(of: "\nsources: \\[[^\\]\n]*\\]", options: .regularExpression).map { String(legalAid[$0]) })
        let mistakes: [(file: String, old: String, new: String, schema: String)] = [
            ("pathways/legal-aid.yaml", sourcesLine, "",
             "pathways/legal-aid.yaml: (top): 'sources' is a required property"),
            ("pathways/legal-aid.yaml", sourcesLine, "\nsources: []",
             "pathways/legal-aid.yaml: sources: [] is too short"),
            ("referrals.yaml", "    phone: \"911\"\n    sources: [S2]\n", "    phone: \"911\"\n",
             "referrals.yaml: referrals/0: 'sources' is a required property"),
            ("referrals.yaml", "    phone: \"911\"\n", "    phone: \"91-1\"\n",
             "referrals.yaml: referrals/0/phone: '91-1' does not match"),
            ("questions/status.yaml", "  - id: province\n    kind: single_choice\n", "  - id: province\n    kind: text\n",
             "questions/status.yaml: questions/0: {'id': 'province', 'kind': 'text'"),
            ("questions/family.yaml", "    kind: yes_no_unsure\n    sensitive: true\n", "    kind: yes_no_unsure\n    min: 1\n    sensitive: true\n",
             "questions/family.yaml: questions/1: {'id': 'partner_harms', 'kind': 'yes_no_unsure', 'min': 1"),
        ]
        for m in mistakes {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Content"), to: dir)
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appendingPathComponent(m.file)
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertTrue(text.contains(m.old), "\(m.file) no longer holds \(m.old.debugDescription)")
            try text.replacingOccurrences(of: m.old, with: m.new).write(to: file, atomically: true, encoding: .utf8)
            let check = try BinaryRunner.run(["check", dir.path])
            XCTAssertEqual(check.status, 1, "check accepts it: \(m.new)")
            let (status, output) = try checkSchemas(dir)
            XCTAssertEqual(status, 1, "the schema accepts what check refuses: \(m.file) \(m.new.debugDescription)\n\(check.stdout)")
            XCTAssertTrue(output.contains(m.schema), output)
        }
    }

    /// A source needs a date, and a citation or an address.
    func testTheSourceSchemaRequiresADateAndACitationOrAddress() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("schema"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Content/schema/sources.schema.json"),
                                         to: dir.appendingPathComponent("schema/sources.schema.json"))
        try "# yaml-language-server: $schema=schema/sources.schema.json\nsources:\n  - id: S1\n    title: A page\n    date: 2026-01-01\n"
            .write(to: dir.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        let (status, output) = try checkSchemas(dir)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(output.contains("sources.yaml: sources/0: {'id': 'S1', 'title': 'A page', 'date': '2026-01-01'} is not valid under any of the given schemas"), output)
    }

    func testPathwaysSchemaListsAndPrintsTheSchemas() throws {
        let list = try BinaryRunner.run(["schema"])
        XCTAssertEqual(list.stdout.split(separator: "\n").map(String.init),
                       ["bundle", "flow", "glossary", "locale-texts", "outcomes", "pathway", "questions", "referrals", "scenario", "sources", "strings", "training"])
        let pathway = try BinaryRunner.run(["schema", "pathway"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(pathway.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(try BinaryRunner.run(["schema", "nope"]).status, 2)
    }
}
