import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// The view for two people (issue 16): the worker's language and the person's, the keys that choose them,
/// what each column shows, the marked fallback, the notice of an unchecked translation, and the handout.
final class TwoLanguageTests: XCTestCase {
    static let seasonalWorker = LanguageFrameTests.seasonalWorker

    func text(_ s: UIState) -> String { Renderer.frame(s).text }

    /// The right column of a two-column frame, its lines joined as one text, so a test reads what the
    /// person sees whatever the wrapping.
    func personsColumn(_ s: UIState) -> String { column(s) { line, bar in line[line.index(after: bar)...] } }

    func workersColumn(_ s: UIState) -> String { column(s) { line, bar in line[..<bar] } }

    func column(_ s: UIState, _ part: (Substring, Substring.Index) -> Substring) -> String {
        let words = text(s).split(separator: "\n").compactMap { line -> String? in
            guard let bar = line.firstIndex(of: "│") else { return nil }
            return part(line, bar).replacingOccurrences(of: "›", with: " ").replacingOccurrences(of: "↑", with: " ")
                .replacingOccurrences(of: "↓", with: " ")
        }.joined(separator: " ")
        return words.split(separator: " ").joined(separator: " ")
    }

    func testLCyclesTheWorkersLanguageThroughEveryLocaleKeepingThePlace() {
        var s = UIState(bundle: Fixture.shipped, width: 80, height: 24)
        s.press(.enter)
        ShippedWalk.answer(&s, until: "province", choosing: Self.seasonalWorker)
        var seen: [String] = []
        for _ in 0..<4 {
            seen.append(s.locale)
            s.press(.char("l"))
            XCTAssertEqual(s.currentQuestion?.id, "province", "the place is kept")
        }
        XCTAssertEqual(seen, ["en", "fr", "es", "tl"])
        XCTAssertEqual(s.locale, "en")
        XCTAssertTrue(text(s).contains("l français"), "the key says where it goes next")
    }

    func testCChoosesThePersonsLanguageAndShowsItBesideTheWorkers() {
        var s = UIState(bundle: Fixture.shipped, width: 80, height: 24)
        s.press(.enter)
        XCTAssertFalse(s.bilingual)
        s.press(.char("c"))
        XCTAssertTrue(s.bilingual, "choosing the person's language shows it")
        XCTAssertEqual(s.clientLocale, "es", "from French (the other language) on to Spanish")
        XCTAssertTrue(personsColumn(s).contains("¿Está usted en peligro ahora mismo"), text(s))
        XCTAssertTrue(workersColumn(s).contains("Is the person in danger right now"))
        s.press(.char("c"))
        XCTAssertEqual(s.clientLocale, "tl")
        XCTAssertTrue(personsColumn(s).contains("Nasa panganib ba kayo"), text(s))
        // l reaching the person's language swaps the two, so both columns never show the same one.
        s.press(.char("l"), .char("l"), .char("l"))
        XCTAssertEqual([s.locale, s.clientLocale], ["tl", "es"])
    }

    /// `pathways --client-lang es`: opens with the person's language beside the worker's.
    func testTheClientLanguageGivenAtStartOpensTheTwoLanguageView() {
        var s = UIState(bundle: Fixture.shipped, width: 80, height: 24, locale: "en")
        s.use(clientLocale: "es")
        XCTAssertTrue(s.bilingual)
        XCTAssertEqual(s.clientLocale, "es")
        XCTAssertTrue(text(s).hasPrefix("Pathways EN | ES"))
        var same = UIState(bundle: Fixture.shipped, width: 80, height: 24, locale: "es")
        same.use(clientLocale: "es")
        XCTAssertFalse(same.bilingual, "the worker's own language is not a second column")
    }

    /// The worker's column keeps the reasons and the keys; the person's shows what they read.
    func testTheWorkerReadsTheReasonsAndThePersonReadsTheOptions() {
        var s = UIState(bundle: Fixture.shipped, width: 120, height: 120, locale: "en")
        s.use(clientLocale: "es")
        s.press(.enter)
        ShippedWalk.finish(&s, choosing: Self.seasonalWorker)
        XCTAssertEqual(s.screen, .results)
        s.cursor = s.items.firstIndex(of: .pathway("owp-vulnerable-workers")) ?? 0
        let worker = workersColumn(s), person = personsColumn(s)
        XCTAssertTrue(person.contains("Permiso de trabajo abierto para trabajadores"), person)
        XCTAssertTrue(worker.contains("Open work permit for vulnerable"), worker)
        XCTAssertTrue(worker.contains("(answered:"), "the reasons are in the worker's column\n\(worker)")
        XCTAssertFalse(person.contains("(answered:") || person.contains("(respuesta:"), "and not in the person's\n\(person)")
        XCTAssertTrue(text(s).contains("c person:"), "the keys are in the worker's language")
        s.press(.enter)
        XCTAssertTrue(personsColumn(s).contains("Próximos pasos"), personsColumn(s))
        XCTAssertFalse(personsColumn(s).contains("Por qué"), "the reasons' heading is the worker's")
    }

