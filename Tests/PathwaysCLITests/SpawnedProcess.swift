import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `pathways` started with posix_spawn, so a test sees what Foundation's Process hides: the raw wait status
/// (did the kernel write a core?), a controlling terminal of its own (the passphrase prompt reads /dev/tty),
/// and the process's /proc files while it runs.
final class SpawnedProcess: @unchecked Sendable {
    enum Input { case terminal, pipe }

    let pid: pid_t
    /// The pseudo-terminal's master (with `.terminal`), or the write end of standard input's pipe.
    private let inputFD: Int32
    /// Where the child's standard output (and, with `.terminal`, its standard error) is read.
    private let outputFD: Int32
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var status: Int32?
    private var reader: Thread?
    private var ended = false
    private var stopped = false

    /// Starts `executable arguments…` in `directory`. The environment is the test's own, without
    /// SWIFT_BACKTRACE, PATHWAYS_PASSPHRASE and PATHWAYS_CONTENT, plus `environment`.
    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], directory: URL,
         input: Input) throws {
        var env = ProcessInfo.processInfo.environment
        for k in ["SWIFT_BACKTRACE", "PATHWAYS_PASSPHRASE", "PATHWAYS_CONTENT"] { env.removeValue(forKey: k) }
        for (k, v) in environment { env[k] = v }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var childEnds: [Int32] = []
        switch input {
        case .terminal:
            guard let openpt = CLib.function("posix_openpt", as: CLib.OpenPT.self),
                  let grantpt = CLib.function("grantpt", as: CLib.FDCall.self),
                  let unlockpt = CLib.function("unlockpt", as: CLib.FDCall.self),
                  let ptsname = CLib.function("ptsname", as: CLib.PTSName.self) else { throw POSIXError(.ENOSYS) }
            let master = openpt(O_RDWR | O_NOCTTY)
            guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
                throw POSIXError(.ENOTTY)
            }
            _ = fcntl(master, F_SETFD, FD_CLOEXEC)
            var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(master, UInt(TIOCSWINSZ), &size)
            let slave = String(cString: name)
            // A new session, then the terminal opened without O_NOCTTY: it becomes the controlling terminal.
            posix_spawnattr_setflags(&attributes, Int16(0x80))  // POSIX_SPAWN_SETSID
            posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
            inputFD = master
            outputFD = master
        case .pipe:
            var stdin: [Int32] = [-1, -1], stdout: [Int32] = [-1, -1]
            guard pipe(&stdin) == 0, pipe(&stdout) == 0 else { throw POSIXError(.EMFILE) }
            for fd in stdin + stdout { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, stdin[0], 0)
            posix_spawn_file_actions_adddup2(&actions, stdout[1], 1)
            posix_spawn_file_actions_adddup2(&actions, stdout[1], 2)
            childEnds = [stdin[0], stdout[1]]
            inputFD = stdin[1]
            outputFD = stdout[0]
        }
        guard let addchdir = CLib.function("posix_spawn_file_actions_addchdir_np", as: CLib.AddChdir.self) else {
            throw POSIXError(.ENOSYS)
        }
        _ = addchdir(&actions, directory.path)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        childEnds.forEach { close($0) }
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .ENOEXEC) }
        pid = child
        let fd = outputFD
        let thread = Thread { [weak self] in
            var chunk = [UInt8](repeating: 0, count: 16_384)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 { self?.append(chunk[0..<n]); continue }
                if n < 0 && errno == EINTR { continue }
                break  // end of file, or EIO once the terminal's last writer is gone
            }
            self?.finish()
        }
        reader = thread
        thread.start()
    }

    private func append(_ chunk: ArraySlice<UInt8>) { lock.lock(); bytes += chunk; lock.unlock() }
    private func finish() { lock.lock(); ended = true; lock.unlock() }

    /// Everything the child printed so far, carriage returns removed.
    var output: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
    }

    /// Types text (a line needs its own "\n"; the terminal turns it into Enter).
    func type(_ text: String) {
        let data = Array(text.utf8)
        _ = data.withUnsafeBytes { write(inputFD, $0.baseAddress, $0.count) }
    }

    /// Waits until the output contains `text` `count` times; false after `seconds`.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, seconds: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if output.components(separatedBy: text).count - 1 >= count { return true }
            if hasExited { return output.components(separatedBy: text).count - 1 >= count }
            usleep(5_000)
        }
        return false
    }

    /// True once the child has ended (the status is then kept).
    var hasExited: Bool {
        lock.lock(); defer { lock.unlock() }
        if status != nil { return true }
        var s: Int32 = 0
        if waitpid(pid, &s, WNOHANG) == pid { status = s; return true }
        return false
    }

    /// Waits for the end; nil when it is still running after `seconds`.
    func wait(_ seconds: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if hasExited { return rawStatus }
            usleep(5_000)
        }
        return nil
    }

    var rawStatus: Int32? { lock.lock(); defer { lock.unlock() }; return status }
    /// The exit code, when the child exited rather than died of a signal.
    var exitCode: Int32? { rawStatus.flatMap { ($0 & 0x7f) == 0 ? ($0 >> 8) & 0xff : nil } }
    /// The signal that ended it, if one did.
    var signal: Int32? { rawStatus.flatMap { ($0 & 0x7f) != 0 && ($0 & 0x7f) != 0x7f ? $0 & 0x7f : nil } }
    /// WCOREDUMP: the kernel wrote a core for it.
    var dumpedCore: Bool { rawStatus.map { $0 & 0x80 != 0 } ?? false }

    /// A file of /proc/PID, read while the child runs.
    func proc(_ name: String) -> Data? { FileManager.default.contents(atPath: "/proc/\(pid)/\(name)") }

    func send(_ signal: Int32) { if pid > 0 { kill(pid, signal) } }

    /// Ends the child if it still runs, and closes the descriptors.
    func stop() {
        // Once only: a second close could close a descriptor the test process has since reused.
        guard !stopped else { return }
        stopped = true
        if pid > 0, !hasExited { kill(pid, SIGKILL); _ = wait(10) }
        if inputFD != outputFD { close(inputFD) }
        let deadline = Date().addingTimeInterval(2)
        var done = false
        while Date() < deadline { lock.lock(); done = ended; lock.unlock(); if done { break }; usleep(2_000) }
        // Closed only once the reader is done with it, else a reused descriptor number could be read from.
        if done { close(outputFD) }
    }

    func describe() -> String {
        "status \(rawStatus.map(String.init) ?? "running"); output (last 1500 characters):\n\(output.suffix(1500))"
    }
}

/// C library functions that Swift's Glibc module does not declare (they sit behind feature macros).
private enum CLib {
    nonisolated(unsafe) static let handle = dlopen(nil, RTLD_NOW)
    static func function<T>(_ name: String, as type: T.Type) -> T? {
        dlsym(handle, name).map { unsafeBitCast($0, to: type) }
    }
    typealias OpenPT = @convention(c) (Int32) -> Int32
    typealias FDCall = @convention(c) (Int32) -> Int32
    typealias PTSName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
}
