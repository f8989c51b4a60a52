import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts programs with `posix_spawnp` instead of `Foundation.Process`, for the cases Process gets wrong:
/// a daemon (the tmux server) that would inherit Foundation's internal descriptors and pipes, and
/// signal masks that XCTest's threads block and `exec` would pass on.
public enum Spawn {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
    }

    /// Runs `arguments` (found on PATH) to its end, with standard input and error on /dev/null. When
    /// `captureOutput` is false its standard output goes to /dev/null too and nothing can hold a pipe
    /// open (needed for programs that leave a daemon behind).
    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String]? = nil, captureOutput: Bool = true) -> Result {
        var fds: [Int32] = [-1, -1]
        if captureOutput {
            guard pipe(&fds) == 0 else { return Result(status: -1, output: "pipe failed") }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing of the test process but stdio reaches the child (glibc's closefrom action is not
        // visible from Swift, so every other descriptor is marked close-on-exec instead).
        closeOnExec(except: captureOutput ? [fds[1]] : [])

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status: Int32 = withCStrings(arguments) { argv in
            withCStrings(env) { envp in
                posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
            }
        }
        if captureOutput { close(fds[1]) }
        guard status == 0 else {
            if captureOutput { close(fds[0]) }
            return Result(status: -1, output: "cannot start \(arguments[0]): \(String(cString: strerror(status)))")
        }
        var output = Data()
        if captureOutput {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fds[0], &buffer, buffer.count)
                if n > 0 { output.append(contentsOf: buffer[0..<n]) } else if n == 0 || errno != EINTR { break }
            }
            close(fds[0])
        }
        var wstatus: Int32 = 0
        while waitpid(pid, &wstatus, 0) == -1 && errno == EINTR {}
        let exit = (wstatus & 0x7f) == 0 ? (wstatus >> 8) & 0xff : 128 + (wstatus & 0x7f)
        return Result(status: exit, output: String(decoding: output, as: UTF8.self))
    }

    /// Marks every open descriptor above stderr close-on-exec (the pipe end in `except` is dup2'ed,
    /// which clears the flag on the copy anyway).
    private static func closeOnExec(except: Set<Int32>) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for entry in entries {
            guard let fd = Int32(entry), fd > 2, !except.contains(fd) else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return body(pointers)
    }
}
