import XCTest
@testable import PathwaysEngine

/// The bundle hash is swift-crypto's SHA-256 (no hand-written copy): checked against published and
/// independently computed digests, across block edges, and fed in pieces as the bundle hash feeds it.
final class BundleDigestTests: XCTestCase {
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
        for (bytes, digest) in cases { XCTAssertEqual(BundleDigest.hex(of: bytes), digest, "\(bytes.count) bytes") }
        var pieces = BundleDigest()
        for chunk in stride(from: 0, to: 1000, by: 37) { pieces.add([UInt8](repeating: UInt8(ascii: "a"), count: min(37, 1000 - chunk))) }
        XCTAssertEqual(pieces.hex, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testTheBundleHashCoversPathsSizesAndContents() {
        let a = ContentFiles(files: ["a.yaml": Array("x".utf8)], displayRoot: "C").hash
        XCTAssertEqual(a.count, 64)
        XCTAssertNotEqual(a, ContentFiles(files: ["b.yaml": Array("x".utf8)], displayRoot: "C").hash)
        XCTAssertNotEqual(a, ContentFiles(files: ["a.yaml": Array("y".utf8)], displayRoot: "C").hash)
        // path NUL size NUL bytes, in path order.
        XCTAssertEqual(a, BundleDigest.hex(of: Array("a.yaml".utf8) + [0] + Array("1".utf8) + [0] + Array("x".utf8)))
    }
}
