import Foundation

/// Fixed sizes for sealed values: 8 KiB, 16 KiB, 32 KiB … up to 1 MiB. A sealed case is always exactly one of
/// these, so its length says only which class it falls in (a walk of the shipped content with a few
/// paragraphs of notes fits the first), never how many answers it holds or which.
enum SizeClass {
    static let smallest = 8 * 1024
    static let largest = 1024 * 1024
    /// AES-GCM adds a 12-byte nonce and a 16-byte tag.
    static let sealingOverhead = 28
    /// The plaintext starts with its length, as 4 bytes.
    static let header = 4

    /// The sealed size for `count` bytes of plaintext, or nil when even the largest class is too small.
    static func sealedSize(forPlaintext count: Int) -> Int? {
        var size = smallest
        while size - sealingOverhead - header < count {
            size *= 2
            if size > largest { return nil }
        }
        return size
    }

    /// Whether `count` is the length of a sealed value of some class.
    static func isSealedSize(_ count: Int) -> Bool {
        count >= smallest && count <= largest && count & (count - 1) == 0
    }

    /// The plaintext with its length in front and zeros after, so that sealed it fills its class exactly.
    static func pad(_ plain: Data) throws -> Data {
        guard let size = sealedSize(forPlaintext: plain.count) else { throw StoreError.tooLarge }
        var out = Data(capacity: size - sealingOverhead)
        let n = UInt32(plain.count)
        out.append(contentsOf: [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)])
        out.append(plain)
        out.append(Data(count: size - sealingOverhead - out.count))
        return out
    }

    /// The plaintext inside a padded value, or nil when the length in front does not fit or the padding is not zeros.
    static func unpad(_ padded: Data) -> Data? {
        let bytes = [UInt8](padded)
        guard bytes.count >= header else { return nil }
        let n = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        guard n <= bytes.count - header, bytes[(header + n)...].allSatisfy({ $0 == 0 }) else { return nil }
        return Data(bytes[header..<(header + n)])
    }
}
