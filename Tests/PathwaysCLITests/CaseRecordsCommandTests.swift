import Foundation
import PathwaysEngine
import PathwaysStore
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The case records through the real binary: store paths, retention, exports and their files, notes,
/// values changed outside Pathways, full disks.
final class CaseRecordsCommandTests: XCTestCase {
    static let passphrase = "records command test passphrase"
    var dir: URL!
    var store: String { dir.appendingPathComponent("cases.sqlite").path }
    var exports: URL { dir.appendingPathComponent("exports") }
    var env: [String: String] { ["PATHWAYS_PASSPHRASE": Self.passphrase] }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func run(_ args: [String], input: String? = nil, environment: [String: String]? = nil) throws -> BinaryRunner.Output {
        try BinaryRunner.run(args, in: dir, environment: environment ?? env, input: input)
    }

    /// A case walked in line mode (no, no, no: past the safety questions), with notes; returns its code.
    func plainCase(_ extra: String = "", notes: String? = "call back Tuesday") throws -> String {
        let out = try run(["--plain", "--store", store], input: "2\n2\n2\n" + (notes.map { "note \($0)\n" } ?? "") + extra + "quit\n")
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        let code = out.stdout.split(separator: "\n").lazy.compactMap { line -> String? in
            guard let r = line.range(of: "Case ") else { return nil }
            return CaseCode(String(line[r.upperBound...].prefix(7)))?.value
        }.first
        return try XCTUnwrap(code, out.stdout)
    }

    func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// A case opened in line mode and left before its first answer leaves nothing in the store (as in the
    /// full-screen interface); its first answer writes it and says its code; a note before any answer is kept.
    func testALineModeCaseLeftBeforeItsFirstAnswerIsNotWritten() throws {
        let left = try run(["--plain", "--store", store], input: "quit\n")
        XCTAssertEqual(left.status, 0, left.stdout + left.stderr)
        XCTAssertFalse(left.stdout.contains("Case "), left.stdout)
        XCTAssertEqual(try run(["cases", "list", "--store", store]).stdout, "no cases\n")
        let code = try plainCase(notes: nil)
        let noted = try run(["--plain", "--store", store], input: "note call back Tuesday\nquit\n")
        XCTAssertTrue(noted.stdout.contains("Case "), noted.stdout)
        let listed = try run(["cases", "list", "--store", store]).stdout
        XCTAssertEqual(listed.split(separator: "\n").count, 2, listed)
        XCTAssertTrue(listed.contains(code), listed)
    }

    // MARK: Retention (point 7)

    func testRetentionBelowOneDayIsAUsageErrorAndDeletesNothing() throws {
        let code = try plainCase()
        for days in ["0", "-5"] {
            let out = try run(["--plain", "--store", store, "--retention-days", days], input: "quit\n")
            XCTAssertEqual(out.status, 2, "--retention-days \(days): " + out.stdout + out.stderr)
            XCTAssertTrue(out.stderr.contains("--retention-days"), out.stderr)
            let purge = try run(["cases", "purge", "--older-than", days, "--store", store])
            XCTAssertEqual(purge.status, 2, "purge --older-than \(days): " + purge.stdout + purge.stderr)
        }
        XCTAssertTrue(try run(["cases", "list", "--store", store]).stdout.contains(code), "a case was deleted")
    }

