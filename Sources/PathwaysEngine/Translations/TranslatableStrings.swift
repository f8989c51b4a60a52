/// Every user-facing text of a bundle under a stable id ("question.status.prompt"), for translators.
public enum TranslatableStrings {
    public struct Entry: Sendable {
        public var id: String
        public var text: LocalizedText
        /// A text the person reads (a question and its options, a pathway's title, summary and steps, a
        /// contact, the disclaimer…), which a client locale must have; the rest is for the worker.
        public var forClient: Bool
    }

    /// The texts in content order, each with an id built from item ids, never from line numbers.
    public static func all(_ b: ContentBundle) -> [Entry] {
        var out: [Entry] = []
        var copy = b
        visit(&copy) { id, text, client in out.append(Entry(id: id, text: text, forClient: client)) }
        return out
    }

    /// Calls `f` with every text of the bundle in content order: its id, the text (which `f` may change in
    /// place) and whether the person reads it.
    public static func visit(_ b: inout ContentBundle, _ f: (String, inout LocalizedText, Bool) -> Void) {
        func add(_ id: String, _ t: inout LocalizedText, _ client: Bool) { f(id, &t, client) }
        func add(_ id: String, _ t: inout LocalizedText?, _ client: Bool) {
            guard var text = t else { return }
            f(id, &text, client)
            t = text
        }
        func facts(_ prefix: String, _ fs: inout [Fact], _ client: Bool) {
            for i in fs.indices { add("\(prefix).\(i + 1)", &fs[i].text, client) }
        }
        add("bundle.title", &b.info.title, true)
        add("bundle.disclaimer", &b.info.disclaimer, true)
        for qi in b.questions.indices {
            let id = b.questions[qi].id
            add("question.\(id).prompt", &b.questions[qi].prompt, true)
            add("question.\(id).help", &b.questions[qi].help, true)
            add("question.\(id).unit", &b.questions[qi].numberRules.unit, true)
            if b.questions[qi].kind != .yesNoUnsure {
                for oi in b.questions[qi].options.indices {
                    let o = b.questions[qi].options[oi].id
                    add("question.\(id).option.\(o).label", &b.questions[qi].options[oi].label, true)
                    add("question.\(id).option.\(o).help", &b.questions[qi].options[oi].help, true)
                }
            }
        }
        for si in b.flow.sections.indices { add("section.\(b.flow.sections[si].id).title", &b.flow.sections[si].title, true) }
        for oi in b.outcomes.indices {
            let id = b.outcomes[oi].id
            add("outcome.\(id).title", &b.outcomes[oi].title, true)
            add("outcome.\(id).message", &b.outcomes[oi].message, true)
        }
        for pi in b.pathways.indices {
            let id = b.pathways[pi].id
            add("pathway.\(id).title", &b.pathways[pi].title, true)
            add("pathway.\(id).summary", &b.pathways[pi].summary, true)
            for i in b.pathways[pi].eligibility.indices {
                add("pathway.\(id).eligibility.\(i + 1).met", &b.pathways[pi].eligibility[i].met, false)
                add("pathway.\(id).eligibility.\(i + 1).not_met", &b.pathways[pi].eligibility[i].notMet, false)
            }
            for i in b.pathways[pi].cautions.indices { add("pathway.\(id).caution.\(i + 1)", &b.pathways[pi].cautions[i].fact.text, false) }
            for i in b.pathways[pi].deadlines.indices { add("pathway.\(id).deadline.\(i + 1)", &b.pathways[pi].deadlines[i].fact.text, false) }
            facts("pathway.\(id).step", &b.pathways[pi].steps, true)
            facts("pathway.\(id).document", &b.pathways[pi].documents, true)
            facts("pathway.\(id).fee", &b.pathways[pi].fees, true)
            facts("pathway.\(id).duration", &b.pathways[pi].duration, true)
        }
        for ri in b.referrals.indices {
            let id = b.referrals[ri].id
            add("referral.\(id).name", &b.referrals[ri].name, true)
            add("referral.\(id).description", &b.referrals[ri].description, true)
        }
        for ti in b.glossary.indices {
            let id = b.glossary[ti].id
            add("term.\(id).term", &b.glossary[ti].term, true)
            add("term.\(id).definition", &b.glossary[ti].definition, true)
        }
        for si in b.scenarios.indices {
            let id = b.scenarios[si].id
            add("scenario.\(id).title", &b.scenarios[si].title, false)
            add("scenario.\(id).persona", &b.scenarios[si].persona, false)
            for q in b.scenarios[si].notes.keys.sorted() { add("scenario.\(id).note.\(q)", &b.scenarios[si].notes[q], false) }
            guard var t = b.scenarios[si].training else { continue }
            for i in t.learningGoals.indices { add("scenario.\(id).goal.\(i + 1)", &t.learningGoals[i], false) }
            func step(_ s: inout TrainingStep) {
                let base = "scenario.\(id).step.\(s.question.id)"
                add(base + ".discussion", &s.discussion, false)
                add(base + ".notes", &s.notes, false)
                add(base + ".after_reveal", &s.afterReveal, false)
            }
            for i in t.steps.indices { step(&t.steps[i]) }
            if var r = t.results { step(&r); t.results = r }
            for i in t.keyDecisions.indices { add("scenario.\(id).key_decision.\(i + 1).why", &t.keyDecisions[i].why, false) }
            for i in t.whatNext.indices {
                add("scenario.\(id).what_next.\(i + 1).prompt", &t.whatNext[i].prompt, false)
                for k in t.whatNext[i].options.indices {
                    add("scenario.\(id).what_next.\(i + 1).option.\(k + 1).label", &t.whatNext[i].options[k].label, false)
                    add("scenario.\(id).what_next.\(i + 1).option.\(k + 1).explanation", &t.whatNext[i].options[k].explanation, false)
                }
            }
            for i in t.learningPoints.indices { add("scenario.\(id).point.\(i + 1)", &t.learningPoints[i], false) }
            b.scenarios[si].training = t
        }
    }

    /// A short hash of a source text, to tell when it changed after a translation was made.
    public static func hash(_ text: String) -> String { String(BundleDigest.hex(of: Array(text.utf8)).prefix(12)) }
}
