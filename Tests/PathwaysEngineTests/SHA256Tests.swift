import XCTest
@testable import PathwaysEngine

/// The bundle hash's SHA-256 against published and independently computed digests, across block edges.
final class SHA256Tests: XCTestCase {
    func testKnownDigests() {
        let cases: [([UInt8], String)] = [
            ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            // 56 bytes: the length no longer fits the first block.
            (Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ([UInt8](repeating: UInt8(ascii: "a"), count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
            (Array(0...255) + Array(0...255) + Array(0...255) + Array("xyz".utf8),
             "c88b6dc887c181168f0090f9b194fa95a4941342d49ba8bec914fd7ce64881a7"),
        ]
        for (bytes, digest) in cases { XCTAssertEqual(SHA256.hex(bytes), digest, "\(bytes.count) bytes") }
    }
}
