import Foundation
import PathwaysTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Point 3: `pathways train --present` and `--room` in two terminals (two private tmux servers): the room's
/// view follows the console, never shows a note, and ends with it; they talk over a Unix socket in a private
/// folder and nothing else (no network socket, nothing left behind).
final class PresentEndToEndTests: XCTestCase {
    /// The sockets a process holds, as the kernel lists them: inode numbers.
    func socketInodes(_ pid: pid_t) -> [String] {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        return fds.compactMap { fd in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)"),
                  target.hasPrefix("socket:[") else { return nil }
            return String(target.dropFirst(8).dropLast())
        }
    }

    func inodes(in table: String) -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/net/" + table, encoding: .utf8) else { return [] }
        let column = table == "unix" ? 6 : 9
        return Set(text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return fields.count > column ? String(fields[column]) : nil
        })
    }

    func start(_ args: [String], in tmux: Tmux, home: URL) throws {
        try tmux.start([AppInTmux.binary] + args, environment: ["HOME": home.path, "XDG_DATA_HOME": home.path], width: 100, height: 30)
    }

    func testTheRoomFollowsTheConsoleAndNeverShowsANote() throws {
        try XCTSkipUnless(Tmux.isInstalled, "tmux is not installed")
        let consoleTerm = try Tmux(name: "console", timeout: 20)
        let roomTerm = try Tmux(name: "room", timeout: 20)
        defer { consoleTerm.stop(); roomTerm.stop() }
        let base = consoleTerm.folder
        let folder = base.appendingPathComponent("present")
        let socket = folder.appendingPathComponent("present.sock").path
        // The room's view starts first and waits for the console.
        try start(["train", "--room", "--socket", socket], in: roomTerm, home: base)
        try roomTerm.waitFor("Waiting for the facilitator’s console", timeout: 40)
        try start(["train", "--present", "--socket", socket], in: consoleTerm, home: base)
        try consoleTerm.waitFor("FACILITATOR’S CONSOLE", "Training cases", timeout: 40)
        try roomTerm.waitFor("Training cases", "room’s view")
        try roomTerm.waitLacks("FACILITATOR")
        // The folder is private and holds only the socket, readable by its owner alone.
        var st = stat()
        XCTAssertEqual(lstat(folder.path, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o700, "the socket's folder is private")
        XCTAssertEqual(lstat(socket, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFSOCK)
        XCTAssertEqual(st.st_mode & 0o077, 0, "the socket is its owner's only")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["present.sock"])

        // The first case (the domestic worker): persona, then step 5, the status question, with its notes.
        consoleTerm.send("Enter")
        try consoleTerm.waitFor("Persona", "◷", "room’s view connected")
        try roomTerm.waitFor("Persona", "Learning goals")
        consoleTerm.send("j", "5", "Enter")
        // At 100x30 the note starts below the options: the console says so, and PgDn shows it.
        try consoleTerm.waitFor("Step 5 of", "Facilitator's note", "↓ more below: PgDn")
        consoleTerm.send("NPage")
        try consoleTerm.waitFor("Her visa expired while the family kept")
        try roomTerm.waitFor("Step 5 of", "Discuss", "I have no papers now", "The case’s answer is not shown yet.")
        consoleTerm.send("Space")
        try consoleTerm.waitFor("◆ No valid status", "↓ more below: PgDn")
        consoleTerm.send("NPage")
        try consoleTerm.waitFor("After the reveal", "Many trafficked people lose their status")
        try roomTerm.waitFor("◆ No valid status")
        // What if: the room sees what changes ("Not sure" is the seventh option).
        consoleTerm.send("i", "7", "Enter")
        try consoleTerm.waitFor("◇ Not sure")
        try roomTerm.waitFor("What if the answer were “Not sure”?", "u puts the case’s answer back")
        for screen in [roomTerm.capture()] {
            for note in ["Facilitator's note", "After the reveal", "Her visa expired while the family kept", "Many trafficked people lose their status"] {
                XCTAssertFalse(screen.contains(note), "the room's view shows a note: \(note)\n\(screen)")
            }
        }
        // Nothing on the network: each program's sockets are Unix sockets.
        let unix = inodes(in: "unix"), network = ["tcp", "tcp6", "udp", "udp6"].reduce(into: Set<String>()) { $0.formUnion(inodes(in: $1)) }
        for term in [consoleTerm, roomTerm] {
            let pid = pid_t(term.pane("#{pane_pid}")) ?? 0
            let mine = socketInodes(pid)
            XCTAssertFalse(mine.isEmpty, "the program holds its socket")
            for inode in mine {
                XCTAssertTrue(unix.contains(inode), "socket \(inode) is a Unix socket")
                XCTAssertFalse(network.contains(inode), "socket \(inode) is on the network")
            }
        }
        // The console's quick exit blanks both screens and ends both programs; nothing is left behind.
        let roomPid = pid_t(roomTerm.pane("#{pane_pid}")) ?? 0
        let consolePid = pid_t(consoleTerm.pane("#{pane_pid}")) ?? 0
        consoleTerm.send("F12")
        XCTAssertEqual(try consoleTerm.waitForExit(pid: consolePid), 0)
        XCTAssertEqual(try roomTerm.waitForExit(pid: roomPid), 0, "the room's view ends with the console")
        XCTAssertTrue(Tmux.isBlank(Tmux.withoutPaneNotice(roomTerm.capture())), "the room's screen is blank after the console's quick exit:\n\(roomTerm.screen)")
        XCTAssertTrue(Tmux.isBlank(Tmux.withoutPaneNotice(consoleTerm.capture())))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "the socket and its folder are removed")
    }

    func testAFolderOthersCanEnterIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pw-open-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(at: dir) }
        // The console needs a terminal: drive it under tmux.
        try XCTSkipUnless(Tmux.isInstalled, "tmux is not installed")
        let term = try Tmux(name: "present-open", timeout: 20)
        defer { term.stop() }
        try term.start([AppInTmux.binary, "train", "--present", "--socket", dir.appendingPathComponent("present.sock").path],
                       environment: ["HOME": term.folder.path, "XDG_DATA_HOME": term.folder.path], width: 100, height: 30)
        XCTAssertEqual(try term.waitForExit(timeout: 40), 2)
        let err = (try? String(contentsOfFile: term.stderrFile, encoding: .utf8)) ?? ""
        XCTAssertTrue(err.contains("is not a private folder of this user"), err)
    }
}
