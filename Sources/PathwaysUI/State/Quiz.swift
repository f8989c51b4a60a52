import PathwaysEngine

/// A trainee's quiz on a training case: the persona card first, the case's questions, then its "what would
/// you do next?" questions, then the score. Nothing is kept unless the trainee writes their result for the
/// group, under a label they choose.
struct Quiz: Sendable {
    enum Phase: Sendable {
        /// Answering the case's questions (the persona card is opened over the first one).
        case answering(CaseMode)
        /// "What would you do next?" question `index`, with the trainee's walk kept aside.
        case whatNext(Session, index: Int, place: Place)
        /// The score.
        case score(Session, place: Place)
    }

    let scenario: String
    var phase: Phase
    /// The option chosen for each "what next" question so far.
    var choices: [Int?] = []
    /// Esc was pressed once on the quiz's own screens: Esc again leaves to the list.
    var confirmingLeave = false
    /// Typing the label to write the result under (nil: not typing).
    var label: String?
    var labelProblem = false

    init(scenario: String, session: Session) {
        self.scenario = scenario
        var c = CaseMode(session: session, purpose: .quiz(scenario: scenario))
        c.quitLeaves = true
        c.overlays = [.persona(Place())]
        phase = .answering(c)
    }

    /// The trainee's session, in any phase.
    var session: Session {
        switch phase {
        case .answering(let c): return c.session
        case .whatNext(let s, _, _), .score(let s, _): return s
        }
    }

    var place: Place {
        get {
            switch phase {
            case .answering(let c): return c.place
            case .whatNext(_, _, let p), .score(_, let p): return p
            }
        }
        set {
            switch phase {
            case .answering(var c):
                phase = .score(c.session, place: Place())  // the case is held here alone while it changes
                c.place = newValue
                phase = .answering(c)
            case .whatNext(let s, let i, _): phase = .whatNext(s, index: i, place: newValue)
            case .score(let s, _): phase = .score(s, place: newValue)
            }
        }
    }

    var screenID: ScreenID {
        switch phase {
        case .answering(let c): return c.screenID
        case .whatNext: return .whatNext
        case .score: return .quizResults
        }
    }
}
