import Crypto
import CryptoExtras
import Foundation

/// The key of one store, derived from the passphrase and the store's salt and held in locked memory.
/// The passphrase itself is never kept. Each use makes a short-lived `SymmetricKey`, which swift-crypto
/// zeroes when it is released.
final class StoreKey: @unchecked Sendable {
    /// scrypt at N = 2^14, r = 8, p = 5: an OWASP-recommended setting that fits BoringSSL's 32 MiB limit.
    static let rounds = 1 << 14, blockSize = 8, parallelism = 5
    static let byteCount = 32

    private let sealing: SecretBytes
    private(set) var isWiped = false

    init(passphrase: Passphrase, salt: Data) throws {
        // swift-crypto returns scrypt's output through an ordinary buffer it frees without zeroing; the
        // keys kept from it live only in locked memory.
        let master = try passphrase.bytes.withBytes { bytes in
            try KDF.Scrypt.deriveKey(from: bytes, salt: salt, outputByteCount: Self.byteCount,
                                     rounds: Self.rounds, blockSize: Self.blockSize, parallelism: Self.parallelism)
        }
        let derived = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("pathways case store v2".utf8),
                                             outputByteCount: Self.byteCount)
        sealing = try SecretBytes(capacity: Self.byteCount)
        derived.withUnsafeBytes { for b in $0 { sealing.append(b) } }
    }

    private func withKey<R>(_ body: (SymmetricKey) throws -> R) throws -> R {
        // All zeros: wiped behind its back (SecretBytes.wipeAll at a quick exit); never seal with that.
        guard !isWiped, sealing.withBytes({ $0.contains { $0 != 0 } }) else { throw StoreError.locked }
        return try body(sealing.withBytes { SymmetricKey(data: $0) })
    }

    /// AES-GCM with a fresh random nonce, and the place the value belongs to as associated data, so a value
    /// moved to another case or field is refused like a modified one.
    func seal(_ plaintext: Data, for place: String) throws -> Data {
        try withKey { key in
            guard let combined = try AES.GCM.seal(plaintext, using: key, authenticating: Data(place.utf8)).combined else {
                throw StoreError.notSaved("the value could not be encrypted")
            }
            return combined
        }
    }

    /// The plaintext, or `StoreError.changedOutside`-style failure as `nil` for the caller to name.
    func open(_ ciphertext: Data, for place: String) throws -> Data? {
        try withKey { key in
            try? AES.GCM.open(AES.GCM.SealedBox(combined: ciphertext), using: key, authenticating: Data(place.utf8))
        }
    }

    /// A check value of the key (an HMAC), kept while the key itself is wiped during a lock.
    func fingerprint() throws -> SecretBytes {
        let code = try withKey { HMAC<SHA256>.authenticationCode(for: Data("pathways unlock check".utf8), using: $0) }
        return try SecretBytes(copying: Array(code))
    }

    /// Same key, compared in constant time.
    func isSame(as other: StoreKey) -> Bool { !isWiped && !other.isWiped && sealing.isEqual(to: other.sealing) }

    func wipe() {
        sealing.wipe()
        isWiped = true
    }

    static func newSalt() -> Data {
        var rng = SystemRandomNumberGenerator()
        return Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) })
    }
}
