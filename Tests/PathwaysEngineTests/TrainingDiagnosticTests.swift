import XCTest
@testable import PathwaysEngine

/// The training codes (PW065–PW069), each provoked by one change to a clean training case added to the base.
extension DiagnosticCodeTests {
    /// A training case of the base bundle that checks clean.
    static let trainingCase = """
        id: visitor-walkthrough
        title: {en: A visitor put to work, fr: Une visiteuse mise au travail}
        persona: {en: A fictional visitor., fr: Une visiteuse fictive.}
        learning_goals:
          - {en: Spot the signs., fr: Repérer les signes.}
        answers:
          in_danger: no
          age: 34
          status: visitor
          indicators: [confiscated_documents]
          notes: "Her employer keeps her passport."
        expect:
          outcome: results
          recommended: [trp]
        steps:
          status:
            discussion: {en: What would you ask next?, fr: Que demanderiez-vous ensuite?}
            notes: {en: Let the room answer first., fr: Laissez d’abord le groupe répondre.}
            after_reveal: {en: She came as a visitor., fr: Elle est venue en visite.}
        key_decisions:
          - question: status
            accept: [visitor, not_sure]
          - pathway: trp
        what_next:
          - prompt: {en: What next?, fr: Et ensuite?}
            options:
              - label: {en: Ask for a police report, fr: Demander un rapport de police}
                correct: false
                explanation: {en: None is needed., fr: Aucun n’est nécessaire.}
              - label: {en: Refer her to legal help, fr: La diriger vers de l’aide juridique}
                correct: true
                explanation: {en: Legal help first., fr: L’aide juridique d’abord.}
        learning_points:
          - {en: No police report is needed., fr: Aucun rapport de police n’est nécessaire.}

        """

    func trainingBundle() -> BaseBundle {
        var b = BaseBundle()
        b["training/visitor.yaml"] = Self.trainingCase
        return b
    }

    func testTheTrainingCaseOfTheBaseIsClean() {
        XCTAssertEqual(trainingBundle().check().diagnostics.map(\.formatted), [])
    }

    func testPW065ANoteBeforeTheRevealGivesTheAnswerAway() throws {
        var bundle = trainingBundle()
        bundle.replace("    notes: {en: Let the room answer first., fr: Laissez d’abord le groupe répondre.}",
                       with: "    notes: {en: ⟨⟩She is on a Temporary resident permit track., fr: Laissez d’abord le groupe répondre.}", in: "training/visitor.yaml")
        let result = bundle.check()
        let d = assertDiagnostic(result, .warning, .trainingAnswerGivenAway, at: result.marker,
                                 "this text is shown before the reveal and names 'temporary resident permit', which gives the case's answer away")
        XCTAssertEqual(d?.hint, "move it to 'after_reveal', or say it without naming the answer")
    }

    func testPW065ADiscussionPromptThatNamesTheCasesAnswer() throws {
        var bundle = trainingBundle()
        bundle.replace("      - id: visitor\n        label: {en: Visitor, fr: Visiteur}",
                       with: "      - id: visitor\n        label: {en: Visitor on a tourist visa, fr: Visiteur}", in: "questions/basics.yaml")
        bundle.replace("    discussion: {en: What would you ask next?, fr: Que demanderiez-vous ensuite?}",
                       with: "    discussion: {en: ⟨⟩Why does a visitor on a tourist visa matter?, fr: Que demanderiez-vous ensuite?}", in: "training/visitor.yaml")
        let result = bundle.check()
        _ = assertDiagnostic(result, .warning, .trainingAnswerGivenAway, at: result.marker,
                             "this text is shown before the reveal and names 'visitor on a tourist visa', which gives the case's answer away")
    }

    func testTheOldNoteKeySaysWhereItsPartsGo() throws {
        var bundle = trainingBundle()
        bundle.replace("    notes: {en: Let the room answer first., fr: Laissez d’abord le groupe répondre.}",
                       with: "    ⟨⟩note: {en: Let the room answer first., fr: Laissez d’abord le groupe répondre.}", in: "training/visitor.yaml")
        let result = bundle.check()
        let d = assertDiagnostic(result, .error, .unknownKey, at: result.marker,
                                 "'note' is now split in two: 'notes' (for the facilitator before the reveal) and 'after_reveal'")
        XCTAssertEqual(d?.hint, "move what would give the case's answer away to 'after_reveal'; a question for the room goes in 'discussion'")
    }

