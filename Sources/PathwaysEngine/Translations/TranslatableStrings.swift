/// Every user-facing text of a bundle under a stable id ("question.status.prompt"), for translators.
public enum TranslatableStrings {
    public struct Entry: Sendable {
        public var id: String
        public var text: LocalizedText
    }

    /// The texts in content order, each with an id built from item ids, never from line numbers.
    public static func all(_ b: ContentBundle) -> [Entry] {
        var out: [Entry] = []
        func add(_ id: String, _ t: LocalizedText?) { if let t { out.append(Entry(id: id, text: t)) } }
        func facts(_ prefix: String, _ fs: [Fact]) { for (i, f) in fs.enumerated() { add("\(prefix).\(i + 1)", f.text) } }
        add("bundle.title", b.info.title)
        add("bundle.disclaimer", b.info.disclaimer)
        for q in b.questions {
            add("question.\(q.id).prompt", q.prompt)
            add("question.\(q.id).help", q.help)
            add("question.\(q.id).unit", q.numberRules.unit)
            if q.kind != .yesNoUnsure {
                for o in q.options {
                    add("question.\(q.id).option.\(o.id).label", o.label)
                    add("question.\(q.id).option.\(o.id).help", o.help)
                }
            }
        }
        for s in b.flow.sections { add("section.\(s.id).title", s.title) }
        for o in b.outcomes {
            add("outcome.\(o.id).title", o.title)
            add("outcome.\(o.id).message", o.message)
        }
        for p in b.pathways {
            add("pathway.\(p.id).title", p.title)
            add("pathway.\(p.id).summary", p.summary)
            for (i, c) in p.eligibility.enumerated() {
                add("pathway.\(p.id).eligibility.\(i + 1).met", c.met)
                add("pathway.\(p.id).eligibility.\(i + 1).not_met", c.notMet)
            }
            for (i, c) in p.cautions.enumerated() { add("pathway.\(p.id).caution.\(i + 1)", c.fact.text) }
            for (i, d) in p.deadlines.enumerated() { add("pathway.\(p.id).deadline.\(i + 1)", d.fact.text) }
            facts("pathway.\(p.id).step", p.steps)
            facts("pathway.\(p.id).document", p.documents)
            facts("pathway.\(p.id).fee", p.fees)
            facts("pathway.\(p.id).duration", p.duration)
        }
        for r in b.referrals {
            add("referral.\(r.id).name", r.name)
            add("referral.\(r.id).description", r.description)
        }
        for t in b.glossary {
            add("term.\(t.id).term", t.term)
            add("term.\(t.id).definition", t.definition)
        }
        for s in b.scenarios {
            add("scenario.\(s.id).title", s.title)
            add("scenario.\(s.id).persona", s.persona)
            for id in s.notes.keys.sorted() { add("scenario.\(s.id).note.\(id)", s.notes[id]) }
            if let t = s.training {
                for (i, g) in t.learningGoals.enumerated() { add("scenario.\(s.id).goal.\(i + 1)", g) }
                for step in t.steps + (t.results.map { [$0] } ?? []) {
                    let base = "scenario.\(s.id).step.\(step.question.id)"
                    add(base + ".discussion", step.discussion)
                    add(base + ".notes", step.notes)
                    add(base + ".after_reveal", step.afterReveal)
                }
                for (i, d) in t.keyDecisions.enumerated() { add("scenario.\(s.id).key_decision.\(i + 1).why", d.why) }
                for (i, q) in t.whatNext.enumerated() {
                    add("scenario.\(s.id).what_next.\(i + 1).prompt", q.prompt)
                    for (k, o) in q.options.enumerated() {
                        add("scenario.\(s.id).what_next.\(i + 1).option.\(k + 1).label", o.label)
                        add("scenario.\(s.id).what_next.\(i + 1).option.\(k + 1).explanation", o.explanation)
                    }
                }
                for (i, p) in t.learningPoints.enumerated() { add("scenario.\(s.id).point.\(i + 1)", p) }
            }
        }
        return out
    }

    /// A short hash of a source text, to tell when it changed after a translation was made.
    public static func hash(_ text: String) -> String { String(BundleDigest.hex(of: Array(text.utf8)).prefix(12)) }
}
