import CProcessGuard
import Foundation
import PathwaysStore

/// Standard output that reports failure (a full disk, a closed pipe) as an error and exit status 1, never
/// as a crash.
enum StandardOutput {
    /// One line, written at once (line mode: a program reading the pipe sees each question as it is asked).
    static func writeLine(_ text: String) {
        let code = pg_write_stdout_line(text)
        if code != 0 { fail(code) }
    }

    /// Called before the program ends normally: whatever is still buffered must reach its file.
    static func finish() {
        let code = pg_finish_stdout()
        if code != 0 { fail(code) }
    }

    static func fail(_ code: Int32) -> Never {
        printError("pathways: error: could not write the output: \(String(cString: strerror(code)))")
        // The buffered output cannot be written; _exit so that exit() does not try again.
        SecretBytes.wipeAll()
        _exit(1)
    }
}

/// An error that ends the program with a given status (1: something failed, such as a full disk; 2: a
/// usage error or records changed outside Pathways), after one line on standard error.
struct ExitFailure: Error, CustomStringConvertible {
    var description: String
    var status: Int32

    init(_ message: String, status: Int32 = 1) {
        description = message
        self.status = status
    }
}
