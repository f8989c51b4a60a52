import CProcessGuard
import Foundation
import PathwaysStore

/// What the process does for privacy before anything else: no backtracer, no core dumps, and the
/// passphrase taken out of the environment block.
enum ProcessHygiene {
    /// Runs first in `main`. Swift's runtime backtracer is configured when the process starts, so when
    /// SWIFT_BACKTRACE is not `enable=no` the program executes itself once more with it set (same pid,
    /// same arguments). Then core dumps and ptrace by other processes are switched off, and
    /// PATHWAYS_PASSPHRASE is copied into locked memory and overwritten where it was.
    static func harden() {
        _ = pg_reexec_without_backtracer(CommandLine.unsafeArgv)
        _ = pg_disable_core_dumps()
        EnvironmentPassphrase.take()
    }
}

/// The passphrase given in PATHWAYS_PASSPHRASE, read once at start-up (the variable is empty afterwards).
enum EnvironmentPassphrase {
    nonisolated(unsafe) private(set) static var value: Passphrase?
    nonisolated(unsafe) private(set) static var problem: String?

    static func take() {
        do {
            value = try Passphrase.takeFromEnvironment("PATHWAYS_PASSPHRASE")
        } catch {
            problem = "PATHWAYS_PASSPHRASE: \(error)"
        }
    }

    /// Whether a passphrase came from the environment (or tried to).
    static var isSet: Bool { value != nil || problem != nil }

    /// Once the store is open the passphrase is not needed again (the lock screen asks for it): wipe it.
    static func forget() {
        value?.wipe()
        value = nil
    }
}

/// The end of the program after a quick exit: the keys are wiped and the process ends at once, status 0,
/// printing nothing (the interface has already cleared the terminal).
enum QuickExit {
    static func end() -> Never {
        SecretBytes.wipeAll()
        _exit(0)
    }
}
