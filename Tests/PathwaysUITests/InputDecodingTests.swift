import XCTest
@testable import PathwaysUI

/// Terminal input in raw mode: control keys, and escape sequences the terminal description does not know.
final class InputDecodingTests: XCTestCase {
    func testControlKeysInRawMode() {
        XCTAssertEqual(ControlKeys.key(3), .control("c"), "Ctrl-C arrives as a key")
        XCTAssertEqual(ControlKeys.key(26), .control("z"))
        XCTAssertEqual(ControlKeys.key(24), .control("x"))
        XCTAssertNil(ControlKeys.key(28), "Ctrl-\\ means nothing")
        XCTAssertNil(ControlKeys.key(0))
        XCTAssertNil(ControlKeys.key(0x9b), "a C1 control means nothing")
        XCTAssertEqual(ControlKeys.key(13), .enter)
        XCTAssertEqual(ControlKeys.key(127), .backspace)
        XCTAssertEqual(ControlKeys.key(UInt32(("é" as Unicode.Scalar).value)), .char("é"))
    }

    func testAnUnknownSequenceIsReadWholeAndMeansNothing() {
        func bytes(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
        XCTAssertEqual(EscapeSequence.key(after: []), .escape, "a lone ESC is Esc")
        for seq in ["[4~", "[F", "OF", "[1;5D", "[200~", "x"] {
            XCTAssertTrue(EscapeSequence.isComplete(bytes(seq)), seq)
            XCTAssertNil(EscapeSequence.key(after: bytes(seq)), "ESC \(seq) is not Esc")
        }
        for partial in ["[", "[4", "[1;5", "O"] {
            XCTAssertFalse(EscapeSequence.isComplete(bytes(partial)), partial)
        }
    }
}
