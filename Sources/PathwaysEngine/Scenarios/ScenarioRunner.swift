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

    public init(bundle: ContentBundle, locale: String? = nil) {
        self.bundle = bundle
        self.locale = locale ?? bundle.info.defaultLocale
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
        let walk = FlowWalker(bundle: bundle).walk(answers: Self.answers(scenario.answers, in: bundle), continueWhenAnswered: true)
        let assessment = Assessor(bundle: bundle).assess(walk)
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
