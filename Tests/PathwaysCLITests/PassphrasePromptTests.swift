import Foundation
import PathwaysStore
import XCTest

/// Choosing and typing the passphrase at the terminal (the prompt reads /dev/tty, so the binary runs on a
/// pseudo-terminal of its own, in line mode).
final class PassphrasePromptTests: XCTestCase {
    var dir: URL!
    var store: String { dir.appendingPathComponent("cases.sqlite").path }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("prompt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func start(_ arguments: [String]) throws -> SpawnedProcess {
        try SpawnedProcess(BinaryRunner.binary.path, arguments, environment: ["SWIFT_BACKTRACE": "enable=no", "TERM": "dumb"],
                           directory: dir, input: .terminal)
    }

    func testANewPassphraseIsLongEnoughTypedTwiceAndSaidToBeUnrecoverable() throws {
        let child = try start(["--plain", "--store", store])
        defer { child.stop() }
        XCTAssertTrue(child.waitFor("Choose a passphrase for the case records:"), child.describe())
        XCTAssertTrue(child.output.contains("cannot be recovered"), child.describe())
        for weak in ["a", " ", "short12"] {
            child.type(weak + "\n")
            XCTAssertTrue(child.waitFor("at least 8 characters", count: ["a", " ", "short12"].firstIndex(of: weak)! + 1),
                          "'\(weak)' was accepted\n\(child.describe())")
        }
        XCTAssertTrue(child.waitFor("Choose a passphrase for the case records:", count: 4), child.describe())
        child.type("a long enough passphrase\n")
        XCTAssertTrue(child.waitFor("Type it again"), child.describe())
        child.type("a long enough passphrase\n")
        XCTAssertTrue(child.waitFor("Step 1 of about"), child.describe())
        child.type("quit\n")
        XCTAssertNotNil(child.wait(), child.describe())
        XCTAssertEqual(child.exitCode, 0, child.describe())
        XCTAssertNoThrow(try CaseStore(path: store, passphrase: "a long enough passphrase"))
    }

    func testTwoDifferentEntriesAreAskedAgain() throws {
        let child = try start(["--plain", "--store", store])
        defer { child.stop() }
        XCTAssertTrue(child.waitFor("Choose a passphrase for the case records:"), child.describe())
        child.type("first long passphrase\n")
        XCTAssertTrue(child.waitFor("Type it again"), child.describe())
        child.type("second long passphrase\n")
        XCTAssertTrue(child.waitFor("Choose a passphrase for the case records:", count: 2), "not asked again\n\(child.describe())")
        child.stop()
    }

    func testAWrongPassphraseCanBeRetriedThreeTimes() throws {
        _ = try CaseStore(path: store, passphrase: "the right passphrase")
        let child = try start(["--plain", "--store", store])
        defer { child.stop() }
        for n in 1...2 {
            XCTAssertTrue(child.waitFor("Passphrase for the case records:", count: n), child.describe())
            child.type("a wrong passphrase \(n)\n")
        }
        XCTAssertTrue(child.waitFor("Passphrase for the case records:", count: 3), "no third try\n\(child.describe())")
        child.type("the right passphrase\n")
        XCTAssertTrue(child.waitFor("Step 1 of about"), child.describe())
        child.type("quit\n")
        XCTAssertNotNil(child.wait(), child.describe())
        XCTAssertEqual(child.exitCode, 0, child.describe())
    }

    func testThreeWrongPassphrasesEndTheProgramWithStatusTwo() throws {
        _ = try CaseStore(path: store, passphrase: "the right passphrase")
        let child = try start(["--plain", "--store", store])
        defer { child.stop() }
        for n in 1...3 {
            XCTAssertTrue(child.waitFor("Passphrase for the case records:", count: n), child.describe())
            child.type("a wrong passphrase \(n)\n")
        }
        XCTAssertNotNil(child.wait(), child.describe())
        XCTAssertEqual(child.exitCode, 2, child.describe())
        XCTAssertTrue(child.output.contains("does not open these case records"), child.describe())
        XCTAssertFalse(child.output.contains("Step 1 of about"), child.describe())
    }
}
