/// Checks what only training cases have: that nothing gives the case's answer away before the reveal, that
/// every step can be shown, that key decisions hold for the case itself, and that "what next" questions can
/// be scored.
enum TrainingChecks {
    static func all(_ b: ContentBundle) -> [Diagnostic] {
        b.scenarios.flatMap { s in s.training.map { check(s, $0, b) } ?? [] }
    }

    static func check(_ s: Scenario, _ t: TrainingNotes, _ b: ContentBundle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let (walk, assessment) = ScenarioRunner(bundle: b, today: s.today).assess(s)
        let asked = Set(walk.stops.compactMap { stop -> String? in if case .question(let q) = stop { return q } else { return nil } })
        // A walk that stops short (a broken flow, an answer missing) is the scenario's failure, said by
        // `pathways test`: what it never reaches says nothing more.
        let finished: Bool = { if case .outcome = walk.end { return true } else { return false } }()
        out += keyDecisions(s, t, b, walk: walk, asked: asked, finished: finished, assessment: assessment)
        for step in t.steps where finished && b.question(step.question.id) != nil && !asked.contains(step.question.id) {
            out.append(Diagnostic(.trainingStepNeverShown, at: step.question.location,
                                  "the case's answers never reach the question '\(step.question.id)', so this step is never shown",
                                  hint: "give the case answers that lead to it, or remove the step"))
        }
        for step in t.steps + (t.results.map { [$0] } ?? []) where step.discussion == nil && (step.notes != nil || step.afterReveal != nil) {
            out.append(Diagnostic(.trainingCaseIncomplete, at: step.question.location,
                                  "the step '\(step.question.id)' has notes but no discussion prompt for the room",
                                  hint: "add 'discussion:', a question to ask the room before the reveal"))
        }
        if t.keyDecisions.isEmpty {
            out.append(Diagnostic(.trainingCaseIncomplete, at: s.location, "the training case '\(s.id)' names no key decisions, so a quiz cannot say what matters",
                                  hint: "add 'key_decisions:' with the answers and pathways that decide the case"))
        }
        out += giveaways(t, b, walk: walk)
        out += whatNext(t)
        return out
    }

    // MARK: Key decisions