    func testPW066AStepTheCasesAnswersNeverReach() throws {
        // A person under 18 goes straight to the results: the status step is never shown.
        var bundle = trainingBundle()
        bundle.replace("  age: 34\n", with: "  age: 16\n", in: "training/visitor.yaml")
        bundle.replace("steps:\n  status:\n", with: "steps:\n  ⟨⟩status:\n", in: "training/visitor.yaml")
        let result = bundle.check()
        let d = result.diagnostics.first { $0.code == .trainingStepNeverShown }
        XCTAssertEqual(d?.location, result.marker)
        XCTAssertEqual(d?.severity, .warning)
        XCTAssertEqual(d?.message, "the case's answers never reach the question 'status', so this step is never shown")
        XCTAssertEqual(d?.hint, "give the case answers that lead to it, or remove the step")
        XCTAssertTrue(result.diagnostics.contains { $0.code == .keyDecisionNotMet && $0.message.contains("never reach the question 'status'") },
                      "and its key decision on status cannot be decided")
    }

    func testPW067AStepWithNotesButNoDiscussionAndACaseWithoutKeyDecisions() throws {
        var bundle = trainingBundle()
        bundle.replace("steps:\n  status:\n    discussion: {en: What would you ask next?, fr: Que demanderiez-vous ensuite?}\n",
                       with: "steps:\n  ⟨⟩status:\n", in: "training/visitor.yaml")
        let result = bundle.check()
        let d = assertDiagnostic(result, .warning, .trainingCaseIncomplete, at: result.marker,
                                 "the step 'status' has notes but no discussion prompt for the room")
        XCTAssertEqual(d?.hint, "add 'discussion:', a question to ask the room before the reveal")
        var none = trainingBundle()
        none.replace("key_decisions:\n  - question: status\n    accept: [visitor, not_sure]\n  - pathway: trp\n", with: "", in: "training/visitor.yaml")
        none.replace("id: visitor-walkthrough", with: "id: ⟨⟩visitor-walkthrough", in: "training/visitor.yaml")
        let r = none.check()
        _ = assertDiagnostic(r, .warning, .trainingCaseIncomplete, at: r.marker,
                             "the training case 'visitor-walkthrough' names no key decisions, so a quiz cannot say what matters")
    }

    func testPW068AKeyDecisionTheCaseItselfDoesNotMeet() throws {
        var bundle = trainingBundle()
        bundle.replace("    accept: [visitor, not_sure]", with: "    accept: [⟨⟩worker, not_sure]", in: "training/visitor.yaml")
        let result = bundle.check()
        let d = assertDiagnostic(result, .error, .keyDecisionNotMet, at: result.marker,
                                 "the case's own answer to 'status' (Visitor) is not among the answers this key decision accepts")
        XCTAssertEqual(d?.hint, "add the case's answer to 'accept', or change the case's answer")
        var pathway = trainingBundle()
        pathway.replace("  - pathway: trp\n", with: "  - pathway: trp\n    accept: [⟨⟩not_applicable]\n", in: "training/visitor.yaml")
        let r = pathway.check()
        _ = assertDiagnostic(r, .error, .keyDecisionNotMet, at: r.marker,
                             "the case itself leaves 'trp' recommended, which this key decision does not accept")
        var unknown = trainingBundle()
        unknown.replace("    accept: [visitor, not_sure]", with: "    accept: [visitor, ⟨⟩not_shure]", in: "training/visitor.yaml")
        let u = unknown.check()
        _ = assertDiagnostic(u, .error, .unknownOption, at: u.marker, "'not_shure' is not an answer to 'status' (did you mean 'not_sure'?)")
    }

    func testPW069AWhatNextQuestionThatCannotBeScored() throws {
        var bundle = trainingBundle()
        bundle.replace("        correct: true\n        explanation: {en: Legal help first., fr: L’aide juridique d’abord.}\n",
                       with: "        correct: false\n        explanation: {en: Legal help first., fr: L’aide juridique d’abord.}\n", in: "training/visitor.yaml")
        bundle.replace("  - prompt: {en: What next?, fr: Et ensuite?}", with: "  - ⟨⟩prompt: {en: What next?, fr: Et ensuite?}", in: "training/visitor.yaml")
        let result = bundle.check()
        let d = assertDiagnostic(result, .error, .whatNextMalformed, at: result.marker,
                                 "a 'what next' question has no right option, so it cannot be scored")
        XCTAssertEqual(d?.hint, "mark the right option (or options) 'correct: true'")
    }
}
