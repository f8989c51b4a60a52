import Foundation
import PathwaysTestSupport
import XCTest

/// A caseworker's walk through the real binary under tmux: a whole case, the language switch, going back,
/// resizing, and paging to the end of long screens.
final class CaseWalkEndToEndTests: XCTestCase {
    /// A whole case through the shipped flow, much like Content/scenarios/maintained-status-family.yaml (with
    /// unpaid wages, so the labour questions come too), then the pathways the content recommends for it under
    /// "Recommended" and some it must not recommend. Questions an `ask_when` rules out (the dates, the
    /// minor's guardian) are not asked, so the steps run on without them.
    func testFullCaseToResults() throws {
        let app = try AppInTmux("full")
        try app.start()
        let t = app.tmux
        t.send("Enter")
        try app.answer(1, "Is the person in danger right now", "No")
        try app.answer(2, "Is the person in deep distress right now", "No")
        try app.answer(3, "Is the person under 18 years old?", "No")
        try app.answer(4, "In which province or territory does the person live now?", "Ontario")
        try app.answer(5, "What is the person’s immigration status in Canada right now?",
                       "Applied to renew their work permit before it expired, and is still waiting (maintained status)")
        try app.answer(6, "Has the person ever made a", "No, never")
        try app.answer(7, "Has the person been given a", "No")
        try app.answer(8, "How did the person come to this job", "None of these")
        try app.answer(9, "Has any of this happened to the person?", "They were not paid what was promised")
        try app.answer(10, "Has the person faced abuse, or a risk of abuse", "Yes")
        try app.answer(11, "Does the person need any of this care now?", "None of these now")
        try app.answer(12, "Does the person have a provincial or territorial health card now?", "Yes")
        try app.answer(13, "Does the person have a serious health problem", "No")
        try app.answer(14, "Is the person afraid of what could happen to them", "No")
        try app.answer(15, "Does the person have a spouse or partner?", "Yes, and they live in Canada")
        try app.answer(16, "Is the partner the one who hurts, threatens or controls the person?", "No")
        try app.answer(17, "What is the partner’s status in Canada?", "A permit or another temporary status")
        try app.answer(18, "Does the person have children under 18, or care for any?",
                       "A child in Canada with another status, such as a permit or permanent residence")
        try app.answer(19, "How does the person feel about contact with police?", "Not sure")
        try app.answer(20, "Does the person agree to contact labour offices", "Yes")
        try app.answer(21, "Where did the work happen?", "In the province or territory where the person lives now")
        try t.waitFor("Pathways [EN] FR ES TL — Results", "■ Recommended — ")

        // The results are longer than the window; a tall window shows them whole (paging has its own test).
        try t.resize(width: 80, height: 200)
        let all = try t.waitFor("■ Not applicable (", "The person decides what to do.")
        XCTAssertFalse(Tmux.lines(all).contains { $0.hasSuffix("↓") }, "the results do not fit in 200 lines")
        // The recommended pathways are in their priority groups: do first, next, also.
        let recommended = ["do first", "next", "also"].flatMap { AppInTmux.section("Recommended — " + $0, of: all) }
        let notApplicable = AppInTmux.section("Not applicable", of: all)
        XCTAssertEqual(recommended.filter { $0.contains("✓ ") }.count, 6, "expected 6 recommended: \(recommended)")
        for title in ["Open work permit for vulnerable workers (OWP-V)", "Report temporary foreign worker abuse to Service Canada",
                      "Employment standards office (work rights)", "School for children and young people",
                      "Legal aid and legal advice", "Canadian Human Trafficking Hotline"] {
            XCTAssertTrue(recommended.contains { $0.contains("✓ \(title)") }, "\"\(title)\" is not under \"Recommended\"")
        }
        // A worker with maintained status and a health card, and no humanitarian factor, is not sent to H&C or
        // to health coverage.
        for title in ["Temporary resident permit for victims of trafficking (VTIP TRP)",
                      "Temporary resident permit for victims of family violence",
                      "Humanitarian and compassionate application (H&C)",
                      "Health care and health coverage (provincial plan or IFHP)", "Call emergency services"] {
            XCTAssertTrue(notApplicable.contains { $0.contains("✗ \(title)") }, "\"\(title)\" is not under \"Not applicable\"")
            XCTAssertFalse(recommended.contains { $0.contains(title) }, "\"\(title)\" should not be recommended")
        }
    }

    /// `l` on a question shows it in French in the same place; `l` again brings English back.
    func testLanguageSwitchKeepsThePlace() throws {
        let app = try AppInTmux("lang")
        try app.start()
        let t = app.tmux
        t.send("Enter")
        try app.answer(1, "Is the person in danger right now", "No")
        try app.answer(2, "Is the person in deep distress right now", "No")
        try t.waitFor("Step 3 of about", "Is the person under 18 years old?")
        try app.pick("No")
        t.send("l")
        try t.waitFor("Pathways EN [FR] ES TL", "Étape 3 sur environ", "La personne a-t-elle moins de 18 ans?",
                      "› 2. ( ) Non", "1. ( ) Oui", "3. ( ) Ne sait pas", "sortie rapide")
        try t.waitLacks("Is the person under 18 years old?", "Step 3", "quick exit")
        // l goes on through the bundle's languages (Spanish, Tagalog) and back to English.
        t.send("l")
        try t.waitFor("Pathways EN FR [ES] TL", "Paso 3 de unos", "¿Tiene usted menos de 18 años?")
        t.send("l")
        try t.waitFor("Pathways EN FR ES [TL]", "Hakbang 3 ng humigit-kumulang")
        t.send("l")
        try t.waitFor("Pathways [EN] FR ES TL", "Step 3 of about", "Is the person under 18 years old?", "› 2. ( ) No", "quick exit")
        try t.waitLacks("Étape", "La personne a-t-elle", "Oui")
        t.send("Left")
        try t.waitFor("Step 2 of about", "Is the person in deep distress right now", "› 2. (•) No")
    }

