import Foundation
import XCTest
@testable import PathwaysEngine

/// The CSV reader against Python's `csv` module on the same files (the csv-spectrum cases written out by
/// hand, and files as spreadsheets save them), and against what spreadsheets do to a translations CSV.
final class TranslationCSVTests: XCTestCase {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/csv")
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// Python's reading of a file: strict mode, the file's own separator and encoding.
    func python(_ file: URL, separator: Unicode.Scalar, encoding: String) throws -> [[String]]? {
        let script = """
            import csv, json, sys
            try:
                with open(sys.argv[1], newline='', encoding=sys.argv[3]) as f:
                    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2], strict=True))))
            except csv.Error:
                print('null')
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, file.path, String(separator), encoding]
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("py-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        p.standardOutput = handle
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw XCTSkip("python3 is not installed (Scripts/install-deps installs it)") }
        p.waitUntilExit()
        try handle.close()
        guard p.terminationStatus == 0 else { throw XCTSkip("python3 could not run the csv reader") }
        return try JSONDecoder().decode([[String]]?.self, from: Data(contentsOf: out))
    }

    static let separators: [String: Unicode.Scalar] = ["excel_bom_semicolon.csv": ";", "tabs.csv": "\t", "utf16le_excel.csv": "\t"]
    static let encodings: [String: String] = ["excel_bom_semicolon.csv": "utf-8-sig", "utf16le_excel.csv": "utf-16"]

    /// Every fixture reads as Python reads it, with the separator the file uses found on its own.
    func testEveryFixtureReadsAsPythonReadsIt() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 22)
        for name in names {
            let separator = Self.separators[name] ?? ","
            let expected = try python(Self.fixtures.appendingPathComponent(name), separator: separator, encoding: Self.encodings[name] ?? "utf-8")
            switch CSV.read(try Self.fixture(name)) {
            case .success(let read):
                XCTAssertEqual(read.rows.map(\.fields), expected, name)
                XCTAssertEqual(read.dialect.separator, separator, name)
            case .failure(let problem):
                XCTFail("\(name): \(problem)")
            }
        }
    }

    /// What is written reads back the same, and Python reads it the same: both dialects.
    func testWrittenFilesReadBackAndPythonAgrees() throws {
        let records = [["id", "source_hash", "source", "translation"],
                       ["a", "1", "Hello, \"you\"", "Bonjour;\tvous"],
                       ["b", "2", "two\nlines", "deux\r\nlignes"],
                       ["c", "3", "", "ʤ é ’ « »"]]
        for dialect in [CSV.Dialect(), CSV.Dialect.excel] {
            let bytes = CSV.file(records, dialect: dialect)
            let read = try CSV.read(bytes).get()
            XCTAssertEqual(read.rows.map(\.fields), records)
            XCTAssertEqual(read.dialect, dialect)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("written-\(UUID().uuidString).csv")
            try Data(bytes).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            XCTAssertEqual(try python(file, separator: dialect.separator, encoding: dialect == .excel ? "utf-16" : "utf-8"), records)
        }
        XCTAssertEqual(Array(CSV.file([["a"]], dialect: .excel).prefix(2)), [0xFF, 0xFE], "UTF-16 with its byte-order mark")
    }

    /// Python (strict) and this reader refuse the same broken files; this one says on which line.
    func testBrokenFilesAreRefusedWithTheirLine() throws {
        let cases: [(String, CSV.Problem)] = [
            ("a,b\n1,\"open\n2,3\n", CSV.Problem(line: 2, message: "the quoted field that starts here is never closed (a '\"' is missing)")),
            ("a,b\n1,2\n\"x\"y,3\n", CSV.Problem(line: 3, message: "text after the closing quote of a field; a quote inside a quoted field is written twice (\"\")")),
            ("a,b\n1,2\n3,caf\u{E9}\n", CSV.Problem(line: 3, message: CSV.notUTF8)),
        ]
        for (text, problem) in cases {
            var bytes = Array(text.utf8)
            if text.hasSuffix("caf\u{E9}\n") { bytes = Array("a,b\n1,2\n3,caf".utf8) + [0xE9] + [0x0A] }
            XCTAssertEqual(CSV.read(bytes).failure, problem, text)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).csv")
            try Data(bytes).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            if !text.contains("caf") { XCTAssertNil(try python(file, separator: ",", encoding: "utf-8"), "Python refuses it too") }
        }
    }
}

extension Result {
    var failure: Failure? { if case .failure(let f) = self { return f } else { return nil } }
}
