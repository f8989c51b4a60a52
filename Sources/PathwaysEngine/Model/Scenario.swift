/// An answer written in a scenario or answers file, before it is checked against its question.
public struct WrittenAnswer: Hashable, Sendable {
    public var question: Reference
    public var answer: Answer
    public var location: SourceLocation

    public init(question: Reference, answer: Answer, location: SourceLocation) {
        self.question = question
        self.answer = answer
        self.location = location
    }
}

/// What a scenario expects the assessment to say.
public struct ScenarioExpectation: Hashable, Sendable {
    public var outcome: Reference?
    public var recommended: [Reference]
    public var possible: [Reference]
    public var notApplicable: [Reference]
    public var unanswered: [Reference]?

    public init(outcome: Reference? = nil, recommended: [Reference] = [], possible: [Reference] = [],
                notApplicable: [Reference] = [], unanswered: [Reference]? = nil) {
        self.outcome = outcome
        self.recommended = recommended
        self.possible = possible
        self.notApplicable = notApplicable
        self.unanswered = unanswered
    }
}

/// A fictional case with its answers and the pathways it should lead to; run by `pathways test`.
public struct Scenario: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var persona: LocalizedText?
    public var answers: [WrittenAnswer]
    public var expect: ScenarioExpectation
    /// Notes for trainers, by question id.
    public var notes: [String: LocalizedText]
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, persona: LocalizedText? = nil, answers: [WrittenAnswer],
                expect: ScenarioExpectation, notes: [String: LocalizedText] = [:], location: SourceLocation) {
        self.id = id
        self.title = title
        self.persona = persona
        self.answers = answers
        self.expect = expect
        self.notes = notes
        self.location = location
    }
}
