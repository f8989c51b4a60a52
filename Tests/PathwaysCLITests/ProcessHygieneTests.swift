import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// What a crash or a look at /proc can take from a running `pathways`: no backtracer, no core, no
/// passphrase in the environment block, keys in locked memory. These run the real binary the way a
/// caseworker's shell starts it: SWIFT_BACKTRACE is not set.
final class ProcessHygieneTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("hygiene-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// `pathways ARGS…` under `sh -c 'ulimit -c unlimited; exec …'`, on pipes, without SWIFT_BACKTRACE.
    func startWithCoresAllowed(_ arguments: [String], environment: [String: String] = [:]) throws -> SpawnedProcess {
        let script = "ulimit -c unlimited 2>/dev/null || ulimit -c \"$(ulimit -H -c)\"; exec \"$0\" \"$@\""
        return try SpawnedProcess("/bin/sh", ["-c", script, BinaryRunner.binary.path] + arguments,
                                  environment: environment, directory: dir, input: .pipe)
    }

    func testSIGQUITWritesNoCoreAndStartsNoBacktracer() throws {
        let child = try startWithCoresAllowed(["--plain", "--no-store"])
        defer { child.stop() }
        XCTAssertTrue(child.waitFor("Step 1 of about"), "no first question\n\(child.describe())")
        child.send(SIGQUIT)
        XCTAssertNotNil(child.wait(30), "still running 30 s after SIGQUIT\n\(child.describe())")
        XCTAssertEqual(child.signal, SIGQUIT, "it should simply die of SIGQUIT\n\(child.describe())")
        XCTAssertFalse(child.dumpedCore, "the kernel wrote a core dump (WCOREDUMP is set)")
        let cores = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("core") }
        XCTAssertEqual(cores, [], "a core file was written in the working folder")
        for sign in ["Program crashed", "Backtrace", "Thread 0", "Crashed", "swift-backtrace", "0x0000"] {
            XCTAssertFalse(child.output.contains(sign), "the backtracer ran: '\(sign)' in the output\n\(child.describe())")
        }
    }

    func testCoreDumpsAreOffWhileRunning() throws {
        let child = try startWithCoresAllowed(["--plain", "--no-store"])
        defer { child.stop() }
        XCTAssertTrue(child.waitFor("Step 1 of about"), "no first question\n\(child.describe())")
        let limits = String(decoding: try XCTUnwrap(child.proc("limits")), as: UTF8.self)
        let core = try XCTUnwrap(limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") })
        XCTAssertEqual(core.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2), ["0", "0"],
                       "RLIMIT_CORE should be 0: \(core)")
        let environ = String(decoding: try XCTUnwrap(child.proc("environ")), as: UTF8.self)
        XCTAssertTrue(environ.contains("SWIFT_BACKTRACE=enable=no"),
                      "the program should have re-started itself with the backtracer off")
    }

    func testThePassphraseIsGoneFromTheEnvironmentBlockAndKeysAreInLockedMemory() throws {
        let secret = "environ-check-passphrase-7Q"
        let store = dir.appendingPathComponent("cases.sqlite").path
        let child = try startWithCoresAllowed(["--plain", "--store", store], environment: ["PATHWAYS_PASSPHRASE": secret])
        defer { child.stop() }
        XCTAssertTrue(child.waitFor("Step 1 of about"), "no first question\n\(child.describe())")
        let environ = try XCTUnwrap(child.proc("environ"))
        XCTAssertNil(environ.range(of: Data(secret.utf8)), "/proc/PID/environ still shows PATHWAYS_PASSPHRASE's value")
        let status = String(decoding: try XCTUnwrap(child.proc("status")), as: UTF8.self)
        let locked = status.split(separator: "\n").first { $0.hasPrefix("VmLck:") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") } ?? 0
        XCTAssertGreaterThan(locked, 0, "no memory is locked (VmLck), so the key can be swapped out")
        child.type("quit\n")
        XCTAssertNotNil(child.wait(20), child.describe())
        XCTAssertEqual(child.exitCode, 0, child.describe())
    }
}
