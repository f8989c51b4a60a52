import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// The interface's side of case records: saving before the next frame, resuming, and the idle lock.
final class CaseRecordsUITests: XCTestCase {
    func state() -> UIState {
        var s = UIState(bundle: Fixture.bundle, width: 80, height: 24)
        s.recordsAvailable = true
        return s
    }

    func testEveryConfirmedAnswerAsksTheBackendToRecordIt() {
        var s = state()
        XCTAssertEqual(s.handle(.key(.enter)), [.closeCase, .record], "a new case is recorded from the start")
        XCTAssertEqual(s.handle(.key(.char("2"))), [], "moving the cursor saves nothing")
        XCTAssertEqual(s.handle(.key(.enter)), [.record])
        s.type("3")
        XCTAssertEqual(s.handle(.key(.enter)), [.record])
        XCTAssertEqual(s.handle(.key(.left)), [], "going back changes no answer")
    }

    func testResumeListsSavedCasesAndReopensOne() {
        var s = state()
        XCTAssertEqual(s.handle(.key(.char("2"))), [.listCases])
        s.showCases([CaseListing(code: "KQ7-M2P", updated: "2026-11-20", step: 3, estimatedTotal: 7, version: "starter 0.1.0", contentChanged: true)])
        let list = Renderer.frame(s).text
        XCTAssertTrue(list.contains("KQ7-M2P · updated 2026-11-20 · Step 3 of about 7 · starter 0.1.0"), list)
        XCTAssertTrue(list.contains("(content\n  changed since)"), list)
        XCTAssertEqual(s.handle(.key(.enter)), [.reopen("KQ7-M2P")])
        var session = Session(bundle: Fixture.bundle, today: nil)
        try? session.answer(.value(.option("no")))
        s.reopened(ReopenedCase(session: session, locale: "fr", notice: ["Le contenu a changé depuis ce dossier : 0.0.9 → 0.1.0"]), code: "KQ7-M2P")
        let text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("Quel âge a la personne?"), text)
        XCTAssertTrue(text.contains("Dossier KQ7-M2P"), text)
        XCTAssertTrue(text.contains("Le contenu a changé depuis ce dossier : 0.0.9 → 0.1.0"), text)
    }

    func testResumeIsUnavailableWithoutRecords() {
        var s = UIState(bundle: Fixture.bundle, width: 80, height: 24)
        XCTAssertEqual(s.handle(.key(.char("2"))), [])
        XCTAssertTrue(Renderer.frame(s).text.contains("2. Resume a case (needs case records)"))
    }

    func testTheIdleLockHidesTheCaseUntilThePassphraseIsTyped() {
        var s = state()
        s.press(.enter, .char("2"), .enter)
        s.lock()
        let locked = Renderer.frame(s).text
        XCTAssertTrue(locked.contains("Locked after a pause"))
        XCTAssertFalse(locked.contains("How old is the person?"), "nothing of the case shows while locked")
        s.type("pw")
        XCTAssertTrue(Renderer.frame(s).text.contains("> ••▏"), "the passphrase is never shown")
        XCTAssertEqual(s.handle(.key(.enter)), [.unlock("pw")])
        s.unlockResult(false)
        XCTAssertTrue(Renderer.frame(s).text.contains("That passphrase does not open the case records."))
        XCTAssertTrue(s.locked)
        s.unlockResult(true)
        XCTAssertTrue(Renderer.frame(s).text.contains("How old is the person?"))
    }

    func testQuickExitWorksWhileLockedAndClosesTheCase() {
        var s = state()
        s.press(.enter)
        s.lock()
        XCTAssertEqual(s.handle(.key(.function(12))), [.wipeTerminal, .closeCase])
        XCTAssertNil(s.session)
        XCTAssertFalse(s.locked)
    }

    func testASaveFailureIsShownPlainly() {
        var s = state()
        s.press(.enter)
        s.recorded(error: "disk full", code: nil)
        XCTAssertTrue(Renderer.frame(s).text.contains("NOT SAVED: disk full"))
    }
}

/// Notes and the referral summary from the interface.
final class NotesAndExportUITests: XCTestCase {
    func testNotesAreTypedOnTheReviewScreenAndSaved() {
        var s = UIState(bundle: Fixture.bundle, width: 80, height: 24)
        s.recordsAvailable = true
        s.press(.enter, .char("2"), .enter, .function(2))
        XCTAssertTrue(Renderer.frame(s).text.contains("Caseworker's notes (no names)"))
        s.press(.char("n"))
        s.type("call back Tuesday")
        XCTAssertTrue(Renderer.frame(s).text.contains("Notes (no names), then Enter: call back Tuesday▏"))
        XCTAssertEqual(s.handle(.key(.enter)), [.saveNotes("call back Tuesday")])
        XCTAssertTrue(Renderer.frame(s).text.contains("  call back Tuesday"))
    }

    func testTheResultsOfferTheReferralSummaryWithOrWithoutAnswers() {
        var s = UIState(bundle: Fixture.bundle, width: 100, height: 30)
        s.recordsAvailable = true
        s.press(.enter, .char("1"), .enter)
        XCTAssertEqual(s.screen, .results)
        XCTAssertTrue(Renderer.frame(s).text.contains("e export summary (E with answers)"))
        XCTAssertEqual(s.handle(.key(.char("e"))), [.export(includeAnswers: false)])
        XCTAssertEqual(s.handle(.key(.char("E"))), [.export(includeAnswers: true)])
        s.exported("Summary written: /tmp/x.md / .txt")
        XCTAssertTrue(Renderer.frame(s).text.contains("Summary written: /tmp/x.md / .txt"))
    }
}
