import Foundation
import GRDB
import PathwaysEngine
import XCTest
@testable import PathwaysStore

/// The file changed by someone without the passphrase: rows removed, put back from an older copy, added;
/// the verifier or index deleted; values that open but are not ones Pathways writes; an older format.
final class StoreIntegrityTests: XCTestCase {
    var dir: URL!
    var path: String { dir.appendingPathComponent("cases.sqlite").path }
    static let passphrase = "integrity test passphrase"
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    var bundle: ContentBundle { CaseStoreTests.bundle }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("integrity-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func store() throws -> CaseStore { try CaseStore(path: path, passphrase: Self.passphrase) }

    func tamper(_ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    func sealed(_ code: CaseCode) throws -> Data {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try XCTUnwrap(queue.read { try Data.fetchOne($0, sql: "SELECT sealed FROM cases WHERE code = ?", arguments: [code.value]) })
    }

    func oneAnswerCase(_ s: CaseStore) throws -> CaseRecorder {
        var session = Session(bundle: bundle, today: nil)
        try session.answer(.value(.option("no")))
        return try CaseRecorder.start(in: s, for: session, locale: "en", clock: { self.now })
    }

    // MARK: Point 4: removed and replayed values

    func testAnOlderCopyOfACasePutBackIsDetected() throws {
        let s = try store()
        let recorder = try oneAnswerCase(s)
        let older = try sealed(recorder.code)
        try s.saveAnswer(.value(.number(29)), to: "age", in: recorder.code, now: now)
        XCTAssertEqual(try s.load(recorder.code).answers.count, 2)
        try tamper("UPDATE cases SET sealed = ? WHERE code = ?", [older, recorder.code.value])
        XCTAssertThrowsError(try s.load(recorder.code)) { XCTAssertEqual($0 as? StoreError, .changedOutside(recorder.code.value)) }
        XCTAssertThrowsError(try s.saveNotes("x", for: recorder.code, now: now), "a save on top of a replayed case")
        XCTAssertEqual(try s.listing().changed, [recorder.code.value])
        XCTAssertEqual("\(StoreError.changedOutside(recorder.code.value))".contains("changed outside Pathways"), true)
    }

    func testARemovedCaseIsDetectedAndCanStillBeDeleted() throws {
        let s = try store()
        let gone = try oneAnswerCase(s), kept = try oneAnswerCase(s)
        try tamper("DELETE FROM cases WHERE code = ?", [gone.code.value])
        XCTAssertThrowsError(try s.load(gone.code)) { XCTAssertEqual($0 as? StoreError, .changedOutside(gone.code.value)) }
        let listing = try s.listing()
        XCTAssertEqual(listing.changed, [gone.code.value])
        XCTAssertEqual(listing.cases.map(\.code), [kept.code])
        XCTAssertThrowsError(try s.list())
        try s.delete(gone.code)
        XCTAssertEqual(try s.list().map(\.code), [kept.code])
    }

    func testACaseRowAddedOutsidePathwaysIsNotRead() throws {
        let s = try store()
        let recorder = try oneAnswerCase(s)
        try tamper("INSERT INTO cases (code, day, sealed) SELECT 'AAA-AAA', day, sealed FROM cases WHERE code = ?", [recorder.code.value])
        XCTAssertEqual(try s.listing().changed, ["AAA-AAA"])
        XCTAssertThrowsError(try s.load(CaseCode("AAA-AAA")!))
    }

    func testTheWholeIndexPutBackFromAnOlderCopyIsDetected() throws {
        let s = try store()
        let recorder = try oneAnswerCase(s)
        let queue = try DatabaseQueue(path: path)
        let olderIndex = try XCTUnwrap(queue.read { try Data.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'index'") })
        try queue.close()
        try s.saveNotes("later", for: recorder.code, now: now)
        try tamper("UPDATE meta SET value = ? WHERE key = 'index'", [olderIndex])
        XCTAssertThrowsError(try s.load(recorder.code)) { XCTAssertEqual($0 as? StoreError, .changedOutside(recorder.code.value)) }
    }

    // MARK: Point 4: the verifier

    func testAStoreWithCasesButNoVerifierIsRefusedWhateverPassphraseIsTyped() throws {
        _ = try oneAnswerCase(try store())
        try tamper("DELETE FROM meta WHERE key = 'verifier'")
        for p in [Self.passphrase, "a passphrase of the attacker"] {
            XCTAssertThrowsError(try CaseStore(path: path, passphrase: p)) { XCTAssertEqual($0 as? StoreError, .storeChanged, p) }
        }
        XCTAssertTrue("\(StoreError.storeChanged)".contains("changed outside Pathways"))
    }

    func testAStoreWithoutItsIndexOrSaltIsRefused() throws {
        _ = try oneAnswerCase(try store())
        let copy = dir.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try tamper("DELETE FROM meta WHERE key = 'index'")
        XCTAssertThrowsError(try store()) { XCTAssertEqual($0 as? StoreError, .storeChanged) }
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: copy, toPath: path)
        try tamper("DELETE FROM meta WHERE key = 'verifier'; DELETE FROM meta WHERE key = 'index'")
        XCTAssertThrowsError(try store()) { XCTAssertEqual($0 as? StoreError, .storeChanged) }
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: copy, toPath: path)
        try tamper("DELETE FROM meta WHERE key = 'salt'")
        XCTAssertThrowsError(try store()) { XCTAssertEqual($0 as? StoreError, .storeChanged) }
    }

    // MARK: Point 6: values that open but are not ones Pathways writes

    func testValuesInsideTheEncryptionAreValidatedToo() throws {
        let s = try store()
        let recorder = try oneAnswerCase(s)
        let key = try XCTUnwrap(s.open().1)
        let plain = try XCTUnwrap(SizeClass.unpad(try XCTUnwrap(key.open(try sealed(recorder.code), for: CaseDocument.place(recorder.code.value)))))
        let json = String(decoding: plain, as: UTF8.self)
        let breakages: [(String, String)] = [
            ("\"step\":", "\"step\":-7,\"x\":"), ("\"locale\":\"en\"", "\"locale\":\"\""),
            ("\"option\":\"no\"", "\"option\":\"no\",\"number\":1"), ("\"option\":\"no\"", "\"date\":\"2023-02-31\""),
            ("\"format\":2", "\"format\":3"), ("\"createdAt\":", "\"createdAt\":1e300,\"y\":"),
        ]
        for (from, to) in breakages {
            XCTAssertTrue(json.contains(from), "\(from) not in \(json.prefix(300))")
            let changed = json.replacingOccurrences(of: from, with: to)
            let resealed = try key.seal(try SizeClass.pad(Data(changed.utf8)), for: CaseDocument.place(recorder.code.value))
            try tamper("UPDATE cases SET sealed = ? WHERE code = ?", [resealed, recorder.code.value])
            XCTAssertThrowsError(try s.load(recorder.code), to) { XCTAssertEqual($0 as? StoreError, .changedOutside(recorder.code.value)) }
        }
    }

    func testPlainColumnsOfTheWrongTypeAreRefusedNotTrapped() throws {
        let s = try store()
        let recorder = try oneAnswerCase(s)
        for sql in ["UPDATE cases SET day = 'abc'", "UPDATE cases SET day = day + 3", "UPDATE cases SET sealed = 0",
                    "UPDATE cases SET sealed = X'00'", "UPDATE cases SET code = 'abc'"] {
            let copy = try Data(contentsOf: URL(fileURLWithPath: path))
            try tamper(sql)
            XCTAssertThrowsError(try s.load(recorder.code), sql)
            XCTAssertNoThrow(try s.listing(), sql)
            XCTAssertFalse(try s.listing().changed.isEmpty, sql)
            try copy.write(to: URL(fileURLWithPath: path))
        }
    }

    func testAStoreOfTheEarlierFormatIsRefusedWithAClearMessage() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
                CREATE TABLE cases (code TEXT PRIMARY KEY, created_at REAL NOT NULL, updated_at REAL NOT NULL, locale TEXT NOT NULL,
                    bundle_id TEXT NOT NULL, bundle_version TEXT NOT NULL, bundle_hash TEXT NOT NULL,
                    step INTEGER NOT NULL, total INTEGER NOT NULL, state BLOB NOT NULL);
                CREATE TABLE answers (case_code TEXT NOT NULL, name TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (case_code, name));
                """)
        }
        try queue.close()
        XCTAssertThrowsError(try store()) { error in
            XCTAssertEqual(error as? StoreError, .oldFormat(path))
            XCTAssertTrue("\(error)".contains("earlier version of Pathways"), "\(error)")
        }
    }

    func testAFileThatIsNotCaseRecordsIsRefused() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("not a database at all, just text".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try store()) { XCTAssertEqual($0 as? StoreError, .notCaseRecords(path)) }
    }

    // MARK: Point 10: the passphrase of a new store

    func testANewStoreNeedsAPassphraseOfAtLeastEightCharacters() throws {
        for weak in ["a", " ", "seven77", "        ", "aaaaaaaaaa"] {
            XCTAssertThrowsError(try CaseStore(path: path, passphrase: weak), "'\(weak)'") { error in
                guard case .weakPassphrase? = error as? StoreError else { return XCTFail("\(error)") }
            }
        }
        XCTAssertNoThrow(try CaseStore(path: path, passphrase: "eight ch"))
        XCTAssertEqual(try Passphrase("héhé-ôô").characterCount, 7, "characters, not bytes")
    }

    // MARK: Sizes

    func testSealedValuesFillTheirSizeClassExactly() throws {
        XCTAssertEqual(SizeClass.sealedSize(forPlaintext: 0), 8192)
        XCTAssertEqual(SizeClass.sealedSize(forPlaintext: 8192 - 32), 8192)
        XCTAssertEqual(SizeClass.sealedSize(forPlaintext: 8192 - 31), 16384)
        XCTAssertNil(SizeClass.sealedSize(forPlaintext: 1 << 20))
        let s = try store()
        let recorder = try oneAnswerCase(s)
        XCTAssertEqual(try sealed(recorder.code).count, 8192)
        try s.saveNotes(String(repeating: "n", count: 9000), for: recorder.code, now: now)
        XCTAssertEqual(try sealed(recorder.code).count, 16384)
        XCTAssertThrowsError(try s.saveNotes(String(repeating: "n", count: CaseLimits.notesBytes + 1), for: recorder.code, now: now)) {
            XCTAssertEqual($0 as? StoreError, .notesTooLong)
        }
        XCTAssertEqual(SizeClass.unpad(try SizeClass.pad(Data("abc".utf8))), Data("abc".utf8))
        var bad = try SizeClass.pad(Data("abc".utf8))
        bad[bad.count - 1] = 1
        XCTAssertNil(SizeClass.unpad(bad), "padding must be zeros")
    }

    func testOnlyTheCodeAndTheDayArePlainInTheFile() throws {
        let s = try store()
        let recorder = try oneAnswerCase(s)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let columns = try queue.read { try Row.fetchAll($0, sql: "PRAGMA table_info(cases)").map { $0["name"] as String } }
        XCTAssertEqual(columns, ["code", "day", "sealed"])
        let row = try XCTUnwrap(queue.read { try Row.fetchOne($0, sql: "SELECT code, day FROM cases") })
        XCTAssertEqual(row["code"] as String, recorder.code.value)
        XCTAssertEqual(row["day"] as Int64, Int64(now.timeIntervalSince1970) / 86_400)
        let keys = try queue.read { try String.fetchAll($0, sql: "SELECT key FROM meta ORDER BY key") }
        XCTAssertEqual(keys, ["format", "index", "salt", "verifier"])
        let journal = try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(journal, "delete", "no write-ahead log keeping a history of saves")
    }
}
