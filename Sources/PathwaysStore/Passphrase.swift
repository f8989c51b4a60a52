import CProcessGuard
import Foundation

/// A passphrase held in locked memory and wiped after use. Pathways never stores it: only keys derived
/// from it live on, in memory.
public final class Passphrase: @unchecked Sendable {
    /// Longer input is refused rather than cut short.
    public static let maxBytes = 1024
    /// The least a new store accepts.
    public static let minimumCharacters = 8

    let bytes: SecretBytes

    /// Takes over `bytes` (typed at a prompt straight into secret memory).
    public init(secret bytes: SecretBytes) { self.bytes = bytes }

    /// A copy of `text` (the lock screen hands the passphrase over as a String, which cannot be wiped).
    public convenience init(_ text: String) throws {
        guard text.utf8.count <= Self.maxBytes else { throw StoreError.passphraseTooLong }
        self.init(secret: try SecretBytes(copying: Array(text.utf8)))
    }

    /// The value of the environment variable `name`, overwritten in place in the environment block, so
    /// /proc/PID/environ no longer shows it. Nil when the variable is unset or empty.
    public static func takeFromEnvironment(_ name: String) throws -> Passphrase? {
        let secret = try SecretBytes(capacity: maxBytes)
        let length = secret.fill { buffer, capacity in
            Int(name.withCString { pg_take_environment_value($0, buffer, capacity) })
        }
        guard length > 0 else { return nil }
        guard length <= maxBytes else { throw StoreError.passphraseTooLong }
        return Passphrase(secret: secret)
    }

    public var isEmpty: Bool { bytes.count == 0 }

    /// The number of characters (Unicode scalars) typed.
    public var characterCount: Int {
        bytes.withBytes { $0.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }

    /// Why this passphrase is too weak for a new store, in words for the caseworker; nil when it will do.
    public var weakness: String? {
        if characterCount < Self.minimumCharacters {
            return "A passphrase needs at least \(Self.minimumCharacters) characters; a few words are easiest to remember."
        }
        let distinct = bytes.withBytes { Set($0.filter { $0 != 32 }) }
        if distinct.count < 3 { return "That passphrase is too easy to guess; use a few words." }
        return nil
    }

    /// Same passphrase, compared in constant time.
    public func matches(_ other: Passphrase) -> Bool { bytes.isEqual(to: other.bytes) }

    public func wipe() { bytes.wipe() }
}
