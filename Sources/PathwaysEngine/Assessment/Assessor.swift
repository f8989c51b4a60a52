/// Sorts every pathway into recommended, possible or not applicable, with reasons, priorities, cautions and
/// deadlines, for one walk on one day.
public struct Assessor: Sendable {
    public let bundle: ContentBundle
    /// The day the case is assessed on: given, never read from a clock here, so results replay.
    public let today: Day?
    let evaluator: ConditionEvaluator

    /// Question id → its place in the bundle, to list missing questions in the order they are asked.
    let questionOrder: [String: Int]

    public init(bundle: ContentBundle, today: Day?) {
        self.bundle = bundle
        self.today = today
        self.evaluator = ConditionEvaluator(bundle: bundle, today: today)
        self.questionOrder = Dictionary(bundle.questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func assess(_ walk: Walk) -> Assessment {
        let state: (String) -> AnswerState = { walk.state($0) }
        var outcome: String?
        if case .outcome(let o) = walk.end { outcome = o }
        let showFirst = outcome.flatMap { bundle.outcome($0)?.showFirst.map(\.id) } ?? []
        let results = bundle.pathways.map { assess($0, walk: walk, state: state) }
        let order = Dictionary(bundle.pathways.map { ($0.id, $0.order) }, uniquingKeysWith: { first, _ in first })
        let ordered = results.enumerated().sorted { a, b in
            let ka = (showFirst.firstIndex(of: a.element.id) ?? Int.max, a.element.priority.rank, order[a.element.id] ?? 0, a.offset)
            let kb = (showFirst.firstIndex(of: b.element.id) ?? Int.max, b.element.priority.rank, order[b.element.id] ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
        var unanswered: [String] = []
        if case .question(let q) = walk.end { unanswered.append(q) }
        var assessment = Assessment(bundle: bundle.stamp, today: today, outcome: outcome, pathways: ordered, unanswered: unanswered)
        let place = Dictionary(ordered.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        assessment.deadlines = ordered.flatMap(\.deadlines).sorted {
            ($0.date, place[$0.pathway] ?? 0) < ($1.date, place[$1.pathway] ?? 0)
        }
        assessment.notices = ordered.filter { $0.status != .recommended }.flatMap { p in
            p.cautions.filter { $0.evenWhenNotApplicable && $0.certainty == .yes }.map { c in
                Notice(pathway: p.id, caution: c, priority: c.noticePriority ?? .first)
            }
        }
        return assessment
    }

    func assess(_ p: Pathway, walk: Walk, state: (String) -> AnswerState) -> PathwayAssessment {
        var met: [Reason] = [], notMet: [Reason] = [], unknown: [Reason] = [], limits: [Reason] = []
        var missing: [String] = []
        // Not-met reasons that rest only on questions this case never asked: they follow from another
        // answer (a permit's end date, not asked because there is no permit), so they are dropped when
        // another reason already rules the pathway out.
        var consequential = Set<Int>()
        for criterion in p.eligibility {
            guard let condition = criterion.condition.parsed else {
                unknown.append(Reason(kind: .unknown, text: criterion.met ?? describe(criterion.condition), evidence: []))
                continue
            }
            let refs = condition.questionRefs.map(\.name)
            let evidence = DecidingAnswers(evaluator: evaluator).evidence(condition, walk: walk, state)
            switch evaluator.evaluate(condition, state) {
            case .yes:
                met.append(Reason(kind: .met, text: dated(criterion.met ?? describe(criterion.condition), state), evidence: evidence))
            case .no:
                let reason = Reason(kind: .notMet, text: dated(criterion.notMet ?? negated(criterion.condition), state), evidence: evidence)
                if criterion.otherwise == .possible { limits.append(reason) } else {
                    if !refs.isEmpty && refs.allSatisfy({ state($0) == .notAsked }) { consequential.insert(notMet.count) }
                    notMet.append(reason)
                }
            case .unknown:
                unknown.append(Reason(kind: .unknown, text: dated(criterion.met ?? describe(criterion.condition), state), evidence: evidence))
                for id in refs where isUndecided(id, state) && !missing.contains(id) { missing.append(id) }
            }
        }
        let status: PathwayStatus
        let reasons: [Reason]
        if !notMet.isEmpty {
            status = .notApplicable
            let decisive = notMet.indices.filter { !consequential.contains($0) }.map { notMet[$0] }
            reasons = decisive.isEmpty ? notMet : decisive
            missing = []
        } else if !unknown.isEmpty || !limits.isEmpty {
            status = .possible
            reasons = met + limits + unknown
        } else {
            status = .recommended
            reasons = met.isEmpty ? [Reason(kind: .met, text: bundle.strings.localized(.appliesToEveryone), evidence: [])] : met
        }
        missing.sort { (questionOrder[$0] ?? 0) < (questionOrder[$1] ?? 0) }
        var cautions: [AppliedCaution] = []
        for caution in p.cautions where status != .notApplicable || caution.evenWhenNotApplicable {
            let t = truth(caution.condition, state)
            if t == .yes || (t == .unknown && pointedTo(caution.condition, state)) {
                cautions.append(AppliedCaution(fact: dated(caution.fact, state), certainty: t,
                                               evenWhenNotApplicable: caution.evenWhenNotApplicable, noticePriority: caution.priority))
            }
        }
        let referrals = p.referrals.compactMap { ref -> String? in
            guard let r = bundle.referral(ref.id) else { return nil }
            guard let c = r.condition?.parsed else { return r.id }
            return evaluator.evaluate(c, state) == .no ? nil : r.id
        }
        var result = PathwayAssessment(id: p.id, status: status, urgent: p.urgent, reasons: reasons, missing: missing,
                                       cautions: cautions, referrals: referrals)
        result.declined = missing.filter { walk.effective[$0] == .declined }
        result.priority = priority(of: p, state)
        result.deadlines = deadlines(of: p, status: status, state)
        return result
    }

    /// The first priority rule that holds (an unknown condition does not match); without rules, first for
    /// urgent pathways and next for the others.
    func priority(of p: Pathway, _ state: (String) -> AnswerState) -> Priority {
        for rule in p.priority {
            guard let c = rule.condition else { return rule.priority }
            if let parsed = c.parsed, evaluator.evaluate(parsed, state) == .yes { return rule.priority }
        }
        return p.urgent ? .first : .next
    }

    /// The pathway's deadlines that apply or may apply, on or after the assessment day, soonest first.
    func deadlines(of p: Pathway, status: PathwayStatus, _ state: (String) -> AnswerState) -> [AppliedDeadline] {
        var out: [AppliedDeadline] = []
        for d in p.deadlines where status != .notApplicable || d.evenWhenNotApplicable {
            let t = truth(d.condition, state)
            guard t != .no, let term = d.date.parsed, let day = evaluator.day(term, state) else { continue }
            if let today, day < today { continue }
            out.append(AppliedDeadline(date: day, pathway: p.id, fact: dated(d.fact, state), certainty: t))
        }
        return out.sorted { $0.date < $1.date }
    }

    /// Whether something the person did say points to a condition that is not known: a test inside it that
    /// holds on the answers given (or fails, under a `not`), in a part that is not already decided the other
    /// way. A caution that may apply is shown only then; one that rests only on what is not known ("The claim
    /// is still waiting" when no one knows of a claim) says nothing about this case. A malformed condition
    /// (reported by `check`) is shown as it always was.
    func pointedTo(_ c: ConditionText?, _ state: (String) -> AnswerState) -> Bool {
        guard let parsed = c?.parsed else { return true }
        return pointedTo(parsed, holds: true, state)
    }

    /// `holds`: whether the caution needs `c` true (false under an odd number of `not`s).
    private func pointedTo(_ c: Condition, holds: Bool, _ state: (String) -> AnswerState) -> Bool {
        switch c {
        case .constant: return false
        case .not(let inner): return pointedTo(inner, holds: !holds, state)
        case .and(let cs):
            // A part that fails makes this `and` false: nothing inside it points to the caution.
            if holds && cs.contains(where: { evaluator.evaluate($0, state) == .no }) { return false }
            return cs.contains { pointedTo($0, holds: holds, state) }
        case .or(let cs):
            if !holds && cs.contains(where: { evaluator.evaluate($0, state) == .yes }) { return false }
            return cs.contains { pointedTo($0, holds: holds, state) }
        default: return evaluator.evaluate(c, state) == (holds ? .yes : .no)
        }
    }

    /// A condition's truth; no condition holds, and a malformed one is unknown.
    func truth(_ c: ConditionText?, _ state: (String) -> AnswerState) -> Truth {
        guard let c else { return .yes }
        return c.parsed.map { evaluator.evaluate($0, state) } ?? .unknown
    }

    /// The text with its `{{ … }}` dates computed, in every locale.
    func dated(_ text: LocalizedText, _ state: (String) -> AnswerState) -> LocalizedText {
        guard text.texts.values.contains(where: ComputedDates.has) else { return text }
        var out = text
        for (locale, value) in text.texts {
            out.texts[locale] = ComputedDates.render(value, unknown: bundle.strings.word(.dateNotKnown, locale, fallbacks: [bundle.info.defaultLocale])) {
                evaluator.day($0, state)
            }
        }
        return out
    }

    func dated(_ fact: Fact, _ state: (String) -> AnswerState) -> Fact {
        Fact(text: dated(fact.text, state), verify: fact.verify, sources: fact.sources)
    }

    /// A question whose answer would still change things: unanswered, declined, or "unsure".
    func isUndecided(_ id: String, _ state: (String) -> AnswerState) -> Bool {
        switch state(id) {
        case .unanswered, .declined, .free: return true
        case .notAsked: return false
        case .value(.option(let o)): return bundle.question(id)?.option(o)?.unsure == true
        case .value(.options(let os)): return os.contains { bundle.question(id)?.option($0)?.unsure == true }
        case .value: return false
        }
    }

    func describe(_ c: ConditionText) -> LocalizedText {
        ConditionDescriber(bundle: bundle).describe(c)
    }

    func negated(_ c: ConditionText) -> LocalizedText {
        describe(c).prefixed(by: bundle.strings.localized(.notTheCase))
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
        for (locale, text) in texts { out[locale] = (prefix.texts[locale] ?? prefix.texts.sorted { $0.key < $1.key }.first?.value ?? "") + text }
        return LocalizedText(out, location: location)
    }
}
