import Foundation
import PathwaysEngine
import XCTest
@testable import PathwaysStore

/// Keys in memory: locked pages, wiped on lock and close; unlocking compares with the key in memory, never
/// with the file; guessing at the lock screen slows down.
final class StoreKeyMemoryTests: XCTestCase {
    var dir: URL!
    var path: String { dir.appendingPathComponent("cases.sqlite").path }
    static let passphrase = "memory test passphrase"

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("memory-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func passphrase(_ s: String) throws -> Passphrase { try Passphrase(s) }

    func testSecretsAreLockedIntoMemoryAndWipedToZero() throws {
        let secret = try SecretBytes(copying: Array("key material".utf8))
        XCTAssertTrue(secret.isLocked, "mlock failed (RLIMIT_MEMLOCK too low?)")
        secret.withBytes { XCTAssertEqual(Array($0), Array("key material".utf8)) }
        secret.wipe()
        XCTAssertEqual(secret.count, 0)
        let again = try SecretBytes(copying: [1, 2, 3])
        SecretBytes.wipeAll()
        XCTAssertTrue(again.withBytes { Array($0) }.allSatisfy { $0 == 0 }, "wipeAll left bytes")
    }

    func testLockWipesTheKeyAndTheRightPassphraseBringsItBack() throws {
        let store = try CaseStore(path: path, passphrase: Self.passphrase)
        let code = try store.createCase(bundle: CaseStoreTests.bundle.stamp, locale: "en", now: Date())
        let key = try XCTUnwrap(store.open().1)
        store.lock()
        XCTAssertTrue(store.isLocked)
        XCTAssertTrue(key.isWiped)
        XCTAssertThrowsError(try store.load(code)) { XCTAssertEqual($0 as? StoreError, .locked) }
        XCTAssertFalse(store.unlock(try passphrase("not the passphrase")))
        XCTAssertTrue(store.isLocked)
        XCTAssertTrue(store.unlock(try passphrase(Self.passphrase)))
        XCTAssertNoThrow(try store.load(code))
    }

    /// The file moved away, or its verifier deleted, while the screen is locked: any other passphrase must
    /// still fail, and the real one still work (the old store took any passphrase then).
    func testUnlockComparesWithTheKeyInMemoryNotWithTheFile() throws {
        let store = try CaseStore(path: path, passphrase: Self.passphrase)
        _ = try store.createCase(bundle: CaseStoreTests.bundle.stamp, locale: "en", now: Date())
        store.lock()
        try FileManager.default.moveItem(atPath: path, toPath: path + ".moved")
        XCTAssertFalse(store.unlock(try passphrase("an attacker's passphrase")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "unlocking created a new store")
        XCTAssertTrue(store.unlock(try passphrase(Self.passphrase)))
        XCTAssertFalse(store.unlock(try passphrase("an attacker's passphrase")), "an open store compares too")
    }

    func testCloseWipesEverythingAndNothingWorksAfterwards() throws {
        let store = try CaseStore(path: path, passphrase: Self.passphrase)
        let code = try store.createCase(bundle: CaseStoreTests.bundle.stamp, locale: "en", now: Date())
        let key = try XCTUnwrap(store.open().1)
        store.close()
        XCTAssertTrue(key.isWiped)
        XCTAssertTrue(store.isClosed)
        XCTAssertThrowsError(try store.load(code)) { XCTAssertEqual($0 as? StoreError, .closed) }
        XCTAssertThrowsError(try store.listing()) { XCTAssertEqual($0 as? StoreError, .closed) }
        XCTAssertFalse(store.unlock(try passphrase(Self.passphrase)), "a closed store needs a new start")
    }

    func testGuessingAtTheLockScreenWaitsLongerAfterFiveWrongTries() {
        var backoff = UnlockBackoff()
        var waits: [Double] = []
        for _ in 0..<9 {
            waits.append(backoff.delayBeforeNextTry)
            backoff.record(success: false)
        }
        XCTAssertEqual(waits, [0, 0, 0, 0, 0, 2, 4, 8, 16])
        for _ in 0..<10 { backoff.record(success: false) }
        XCTAssertEqual(backoff.delayBeforeNextTry, 60)
        backoff.record(success: true)
        XCTAssertEqual(backoff.delayBeforeNextTry, 0)
    }

    func testThePassphraseIsTakenOutOfTheEnvironmentBlock() throws {
        setenv("PATHWAYS_TEST_SECRET", "environment secret value", 1)
        let taken = try XCTUnwrap(try Passphrase.takeFromEnvironment("PATHWAYS_TEST_SECRET"))
        XCTAssertTrue(taken.matches(try passphrase("environment secret value")))
        XCTAssertEqual(getenv("PATHWAYS_TEST_SECRET").map { String(cString: $0) }, "", "the value is still in the environment")
        XCTAssertNil(try Passphrase.takeFromEnvironment("PATHWAYS_TEST_SECRET"))
        XCTAssertNil(try Passphrase.takeFromEnvironment("PATHWAYS_NO_SUCH_VARIABLE"))
    }
}
