/// Enumerates every text and condition in a bundle, so checks over "all of them" live in one place.
enum ContentWalk {
    /// Every localized text with a description of where it is, for messages.
    static func texts(_ b: ContentBundle) -> [LocalizedText] {
        var out: [LocalizedText] = [b.info.title]
        if let d = b.info.disclaimer { out.append(d) }
        for q in b.questions {
            out.append(q.prompt)
            if let h = q.help { out.append(h) }
            if let u = q.numberRules.unit { out.append(u) }
            if q.kind != .yesNoUnsure {
                for o in q.options {
                    out.append(o.label)
                    if let h = o.help { out.append(h) }
                }
            }
        }
        out += b.flow.sections.map(\.title)
        for o in b.outcomes {
            out.append(o.title)
            if let m = o.message { out.append(m) }
        }
        for p in b.pathways {
            out.append(p.title)
            if let s = p.summary { out.append(s) }
            for c in p.eligibility { out += [c.met, c.notMet].compactMap { $0 } }
            out += p.cautions.map(\.fact.text)
            out += p.deadlines.map(\.fact.text)
            out += (p.steps + p.documents + p.fees + p.duration).map(\.text)
        }
        for r in b.referrals {
            out.append(r.name)
            if let d = r.description { out.append(d) }
        }
        for t in b.glossary { out += [t.term, t.definition] }
        for s in b.scenarios {
            out.append(s.title)
            if let p = s.persona { out.append(p) }
            out += s.notes.keys.sorted().map { s.notes[$0]! }
            if let t = s.training { out += t.texts }
        }
        return out
    }

    /// Every condition written in the bundle.
    static func conditions(_ b: ContentBundle) -> [ConditionText] {
        var out: [ConditionText] = b.questions.compactMap(\.askWhen)
        for id in b.flow.nodeOrder { out += b.flow.nodes[id]!.next.compactMap(\.condition) }
        for p in b.pathways {
            out += p.eligibility.map(\.condition)
            out += p.cautions.compactMap(\.condition)
            out += p.priority.compactMap(\.condition)
            out += p.deadlines.compactMap(\.condition)
        }
        out += b.referrals.compactMap(\.condition)
        return out
    }

    /// Every date written on its own (deadlines' `date:`).
    static func dates(_ b: ContentBundle) -> [DateText] {
        b.pathways.flatMap { $0.deadlines.map(\.date) }
    }

    /// The texts where `{{ … }}` computes a date from the answers: criteria texts, cautions and deadlines.
    static func datedTexts(_ b: ContentBundle) -> [LocalizedText] {
        b.pathways.flatMap { p in
            p.eligibility.flatMap { [$0.met, $0.notMet].compactMap { $0 } } + p.cautions.map(\.fact.text) + p.deadlines.map(\.fact.text)
        }
    }

    /// Every source reference, with the item that makes it.
    static func sourceReferences(_ b: ContentBundle) -> [Reference] {
        var out: [Reference] = []
        for p in b.pathways {
            out += p.sources
            out += p.cautions.flatMap(\.fact.sources)
            out += p.deadlines.flatMap(\.fact.sources)
            out += (p.steps + p.documents + p.fees + p.duration).flatMap(\.sources)
        }
        out += b.referrals.flatMap(\.sources)
        return out
    }
}
