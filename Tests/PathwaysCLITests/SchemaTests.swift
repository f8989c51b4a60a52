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