    static func keyDecisions(_ s: Scenario, _ t: TrainingNotes, _ b: ContentBundle, walk: Walk, asked: Set<String>,
                             finished: Bool, assessment: Assessment) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for d in t.keyDecisions {
            switch d.subject {
            case .question(let ref):
                guard let q = b.question(ref.id) else {
                    out.append(Diagnostic(.unknownQuestion, at: ref.location, "unknown question '\(ref.id)'" + DidYouMean.phrase(for: ref.id, among: b.questions.map(\.id))))
                    continue
                }
                let known = q.options.map(\.id) + (q.sensitive ? ["declined"] : [])
                var bad = false
                for a in d.accept where !known.contains(a.id) {
                    bad = true
                    out.append(Diagnostic(.unknownOption, at: a.location, "'\(a.id)' is not an answer to '\(q.id)'" + DidYouMean.phrase(for: a.id, among: known),
                                          hint: q.kind.hasOptions ? "accept lists option ids of the question" : "a typed answer is right only when it is the case's own: leave out 'accept'"))
                }
                guard !bad, finished else { continue }
                guard asked.contains(q.id) else {
                    out.append(Diagnostic(.keyDecisionNotMet, at: ref.location, "the case's answers never reach the question '\(q.id)', so a trainee cannot decide it",
                                          hint: "name a question the case asks"))
                    continue
                }
                let own = walk.effective[q.id]
                if !d.accepts(own, caseAnswer: own, question: q) {
                    let shown = own.map { EngineText.describe($0, of: q, strings: b.strings, locale: b.info.defaultLocale, fallbacks: []) } ?? "no answer"
                    out.append(Diagnostic(.keyDecisionNotMet, at: d.accept.first?.location ?? ref.location,
                                          "the case's own answer to '\(q.id)' (\(shown)) is not among the answers this key decision accepts",
                                          hint: "add the case's answer to 'accept', or change the case's answer"))
                }
            case .pathway(let ref):
                guard b.pathway(ref.id) != nil else {
                    out.append(Diagnostic(.unknownPathway, at: ref.location, "unknown pathway '\(ref.id)'" + DidYouMean.phrase(for: ref.id, among: b.pathways.map(\.id))))
                    continue
                }
                let statuses = PathwayStatus.allCases.map(\.rawValue)
                var bad = false
                for a in d.accept where !statuses.contains(a.id) {
                    bad = true
                    out.append(Diagnostic(.invalidValue, at: a.location, "'\(a.id)' is not a place for a pathway" + DidYouMean.phrase(for: a.id, among: statuses),
                                          hint: "accept lists recommended, possible or not_applicable"))
                }
                guard !bad, finished else { continue }
                let own = assessment.pathway(ref.id)?.status
                if !d.accepts(own, caseStatus: own) {
                    out.append(Diagnostic(.keyDecisionNotMet, at: d.accept.first?.location ?? ref.location,
                                          "the case itself leaves '\(ref.id)' \(own?.rawValue ?? "unassessed"), which this key decision does not accept",
                                          hint: "add '\(own?.rawValue ?? "")' to 'accept', or change the case's answers"))
                }
            }
        }
        return out
    }

    // MARK: Nothing given away before the reveal

    /// A text shown before the reveal (a discussion prompt, a facilitator's note) that names the case's
    /// answer to its question, or a key pathway of the case.
    static func giveaways(_ t: TrainingNotes, _ b: ContentBundle, walk: Walk) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let pathways = t.keyPathways.compactMap { b.pathway($0) }
        for step in t.steps + (t.results.map { [$0] } ?? []) {
            let q = b.question(step.question.id)
            let answer = q.flatMap { walk.effective[$0.id] }
            for text in step.beforeReveal {
                for (locale, raw) in text.texts.sorted(by: { $0.key < $1.key }) {
                    let rendered = Giveaway.normalized(GlossaryMarkup.render(raw, bundle: b, locale: locale))
                    var named: String?
                    if let q, let answer {
                        named = Giveaway.phrases(ofAnswer: answer, to: q, locale: locale).first { rendered.contains(" " + $0 + " ") }
                        if named == nil, case .value(let v) = answer {
                            let ids: [String] = { switch v { case .option(let o): return [o]; case .options(let os): return os; default: return [] } }()
                            let marked = GlossaryMarkup.pieces(raw).compactMap { piece, _ -> String? in if case .term(let id, _) = piece { return id } else { return nil } }
                            named = marked.first { ids.contains($0) }.map { "[[\($0)]]" }
                        }
                    }
                    if named == nil {
                        named = pathways.lazy.flatMap { Giveaway.phrases(ofTitle: $0.title, locale: locale) }.first { rendered.contains(" " + $0 + " ") }
                    }
                    guard let named else { continue }
                    out.append(Diagnostic(.trainingAnswerGivenAway, at: text.location(of: locale, offset: 0) ?? step.question.location,
                                          "this text is shown before the reveal and names '\(named)', which gives the case's answer away",
                                          hint: "move it to 'after_reveal', or say it without naming the answer"))
                    break
                }
            }
        }
        return out
    }

    // MARK: What next

    static func whatNext(_ t: TrainingNotes) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for q in t.whatNext {
            if q.options.count < 2 {
                out.append(Diagnostic(.whatNextMalformed, at: q.location, "a 'what next' question needs at least 2 options, found \(q.options.count)"))
            }
            if q.correct.isEmpty {
                out.append(Diagnostic(.whatNextMalformed, at: q.location, "a 'what next' question has no right option, so it cannot be scored",
                                      hint: "mark the right option (or options) 'correct: true'"))
            }
            for o in q.options where o.explanation == nil {
                out.append(Diagnostic(.whatNextMalformed, at: o.location, "an option of a 'what next' question has no explanation",
                                      hint: "add 'explanation:', said after the answer: why this is right or wrong"))
            }
        }
        return out
    }
}

/// Phrases that name an answer or a pathway, compared on lower-case words.
enum Giveaway {
    /// Lower-case letters and digits, every other run of characters one space, with a space at each end.
    static func normalized(_ text: String) -> String {
        var out = " "
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if out.last != " " { out.append(" ") }
        }
        if out.last != " " { out.append(" ") }
        return out
    }

    /// Words that say the answer: its option ids in words, and the parts of its labels long enough to be
    /// telling (two words and 12 letters or more, not an aside such as "for example").
    static func phrases(ofAnswer answer: Answer, to q: Question, locale: String) -> [String] {
        guard case .value(let v) = answer, q.kind.hasOptions, q.kind != .yesNoUnsure else { return [] }
        let ids: [String] = { switch v { case .option(let o): return [o]; case .options(let os): return os; default: return [] } }()
        var out: [String] = []
        for id in ids {
            guard let o = q.option(id), !o.unsure, !o.exclusive else { continue }
            let named = normalized(id.replacingOccurrences(of: "_", with: " ")).trimmingCharacters(in: .whitespaces)
            if named.split(separator: " ").count >= 2 { out.append(named) }
            let label = o.label.texts[locale] ?? ""
            for part in label.split(whereSeparator: { "(),;:".contains($0) }) {
                let words = normalized(String(part)).trimmingCharacters(in: .whitespaces)
                let asides = ["for example", "such as", "par exemple", "comme"]
                guard words.split(separator: " ").count >= 2, words.count >= 12, !asides.contains(where: { words.hasPrefix($0) }) else { continue }
                out.append(words)
            }
        }
        return out
    }

    /// A pathway's title without its abbreviation, and the abbreviation (such as "OWP-V"; a one-word one of
    /// three letters, such as "PST", names any permit of the kind, not this pathway).
    static func phrases(ofTitle title: LocalizedText, locale: String) -> [String] {
        let text = title.texts[locale] ?? ""
        return text.split(whereSeparator: { "()".contains($0) }).map { normalized(String($0)).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && ($0.split(separator: " ").count >= 2 || $0.count >= 4) }
    }
}
