import Foundation
import XCTest

/// A bounded libFuzzer run of the loader, checker and condition parser (Scripts/fuzz), so that `swift test`
/// runs it with every other test. It takes PATHWAYS_FUZZ_SECONDS seconds (Scripts/test sets 30) and is
/// skipped when that is unset or 0, to keep everyday runs short.
final class BoundedFuzzingTests: XCTestCase {
    func testBoundedFuzzingFindsNoCrash() throws {
        let seconds = Int(ProcessInfo.processInfo.environment["PATHWAYS_FUZZ_SECONDS"] ?? "") ?? 0
        try XCTSkipIf(seconds <= 0, "set PATHWAYS_FUZZ_SECONDS (Scripts/test does) to fuzz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [BinaryRunner.packageRoot.appendingPathComponent("Scripts/fuzz").path, "\(seconds)"]
        process.currentDirectoryURL = BinaryRunner.packageRoot
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("pw-fuzz-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        print(output.split(separator: "\n").filter { $0.hasPrefix("fuzz:") }.joined(separator: "\n"))
        XCTAssertEqual(process.terminationStatus, 0, "Scripts/fuzz failed:\n\(output.split(separator: "\n").suffix(25).joined(separator: "\n"))")
    }
}
