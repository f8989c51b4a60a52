import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// The content editor's preview: reloads keep the answers, a broken file keeps the last good bundle
/// beside the diagnostics, and ids can be jumped to.
final class PreviewTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PathwaysEngineTests/Fixtures/starter")

    func checked(_ change: (inout ContentFiles) -> Void = { _ in }) throws -> CheckedBundle {
        var files = try ContentFiles.read(directory: Self.root, displayRoot: "starter")
        change(&files)
        var checked = Checker.check(files, today: nil)
        checked.bundle = checked.bundle.withStrings(under: Fixture.programWords)
        return checked
    }

    func edit(_ path: String, _ from: String, _ to: String) -> (inout ContentFiles) -> Void {
        { files in
            let text = String(decoding: files.files[path]!, as: UTF8.self)
            files.files[path] = Array(text.replacingOccurrences(of: from, with: to).utf8)
        }
    }

    func testASavedChangeShowsAtOnceAndKeepsTheAnswers() throws {
        let first = try checked()
        var s = UIState.preview(bundle: first.bundle, diagnostics: first.diagnostics, excerpts: [:])
        s.press(.char("2"), .enter)
        s.type("29")
        s.press(.enter)
        XCTAssertEqual(s.currentQuestion?.id, "status")
        XCTAssertTrue(Renderer.frame(s).text.contains("node status · starter/questions/status.yaml:2"))
        let changed = try checked(edit("questions/status.yaml", "What is the person's [[trp|status]]?", "What is the person's status now?"))
        s.reloaded(bundle: changed.bundle, diagnostics: changed.diagnostics, excerpts: [:])
        let text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("What is the person's status now?"), text)
        XCTAssertTrue(text.contains("reload 1"))
        XCTAssertEqual(s.session?.answers["age"], .value(.number(29)), "answers are replayed")
    }

    /// A file that does not parse: the diagnostics screen lists its error and says how many more were held
    /// back because they only follow from it (as `pathways check` does), instead of listing them.
    func testTheDiagnosticsScreenSaysWhatWasHeldBack() throws {
        let first = try checked()
        var s = UIState.preview(bundle: first.bundle, diagnostics: first.diagnostics, excerpts: [:])
        let broken = try checked(edit("questions/safety.yaml", "  - id: age", "  - id: age\n\tkind: number"))
        XCTAssertFalse(broken.withheld.isEmpty, "the starter's flow reads questions of safety.yaml")
        s.reloaded(bundle: broken.bundle, diagnostics: broken.diagnostics, excerpts: [:], notes: broken.withheld.map(\.note))
        s.press(.function(6))
        XCTAssertEqual(s.screen, .diagnostics)
        let text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("a tab character"), text)
        XCTAssertTrue(text.contains("note: "), text)
        XCTAssertTrue(text.contains("fix it first"), text)
    }

    func testABrokenFileKeepsTheLastGoodBundleBesideTheDiagnosticsUntilItIsFixed() throws {
        let first = try checked()
        var s = UIState.preview(bundle: first.bundle, diagnostics: first.diagnostics, excerpts: [:])
        s.press(.char("2"), .enter)
        let broken = try checked(edit("questions/safety.yaml", "  - id: age", "  - id: age\n  oops: ["))
        XCTAssertTrue(broken.hasErrors)
        s.reloaded(bundle: broken.bundle, diagnostics: broken.diagnostics,
                   excerpts: Dictionary(uniqueKeysWithValues: broken.diagnostics.indices.map { ($0, ["   1 questions:"]) }))
        var text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("the files have errors: showing the last good content"), text)
        XCTAssertTrue(text.contains("How old is the person?"), "the last good content stays on screen")
        s.press(.char("d"))
        XCTAssertEqual(s.input, "d", "on a typed answer, letters are typed")
        s.press(.backspace, .function(6))
        XCTAssertEqual(s.screen, .diagnostics)
        text = Renderer.frame(s).text
        XCTAssertTrue(text.contains("starter/questions/safety.yaml:"), text)
        s.press(.enter)
        XCTAssertTrue(Renderer.frame(s).text.contains("   1 questions:"))
        s.press(.escape, .escape)
        XCTAssertEqual(s.currentQuestion?.id, "age")
        let fixed = try checked()
        s.reloaded(bundle: fixed.bundle, diagnostics: fixed.diagnostics, excerpts: [:])
        XCTAssertFalse(Renderer.frame(s).text.contains("the files have errors"))
        XCTAssertEqual(s.session?.answers["in_danger"], .value(.option("no")))
    }

    func testJumpToAQuestionOrAPathwayById() throws {
        let first = try checked()
        var s = UIState.preview(bundle: first.bundle, diagnostics: first.diagnostics, excerpts: [:])
        s.press(.char("2"), .enter)
        s.type("29")
        s.press(.enter)
        s.press(.char(":"))
        s.type("age")
        s.press(.enter)
        XCTAssertEqual(s.currentQuestion?.id, "age")
        s.press(.function(7))
        s.type("owp")
        s.press(.enter)
        XCTAssertEqual(s.screen, .pathway("owp"))
        s.press(.escape, .function(7))
        s.type("stauts")
        s.press(.enter)
        XCTAssertTrue(Renderer.frame(s).text.contains("no question or pathway 'stauts' (did you mean 'status'?)"))
    }

    func testWAsksTheBackendToSaveTheAnswersAsAScenario() throws {
        let first = try checked()
        var s = UIState.preview(bundle: first.bundle, diagnostics: first.diagnostics, excerpts: [:])
        XCTAssertEqual(s.handle(.key(.char("w"))), [.previewRequest(.recordScenario)])
        s.recordedScenario("saved scenarios/recorded-x.yaml")
        XCTAssertTrue(Renderer.frame(s).text.contains("saved scenarios/recorded-x.yaml"))
    }

    func testARecordedScenarioPassesAsATest() throws {
        let bundle = try checked().bundle
        var session = Session(bundle: bundle, today: nil)
        for v: AnswerValue in [.option("no"), .number(29), .option("work_permit"), .date(Day("2023-05-01")!), .options(["documents_taken"]), .option("yes"), .text("on")] {
            try session.answer(.value(v))
        }
        var files = try ContentFiles.read(directory: Self.root, displayRoot: "starter")
        files.files["scenarios/recorded.yaml"] = Array(ScenarioWriter.yaml(id: "recorded", title: "Recorded", session: session).utf8)
        let again = Checker.check(files, today: nil)
        XCTAssertFalse(again.hasErrors, again.diagnostics.map(\.formatted).joined(separator: "\n"))
        let scenario = try XCTUnwrap(again.bundle.scenarios.first { $0.id == "recorded" })
        XCTAssertEqual(ScenarioRunner(bundle: again.bundle, today: nil).run(scenario).failures, [])
        XCTAssertEqual(scenario.expect.recommended.map(\.id).sorted(), ["adult-services", "legal-help", "owp", "trp"])
    }

    func testTheStartScreenOpensThePreviewAndQGoesBackToTheCaseworkersBundle() throws {
        var s = UIState(bundle: Fixture.shipped, width: 80, height: 24)
        s.previewAvailable = true
        XCTAssertTrue(Renderer.frame(s).text.contains("4. Content preview (./Content)"))
        s.press(.char("4"))
        XCTAssertEqual(s.handle(.key(.enter)), [.closeCase, .openPreview])
        let first = try checked()
        s.openedPreview(PreviewReload(bundle: first.bundle, diagnostics: first.diagnostics, excerpts: [:]))
        XCTAssertEqual(s.currentQuestion?.id, "in_danger")
        XCTAssertTrue(Renderer.frame(s).text.contains("PREVIEW"))
        XCTAssertEqual(s.bundle.info.id, "starter")
        s.press(.char("q"))
        XCTAssertEqual(s.screen, .start)
        XCTAssertEqual(s.bundle.info.id, Fixture.shipped.info.id, "back on the bundle the interface was opened with")
    }
}
