import ArgumentParser
import Foundation
import PathwaysStore

/// Where the case records are and how to open them.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The case records file (default: $XDG_DATA_HOME/pathways/cases.sqlite).")
    var store: String?

    var path: String { store ?? CaseStore.defaultPath() }

    /// Opens the store, asking for the passphrase on the terminal unless PATHWAYS_PASSPHRASE is set.
    func open(creating: Bool = true) throws -> CaseStore {
        if !creating && !CaseStore.exists(at: path) { throw CLIError("there are no case records at \(path)") }
        let isNew = !CaseStore.exists(at: path)
        guard let passphrase = Passphrase.obtain(confirm: isNew) else {
            throw CLIError("a passphrase is needed to open the case records (type it at the prompt, or set PATHWAYS_PASSPHRASE)")
        }
        do {
            return try CaseStore(path: path, passphrase: passphrase)
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
    }
}

/// Reads the passphrase without echoing it. Never stored, never logged.
enum Passphrase {
    static func obtain(confirm: Bool) -> String? {
        if let env = ProcessInfo.processInfo.environment["PATHWAYS_PASSPHRASE"], !env.isEmpty { return env }
        guard let first = ask(confirm ? "Choose a passphrase for the case records: " : "Passphrase for the case records: "),
              !first.isEmpty else { return nil }
        if confirm {
            guard let second = ask("Type it again: "), second == first else {
                printError("pathways: the two passphrases differ")
                return nil
            }
        }
        return first
    }

    /// Prompts on the terminal itself (not standard input), with echo off.
    static func ask(_ prompt: String) -> String? {
        let fd = open("/dev/tty", O_RDWR)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var old = termios()
        tcgetattr(fd, &old)
        var quiet = old
        // No echo, no signals, byte by byte: Ctrl-C is read as a byte, so the echo is always switched back on.
        quiet.c_lflag &= ~(tcflag_t(ECHO) | tcflag_t(ISIG) | tcflag_t(ICANON))
        withUnsafeMutableBytes(of: &quiet.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(fd, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(fd, TCSAFLUSH, &old)
            _ = write(fd, "\n", 1)
        }
        var bytes: [UInt8] = []
        var c: UInt8 = 0
        while read(fd, &c, 1) == 1, c != 10, c != 13 {
            if c == 3 || c == 4 { return nil }  // Ctrl-C or Ctrl-D: give up
            if c == 127 || c == 8 { if !bytes.isEmpty { bytes.removeLast() }; continue }
            bytes.append(c)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
