/// Where a case stands: "step k of about n", in a named section.
public struct Progress: Hashable, Sendable {
    public var step: Int
    public var estimatedTotal: Int
    public var section: Section?
}

/// What the worker is looking at now.
public enum Position: Hashable, Sendable {
    /// A question, with the answer already given if the worker came back to it.
    case question(String, current: Answer?)
    case outcome(String)
    /// The content gave nowhere to go from this node (only in a bundle with checker errors).
    case stuck(String)
}

/// One case being walked: every answer given (kept even when set aside), and where the worker is.
/// A value: the UI keeps it as state, and the case store saves its answers.
public struct Session: Sendable {
    public let bundle: ContentBundle
    /// The day the case is assessed on: the interface passes the day it is used, from the clock at its edge.
    public let today: Day?
    /// Every answer given in this case, including those now set aside.
    public private(set) var answers: [String: Answer]
    /// Early exits the worker chose to go past.
    public private(set) var continued: Set<String>
    /// Index into `stops`: the stop the worker is at.
    public private(set) var index: Int
    /// The walk and what it takes to carry it on, so an answer re-walks only from its own question.
    private var trail: WalkTrail
    let walker: FlowWalker
    let metrics: FlowMetrics

    /// A new case at the first question, assessed on `today`.
    public init(bundle: ContentBundle, today: Day?, metrics: FlowMetrics? = nil) {
        self.init(bundle: bundle, answers: [:], continued: [], today: today, metrics: metrics)
        index = 0
    }

    /// A case restored from saved answers, placed where the walk stops (the first unanswered question).
    public init(bundle: ContentBundle, answers: [String: Answer], continued: Set<String> = [], today: Day?,
                metrics: FlowMetrics? = nil) {
        self.bundle = bundle
        self.today = today
        self.answers = answers
        self.continued = continued
        self.walker = FlowWalker(bundle: bundle, today: today)
        self.metrics = metrics ?? FlowMetrics(bundle: bundle)
        self.trail = walker.trail(answers: answers, continued: continued)
        self.index = trail.walk.stops.count
    }

    /// The path the answers take through the flow.
    public var walk: Walk { trail.walk }

    /// The stops on the path and, last, where the walk ends.
    public var stops: [WalkStop] {
        walk.stops + [{
            switch walk.end {
            case .question(let q): return .question(q)
            case .outcome(let o), .stuck(let o): return .outcome(o)
            }
        }()]
    }

    /// True when `stops` holds the question: answered on the path, or the one the walk stops at.
    public func reaches(question id: String) -> Bool {
        walk.effective[id] != nil || walk.end == .question(id)
    }

    public var position: Position {
        if index < walk.stops.count {
            switch walk.stops[index] {
            case .question(let q): return .question(q, current: answers[q])
            case .outcome(let o): return .outcome(o)
            }
        }
        switch walk.end {
        case .question(let q): return .question(q, current: answers[q])
        case .outcome(let o): return .outcome(o)
        case .stuck(let n): return .stuck(n)
        }
    }

    /// The node the worker is at.
    public var currentNode: String {
        switch position {
        case .question(let q, _): return q
        case .outcome(let o), .stuck(let o): return o
        }
    }

    /// Answers the current question and moves to the next stop. Later answers that still apply are kept.
    public mutating func answer(_ answer: Answer) throws(AnswerProblem) {
        guard case .question(let id, _) = position, let question = bundle.question(id) else {
            throw AnswerProblem("there is no question to answer here")
        }
        let checked = try question.validate(answer).get()
        // The same answer again leaves the walk as it is.
        if answers[id] != checked {
            answers[id] = checked
            rewalk(from: index)
        }
        index = min(index + 1, walk.stops.count)
    }

    /// Goes past an early exit (such as emergency guidance) to carry on with the conversation.
    @discardableResult
    public mutating func continuePastOutcome() -> Bool {
        guard case .outcome(let id) = position, bundle.outcome(id)?.continueTo != nil else { return false }
        if continued.insert(id).inserted { rewalk(from: index) }
        index = min(index + 1, walk.stops.count)
        return true
    }

    /// Steps back to the previous stop, keeping every answer.
    @discardableResult
    public mutating func back() -> Bool {
        guard index > 0 else { return false }
        index -= 1
        return true
    }

    /// Moves to a question on the current path, to change its answer.
    @discardableResult
    public mutating func goTo(question id: String) -> Bool {
        guard let i = stops.firstIndex(of: .question(id)) else { return false }
        index = i
        return true
    }

    /// Moves to where the walk stops: the first unanswered question, or the outcome.
    public mutating func resume() { index = walk.stops.count }

    /// Drops every answer (the quick exit's "forget this case").
    public mutating func forgetAll() {
        answers = [:]
        continued = []
        trail = walker.trail(answers: answers, continued: continued)
        index = 0
    }

    /// Answers kept but no longer on the path; they come back if the path returns to their questions.
    public var setAside: [String: Answer] {
        answers.filter { walk.effective[$0.key] == nil }
    }

    /// The answered questions from the start to where the worker is.
    public var history: [WalkStop] { Array(walk.stops.prefix(index)) }

    public var isFinished: Bool { if case .outcome = position, index >= walk.stops.count { return true } else { return false } }

    public var progress: Progress {
        let done = trail.questionsAnswered(inFirst: index)
        let node = currentNode
        let remaining = bundle.flow.nodes[node] != nil ? (metrics.longestRemaining[node] ?? 1) : 0
        let step = remaining > 0 ? done + 1 : done
        return Progress(step: step, estimatedTotal: max(step, done + remaining), section: bundle.section(of: node))
    }

    /// The assessment for the answers on the current path.
    public func assess() -> Assessment {
        Assessor(bundle: bundle, today: today).assess(walk)
    }

    /// Re-walks from stop `stop`, whose answer (or early exit) is the only thing that changed.
    private mutating func rewalk(from stop: Int) {
        walker.rewalk(&trail, from: stop, answers: answers, continued: continued)
    }
}
