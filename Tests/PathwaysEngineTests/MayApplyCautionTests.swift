import XCTest
@testable import PathwaysEngine

/// What the results show when answers are missing (issue 13, second review): a caution that may apply is
/// shown only when something the person did say points to it; a reason that rests only on questions the
/// case never asked does not stand beside the one that rules a pathway out; a criterion not known yet reads
/// as what would count, not as something the person said.
final class MayApplyCautionTests: XCTestCase {
    static let bundle: ContentBundle = {
        var b = BaseBundle()
        b.replace("  - id: notes\n    kind: text\n", with: "  - id: notes\n    kind: text\n    ask_when: \"status = worker\"\n",
                  in: "questions/basics.yaml")
        b.replace("""
              - when: "age < 18"
                text: {en: Child protection must be told., fr: Il faut avertir la protection de l’enfance.}
            """, with: """
              - when: "indicators has unpaid_wages"
                text: {en: Only an unknown answer points here., fr: Seule une réponse inconnue mène ici.}
              - when: "status = visitor and indicators has unpaid_wages"
                text: {en: A known answer points here., fr: Une réponse connue mène ici.}
              - when: "not (status = worker) and indicators has unpaid_wages"
                text: {en: Known under a not., fr: Connu sous un not.}
              - when: "not (status = visitor) or indicators has unpaid_wages"
                text: {en: Known but pointing away., fr: Connu mais dans l’autre sens.}
              - when: "status = visitor or indicators has unpaid_wages"
                text: {en: Surely applies., fr: S’applique sûrement.}
              - when: "indicators has unpaid_wages or (status = visitor and age < 18)"
                text: {en: Known inside a part that fails., fr: Connu dans une partie fausse.}
            """, in: "pathways/trp.yaml")
        b["pathways/noted.yaml"] = """
            id: noted
            title: {en: Noted, fr: Noté}
            eligibility:
              - when: "status = worker"
                met: {en: The person is a worker., fr: La personne travaille.}
                not_met: {en: This is for workers., fr: C’est pour les travailleurs.}
              - when: "notes = \\"kept\\""
                not_met: {en: Only a note not asked says no., fr: Seule une note non demandée dit non.}
              - when: "age >= 18"
                not_met: {en: This is for adults., fr: C’est pour les adultes.}
            sources: [S1]

            """
        return b.bundle()
    }()

    func assess(_ answers: [String: Answer]) -> Assessment {
        let walk = FlowWalker(bundle: Self.bundle, today: nil).walk(answers: answers, continueWhenAnswered: true)
        return Assessor(bundle: Self.bundle, today: nil).assess(walk)
    }

    let visitorDeclining: [String: Answer] = ["in_danger": .value(.option("no")), "age": .value(.number(30)),
                                              "status": .value(.option("visitor")), "indicators": .declined]

    func testAMayApplyCautionShowsOnlyWhenAKnownAnswerPointsToIt() {
        let trp = assess(visitorDeclining).pathway("trp")
        XCTAssertEqual(trp?.status, .possible)
        let shown = (trp?.cautions ?? []).map { "\($0.certainty.rawValue): \($0.fact.text.texts["en"] ?? "")" }
        XCTAssertEqual(shown, ["unknown: A known answer points here.", "unknown: Known under a not.", "yes: Surely applies."],
                       """
                       a caution resting only on the declined answer says nothing about this case; 'status = worker' is \
                       false under a 'not', so it points to its caution; 'status = visitor' is true under a 'not', so it points away; \
                       and inside '(status = visitor and age < 18)', which fails, it points to nothing
                       """)
    }

    func testAReasonFromAQuestionNeverAskedIsDroppedWhenAnotherRulesThePathwayOut() {
        let noted = assess(visitorDeclining).pathway("noted")
        XCTAssertEqual(noted?.status, .notApplicable)
        XCTAssertEqual(noted?.reasons.map { $0.text.texts["en"] ?? "" }, ["This is for workers."],
                       "the note was not asked because the person is not a worker: that is the one reason")
    }

    func testAReasonFromAQuestionNeverAskedStaysWhenItIsTheOnlyOne() {
        // With a custom ask_when ruled out and nothing else against it, the reason is all there is to say.
        var b = BaseBundle()
        b.replace("  - id: notes\n    kind: text\n", with: "  - id: notes\n    kind: text\n    ask_when: \"status = worker\"\n",
                  in: "questions/basics.yaml")
        b["pathways/noted.yaml"] = """
            id: noted
            title: {en: Noted, fr: Noté}
            eligibility:
              - when: "notes = \\"kept\\""
                not_met: {en: No note was kept., fr: Aucune note.}
            sources: [S1]

            """
        let bundle = b.bundle()
        let walk = FlowWalker(bundle: bundle, today: nil).walk(answers: visitorDeclining, continueWhenAnswered: true)
        let noted = Assessor(bundle: bundle, today: nil).assess(walk).pathway("noted")
        XCTAssertEqual(noted?.reasons.map { $0.text.texts["en"] ?? "" }, ["No note was kept."])
    }

    func testACriterionNotKnownYetReadsAsWhatWouldCount() {
        let report = ReportText(bundle: Self.bundle, locale: "en")
        let trp = assess(visitorDeclining).pathway("trp")!
        let unknown = trp.reasons.filter { $0.kind == .unknown }.map(report.reason)
        XCTAssertEqual(unknown, ["Not known yet (would count if true): There are signs of exploitation. (answered: prefers not to say)"])
        XCTAssertFalse(unknown.contains { $0.hasPrefix("Still to find out: There are") }, "a met text after 'Still to find out:' read as a fact")
        let french = ReportText(bundle: Self.bundle, locale: "fr").reason(trp.reasons.first { $0.kind == .unknown }!)
        XCTAssertTrue(french.hasPrefix("Pas encore connu (compterait si c’est vrai) : "), french)
    }
}
