import PathwaysEngine

/// Who looks at a trainer's screen.
public enum Audience: Hashable, Sendable {
    /// One screen, projected to the room: the facilitator's notes start hidden (h shows them).
    case projected
    /// The facilitator's console of `train --present`: the notes, the next discussion step, a timer.
    case console
    /// The room's view of `train --present`: it follows the console and never shows a note.
    case room
}

/// A trainer's session: the list of fictional cases, a walkthrough of one, or a trainee's quiz on one.
public struct TrainingMode: Sendable {
    enum Stage: Sendable {
        case list
        case walkthrough(Walkthrough)
        /// A trainee's quiz: the case's questions, then "what next", then the score.
        case quiz(Quiz)
    }

    var stage: Stage = .list
    var listPlace = Place()
    /// Who looks at the screen.
    public let audience: Audience
    /// The facilitator's notes are kept off the projected screen until h shows them.
    public internal(set) var notesHidden: Bool
    /// Opened from the caseworker's start screen: leaving the list goes back there, not out.
    var fromStart = false
    /// Opened over the walkthrough: the step-number prompt, a pathway's detail, the glossary.
    var overlays: [Overlay] = []
    /// The session's clock, in seconds, as the backend last told it; and when the walkthrough and its step began.
    var clock = 0
    var walkthroughStarted: Int?
    var stepStarted: Int?
    /// The console's room views connected now (the backend says).
    var roomsConnected = 0
    /// Said once, until the next key (where a file was written, or why not).
    var flash: String?
    /// The room's view only: the console has said what to show at least once, and why its last word
    /// could not be followed.
    var following = false
    var followProblem: String?
    /// Where trainees' results and the facilitator's case drafts can be written (the program's edge says).
    public var canSaveResults = false
    public var canSaveDrafts = false

    public init(audience: Audience = .projected) {
        self.audience = audience
        notesHidden = audience != .console
    }

    /// The facilitator's notes are on this screen.
    var showsNotes: Bool { audience != .room && !notesHidden }
}

/// A changed answer during discussion ("what if"): the results show what it changes.
public struct WhatIf: Hashable, Sendable {
    public var question: String
    public var answer: Answer

    public init(question: String, answer: Answer) {
        self.question = question
        self.answer = answer
    }
}

/// Where a walkthrough is: which case, which step, whether the case's answer is shown to the room, and a
/// changed answer being discussed.
public struct Walkthrough: Hashable, Sendable {
    /// The training case's id.
    public var scenario: String
    /// 0 is the persona card; then each question, the results, each "what next" question, the learning points.
    public var step = 0
    /// The case's answer (or the results) are shown to the room.
    public var revealed = false
    /// A changed answer on this step; moving to another step puts the case's answer back.
    public var whatIf: WhatIf?
    /// Choosing the changed answer: what is ticked or typed so far (the cursor is in `place`).
    var choosing: AnswerEntry?
    var place = Place()

    /// A walkthrough at the persona card of a training case.
    public init(scenario: String) { self.scenario = scenario }
}

/// One screen of a walkthrough.
enum WalkStep: Hashable, Sendable {
    case persona
    case question(String)
    case results
    case whatNext(Int)
    case learningPoints
}

/// A training case with the walk its answers take, its steps in order, on its own day (its `today:`, else
/// the interface's).
struct TrainingCase {
    let scenario: Scenario
    let notes: TrainingNotes
    let walk: Walk
    let questions: [String]
    let steps: [WalkStep]
    let day: Day?
    let bundle: ContentBundle

    init?(_ id: String, in bundle: ContentBundle, today: Day?) {
        guard let scenario = bundle.scenarios.first(where: { $0.id == id && $0.training != nil }), let notes = scenario.training else { return nil }
        self.scenario = scenario
        self.notes = notes
        self.bundle = bundle
        day = scenario.today ?? today
        walk = ScenarioRunner(bundle: bundle, today: today).assess(scenario).walk
        questions = walk.stops.compactMap { stop -> String? in if case .question(let q) = stop { return q } else { return nil } }
        steps = [.persona] + questions.map { .question($0) } + [.results] + notes.whatNext.indices.map { .whatNext($0) } + [.learningPoints]
    }

    /// The last step: the learning points.
    var lastStep: Int { steps.count - 1 }

    func step(_ i: Int) -> WalkStep { steps.indices.contains(i) ? steps[i] : .persona }

    /// The case's answers, with one changed.
    func answers(with whatIf: WhatIf?) -> [String: Answer] {
        var answers = walk.effective
        if let whatIf { answers[whatIf.question] = whatIf.answer }
        return answers
    }

    /// The walk the case's answers take with one changed; it stops at a question the change opens that the
    /// case never answered.
    func walk(with whatIf: WhatIf?) -> Walk {
        guard whatIf != nil else { return walk }
        return FlowWalker(bundle: bundle, today: day).walk(answers: answers(with: whatIf), continueWhenAnswered: true)
    }

    func assessment(with whatIf: WhatIf? = nil) -> Assessment {
        Assessor(bundle: bundle, today: day).assess(walk(with: whatIf))
    }

    /// The step that shows a question, if the case asks it.
    func stepNumber(of question: String) -> Int? { steps.firstIndex(of: .question(question)) }
}
