import Crypto

/// A SHA-256 (swift-crypto's) fed piece by piece: the bundle's hash, and the source hashes of translations.
struct BundleDigest {
    private var hasher = Crypto.SHA256()

    mutating func add(_ bytes: [UInt8]) { hasher.update(data: bytes) }

    /// The digest as 64 lowercase hex digits.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in hasher.finalize() {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hex digest of `bytes`.
    static func hex(of bytes: [UInt8]) -> String {
        var d = BundleDigest()
        d.add(bytes)
        return d.hex
    }
}
