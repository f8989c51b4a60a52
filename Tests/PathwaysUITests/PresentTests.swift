import PathwaysEngine
import PathwaysTestSupport
import XCTest
@testable import PathwaysUI

/// A presentation's two views as states: the console (notes, timer, next step) and the room's view, which
/// follows what the console sends and never shows a note.
final class PresentTests: XCTestCase {
    func console(_ bundle: ContentBundle = Fixture.shipped) -> UIState {
        UIState.training(bundle: bundle, width: 100, height: 30, audience: .console)
    }

    func room(_ bundle: ContentBundle = Fixture.shipped) -> UIState {
        UIState.training(bundle: bundle, width: 100, height: 30, audience: .room)
    }

    /// The start of every note of a case, before and after the reveal, in both languages (leaving out words the
    /// case's learning points, which the room sees, say too).
    func noteStarts(_ s: Scenario) -> [String] {
        let t = s.training!
        func words(_ text: String) -> String { GlossaryMarkup.render(text, bundle: Fixture.shipped, locale: "en").split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let points = t.learningPoints.flatMap { $0.texts.values }.map(words).joined(separator: "\n")
        return (t.steps + (t.results.map { [$0] } ?? [])).flatMap { [$0.notes, $0.afterReveal].compactMap { $0 } }
            .flatMap { $0.texts.values }
            .map { String(words($0).split(separator: " ").prefix(6).joined(separator: " ")) }
            .filter { !points.contains($0) }
    }

    func testTheRoomsViewNeverShowsANoteOnAnyStepOfAnyCase() throws {
        var c = console()
        var r = room()
        for (index, scenario) in Fixture.shipped.scenarios.filter({ $0.training != nil }).enumerated() {
            c.cursor = index
            c.press(.enter)
            let last = try XCTUnwrap(TrainingCase(scenario.id, in: Fixture.shipped, today: nil)).lastStep
            for step in 0...last {
                for revealed in [false, true] {
                    let view = try XCTUnwrap(c.presentedView)
                    let json = String(decoding: view.line(), as: UTF8.self)
                    r.follow(try XCTUnwrap(PresentedView.read(view.line())))
                    let roomText = Renderer.frame(r).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    let consoleText = Renderer.frame(c).text
                    XCTAssertEqual(Tmux.lines(Renderer.frame(r).text)[1], Tmux.lines(consoleText)[1], "\(scenario.id) \(step): the same step")
                    for words in ["Facilitator's note", "After the reveal", "FACILITATOR"] {
                        XCTAssertFalse(roomText.contains(words), "\(scenario.id) step \(step) shows \(words) to the room")
                    }
                    for note in noteStarts(scenario) where note.count > 15 {
                        XCTAssertFalse(roomText.contains(note), "\(scenario.id) step \(step): the room sees the note “\(note)”")
                        XCTAssertFalse(json.contains(note), "the message to the room holds no note")
                    }
                    if !revealed { c.press(.char(" ")) }
                }
                c.press(.right)
            }
            c.press(.escape)
        }
    }

    func testTheConsoleShowsTheNotesTheTimerAndTheNextStepToDiscuss() {
        var c = console()
        c.press(.enter)
        c.tick(seconds: 0)
        c.press(.right)
        c.tick(seconds: 754)
        c.roomsConnected(1)
        let text = Renderer.frame(c).text
        XCTAssertTrue(text.contains("FACILITATOR’S CONSOLE — not for the projector"), text)
        XCTAssertTrue(text.contains("◷ 12:34 in all"), text)
        XCTAssertTrue(text.contains("room’s view connected"), text)
        XCTAssertTrue(text.contains("Next to discuss (step "), text)
        XCTAssertFalse(c.training?.notesHidden ?? true, "the console shows its notes from the start")
    }

    /// With four languages the room shows the console's two: the person's column is sent, not guessed.
    func testTheRoomShowsTheConsolesTwoLanguages() throws {
        var c = console()
        var r = room()
        c.context.use(clientLocale: "tl")
        c.press(.enter)
        r.follow(try XCTUnwrap(PresentedView.read(try XCTUnwrap(c.presentedView).line())))
        XCTAssertEqual(r.context.locale, "en")
        XCTAssertEqual(r.context.clientLocale, "tl")
        XCTAssertTrue(r.context.bilingual)
    }

    func testTheRoomFollowsARevealAWhatIfAndAnOpenedPathway() throws {
        var c = console(Fixture.bundle)
        var r = room(Fixture.bundle)
        XCTAssertTrue(Renderer.frame(r).text.contains("Waiting for the facilitator’s console"))
        c.press(.enter, .char("j"), .char("3"), .enter, .char(" "), .char("i"), .char("3"), .enter)
        r.follow(try XCTUnwrap(c.presentedView))
        var text = Renderer.frame(r).text
        XCTAssertTrue(text.contains("◆ Employer-specific work permit ← The case's answer"), text)
        XCTAssertTrue(text.contains("What if the answer were “No status”?"), text)
        XCTAssertTrue(text.contains("q close this view"), text)
        c.press(.char("u"), .char("j"), .char("8"), .enter, .char(" "))
        c.cursor = try XCTUnwrap(c.items.firstIndex(of: .pathway("owp")))
        c.press(.enter)
        r.follow(try XCTUnwrap(c.presentedView))
        XCTAssertEqual(r.screen, .pathway("owp"))
        // A view that does not fit this content is not followed.
        var other = try XCTUnwrap(c.presentedView)
        other.content = "not-this-content"
        r.follow(other)
        XCTAssertEqual(r.screen, .pathway("owp"))
        text = Renderer.frame(r).text
        XCTAssertTrue(text.contains("The console shows other content than this view has"), text)
        XCTAssertNil(PresentedView.read(Data(String(repeating: "[", count: 100).utf8)))
        // The room's keys do nothing but close it.
        XCTAssertEqual(r.handle(.key(.char(" "))), [])
        XCTAssertEqual(r.handle(.key(.char("q"))), [.quit])
    }
}
