/// The result of running one scenario: the assessment and every way it differs from what was expected.
public struct ScenarioResult: Sendable {
    public var scenario: Scenario
    public var assessment: Assessment
    public var walk: Walk
    /// Empty when the scenario passed.
    public var failures: [String]
    public var passed: Bool { failures.isEmpty }
}

/// Runs scenarios against the engine, as `pathways test` does.
public struct ScenarioRunner: Sendable {
    public let bundle: ContentBundle
    public let locale: String
    /// The day for scenarios that give no `today:` of their own.
    public let today: Day?

    public init(bundle: ContentBundle, today: Day?, locale: String? = nil) {
        self.bundle = bundle
        self.today = today
        self.locale = locale ?? bundle.info.defaultLocale
    }

    /// The walk and assessment of a scenario, on its own day (or the runner's).
    public func assess(_ scenario: Scenario) -> (walk: Walk, assessment: Assessment) {
        let day = scenario.today ?? today
        let walk = FlowWalker(bundle: bundle, today: day).walk(answers: Self.answers(scenario.answers, in: bundle), continueWhenAnswered: true)
        return (walk, Assessor(bundle: bundle, today: day).assess(walk))
    }

    /// The answers of a scenario or answers file, checked against their questions; bad ones are left out
    /// (the checker reports them).
    public static func answers(_ written: [WrittenAnswer], in bundle: ContentBundle) -> [String: Answer] {
        var out: [String: Answer] = [:]
        for w in written {
            guard let q = bundle.question(w.question.id), case .success(let a) = q.validate(w.answer) else { continue }
            out[q.id] = a
        }
        return out
    }

    public func run(_ scenario: Scenario) -> ScenarioResult {
        let (walk, assessment) = assess(scenario)
        var failures: [String] = []
        let e = scenario.expect
        for (expected, ids) in [(PathwayStatus.recommended, e.recommended), (.possible, e.possible), (.notApplicable, e.notApplicable)] {
            for ref in ids {
                guard let actual = assessment.pathway(ref.id) else {
                    failures.append("\(ref.location): unknown pathway '\(ref.id)'")
                    continue
                }
                guard actual.status != expected else { continue }
                let report = ReportText(bundle: bundle, locale: locale)
                var message = "\(ref.location): expected '\(ref.id)' to be \(expected.words), but it is \(actual.status.words)"
                for reason in actual.reasons { message += "\n      - " + report.reason(reason) }
                if !actual.missing.isEmpty { message += "\n      still to find out: " + actual.missing.joined(separator: ", ") }
                failures.append(message)
            }
        }
        for ref in e.notRecommended {
            guard let actual = assessment.pathway(ref.id) else {
                failures.append("\(ref.location): unknown pathway '\(ref.id)'")
                continue
            }
            if actual.status == .recommended {
                var message = "\(ref.location): expected '\(ref.id)' not to be recommended, but it is"
                for reason in actual.reasons { message += "\n      - " + ReportText(bundle: bundle, locale: locale).reason(reason) }
                failures.append(message)
            }
        }
        for expected in e.priorities {
            guard let actual = assessment.pathway(expected.pathway.id) else { continue }
            if actual.status != .recommended {
                failures.append("\(expected.pathway.location): expected '\(expected.pathway.id)' in the \(expected.priority.rawValue) group, but it is \(actual.status.words)")
            } else if actual.priority != expected.priority {
                failures.append("\(expected.pathway.location): expected '\(expected.pathway.id)' in the \(expected.priority.rawValue) group, but it is in the \(actual.priority.rawValue) group")
            }
        }
        for expected in e.deadlines where !assessment.deadlines.contains(where: { $0.pathway == expected.pathway.id && $0.date == expected.date }) {
            let listed = assessment.deadlines.map { "\($0.date) \($0.pathway)" }
            failures.append("\(expected.location): expected a deadline on \(expected.date) for '\(expected.pathway.id)'; listed: "
                            + (listed.isEmpty ? "none" : listed.joined(separator: ", ")))
        }
        if e.onlyDeadlines {
            for d in assessment.deadlines where !e.deadlines.contains(where: { $0.pathway.id == d.pathway && $0.date == d.date }) {
                failures.append("\(scenario.location): a deadline not expected: \(d.date) for '\(d.pathway)'")
            }
        }
        for ref in e.notices where !assessment.notices.contains(where: { $0.pathway == ref.id }) {
            failures.append("\(ref.location): expected a caution of '\(ref.id)' to be shown although it is not recommended; shown: "
                            + (assessment.notices.isEmpty ? "none" : assessment.notices.map(\.pathway).joined(separator: ", ")))
        }
        if let o = e.outcome, assessment.outcome != o.id {
            failures.append("\(o.location): expected the walk to end at '\(o.id)', but it " + walkEndWords(walk.end))
        }
        if let u = e.unanswered, u.map(\.id) != assessment.unanswered {
            failures.append("\(scenario.location): expected unanswered [\(u.map(\.id).joined(separator: ", "))], got [\(assessment.unanswered.joined(separator: ", "))]")
        }
        return ScenarioResult(scenario: scenario, assessment: assessment, walk: walk, failures: failures)
    }

    func walkEndWords(_ end: WalkEnd) -> String {
        switch end {
        case .outcome(let o): return "ended at '\(o)'"
        case .question(let q): return "stopped at '\(q)', which has no answer"
        case .stuck(let n): return "got stuck at '\(n)' (see pathways check)"
        }
    }
}

extension PathwayStatus {
    /// How the status reads in a sentence.
    public var words: String {
        switch self {
        case .recommended: return "recommended"
        case .possible: return "possible"
        case .notApplicable: return "not applicable"
        }
    }
}
