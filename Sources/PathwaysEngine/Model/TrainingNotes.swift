/// A trainer's words for one step of a walkthrough: a question of the case, or its results.
public struct TrainingStep: Hashable, Sendable {
    /// The question the step is for (`results` for the results step).
    public var question: Reference
    /// A question for the room: shown on every screen of the step, notes hidden or not, and in the worksheet.
    public var discussion: LocalizedText?
    /// For the facilitator before the reveal: it must not give the case's answer away.
    public var notes: LocalizedText?
    /// For the facilitator once the case's answer is revealed.
    public var afterReveal: LocalizedText?
    /// Minutes to plan for the step (the facilitator guide's timings); nil: a default by kind of step.
    public var minutes: Int?

    public init(question: Reference, discussion: LocalizedText? = nil, notes: LocalizedText? = nil,
                afterReveal: LocalizedText? = nil, minutes: Int? = nil) {
        self.question = question
        self.discussion = discussion
        self.notes = notes
        self.afterReveal = afterReveal
        self.minutes = minutes
    }

    /// The texts the room may see, or the facilitator reads, before the reveal.
    public var beforeReveal: [LocalizedText] { [discussion, notes].compactMap { $0 } }
}

/// An answer or a pathway that decides a training case: a quiz scores it first, and explains a miss.
public struct KeyDecision: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        /// The answer to a question of the case.
        case question(Reference)
        /// Where a pathway lands: recommended, possible or not applicable.
        case pathway(Reference)
    }
    public var subject: Subject
    /// What counts as right: option ids (or `declined`) for a question, statuses for a pathway. Empty: the
    /// case's own answer or status only. "Not sure" is right where the case lists it.
    public var accept: [Reference]
    /// Why it matters, shown when a trainee misses it (a pathway's miss also shows the content's reasons).
    public var why: LocalizedText?
    public var location: SourceLocation

    public init(subject: Subject, accept: [Reference] = [], why: LocalizedText? = nil, location: SourceLocation) {
        self.subject = subject
        self.accept = accept
        self.why = why
        self.location = location
    }

    /// The question or pathway id it is about.
    public var id: String {
        switch subject {
        case .question(let r), .pathway(let r): return r.id
        }
    }
}

/// One option of a "what would you do next?" question.
public struct WhatNextOption: Hashable, Sendable {
    public var label: LocalizedText
    public var correct: Bool
    /// Why this option is right or wrong, shown after the answer.
    public var explanation: LocalizedText?
    public var location: SourceLocation

    public init(label: LocalizedText, correct: Bool, explanation: LocalizedText?, location: SourceLocation) {
        self.label = label
        self.correct = correct
        self.explanation = explanation
        self.location = location
    }
}

/// "What would you do next?": an action the case is about (filing a claim, asking for a police report),
/// which the case's own questions cannot test. Asked after the results, in the walkthrough and the quiz.
public struct WhatNextQuestion: Hashable, Sendable {
    public var prompt: LocalizedText
    public var options: [WhatNextOption]
    public var location: SourceLocation

    public init(prompt: LocalizedText, options: [WhatNextOption], location: SourceLocation) {
        self.prompt = prompt
        self.options = options
        self.location = location
    }

    /// The indices of the right options.
    public var correct: [Int] { options.indices.filter { options[$0].correct } }
}

/// What makes a scenario a workshop walkthrough: goals, per-step prompts and notes, the decisions that
/// matter, "what next" questions, and the points to take away.
public struct TrainingNotes: Hashable, Sendable {
    public var learningGoals: [LocalizedText]
    public var steps: [TrainingStep]
    /// The results step's prompt and notes.
    public var results: TrainingStep?
    public var keyDecisions: [KeyDecision]
    public var whatNext: [WhatNextQuestion]
    public var learningPoints: [LocalizedText]

    public init(learningGoals: [LocalizedText], steps: [TrainingStep], results: TrainingStep? = nil,
                keyDecisions: [KeyDecision] = [], whatNext: [WhatNextQuestion] = [], learningPoints: [LocalizedText]) {
        self.learningGoals = learningGoals
        self.steps = steps
        self.results = results
        self.keyDecisions = keyDecisions
        self.whatNext = whatNext
        self.learningPoints = learningPoints
    }

    public func step(_ question: String) -> TrainingStep? { steps.first { $0.question.id == question } }

    /// The pathways the case is about (its key decisions on pathways), highlighted in its results.
    public var keyPathways: [String] {
        keyDecisions.compactMap { if case .pathway(let r) = $0.subject { return r.id } else { return nil } }
    }

    /// Every text of the case's training parts, for checks over all texts.
    public var texts: [LocalizedText] {
        var out = learningGoals + learningPoints
        for s in steps + (results.map { [$0] } ?? []) { out += [s.discussion, s.notes, s.afterReveal].compactMap { $0 } }
        out += keyDecisions.compactMap(\.why)
        for q in whatNext { out += [q.prompt] + q.options.flatMap { [$0.label, $0.explanation].compactMap { $0 } } }
        return out
    }
}

extension KeyDecision {
    /// Whether an answer meets this decision. A single choice is right when it is one of `accept`; a tick-all
    /// answer when it ticks every option listed (or is declined, when `declined` is listed); with no `accept`,
    /// and for typed answers, only the case's own answer is right.
    public func accepts(_ answer: Answer?, caseAnswer: Answer?, question: Question?) -> Bool {
        guard let answer else { return false }
        let listed = accept.map(\.id)
        guard !listed.isEmpty, let question else { return answer == caseAnswer }
        switch answer {
        case .declined: return listed.contains("declined")
        case .value(.option(let o)): return listed.contains(o)
        case .value(.options(let os)):
            let wanted = listed.filter { $0 != "declined" }
            return !wanted.isEmpty && Set(wanted).isSubset(of: Set(os))
        case .value: return question.kind.hasOptions ? false : answer == caseAnswer
        }
    }

    /// Whether a pathway's place meets this decision: one of the statuses listed, else the case's own.
    public func accepts(_ status: PathwayStatus?, caseStatus: PathwayStatus?) -> Bool {
        guard let status else { return false }
        let listed = accept.map(\.id)
        return listed.isEmpty ? status == caseStatus : listed.contains(status.rawValue)
    }
}