    /// A partial language is useful: a text it lacks shows in the worker's language, marked "[EN]", and the
    /// person's column says what the mark means. Never silently.
    func testAMissingTranslationShowsInTheWorkersLanguageMarked() {
        var bundle = Fixture.shipped
        let i = bundle.questionIndex["in_danger"]!
        bundle.questions[i].prompt.texts["es"] = nil
        var s = UIState(bundle: bundle, width: 120, height: 40, locale: "en")
        s.use(clientLocale: "es")
        s.press(.enter)
        let person = personsColumn(s)
        XCTAssertTrue(person.contains("[EN] Is the person in danger right now"), person)
        XCTAssertTrue(person.contains("[EN] (aún sin traducir — se muestra en el idioma de quien atiende el caso)"), person)
        XCTAssertTrue(person.contains("Sí"), "the options it has are in Spanish")
    }

    func testEveryScreenSaysAnUncheckedTranslationIsUncheckedInBothLanguages() {
        for steps in LanguageFrameTests.screens.map(\.1) {
            var s = UIState(bundle: Fixture.shipped, width: 120, height: 40, locale: "en")
            s.use(clientLocale: "tl")
            steps(&s)
            if s.locked { continue }
            let frame = text(s)
            XCTAssertTrue(frame.contains("TL: translation not checked"), frame)
        }
        var s = UIState(bundle: Fixture.shipped, width: 120, height: 40, locale: "en")
        s.use(clientLocale: "es")
        s.press(.enter)
        XCTAssertTrue(workersColumn(s).contains("This translation has not been checked by a certified"), text(s))
        XCTAssertTrue(personsColumn(s).contains("Esta traducción no ha sido revisada por un traductor"), text(s))
        var french = UIState(bundle: Fixture.shipped, width: 120, height: 40, locale: "en")
        french.use(clientLocale: "fr")
        french.press(.enter)
        XCTAssertFalse(text(french).contains("not checked"), "French is written by the content's authors")
    }

    func testHOnTheResultsWritesTheHandoutInThePersonsLanguage() {
        var s = UIState(bundle: Fixture.shipped, width: 80, height: 24, locale: "en")
        s.recordsAvailable = true
        s.use(clientLocale: "es")
        s.press(.enter)
        ShippedWalk.finish(&s, choosing: Self.seasonalWorker)
        XCTAssertEqual(s.handle(.key(.char("h"))), [.handout(withWorkerLanguage: false)])
        XCTAssertEqual(s.handle(.key(.char("H"))), [.handout(withWorkerLanguage: true)])
        let keeper = FakeKeeper()
        Effects.perform(.handout(withWorkerLanguage: true), on: &s, keeper: keeper)
        XCTAssertEqual(keeper.handouts.map { "\($0.locale) \($0.worker ?? "-")" }, ["es en"])
        XCTAssertTrue(text(s).contains("Handout written: /tmp/h.md"))
        s.press(.char("b"))
        Effects.perform(.handout(withWorkerLanguage: true), on: &s, keeper: keeper)
        XCTAssertEqual(keeper.handouts.last.map { "\($0.locale) \($0.worker ?? "-")" }, "en -", "one language on screen: the handout is in it")
        var off = UIState(bundle: Fixture.shipped, width: 80, height: 24)
        off.press(.enter)
        ShippedWalk.finish(&off, choosing: Self.seasonalWorker)
        XCTAssertEqual(off.handle(.key(.char("h"))), [], "no records, no file")
    }

    /// `--plain --lang en --client-lang es`: each prompt in both, one after the other.
    func testLineModePrintsEachPromptInBothLanguages() {
        var input = ["2", "results", "handout both", "quit", "quit"][...]
        var out: [String] = []
        let keeper = FakeKeeper()
        var driver = PlainDriver(bundle: Fixture.shipped, locale: "en", clientLocale: "es", keeper: keeper,
                                 readLine: { input.popFirst() }, write: { out.append($0) })
        driver.prompt = {}
        _ = driver.run()
        let all = out.joined(separator: "\n")
        let prompt = try? XCTUnwrap(out.firstIndex { $0.hasPrefix("Is the person in danger right now") })
        XCTAssertEqual(prompt.map { out[$0 + 1] }, "¿Está usted en peligro ahora mismo, o tiene miedo de que alguien le haga daño muy pronto?")
        XCTAssertTrue(all.contains("  1. Yes / Sí"), all)
        XCTAssertTrue(out.contains("  2. No"), "a word the same in both is written once\n\(all)")
        XCTAssertTrue(all.contains("⚠ Esta traducción no ha sido revisada"), all)
        XCTAssertTrue(all.contains("⚠ This translation has not been checked"), all)
        XCTAssertEqual(keeper.handouts.map { "\($0.locale) \($0.worker ?? "-")" }, ["es en"])
    }
}