    /// Going back shows the previous answer marked; a changed answer is kept, and the review lists it.
    func testBackAndChange() throws {
        let app = try AppInTmux("back")
        try app.start()
        let t = app.tmux
        t.send("Enter")
        try app.answer(1, "Is the person in danger right now", "No")
        try app.answer(2, "Is the person in deep distress right now", "No")
        try t.waitFor("Step 3 of about", "Is the person under 18 years old?")
        t.send("Left")
        try t.waitFor("Step 2 of about", "Is the person in deep distress right now", "› 2. (•) No", "3. ( ) Not sure")
        try app.pick("Not sure")
        t.send("Enter")
        try t.waitFor("Step 3 of about", "Is the person under 18 years old?")
        t.send("BSpace")
        try t.waitFor("Step 2 of about", "Is the person in deep distress right now", "› 3. (•) Not sure", "2. ( ) No")
        t.send("Enter")
        try t.waitFor("Step 3 of about", "Is the person under 18 years old?")
        t.send("r")
        let review = try t.waitFor("Pathways [EN] FR ES TL — Review answers", "themselves?", "→ Not sure")
        XCTAssertEqual(AppInTmux.reviewAnswer("themselves?", on: review), "Not sure")
        XCTAssertEqual(AppInTmux.reviewAnswer("soon?", on: review), "No")
    }

    /// Resizing mid-question: larger, too small (a message), then back: the question is intact and works.
    func testResizeMidQuestion() throws {
        let app = try AppInTmux("resize")
        try app.start()
        let t = app.tmux
        t.send("Enter")
        try app.answer(1, "Is the person in danger right now", "No")
        try app.answer(2, "Is the person in deep distress right now", "No")
        try app.answer(3, "Is the person under 18 years old?", "No")
        try t.waitFor("Step 4 of about", "In which province or territory does the person live now?")
        try app.pick("Ontario")

        try t.resize(width: 100, height: 30)
        XCTAssertEqual(t.pane("#{pane_width}x#{pane_height}"), "100x30")
        try t.waitMatch("^" + String(repeating: "─", count: 100) + "$")
        let wide = try t.waitFor("Step 4 of about", "In which province or territory does the person live now?", "› 9. ( ) Ontario", "13. ( ) Yukon")
        XCTAssertEqual(Tmux.lines(wide).count, 30)

        try t.resize(width: 50, height: 12)
        try t.waitFor("Enlarge the window to at least 60×16", "F12/Ctrl-X quick exit")
        try t.waitLacks("In which province", "Ontario", "─")

        try t.resize(width: 80, height: 24)
        try t.waitMatch("^" + String(repeating: "─", count: 80) + "$")
        try t.waitFor("Pathways [EN] FR ES TL — Where the person lives", "Step 4 of about",
                      "In which province or territory does the person live now?", "1. ( ) Alberta", "› 9. ( ) Ontario",
                      "13. ( ) Yukon", "F12/Ctrl-X quick exit")
        try t.waitLacks("Enlarge the window")
        t.send("Enter")
        try t.waitFor("Step 5 of about", "What is the person’s immigration status in Canada right now?")
    }

    /// PgDn reads a long screen to its end: the start screen (its disclaimer does not fit in 80×24) and the
    /// results of an urgent case.
    func testPageDownReachesTheEnd() throws {
        let app = try AppInTmux("pgdn")
        try app.start()
        let t = app.tmux
        try pageToEnd(t, "start screen")
        t.send("Home")
        try t.waitFor("› 1. Start a new case")
        t.send("Enter")
        try app.answer(1, "Is the person in danger right now", "Yes")
        try t.waitFor("Pathways [EN] FR ES TL — Results", "URGENT: Safety first")
        try pageToEnd(t, "results")
    }

    /// Presses PgDn until the screen no longer shows "↓" (more below); each press must move the screen, and
    /// the last page must show the end of the disclaimer.
    private func pageToEnd(_ t: Tmux, _ what: String) throws {
        var pages = 0
        while Tmux.lines(t.capture()).contains(where: { $0.hasSuffix("↓") }) {
            guard pages < 30 else { throw t.failure("\(what): still more below after 30 presses of PgDn") }
            let previous = t.screen
            t.send("NPage")
            try t.wait("\(what): PgDn (press \(pages + 1)) to move the screen, which shows ↓ (more below)") { $0 != previous }
            pages += 1
        }
        XCTAssertTrue(t.screen.contains("investigation. The person decides what to do."),
                      "\(what): the last page does not end with the disclaimer's last words")
    }
}
