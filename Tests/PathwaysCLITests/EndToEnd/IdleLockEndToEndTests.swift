import Foundation
import PathwaysStore
import PathwaysTestSupport
import XCTest

/// The idle lock through the real binary under tmux: the passphrase typed at the lock screen is compared with
/// the key in memory, so moving the records away meanwhile does not let another passphrase in (it did: a
/// new store was made with it), and the case goes on being saved in the records it came from.
final class IdleLockEndToEndTests: XCTestCase {
    func testTheLockScreenComparesWithTheKeyInMemoryEvenWhenTheFileIsMoved() throws {
        let app = try AppInTmux("lock")
        let passphrase = "idle lock test passphrase"
        let store = app.data.appendingPathComponent("pathways/cases.sqlite").path
        // 0.1 minutes: the lock comes 6 s after the last key (long enough for a debug build to derive the key).
        try app.start(["--lock-after", "0.1"], store: true, environment: ["PATHWAYS_PASSPHRASE": passphrase])
        let t = app.tmux
        t.send("Enter")
        try app.answer(1, "Is the person in danger right now", "No")
        try t.waitFor("Locked after a pause", timeout: 20)
        try t.waitLacks("Is the person")
        try FileManager.default.moveItem(atPath: store, toPath: store + ".moved")

        t.type("an attacker's passphrase")
        t.send("Enter")
        try t.waitFor("That passphrase does not open the case records.")
        XCTAssertFalse(FileManager.default.fileExists(atPath: store), "unlocking made new case records")

        try FileManager.default.moveItem(atPath: store + ".moved", toPath: store)
        t.type(passphrase)
        t.send("Enter")
        try t.waitFor("Is the person in deep distress right now")
        try t.waitLacks("Locked after a pause")
        try app.answer(2, "Is the person in deep distress right now", "No")
        let screen = try t.waitFor("Step 3 of about")
        let code = try XCTUnwrap(screen.range(of: #"Case [A-Z0-9]{3}-[A-Z0-9]{3}"#, options: .regularExpression)
            .map { String(screen[$0].dropFirst("Case ".count)) }, "no case code on screen")
        t.send("F12")
        try t.waitBlank(allowExit: true)
        let record = try CaseStore(path: store, passphrase: passphrase).load(try XCTUnwrap(CaseCode(code)))
        XCTAssertEqual(record.answers.count, 2, "the answers after the lock were not saved: \(record.answers)")
    }
}