    func testStartUpRetentionSaysHowManyCasesItRemoved() throws {
        do {
            let records = try CaseStore(path: store, passphrase: Self.passphrase)
            for age in [40.0, 50.0, 10.0] {
                _ = try CaseRecorder.start(in: records, for: Session(bundle: PlainModeTests.shipped, today: nil), locale: "en",
                                           clock: { Date().addingTimeInterval(-age * 86_400) })
            }
        }
        let out = try run(["--plain", "--store", store, "--retention-days", "30"], input: "quit\n")
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stderr.contains("2 cases not updated for 30 days were deleted"), out.stderr)
        // The 10-day-old case only: line mode left before its first answer writes no case.
        XCTAssertEqual(try run(["cases", "list", "--store", store]).stdout.split(separator: "\n").count, 1)
    }

    // MARK: Store paths (point 9)

    func testAStorePathThatIsNotARegularFileIsRefused() throws {
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.sqlite").path,
                                                   withDestinationPath: dir.appendingPathComponent("target.sqlite").path)
        for path in ["/dev/null", dir.path, dir.appendingPathComponent("link.sqlite").path] {
            let out = try run(["--plain", "--store", path], input: "quit\n")
            XCTAssertEqual(out.status, 2, "\(path): " + out.stdout + out.stderr)
            XCTAssertTrue(out.stderr.contains("is not a regular file") || out.stderr.contains("symbolic link"), out.stderr)
            XCTAssertEqual(try run(["cases", "list", "--store", path]).status, 2, path)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/dev/null-journal"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("target.sqlite").path))
    }

    // MARK: Exports (point 5)

    func testOutputRefusesSymlinksOtherFilesAndExistingFilesWithoutForce() throws {
        let code = try plainCase()
        let precious = dir.appendingPathComponent("precious.txt")
        try "precious".write(to: precious, atomically: true, encoding: .utf8)
        let link = dir.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: precious.path)
        let fifo = dir.appendingPathComponent("fifo")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)

        for target in [link.path, fifo.path, precious.path] {
            let out = try run(["cases", "export", code, "--store", store, "--output", target])
            XCTAssertEqual(out.status, 2, "\(target): " + out.stdout + out.stderr)
        }
        XCTAssertEqual(try String(contentsOf: precious, encoding: .utf8), "precious", "a file was written through")
        var info = stat()
        XCTAssertEqual(lstat(link.path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "the symlink was replaced")
        XCTAssertEqual(lstat(fifo.path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO was replaced")

        let forced = try run(["cases", "export", code, "--store", store, "--output", precious.path, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOf: precious, encoding: .utf8).contains("**Case \(code)**"))
        XCTAssertTrue(forced.stderr.contains("not encrypted"), forced.stderr)

        let fresh = dir.appendingPathComponent("fresh.md")
        let out = try run(["cases", "export", code, "--store", store, "--output", fresh.path])
        XCTAssertEqual(out.status, 0, out.stderr)
        let mode = try FileManager.default.attributesOfItem(atPath: fresh.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let again = try run(["cases", "export", code, "--store", store, "--output", fresh.path, "--force"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(files(in: dir).contains { $0.hasPrefix(".") }, "a temporary file was left: \(files(in: dir))")
    }

    func testInterfaceSummariesAreKeptApartSaidToBePlainAndDeletedWithTheirCase() throws {
        let out = try run(["--plain", "--store", store], input: "2\n2\n2\nexport\nexport with answers\nquit\n")
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.contains("not encrypted"), out.stdout)
        XCTAssertTrue(out.stdout.contains(exports.path), out.stdout)
        let written = files(in: exports)
        XCTAssertEqual(written.count, 4, "with and without answers are different files: \(written)")
        let code = String(try XCTUnwrap(written.first).prefix(7))
        let plainOne = try XCTUnwrap(written.first { $0.hasSuffix(".md") && !$0.contains("answers") })
        XCTAssertFalse(try String(contentsOf: exports.appendingPathComponent(plainOne), encoding: .utf8).contains("## Answers"))

        let kept = try plainCase("export\n")
        XCTAssertEqual(files(in: exports).count, 6)
        let deleted = try run(["cases", "delete", code, "--store", store])
        XCTAssertEqual(deleted.status, 0, deleted.stderr)
        XCTAssertEqual(files(in: exports).filter { $0.hasPrefix(code) }, [], "the deleted case's summaries are still on disk")
        XCTAssertEqual(files(in: exports).filter { $0.hasPrefix(kept) }.count, 2, "another case's summaries were deleted")
    }

    func testPurgeAndRetentionDeleteSummariesToo() throws {
        let code = try plainCase("export\n")
        XCTAssertEqual(files(in: exports).count, 2)
        // Ages the case by rewriting its clock: reopen in-process and save it as of 100 days ago.
        do {
            let records = try CaseStore(path: store, passphrase: Self.passphrase)
            try records.saveNotes("older", for: try XCTUnwrap(CaseCode(code)), now: Date().addingTimeInterval(-100 * 86_400))
        }
        let out = try run(["--plain", "--store", store], input: "quit\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stderr.contains("1 case not updated for 90 days was deleted"), out.stderr)
        XCTAssertEqual(files(in: exports), [], "a summary outlived its case's retention")
    }

    func testNothingIsWrittenThroughASymlinkedExportsFolder() throws {
        let elsewhere = dir.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: exports.path, withDestinationPath: elsewhere.path)
        let out = try run(["--plain", "--store", store], input: "2\nexport\nquit\n")
        XCTAssertTrue(out.stdout.contains("symbolic link"), out.stdout)
        XCTAssertEqual(files(in: elsewhere), [], "a summary was written through the exports symlink")
    }

    /// The Markdown summary read by a real CommonMark parser (Debian's python3-markdown-it): cautions, steps
    /// and contacts are lists of their own under a label, not nested in the bullet before them.
    func testTheMarkdownSummaryIsCommonMarkThatRendersAsIntended() throws {
        let python = "/usr/bin/python3"
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import markdown_it"]
        try probe.run(); probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            return XCTFail("Debian's python3-markdown-it is needed (Scripts/install-deps installs it)")
        }
        let code = try plainCase()
        let md = dir.appendingPathComponent("summary.md")
        let out = try run(["cases", "export", code, "--store", store, "--with-answers", "--with-notes", "--output", md.path])
        XCTAssertEqual(out.status, 0, out.stderr)
        let script = """
            import json, sys
            from markdown_it import MarkdownIt
            tokens = MarkdownIt("commonmark").parse(open(sys.argv[1], encoding="utf-8").read())
            out = []
            for t in tokens:
                if t.type in ("bullet_list_open", "heading_open", "paragraph_open"):
                    out.append({"type": t.type, "level": t.level, "tag": t.tag})
                elif t.type == "inline":
                    out.append({"type": "inline", "level": t.level, "text": t.content[:60]})
            print(json.dumps(out))
            """
        let parsed = Process()
        parsed.executableURL = URL(fileURLWithPath: python)
        parsed.arguments = ["-c", script, md.path]
        let pipe = Pipe()
        parsed.standardOutput = pipe
        try parsed.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        parsed.waitUntilExit()
        let tokens = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let nested = tokens.filter { $0["type"] as? String == "bullet_list_open" && ($0["level"] as? Int ?? 0) > 0 }
        XCTAssertEqual(nested.count, 0, "lists nested inside a previous bullet: \(nested.count)")
        let labels = tokens.enumerated().filter { ($0.element["text"] as? String)?.hasPrefix("**") == true }
        XCTAssertFalse(labels.isEmpty, "no **label** paragraphs found")
        for (i, label) in labels {
            XCTAssertEqual(label["level"] as? Int, 1, "a label is not a paragraph of its own: \(label)")
            XCTAssertEqual(tokens[i - 1]["type"] as? String, "paragraph_open", "\(label)")
        }
        let headings = tokens.filter { $0["type"] as? String == "heading_open" }.compactMap { $0["tag"] as? String }
        XCTAssertTrue(headings.contains("h2") && headings.contains("h3"), "\(headings)")
        let texts = tokens.compactMap { $0["text"] as? String }
        XCTAssertTrue(texts.contains { $0.contains("call back Tuesday") }, "the notes are missing")
    }

    // MARK: Notes (issue 14, point 15: the store side)

    func testNotesAreShownByCasesShowAndInASummaryOnlyWhenAskedFor() throws {
        let code = try plainCase(notes: "bring the interpreter")
        let show = try run(["cases", "show", code, "--store", store])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("bring the interpreter"), show.stdout)
        let without = try run(["cases", "export", code, "--store", store])
        XCTAssertFalse(without.stdout.contains("bring the interpreter"), "notes went into a summary nobody asked them for")
        let with = try run(["cases", "export", code, "--store", store, "--with-notes"])
        XCTAssertEqual(with.status, 0, with.stderr)
        XCTAssertTrue(with.stdout.contains("## Notes") && with.stdout.contains("bring the interpreter"), with.stdout)
    }

    // MARK: Values changed outside Pathways (point 6)

    /// Every column of every table set to text, NULL and a stray byte in turn: `cases list`, `show` and
    /// `--resume` say the records were changed (exit 2) or carry on (exit 0), and never die of a signal.
    func testValuesChangedOutsidePathwaysGiveAClearErrorNeverATrap() throws {
        let code = try plainCase()
        let base = dir.appendingPathComponent("base.sqlite")
        try FileManager.default.copyItem(atPath: store, toPath: base.path)
        let schema = try sqlite(base.path, "SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'")
        let columns = schema.split(separator: "\n").map(String.init)
        XCTAssertFalse(columns.isEmpty)
        var tried = 0
        for column in columns {
            let parts = column.split(separator: ".")
            for value in ["'abc'", "NULL", "X'00'"] {
                let copy = dir.appendingPathComponent("t\(tried).sqlite")
                try? FileManager.default.removeItem(at: copy)
                try FileManager.default.copyItem(at: base, to: copy)
                _ = try? sqlite(copy.path, "UPDATE \(parts[0]) SET \(parts[1]) = \(value)")
                tried += 1
                // Each run derives the key (about a second in a debug build), so --resume, which reads like show, runs once a column.
                let commands = [["cases", "list"], ["cases", "show", code]] + (value == "'abc'" ? [["--plain", "--resume", code]] : [])
                for args in commands {
                    let out = try run(args + ["--store", copy.path], input: "quit\n")
                    let what = "\(parts[0]).\(parts[1]) = \(value), \(args.joined(separator: " "))"
                    XCTAssertTrue([0, 2].contains(out.status), "\(what): status \(out.status)\n\(out.stderr.prefix(600))")
                    if out.status == 2 {
                        XCTAssertTrue(out.stderr.contains("changed outside Pathways") || out.stderr.contains("does not open these case records")
                                      || out.stderr.contains("no case"),
                                      "\(what): \(out.stderr.prefix(400))")
                    }
                    XCTAssertFalse(out.stderr.contains("Fatal error"), "\(what): \(out.stderr.prefix(400))")
                }
            }
        }
        print("CaseRecordsCommandTests: \(tried) changes to \(columns.count) columns tried")
    }

    func sqlite(_ path: String, _ sql: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nfor r in c.execute(sys.argv[2]): print(*r)\nc.commit()",
                       path, sql]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw POSIXError(.EIO) }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: Full disks (point 9)

    func testOutputToAFullDiskIsAnErrorNotACrash() throws {
        for args in [["check"], ["schema", "bundle"], ["--plain", "--no-store"]] {
            let p = Process()
            p.executableURL = BinaryRunner.binary
            p.arguments = args
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_BACKTRACE"] = "enable=no"
            p.environment = environment
            p.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
            let err = Pipe()
            p.standardError = err
            let input = Pipe()
            p.standardInput = input
            try p.run()
            try input.fileHandleForWriting.write(contentsOf: Data("1\nquit\n".utf8))
            try input.fileHandleForWriting.close()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationReason, .exit, "\(args): died of signal \(p.terminationStatus)\n\(message.prefix(300))")
            XCTAssertEqual(p.terminationStatus, 1, "\(args)\n\(message.prefix(300))")
            XCTAssertTrue(message.contains("could not write the output") && message.contains("No space left on device"),
                          "\(args): \(message.prefix(300))")
        }
    }

    /// The store's file may not grow (RLIMIT_FSIZE, as on a full disk): the worker is told each answer was not
    /// saved, and the program ends with a non-zero status and a last word on what was lost.
    func testAnswersThatCannotBeSavedAreSaidAndTheProgramExitsNonZero() throws {
        _ = try CaseStore(path: store, passphrase: Self.passphrase)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: store)[.size] as? Int)
        let script = "trap '' XFSZ; ulimit -f \(max(1, size / 1024)); exec \"$0\" \"$@\""
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script, BinaryRunner.binary.path, "--plain", "--store", store]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["PATHWAYS_PASSPHRASE"] = Self.passphrase
        p.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        p.currentDirectoryURL = dir
        try p.run()
        try input.fileHandleForWriting.write(contentsOf: Data("2\n2\nquit\n".utf8))
        try input.fileHandleForWriting.close()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .exit, "died of a signal\n\(stderr)")
        XCTAssertEqual(p.terminationStatus, 1, stdout + stderr)
        XCTAssertTrue(stdout.contains("NOT SAVED"), stdout)
        XCTAssertTrue(stderr.contains("could not be saved"), stderr)
    }
}
