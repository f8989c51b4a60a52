import XCTest
@testable import PathwaysEngine

/// Plain language: every English sentence of the shipped prompts, steps, cautions and deadlines reads at
/// Flesch-Kincaid grade 10 or below, so a caseworker can read it aloud to the person as it is.
final class PlainLanguageTests: XCTestCase {
    func testTheGradeOfKnownSentences() {
        XCTAssertLessThan(PlainLanguage.grade("Call 911 if anyone is in danger right now."), 4)
        XCTAssertGreaterThan(PlainLanguage.grade("Confirm eligibility with a lawyer before applying."), 10)
        XCTAssertEqual(PlainLanguage.syllables("permit"), 2)
        XCTAssertEqual(PlainLanguage.syllables("immigration"), 4)
        XCTAssertEqual(PlainLanguage.syllables("co-worker"), 3)
        XCTAssertEqual(PlainLanguage.sentences("One thing. Two things! s.24(4) stays. 3 days."), ["One thing.", "Two things! s.24(4) stays.", "3 days."])
    }

    func testEverySentenceOfPromptsStepsCautionsAndDeadlinesIsAtGradeTenOrBelow() throws {
        let checked = Checker.check(try ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content"),
                                    today: Day("2026-11-23"))
        let bundle = checked.bundle
        var texts: [(String, LocalizedText)] = bundle.questions.map { ("question \($0.id)", $0.prompt) }
        for p in bundle.pathways {
            texts += p.steps.enumerated().map { ("\(p.id) step \($0.offset + 1)", $0.element.text) }
            texts += p.cautions.enumerated().map { ("\(p.id) caution \($0.offset + 1)", $0.element.fact.text) }
            texts += p.deadlines.enumerated().map { ("\(p.id) deadline \($0.offset + 1)", $0.element.fact.text) }
        }
        var count = 0, overEight = 0
        for (place, text) in texts {
            guard let english = text.texts["en"] else { continue }
            for sentence in PlainLanguage.sentences(PlainLanguage.plain(english, bundle: bundle)) {
                count += 1
                let grade = PlainLanguage.grade(sentence)
                if grade > 8 { overEight += 1 }
                XCTAssertLessThanOrEqual(grade, 10, "\(place): grade \(String(format: "%.1f", grade)): \(sentence)")
            }
        }
        XCTAssertGreaterThan(count, 300, "the sentences were found")
        XCTAssertLessThan(Double(overEight) / Double(count), 0.3, "most sentences are at grade 8 or below")
    }
}
