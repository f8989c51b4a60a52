import Foundation
import GRDB
import PathwaysEngine
import XCTest
@testable import PathwaysStore

/// The encrypted case store: round trips, passphrases, tampering, retention, privacy of the file.
final class CaseStoreTests: XCTestCase {
    var dir: URL!
    var path: String { dir.appendingPathComponent("cases.sqlite").path }
    static let bundle: ContentBundle = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        // The program's words (Content/strings) beneath the fixture, as `pathways` puts them under any folder.
        let words = StringCatalog.read(from: try! ContentFiles.read(directory: root.deletingLastPathComponent().appendingPathComponent("Content")))
        return Checker.check(try! ContentFiles.read(directory: root.appendingPathComponent("PathwaysEngineTests/Fixtures/starter"),
                                                    displayRoot: "starter"), today: nil).bundle.withStrings(under: words)
    }()
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let passphrase = "correct horse battery"
    static let other = "a different passphrase"

    func newStore() throws -> CaseStore { try CaseStore(path: path, passphrase: Self.passphrase) }

    /// Raw SQL on the file, as someone with a copy of it and no passphrase would run it.
    func tamper(_ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func walkedSession() throws -> Session {
        var s = Session(bundle: Self.bundle, today: nil)
        for a: AnswerValue in [.option("no"), .number(29), .option("work_permit"), .date(Day("2023-05-01")!),
                               .options(["documents_taken"])] {
            try s.answer(.value(a))
        }
        try s.answer(.declined)
        return s
    }

    func testSaveAndResumeRoundTrip() throws {
        let store = try newStore()
        let session = try walkedSession()
        let recorder = try CaseRecorder.start(in: store, for: session, locale: "fr", clock: { self.now })
        try store.saveNotes("call back Tuesday", for: recorder.code, now: now)

        let reopened = try newStore()
        let record = try reopened.load(recorder.code)
        XCTAssertEqual(record.answers, session.answers)
        XCTAssertEqual(record.notes, "call back Tuesday")
        XCTAssertEqual(record.summary.locale, "fr")
        XCTAssertEqual(record.summary.bundle, Self.bundle.stamp)
        XCTAssertEqual(record.lastAssessment["owp"], .possible)
        let resumed = record.session(in: Self.bundle, today: nil)
        XCTAssertEqual(resumed.currentNode, session.currentNode, "reopening lands where the worker left off")
        XCTAssertEqual(try reopened.list().map(\.code), [recorder.code])
        XCTAssertEqual(try reopened.list().first?.step, session.progress.step)
    }

    func testAnEarlierPositionIsRestored() throws {
        let store = try newStore()
        var session = try walkedSession()
        let recorder = try CaseRecorder.start(in: store, for: session, locale: "en")
        session.goTo(question: "age")
        try recorder.sync(session, locale: "en")
        XCTAssertEqual(try store.load(recorder.code).session(in: Self.bundle, today: nil).currentNode, "age")
    }

    func testAWrongPassphraseGivesAClearErrorAndNoData() throws {
        let store = try newStore()
        _ = try CaseRecorder.start(in: store, for: try walkedSession(), locale: "en")
        XCTAssertThrowsError(try CaseStore(path: path, passphrase: Self.other)) { error in
            XCTAssertEqual(error as? StoreError, .wrongPassphrase)
            XCTAssertEqual("\(error)", "That passphrase does not open these case records.")
        }
    }

    func testAModifiedCiphertextIsRefusedNotMisread() throws {
        let store = try newStore()
        let recorder = try CaseRecorder.start(in: store, for: try walkedSession(), locale: "en")
        try tamper("UPDATE cases SET sealed = substr(sealed, 1, 20) || X'00' || substr(sealed, 22)")
        XCTAssertThrowsError(try store.load(recorder.code)) { XCTAssertEqual($0 as? StoreError, .changedOutside(recorder.code.value)) }
    }

    func testACiphertextMovedToAnotherCaseIsRefused() throws {
        let store = try newStore()
        let a = try CaseRecorder.start(in: store, for: try walkedSession(), locale: "en")
        let b = try CaseRecorder.start(in: store, for: Session(bundle: Self.bundle, today: nil), locale: "en")
        try tamper("UPDATE cases SET sealed = (SELECT sealed FROM cases WHERE code = ?) WHERE code = ?", [a.code.value, b.code.value])
        XCTAssertThrowsError(try store.load(b.code)) { XCTAssertEqual($0 as? StoreError, .changedOutside(b.code.value)) }
        XCTAssertEqual(try store.listing().changed, [b.code.value])
        XCTAssertEqual(try store.listing().cases.map(\.code), [a.code])
    }

    func testTheFileIsPrivate() throws {
        let store = try newStore()
        _ = try CaseRecorder.start(in: store, for: try walkedSession(), locale: "en")
        for suffix in ["", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            let mode = try FileManager.default.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600, suffix)
        }
        let folderMode = try FileManager.default.attributesOfItem(atPath: dir.path)[.posixPermissions] as? Int
        XCTAssertEqual(folderMode, 0o700)
    }

    func testNoAnswerTextAppearsInPlaintextAnywhereInTheFiles() throws {
        let store = try newStore()
        var session = Session(bundle: Self.bundle, today: nil)
        try session.answer(.value(.option("no")))
        try session.answer(.value(.number(29)))
        try session.answer(.value(.option("work_permit")))
        try session.answer(.value(.date(Day("2023-05-01")!)))
        try session.answer(.value(.options(["documents_taken"])))
        try session.answer(.value(.option("yes")))
        try session.answer(.value(.text("zanzibar-marker-text")))
        let recorder = try CaseRecorder.start(in: store, for: session, locale: "en")
        try store.saveNotes("notes-marker-text", for: recorder.code, now: now)
        var bytes = Data()
        for suffix in ["", "-journal"] { bytes += FileManager.default.contents(atPath: path + suffix) ?? Data() }
        for secret in ["zanzibar-marker-text", "notes-marker-text", "work_permit", "documents_taken", "abuse_at_work", "2023-05-01",
                       "in_danger", "Documents taken", "owp", "recommended"] {
            XCTAssertNil(bytes.range(of: Data(secret.utf8)), "'\(secret)' is readable in the database files")
        }
    }

    func testDeletedCasesLeaveNoReadableTrace() throws {
        let store = try newStore()
        var session = Session(bundle: Self.bundle, today: nil)
        try session.answer(.value(.option("no")))
        let recorder = try CaseRecorder.start(in: store, for: session, locale: "en")
        try store.delete(recorder.code)
        var bytes = Data()
        for suffix in ["", "-journal"] { bytes += FileManager.default.contents(atPath: path + suffix) ?? Data() }
        XCTAssertNil(bytes.range(of: Data(recorder.code.value.utf8)), "the deleted case's code is still in the file")
        XCTAssertEqual(try store.list(), [])
        XCTAssertThrowsError(try store.delete(recorder.code)) { XCTAssertEqual($0 as? StoreError, .noSuchCase(recorder.code.value)) }
    }

    func testRetentionPurgesOnlyOldCases() throws {
        let store = try newStore()
        let old = try CaseRecorder.start(in: store, for: Session(bundle: Self.bundle, today: nil), locale: "en",
                                         clock: { self.now.addingTimeInterval(-91 * 86_400) })
        let recent = try CaseRecorder.start(in: store, for: Session(bundle: Self.bundle, today: nil), locale: "en",
                                            clock: { self.now.addingTimeInterval(-89 * 86_400) })
        XCTAssertEqual(try store.purge(olderThanDays: 90, now: now), [old.code])
        XCTAssertEqual(try store.list().map(\.code), [recent.code])
    }

    func testTwoStoresOnOneFileKeepEveryAnswerOfOneCase() throws {
        let first = try newStore()
        let second = try newStore()
        let code = try first.createCase(bundle: Self.bundle.stamp, locale: "en", now: now)
        let group = DispatchGroup()
        let now = self.now
        nonisolated(unsafe) var errors: [Error] = []
        let lock = NSLock()
        for (store, prefix) in [(first, "a"), (second, "b")] {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                for i in 0..<40 {
                    do { try store.saveAnswer(.value(.text("\(prefix)\(i)")), to: "\(prefix)_q\(i)", in: code, now: now) } catch {
                        lock.lock(); errors.append(error); lock.unlock()
                    }
                }
            }
        }
        group.wait()
        XCTAssertTrue(errors.isEmpty, "\(errors)")
        let record = try newStore().load(code)
        XCTAssertEqual(record.answers.count, 80)
        XCTAssertEqual(record.answers["b_q39"], .value(.text("b39")))
    }

    func testContentChangesAreReportedWithTheRecommendationsThatMoved() throws {
        let store = try newStore()
        let recorder = try CaseRecorder.start(in: store, for: try walkedSession(), locale: "en")
        var record = try store.load(recorder.code)
        record.summary.bundle = BundleStamp(id: "starter", version: "0.0.9", hash: "older")
        record.lastAssessment["owp"] = .recommended
        let change = try XCTUnwrap(ContentChange.between(record, and: record.session(in: Self.bundle, today: nil)))
        XCTAssertEqual(change.oldVersion, "0.0.9")
        XCTAssertEqual(change.newVersion, "0.1.0")
        XCTAssertEqual(change.changed.map(\.id), ["owp"])
        XCTAssertEqual(change.changed.first?.now, .possible)
    }

    func testExportInBothFormatsWithAndWithoutAnswers() throws {
        let store = try newStore()
        var session = try walkedSession()
        try session.answer(.value(.text("ontario")))
        let recorder = try CaseRecorder.start(in: store, for: session, locale: "en", clock: { self.now })
        let record = try store.load(recorder.code)
        let md = CaseExport.render(record, bundle: Self.bundle, format: .markdown, includeAnswers: true, today: nil)
        XCTAssertTrue(md.hasPrefix("**Case \(recorder.code)**"), md)
        XCTAssertTrue(md.contains("## Recommended"), md)
        XCTAssertTrue(md.contains("**Sources**:"), md)
        XCTAssertTrue(md.contains("Content: starter 0.1.0 (2026-11-01)"), md)
        XCTAssertTrue(md.contains("This is information, not legal advice."), md)
        XCTAssertTrue(md.contains("## Answers\n\n- Is the person in danger right now? — No\n- How old is the person? — 29"), md)
        let text = CaseExport.render(record, bundle: Self.bundle, format: .text, includeAnswers: false, today: nil)
        XCTAssertTrue(text.contains("Recommended — next\n------------------"), text)
        XCTAssertTrue(text.contains("Next steps:") || text.contains("Who to contact:"), text)
        XCTAssertFalse(text.contains("Answers"), "answers are left out unless asked for")
        XCTAssertFalse(text.contains("ontario"), "answers are left out unless asked for")
        let fr = CaseExport.render(record, bundle: Self.bundle, format: .text, includeAnswers: false, locale: "fr", today: nil)
        XCTAssertTrue(fr.contains("Ceci est de l’information, pas un avis juridique."), fr)
        // The summary is assessed on the day it is printed, and says so (its deadlines are counted from it).
        let dated = CaseExport.render(record, bundle: Self.bundle, format: .text, includeAnswers: false, today: Day("2026-12-01"))
        XCTAssertTrue(dated.contains("Assessed on: 2026-12-01"), dated)
    }

    func testCaseCodesAreShortReadableAndParseAsTyped() {
        let code = CaseCode.random()
        XCTAssertEqual(code.value.count, 7)
        XCTAssertEqual(CaseCode(code.value.lowercased().replacingOccurrences(of: "-", with: "")), code)
        XCTAssertNil(CaseCode("ABC-12O"))
        XCTAssertEqual(Set((0..<200).map { _ in CaseCode.random() }).count, 200)
    }
}
