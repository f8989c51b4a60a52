/// How a trainee's quiz compares with a training case: the key decisions first, then the "what next"
/// questions, every answer and every pathway. Pure: the same walks, the same score.
public struct QuizScore: Sendable {
    /// One key decision, right or missed, with what explains a miss.
    public struct Decision: Sendable {
        public var decision: KeyDecision
        public var right: Bool
        /// For a question: the trainee's answer and the case's.
        public var traineeAnswer: Answer?
        public var caseAnswer: Answer?
        /// For a pathway: where the trainee's answers put it, and where the case's do, with the content's reasons.
        public var traineeStatus: PathwayStatus?
        public var caseStatus: PathwayStatus?
        public var caseReasons: [Reason]
    }
    /// One question the case asks.
    public struct AnswerCheck: Sendable {
        public var question: String
        public var right: Bool
        public var trainee: Answer?
        public var expected: Answer?
    }
    /// One pathway of the case's assessment.
    public struct PathwayCheck: Sendable {
        public var id: String
        public var right: Bool
        public var trainee: PathwayAssessment
        public var expected: PathwayAssessment
    }
    /// One "what next" question: the option chosen (nil: not answered) and whether it is right.
    public struct WhatNextCheck: Sendable {
        public var index: Int
        public var chosen: Int?
        public var right: Bool
    }

    public var decisions: [Decision]
    public var answers: [AnswerCheck]
    public var pathways: [PathwayCheck]
    public var whatNext: [WhatNextCheck]

    public var decisionsRight: Int { decisions.filter(\.right).count }
    public var answersRight: Int { answers.filter(\.right).count }
    public var pathwaysRight: Int { pathways.filter(\.right).count }
    public var whatNextRight: Int { whatNext.filter(\.right).count }

    /// Scores `trainee` (the trainee's walk, assessed on `day`) against the training case; `choices` are the
    /// options chosen for the case's "what next" questions, in order.
    public init(bundle: ContentBundle, scenario: Scenario, caseWalk: Walk, trainee: Walk, day: Day?, choices: [Int?] = []) {
        let caseDay = scenario.today ?? day
        let expected = Assessor(bundle: bundle, today: caseDay).assess(caseWalk)
        let mine = Assessor(bundle: bundle, today: caseDay).assess(trainee)
        let notes = scenario.training
        let decisionsList = notes?.keyDecisions ?? []
        func decisionFor(question id: String) -> KeyDecision? {
            decisionsList.first { if case .question(let r) = $0.subject { return r.id == id } else { return false } }
        }
        func decisionFor(pathway id: String) -> KeyDecision? {
            decisionsList.first { if case .pathway(let r) = $0.subject { return r.id == id } else { return false } }
        }
        decisions = decisionsList.map { d in
            switch d.subject {
            case .question(let r):
                let theirs = trainee.effective[r.id], ours = caseWalk.effective[r.id]
                return Decision(decision: d, right: d.accepts(theirs, caseAnswer: ours, question: bundle.question(r.id)),
                                traineeAnswer: theirs, caseAnswer: ours, traineeStatus: nil, caseStatus: nil, caseReasons: [])
            case .pathway(let r):
                let theirs = mine.pathway(r.id), ours = expected.pathway(r.id)
                return Decision(decision: d, right: d.accepts(theirs?.status, caseStatus: ours?.status), traineeAnswer: nil, caseAnswer: nil,
                                traineeStatus: theirs?.status, caseStatus: ours?.status, caseReasons: ours?.reasons ?? [])
            }
        }
        answers = caseWalk.stops.compactMap { stop in
            guard case .question(let q) = stop else { return nil }
            let theirs = trainee.effective[q], ours = caseWalk.effective[q]
            let right = theirs == ours || (decisionFor(question: q)?.accepts(theirs, caseAnswer: ours, question: bundle.question(q)) ?? false)
            return AnswerCheck(question: q, right: right, trainee: theirs, expected: ours)
        }
        pathways = expected.pathways.compactMap { e in
            guard let t = mine.pathway(e.id) else { return nil }
            let right = t.status == e.status || (decisionFor(pathway: e.id)?.accepts(t.status, caseStatus: e.status) ?? false)
            return PathwayCheck(id: e.id, right: right, trainee: t, expected: e)
        }
        whatNext = (notes?.whatNext ?? []).enumerated().map { i, q in
            let chosen = i < choices.count ? choices[i] : nil
            return WhatNextCheck(index: i, chosen: chosen, right: chosen.map { q.options.indices.contains($0) && q.options[$0].correct } ?? false)
        }
    }
}
