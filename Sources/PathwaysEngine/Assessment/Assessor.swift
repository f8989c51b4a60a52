/// Sorts every pathway into recommended, possible or not applicable, with reasons, for one walk.
public struct Assessor: Sendable {
    public let bundle: ContentBundle
    let evaluator: ConditionEvaluator

    /// Question id → its place in the bundle, to list missing questions in the order they are asked.
    let questionOrder: [String: Int]

    public init(bundle: ContentBundle) {
        self.bundle = bundle
        self.evaluator = ConditionEvaluator(bundle: bundle)
        self.questionOrder = Dictionary(bundle.questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func assess(_ walk: Walk) -> Assessment {
        let state: (String) -> AnswerState = { id in
            switch walk.effective[id] {
            case .value(let v)?: return .value(v)
            case .declined?: return .declined
            case nil: return .unanswered
            }
        }
        var outcome: String?
        if case .outcome(let o) = walk.end { outcome = o }
        let showFirst = outcome.flatMap { bundle.outcome($0)?.showFirst.map(\.id) } ?? []
        let results = bundle.pathways.map { assess($0, walk: walk, state: state) }
        let ordered = results.enumerated().sorted { a, b in
            let ka = (showFirst.firstIndex(of: a.element.id) ?? Int.max, a.element.urgent ? 0 : 1, a.offset)
            let kb = (showFirst.firstIndex(of: b.element.id) ?? Int.max, b.element.urgent ? 0 : 1, b.offset)
            return ka < kb
        }.map(\.element)
        var unanswered: [String] = []
        if case .question(let q) = walk.end { unanswered.append(q) }
        return Assessment(bundle: bundle.stamp, outcome: outcome, pathways: ordered, unanswered: unanswered)
    }

    func assess(_ p: Pathway, walk: Walk, state: (String) -> AnswerState) -> PathwayAssessment {
        var met: [Reason] = [], notMet: [Reason] = [], unknown: [Reason] = []
        var missing: [String] = []
        for criterion in p.eligibility {
            guard let condition = criterion.condition.parsed else {
                unknown.append(Reason(kind: .unknown, text: criterion.met ?? describe(criterion.condition), evidence: []))
                continue
            }
            let refs = condition.questionRefs.map(\.name)
            let evidence = unique(refs).compactMap { id in walk.effective[id].map { Evidence(question: id, answer: $0) } }
            switch evaluator.evaluate(condition, state) {
            case .yes:
                met.append(Reason(kind: .met, text: criterion.met ?? describe(criterion.condition), evidence: evidence))
            case .no:
                notMet.append(Reason(kind: .notMet, text: criterion.notMet ?? negated(criterion.condition), evidence: evidence))
            case .unknown:
                unknown.append(Reason(kind: .unknown, text: criterion.met ?? describe(criterion.condition), evidence: evidence))
                for id in refs where isUndecided(id, state) && !missing.contains(id) { missing.append(id) }
            }
        }
        let status: PathwayStatus
        let reasons: [Reason]
        if !notMet.isEmpty {
            status = .notApplicable
            reasons = notMet
            missing = []
        } else if !unknown.isEmpty {
            status = .possible
            reasons = met + unknown
        } else {
            status = .recommended
            reasons = met.isEmpty ? [Reason(kind: .met, text: EngineText.appliesToEveryone, evidence: [])] : met
        }
        missing.sort { (questionOrder[$0] ?? 0) < (questionOrder[$1] ?? 0) }
        var cautions: [AppliedCaution] = []
        for caution in p.cautions {
            let t = caution.condition?.parsed.map { evaluator.evaluate($0, state) } ?? (caution.condition == nil ? .yes : .unknown)
            if t != .no { cautions.append(AppliedCaution(fact: caution.fact, certainty: t)) }
        }
        let referrals = p.referrals.compactMap { ref -> String? in
            guard let r = bundle.referral(ref.id) else { return nil }
            guard let c = r.condition?.parsed else { return r.id }
            return evaluator.evaluate(c, state) == .no ? nil : r.id
        }
        return PathwayAssessment(id: p.id, status: status, urgent: p.urgent, reasons: reasons, missing: missing,
                                 cautions: cautions, referrals: referrals)
    }

    /// A question whose answer would still change things: unanswered, declined, or "unsure".
    func isUndecided(_ id: String, _ state: (String) -> AnswerState) -> Bool {
        switch state(id) {
        case .unanswered, .declined, .free: return true
        case .value(.option(let o)): return bundle.question(id)?.option(o)?.unsure == true
        case .value(.options(let os)): return os.contains { bundle.question(id)?.option($0)?.unsure == true }
        case .value: return false
        }
    }

    func describe(_ c: ConditionText) -> LocalizedText {
        ConditionDescriber(bundle: bundle).describe(c)
    }

    func negated(_ c: ConditionText) -> LocalizedText {
        describe(c).prefixed(by: EngineText.notTrue)
    }

    func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

extension LocalizedText {
    /// `prefix` + `self`, locale by locale.
    func prefixed(by prefix: LocalizedText) -> LocalizedText {
        var out: [String: String] = [:]
        for (locale, text) in texts { out[locale] = (prefix.texts[locale] ?? prefix.texts["en"] ?? "") + text }
        return LocalizedText(out, location: location)
    }
}
