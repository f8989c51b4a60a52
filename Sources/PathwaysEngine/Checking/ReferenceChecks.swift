/// Finds references to things that do not exist, and items without the sources they need.
enum ReferenceChecks {
    static func all(_ b: ContentBundle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let questionIDs = b.questions.map(\.id)
        let pathwayIDs = b.pathways.map(\.id)
        let referralIDs = b.referrals.map(\.id)
        let sourceIDs = b.sources.map(\.id)
        let nodeIDs = b.flow.nodeOrder + b.outcomes.map(\.id)

        func require(_ ref: Reference, _ code: DiagnosticCode, _ kind: String, _ known: [String], exists: Bool) {
            guard !exists else { return }
            out.append(Diagnostic(code, at: ref.location, "unknown \(kind) '\(ref.id)'" + DidYouMean.phrase(for: ref.id, among: known)))
        }

        for p in b.pathways {
            for r in p.referrals { require(r, .unknownReferral, "referral", referralIDs, exists: b.referral(r.id) != nil) }
            if p.sources.isEmpty {
                out.append(Diagnostic(.missingSource, at: p.location, "the pathway '\(p.id)' has no source",
                                      hint: "add 'sources:' with the ids of dated entries in sources.yaml"))
            }
        }
        for r in b.referrals where r.sources.isEmpty {
            out.append(Diagnostic(.missingSource, at: r.location, "the referral '\(r.id)' has no source",
                                  hint: "add 'sources:' with the ids of dated entries in sources.yaml"))
        }
        for ref in ContentWalk.sourceReferences(b) {
            require(ref, .unknownSource, "source", sourceIDs, exists: b.source(ref.id) != nil)
        }
        for o in b.outcomes {
            for p in o.showFirst { require(p, .unknownPathway, "pathway", pathwayIDs, exists: b.pathway(p.id) != nil) }
            if let c = o.continueTo { require(c, .unknownNode, "question", b.flow.nodeOrder, exists: b.flow.nodes[c.id] != nil) }
        }
        for s in b.flow.sections {
            for q in s.questions { require(q, .unknownQuestion, "question", questionIDs, exists: b.question(q.id) != nil) }
        }
        if !b.flow.start.id.isEmpty {
            require(b.flow.start, .unknownNode, "question or outcome", nodeIDs,
                    exists: b.flow.nodes[b.flow.start.id] != nil || b.outcome(b.flow.start.id) != nil)
        }
        for id in b.flow.nodeOrder {
            let node = b.flow.nodes[id]!
            if b.question(id) == nil {
                out.append(Diagnostic(.unknownQuestion, at: node.location,
                                      "the flow has a node for unknown question '\(id)'" + DidYouMean.phrase(for: id, among: questionIDs)))
            }
            for rule in node.next {
                let t = rule.target
                let exists = b.flow.nodes[t.id] != nil || b.outcome(t.id) != nil
                if !exists && b.question(t.id) == nil {
                    require(t, .unknownNode, "question or outcome", nodeIDs, exists: false)
                }
            }
        }
        for s in b.scenarios {
            out += scenario(s, b, pathwayIDs: pathwayIDs, questionIDs: questionIDs)
        }
        return out
    }

    /// Answers to unknown questions, and answers that do not fit their question.
    static func answers(_ written: [WrittenAnswer], _ b: ContentBundle, questionIDs: [String]) -> [Diagnostic] {
        answers(written, b, questionIDs: questionIDs, limit: .max).diagnostics
    }

    /// The same, described up to `limit` problems and only counted beyond: a file of a million mistaken
    /// answers is not worth a million suggestions.
    static func answers(_ written: [WrittenAnswer], _ b: ContentBundle, questionIDs: [String], limit: Int) -> (diagnostics: [Diagnostic], uncounted: Int) {
        var out: [Diagnostic] = []
        var uncounted = 0
        for a in written {
            if out.count >= limit {
                if let q = b.question(a.question.id) { if case .failure = q.validate(a.answer) { uncounted += 1 } } else { uncounted += 1 }
                continue
            }
            guard let q = b.question(a.question.id) else {
                out.append(Diagnostic(.unknownQuestion, at: a.question.location,
                                      "unknown question '\(a.question.id)'" + DidYouMean.phrase(for: a.question.id, among: questionIDs)))
                continue
            }
            if case .failure(let problem) = q.validate(a.answer) {
                out.append(Diagnostic(.invalidAnswer, at: a.location, "invalid answer to '\(q.id)': \(problem.message)"))
            }
        }
        return (out, uncounted)
    }

    static func scenario(_ s: Scenario, _ b: ContentBundle, pathwayIDs: [String], questionIDs: [String]) -> [Diagnostic] {
        var out: [Diagnostic] = answers(s.answers, b, questionIDs: questionIDs)
        let e = s.expect
        let named = e.recommended + e.possible + e.notApplicable + e.notRecommended + e.priorities.map(\.pathway)
            + e.deadlines.map(\.pathway) + e.notices
        for p in named where b.pathway(p.id) == nil {
            out.append(Diagnostic(.unknownPathway, at: p.location, "unknown pathway '\(p.id)'" + DidYouMean.phrase(for: p.id, among: pathwayIDs)))
        }
        if let o = e.outcome, b.outcome(o.id) == nil {
            out.append(Diagnostic(.unknownNode, at: o.location, "unknown outcome '\(o.id)'" + DidYouMean.phrase(for: o.id, among: b.outcomes.map(\.id))))
        }
        for q in e.unanswered ?? [] where b.question(q.id) == nil {
            out.append(Diagnostic(.unknownQuestion, at: q.location, "unknown question '\(q.id)'" + DidYouMean.phrase(for: q.id, among: questionIDs)))
        }
        for step in s.training?.steps ?? [] where b.question(step.question.id) == nil {
            out.append(Diagnostic(.unknownQuestion, at: step.question.location,
                                  "a step for unknown question '\(step.question.id)'" + DidYouMean.phrase(for: step.question.id, among: questionIDs)))
        }
        for (id, text) in s.notes where b.question(id) == nil {
            out.append(Diagnostic(.unknownQuestion, at: text.location ?? s.location,
                                  "a note for unknown question '\(id)'" + DidYouMean.phrase(for: id, among: questionIDs)))
        }
        return out
    }
}
