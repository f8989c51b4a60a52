import Foundation

/// How long to wait before the next try at the lock screen: nothing for the first five wrong passphrases,
/// then 2 s, doubling to at most a minute, so guessing at an unattended terminal is slow. A right
/// passphrase starts the count again.
public struct UnlockBackoff: Sendable, Equatable {
    public static let freeTries = 5
    public static let longestWait = 60.0
    public private(set) var failures = 0

    public init() {}

    /// Seconds to wait before checking the next passphrase.
    public var delayBeforeNextTry: Double {
        guard failures >= Self.freeTries else { return 0 }
        return min(Self.longestWait, pow(2, Double(failures - Self.freeTries + 1)))
    }

    public mutating func record(success: Bool) { failures = success ? 0 : failures + 1 }
}
