import Foundation
import PathwaysEngine
import PathwaysStore
import XCTest
@testable import PathwaysCLI

/// The interface's side of the case records: the quick exit forgets everything, the lock screen compares
/// with the key in memory and slows down guessing, summaries are said to be plain files.
final class StoreKeeperTests: XCTestCase {
    var dir: URL!
    var path: String { dir.appendingPathComponent("cases.sqlite").path }
    static let passphrase = "keeper test passphrase"

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("keeper-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func session() throws -> Session {
        var s = Session(bundle: PlainModeTests.shipped, today: nil)
        try s.answer(.value(.option("no")))
        return s
    }

    func testForgetDropsTheCaseClosesTheStoreAndWipesTheKeys() throws {
        let store = try CaseStore(path: path, passphrase: Self.passphrase)
        let keeper = StoreKeeper(store: store, contentHash: PlainModeTests.shipped.hash, today: nil)
        try keeper.record(try session(), locale: "en")
        let code = try XCTUnwrap(keeper.caseCode)
        let held = try SecretBytes(copying: Array("another secret".utf8))
        keeper.forget()
        XCTAssertTrue(keeper.wasForgotten)
        XCTAssertNil(keeper.caseCode, "the case is still held")
        XCTAssertTrue(store.isClosed, "the store is still open")
        XCTAssertTrue(held.withBytes { Array($0) }.allSatisfy { $0 == 0 }, "a secret of the process survived the quick exit")
        XCTAssertThrowsError(try keeper.record(try session(), locale: "en"))
        XCTAssertThrowsError(try keeper.reopen(code, bundle: PlainModeTests.shipped))
        XCTAssertEqual(keeper.list(), [])
        XCTAssertFalse(keeper.unlock(Self.passphrase), "after a quick exit only a new start opens the records")
        // The records themselves are intact for the next start, with the passphrase.
        XCTAssertEqual(try CaseStore(path: path, passphrase: Self.passphrase).list().map(\.code.value), [code])
    }

    /// Notes typed before the first answer (the full-screen interface's `n`) write the case, so they are kept.
    func testNotesBeforeTheFirstAnswerAreKept() throws {
        let store = try CaseStore(path: path, passphrase: Self.passphrase)
        let keeper = StoreKeeper(store: store, contentHash: PlainModeTests.shipped.hash, today: nil)
        try keeper.saveNotes("call back Tuesday", session: Session(bundle: PlainModeTests.shipped, today: nil), locale: "en")
        let code = try XCTUnwrap(keeper.caseCode, "no case was written for the notes")
        XCTAssertEqual(try store.load(try XCTUnwrap(CaseCode(code))).notes, "call back Tuesday")
    }

    func testTheLockScreenWaitsLongerAfterFiveWrongPassphrases() throws {
        var waits: [Double] = []
        let keeper = StoreKeeper(store: try CaseStore(path: path, passphrase: Self.passphrase), contentHash: "", today: nil,
                                 pause: { waits.append($0) })
        keeper.lock()
        for n in 1...6 { XCTAssertFalse(keeper.unlock("wrong passphrase \(n)")) }
        XCTAssertEqual(waits, [2], "no wait for the first five tries, then longer and longer")
        XCTAssertTrue(keeper.unlock(Self.passphrase))
        XCTAssertEqual(waits, [2, 4])
        XCTAssertFalse(keeper.unlock("wrong again"))
        XCTAssertEqual(waits.count, 2, "a right passphrase starts the count again")
    }

    func testASummarySaysItIsNotEncryptedAndWhere() throws {
        let store = try CaseStore(path: path, passphrase: Self.passphrase)
        let keeper = StoreKeeper(store: store, contentHash: "", today: nil)
        let s = try session()
        try keeper.record(s, locale: "en")
        let message = try keeper.export(s, locale: "en", includeAnswers: false)
        XCTAssertTrue(message.contains("not encrypted"), message)
        XCTAssertTrue(message.contains(store.exportsFolder + "/" + (keeper.caseCode ?? "")), message)
        let fr = try keeper.export(s, locale: "fr", includeAnswers: true)
        XCTAssertTrue(fr.contains("non chiffré") && fr.contains("-with-answers"), fr)
    }
}
