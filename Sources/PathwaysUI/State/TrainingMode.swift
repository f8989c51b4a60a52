import PathwaysEngine

/// A trainer's session: the list of fictional cases, a walkthrough of one, or a trainee's quiz on one.
public struct TrainingMode: Sendable {
    enum Stage: Sendable {
        case list
        case walkthrough(Walkthrough)
        /// The trainee answers the case's questions themselves.
        case quiz(CaseMode)
        /// The trainee's answers compared with the case's.
        case quizResults(scenario: String, session: Session, place: Place)
    }

    var stage: Stage = .list
    var listPlace = Place()
    /// The facilitator's notes are kept off the projected screen.
    public internal(set) var notesHidden = false
    /// Opened from the caseworker's start screen: leaving the list goes back there, not out.
    var fromStart = false
    /// The step-number prompt of a walkthrough.
    var overlays: [Overlay] = []

    public init() {}
}

/// Where a walkthrough is: which case, which step, whether the case's answer is shown to the room.
public struct Walkthrough: Hashable, Sendable {
    /// The training case's id.
    public var scenario: String
    /// 0 is the persona card, 1…n the questions, n + 1 the results and learning points.
    public var step = 0
    /// The case's answer is shown to the room.
    public var revealed = false
    var place = Place()

    /// A walkthrough at the persona card of a training case.
    public init(scenario: String) { self.scenario = scenario }
}

/// A training case with the walk its answers take and its questions in order, on its own day (its
/// `today:`, else the interface's).
struct TrainingCase {
    let scenario: Scenario
    let walk: Walk
    let questions: [String]
    let day: Day?

    init?(_ id: String, in bundle: ContentBundle, today: Day?) {
        guard let scenario = bundle.scenarios.first(where: { $0.id == id && $0.training != nil }) else { return nil }
        self.scenario = scenario
        day = scenario.today ?? today
        walk = ScenarioRunner(bundle: bundle, today: today).assess(scenario).walk
        questions = walk.stops.compactMap { stop -> String? in if case .question(let q) = stop { return q } else { return nil } }
    }

    /// The last step: the results and learning points.
    var lastStep: Int { questions.count + 1 }
}
