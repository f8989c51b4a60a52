import XCTest
@testable import PathwaysEngine

/// A question its `ask_when` rules out does not arise: tests on it are false, not unknown, so a simple case
/// is not left full of "possible" pathways. When the `ask_when` itself is unknown, so is the question.
final class NotAskedTests: XCTestCase {
    static let bundle: ContentBundle = {
        var b = BaseBundle()
        b.replace("  - id: notes\n    kind: text\n", with: "  - id: notes\n    kind: text\n    ask_when: \"indicators has confiscated_documents\"\n",
                  in: "questions/basics.yaml")
        b["pathways/note.yaml"] = """
            id: note
            title: {en: Noted, fr: Noté}
            eligibility:
              - when: "notes = \\"kept\\" or status = worker"
            sources: [S1]

            """
        return b.bundle()
    }()

    func walk(_ indicators: Answer) -> (Walk, Assessment) {
        let answers: [String: Answer] = ["in_danger": .value(.option("no")), "age": .value(.number(30)),
                                         "status": .value(.option("visitor")), "indicators": indicators]
        let walk = FlowWalker(bundle: Self.bundle, today: nil).walk(answers: answers, continueWhenAnswered: true)
        return (walk, Assessor(bundle: Self.bundle, today: nil).assess(walk))
    }

    func testAQuestionRuledOutByItsAskWhenIsFalseInConditions() {
        let (w, a) = walk(.value(.options(["unpaid_wages"])))
        XCTAssertEqual(w.notAsked, ["notes"])
        XCTAssertEqual(w.state("notes"), .notAsked)
        XCTAssertEqual(a.pathway("note")?.status, .notApplicable, "not asked: it is not \"kept\"")
        let e = ConditionEvaluator(bundle: Self.bundle, today: nil)
        for (text, truth) in [("notes = \"kept\"", Truth.no), ("notes != \"kept\"", .yes), ("notes is unanswered", .yes),
                              ("notes is answered", .no), ("not (notes = \"kept\")", .yes)] {
            XCTAssertEqual(e.evaluate(try! ConditionParser.parse(text)) { w.state($0) }, truth, text)
        }
    }

    func testAQuestionWhoseAskWhenIsUnknownStaysUnknown() {
        let (w, a) = walk(.declined)
        XCTAssertEqual(w.skipped, ["notes"])
        XCTAssertEqual(w.notAsked, [])
        XCTAssertEqual(a.pathway("note")?.status, .possible)
        XCTAssertEqual(a.pathway("note")?.missing, ["notes"])
    }

    func testTheSessionCarriesItsDayIntoTheAssessment() {
        var s = Session(bundle: Self.bundle, today: Day("2026-12-01"))
        XCTAssertEqual(s.assess().today, Day("2026-12-01"))
        try? s.answer(.value(.option("no")))
        XCTAssertTrue(ScenarioWriter.yaml(id: "x", title: "X", session: s).contains("\ntoday: 2026-12-01\n"))
    }
}
