import Crypto
import CryptoExtras
import Foundation

/// The keys of one store, derived from the passphrase; the passphrase itself is never kept.
struct StoreKey: Sendable {
    /// Encrypts answers, notes and assessments.
    let sealing: SymmetricKey
    /// Names encrypted rows (e.g. which question an answer belongs to) without revealing them.
    let naming: SymmetricKey

    /// scrypt at N = 2^14, r = 8, p = 5: an OWASP-recommended setting that fits BoringSSL's 32 MiB limit.
    static let rounds = 1 << 14, blockSize = 8, parallelism = 5

    init(passphrase: String, salt: Data) throws {
        let master = try KDF.Scrypt.deriveKey(from: Array(passphrase.utf8), salt: salt, outputByteCount: 32,
                                              rounds: Self.rounds, blockSize: Self.blockSize, parallelism: Self.parallelism)
        sealing = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("pathways sealing".utf8), outputByteCount: 32)
        naming = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("pathways naming".utf8), outputByteCount: 32)
    }

    /// AES-GCM with the place the value belongs to as associated data, so a ciphertext moved to another
    /// case or field is refused like a modified one.
    func seal(_ plaintext: Data, for place: String) throws -> Data {
        try AES.GCM.seal(plaintext, using: sealing, authenticating: Data(place.utf8)).combined!
    }

    func open(_ ciphertext: Data, for place: String) throws -> Data {
        do {
            return try AES.GCM.open(AES.GCM.SealedBox(combined: ciphertext), using: sealing, authenticating: Data(place.utf8))
        } catch {
            throw StoreError.tampered
        }
    }

    /// A stable opaque name for a value (an HMAC), used as a row key.
    func name(_ value: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: naming)).map { String(format: "%02x", $0) }.joined()
    }

    static func newSalt() -> Data {
        var rng = SystemRandomNumberGenerator()
        return Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) })
    }
}

/// What can go wrong with the case store, in words for the caseworker.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case wrongPassphrase
    case tampered
    case noSuchCase(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .wrongPassphrase: return "That passphrase does not open these case records."
        case .tampered: return "A case record has been changed outside Pathways, so it was not read."
        case .noSuchCase(let code): return "There is no case \(code)."
        case .unreadable(let why): return "The case records could not be opened: \(why)"
        }
    }
}
