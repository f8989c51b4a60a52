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

/// A deadline a scenario expects: which pathway lists it, and on which day.
public struct ExpectedDeadline: Hashable, Sendable {
    public var pathway: Reference
    public var date: Day
    public var location: SourceLocation

    public init(pathway: Reference, date: Day, location: SourceLocation) {
        self.pathway = pathway
        self.date = date
        self.location = location
    }
}

/// A priority a scenario expects for a recommended pathway.
public struct ExpectedPriority: Hashable, Sendable {
    public var pathway: Reference
    public var priority: Priority
}

/// What a scenario expects the assessment to say.
public struct ScenarioExpectation: Hashable, Sendable {
    public var outcome: Reference?
    public var recommended: [Reference]
    public var possible: [Reference]
    public var notApplicable: [Reference]
    /// Pathways that must not be recommended (possible or not applicable both pass).
    public var notRecommended: [Reference]
    public var unanswered: [Reference]?
    public var priorities: [ExpectedPriority]
    /// Deadlines that must be listed; with `onlyDeadlines`, no others may be.
    public var deadlines: [ExpectedDeadline]
    public var onlyDeadlines: Bool
    /// Pathways not recommended whose cautions must still be shown (`even_when_not_applicable`).
    public var notices: [Reference]

    public init(outcome: Reference? = nil, recommended: [Reference] = [], possible: [Reference] = [],
                notApplicable: [Reference] = [], notRecommended: [Reference] = [], unanswered: [Reference]? = nil,
                priorities: [ExpectedPriority] = [], deadlines: [ExpectedDeadline] = [], onlyDeadlines: Bool = false,
                notices: [Reference] = []) {
        self.outcome = outcome
        self.recommended = recommended
        self.possible = possible
        self.notApplicable = notApplicable
        self.notRecommended = notRecommended
        self.unanswered = unanswered
        self.priorities = priorities
        self.deadlines = deadlines
        self.onlyDeadlines = onlyDeadlines
        self.notices = notices
    }

    /// Whether anything expected depends on the assessment day.
    public var readsTheDay: Bool { !deadlines.isEmpty || onlyDeadlines }
}

/// A fictional case with its answers and the pathways it should lead to; run by `pathways test`.
public struct Scenario: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var persona: LocalizedText?
    public var answers: [WrittenAnswer]
    /// The day the scenario is assessed on, so results that depend on dates replay the same.
    public var today: Day?
    public var expect: ScenarioExpectation
    /// Notes for trainers, by question id.
    public var notes: [String: LocalizedText]
    /// Set for training scenarios (files in `training/`).
    public var training: TrainingNotes?
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, persona: LocalizedText? = nil, answers: [WrittenAnswer],
                today: Day? = nil, expect: ScenarioExpectation, notes: [String: LocalizedText] = [:], training: TrainingNotes? = nil,
                location: SourceLocation) {
        self.id = id
        self.title = title
        self.persona = persona
        self.answers = answers
        self.today = today
        self.expect = expect
        self.notes = notes
        self.training = training
        self.location = location
    }
}
