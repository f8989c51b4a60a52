import ArgumentParser
import Foundation
import PathwaysStore
#if canImport(Glibc)
import Glibc
#endif

/// Where the case records are and how to open them.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The case records file (default: $XDG_DATA_HOME/pathways/cases.sqlite).")
    var store: String?

    var path: String { store ?? CaseStore.defaultPath() }

    /// How many times a wrong passphrase may be typed at start-up, and a new one chosen.
    static let tries = 3, choosingTries = 5

    /// Opens the store with PATHWAYS_PASSPHRASE, or asks for the passphrase on the terminal: three tries for
    /// an existing store; for a new one, a passphrase of at least 8 characters, typed twice.
    func open(creating: Bool = true) throws -> CaseStore {
        do { try CaseStore.checkPath(path) } catch let e as StoreError { throw CLIError(e.description) }
        let isNew = CaseStore.isNew(at: path)
        if !creating && isNew { throw CLIError("there are no case records at \(path)") }
        if let problem = EnvironmentPassphrase.problem { throw CLIError(problem) }
        if let passphrase = EnvironmentPassphrase.value {
            defer { EnvironmentPassphrase.forget() }
            return try Self.open(path, passphrase)
        }
        guard let terminal = PassphrasePrompt() else {
            throw CLIError("a passphrase is needed to open the case records (type it at the prompt, or set PATHWAYS_PASSPHRASE)")
        }
        if isNew {
            let passphrase = try terminal.choose(tries: Self.choosingTries)
            defer { passphrase.wipe() }
            return try Self.open(path, passphrase)
        }
        for attempt in 1...Self.tries {
            guard let passphrase = terminal.ask("Passphrase for the case records: ") else {
                throw CLIError("a passphrase is needed to open the case records (type it at the prompt, or set PATHWAYS_PASSPHRASE)")
            }
            defer { passphrase.wipe() }
            do {
                return try CaseStore(path: path, passphrase: passphrase)
            } catch StoreError.wrongPassphrase where attempt < Self.tries {
                let left = Self.tries - attempt
                terminal.say(StoreError.wrongPassphrase.description + " \(left) \(left == 1 ? "try" : "tries") left.")
            } catch let error as StoreError {
                throw storeFailure(error)
            }
        }
        throw CLIError(StoreError.wrongPassphrase.description)
    }

    static func open(_ path: String, _ passphrase: Passphrase) throws -> CaseStore {
        do { return try CaseStore(path: path, passphrase: passphrase) } catch let error as StoreError { throw storeFailure(error) }
    }
}

/// A store error as the program ends with it: a write that failed (a full disk) is status 1, anything else
/// (a wrong passphrase, records changed outside Pathways, a refused path) status 2.
func storeFailure(_ error: StoreError) -> Error {
    switch error {
    case .notSaved, .writeFailed: return ExitFailure(error.description, status: 1)
    default: return CLIError(error.description)
    }
}

/// Asks for the passphrase on the terminal itself (not standard input), with echo off, straight into
/// locked memory. Never stored, never logged.
final class PassphrasePrompt {
    let fd: Int32

    /// Nil when there is no terminal to ask on.
    init?() {
        let fd = Glibc.open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.fd = fd
    }

    deinit { Glibc.close(fd) }

    func say(_ line: String) { _ = (line + "\n").withCString { write(fd, $0, strlen($0)) } }

    /// A new passphrase: strong enough, typed twice the same, with one line on what losing it means.
    func choose(tries: Int) throws -> Passphrase {
        say("The case records are encrypted with a passphrase. It cannot be recovered: if it is forgotten, "
            + "nobody, Pathways included, can open these cases again.")
        for _ in 1...tries {
            guard let first = ask("Choose a passphrase for the case records: ") else { break }
            if let weakness = first.weakness {
                first.wipe()
                say(weakness)
                continue
            }
            guard let second = ask("Type it again: ") else { first.wipe(); break }
            defer { second.wipe() }
            if first.matches(second) { return first }
            first.wipe()
            say("The two passphrases differ; choose one again.")
        }
        throw CLIError("no passphrase was chosen, so no case records were made")
    }

    /// One passphrase typed with echo off, byte by byte into secret memory. Nil on Ctrl-C, Ctrl-D or no input.
    func ask(_ prompt: String) -> Passphrase? {
        guard let secret = try? SecretBytes(capacity: Passphrase.maxBytes) else { return nil }
        var old = termios()
        tcgetattr(fd, &old)
        var quiet = old
        // No echo, no signals, byte by byte: Ctrl-C and Ctrl-\ are read as bytes, so the echo is always
        // switched back on and no signal reaches the runtime here.
        quiet.c_lflag &= ~(tcflag_t(ECHO) | tcflag_t(ISIG) | tcflag_t(ICANON))
        withUnsafeMutableBytes(of: &quiet.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        // The modes change before the prompt shows (TCSANOW keeps what is typed meanwhile), so nothing typed
        // after the prompt appears is lost or echoed.
        tcsetattr(fd, TCSANOW, &quiet)
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        defer {
            tcsetattr(fd, TCSANOW, &old)
            _ = write(fd, "\n", 1)
        }
        var c: UInt8 = 0
        while read(fd, &c, 1) == 1, c != 10, c != 13 {
            if c == 3 || c == 4 || c == 28 { secret.wipe(); return nil }  // Ctrl-C, Ctrl-D, Ctrl-\: give up
            if c == 127 || c == 8 { secret.removeLast(); continue }
            guard secret.append(c) else { secret.wipe(); say(""); say(StoreError.passphraseTooLong.description); return nil }
        }
        c = 0
        guard secret.count > 0 else { return nil }
        return Passphrase(secret: secret)
    }
}
