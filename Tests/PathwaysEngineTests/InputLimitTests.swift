import XCTest
@testable import PathwaysEngine

/// Everything read from disk is bounded: file size, nesting depth, and how many problems are listed per file.
/// (Nesting and file size as content: DiagnosticCodeTests.testPW046…; the CSV: TranslationCSVTests.)
final class InputLimitTests: XCTestCase {
    /// A file with hundreds of mistakes lists the first 50 and says how many more there are.
    func testAFileListsItsFirstFiftyProblemsAndCountsTheRest() throws {
        var bundle = BaseBundle()
        let answers = (1...120).map { "  nope\($0): yes" }.joined(separator: "\n")
        bundle["scenarios/visitor.yaml"] = "id: visitor-at-work\ntitle: {en: A visitor, fr: Une visiteuse}\nanswers:\n\(answers)\nexpect:\n  recommended: [trp]\n"
        let result = bundle.check()
        let here = result.diagnostics.filter { $0.location.file == "Content/scenarios/visitor.yaml" }
        XCTAssertEqual(here.count, InputLimits.diagnosticsPerFile)
        XCTAssertEqual(here.first?.message, "unknown question 'nope1' (did you mean 'notes'?)")
        let more = try XCTUnwrap(result.withheld.first { $0.reason == .tooMany })
        XCTAssertEqual(more.diagnostics.count, 70)
        XCTAssertEqual(more.note, "and 70 more errors in Content/scenarios/visitor.yaml (the first 50 are shown)")
    }

    /// Errors are never hidden behind a file's warnings.
    func testErrorsComeBeforeWarningsWhenAFileHasTooMany() throws {
        var files: [String: [UInt8]] = [:]
        for (path, text) in BaseBundle.texts { files[path] = Array(text.utf8) }
        // 60 glossary terms without French (warnings), then one unknown key (an error) at the end.
        let terms = (1...60).map { "  - id: t\($0)\n    term: T\($0)\n    definition: D\($0)" }.joined(separator: "\n")
        files["glossary.yaml"] = Array("terms:\n  - id: trp\n    term: {en: TRP, fr: PST}\n    definition: {en: A permit., fr: Un permis.}\n\(terms)\n  - id: last\n    term: {en: L, fr: L}\n    definition: {en: L, fr: L}\n    colour: red\n".utf8)
        let checked = Checker.check(ContentFiles(files: files, displayRoot: "Content"), today: BaseBundle.today)
        let glossary = checked.diagnostics.filter { $0.location.file == "Content/glossary.yaml" }
        XCTAssertEqual(glossary.count, 50)
        XCTAssertTrue(glossary.contains { $0.code == .unknownKey }, "the error is among those shown")
        XCTAssertTrue(checked.hasErrors)
    }

    /// `pathways assess` on a file of thousands of unknown questions: 50 described, the rest counted.
    func testAnAnswersFileWithThousandsOfMistakesDescribesFifty() throws {
        let bundle = try StarterBundle.load()
        let text = (1...3000).map { "q\($0): yes" }.joined(separator: "\n") + "\n"
        let read = AnswersFile.read(Array(text.utf8), file: "answers.yaml", bundle: bundle)
        XCTAssertEqual(read.diagnostics.count, 50)
        XCTAssertEqual(read.more, 2950)
        XCTAssertEqual(read.diagnostics.first?.formatted, "answers.yaml:1:1: error: unknown question 'q1' [PW006]")
    }

    func testAnAnswersFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString).yaml")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(InputLimits.fileBytes + 1))
        try handle.close()
        guard case .failure(let failure) = FileBytes.read(file.path) else { return XCTFail("read a file over the limit") }
        XCTAssertEqual(failure, .tooLarge(path: file.path, bytes: InputLimits.fileBytes + 1, limit: InputLimits.fileBytes))
        XCTAssertEqual(failure.description, "'\(file.path)' is 16 MB; files of more than 16 MB are not read")
        // Exactly at the limit is fine.
        let handle2 = try FileHandle(forWritingTo: file)
        try handle2.truncate(atOffset: UInt64(InputLimits.fileBytes))
        try handle2.close()
        XCTAssertEqual((try? FileBytes.read(file.path).get())?.count, InputLimits.fileBytes)
    }

    func testAFIFOIsRefusedNotWaitedOn() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString)").path
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        defer { unlink(path) }
        guard case .failure(let failure) = FileBytes.read(path) else { return XCTFail("read a FIFO") }
        XCTAssertEqual(failure, .notRegularFile(path: path))
        // A stream asked for (`--answers /dev/stdin`) is read, up to the limit.
        XCTAssertEqual(try FileBytes.read("/dev/null", streams: true).get(), [])
        guard case .failure(.tooLarge) = FileBytes.read("/dev/zero", streams: true) else { return XCTFail("read /dev/zero without end") }
    }

    /// 30,000 '[' took libyaml seconds (quadratic) when read to the end; the reading now stops at level 65.
    func testThirtyThousandOpenBracketsStopAtTheDepthLimit() throws {
        let text = "a: " + String(repeating: "[", count: 30_000) + "\n"
        XCTAssertThrowsError(try YAMLComposer.compose(Array(text.utf8))) { error in
            guard case YAMLComposer.Failure.tooDeep(let at) = error else { return XCTFail("\(error)") }
            // The file's mapping is level 1, so the 64th '[' opens level 65.
            XCTAssertEqual(at, Node.Mark(line: 1, column: 4 + 63))
        }
        // And a deep mapping inside a list inside a mapping, in block style.
        let block = (0..<80).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }.joined(separator: "\n") + " x\n"
        XCTAssertThrowsError(try YAMLComposer.compose(Array(block.utf8)))
    }
}
