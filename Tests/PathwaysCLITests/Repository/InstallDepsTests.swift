import Foundation
import XCTest

/// Scripts/install-deps on a machine where the user is not root and there is no sudo: it must name the
/// missing packages and the exact command to run as root, and fail, instead of calling a sudo that is not
/// there.
final class InstallDepsTests: XCTestCase {
    func testWithoutRootOrSudoItPrintsTheCommandToRun() throws {
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("pw-deps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bin) }
        // Stand-ins: a user who is not root, Swift present, and every package installed but libyaml-dev.
        let fakes = [
            "id": "echo 1000",
            "swift": "exit 0",
            "dpkg": #"[ "$2" = libyaml-dev ] && exit 1; exit 0"#,
        ]
        for (name, body) in fakes {
            let url = bin.appendingPathComponent(name)
            try "#!/bin/bash\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
            chmod(url.path, 0o755)
        }
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("dirname").path, withDestinationPath: "/usr/bin/dirname")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [BinaryRunner.packageRoot.appendingPathComponent("Scripts/install-deps").path]
        process.environment = ["PATH": bin.path, "HOME": bin.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        XCTAssertEqual(process.terminationStatus, 1, message)
        XCTAssertTrue(message.contains("these Debian packages are missing: libyaml-dev"), message)
        XCTAssertTrue(message.contains("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libyaml-dev"), message)
        XCTAssertFalse(message.contains("sudo: command not found"), message)
    }
}
