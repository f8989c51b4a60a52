import PathwaysEngine

/// A trainee's quiz: the case's questions (the caseworker's screens under the training banner), the "what
/// next" questions, and the score, which leads with the key decisions.
extension Screens {
    func quizView(_ q: Quiz) -> ScreenView {
        var view: ScreenView
        switch q.phase {
        case .answering(let c):
            if case .persona? = c.overlays.topScreen?.overlay {
                view = personaCard(q.scenario, chrome: .training(.projected))
            } else {
                view = caseView(c, chrome: .training(.projected))
                view.keys.insert(KeyHint(c.question.map { !$0.kind.hasOptions } == true ? .keyPersonaF : .keyPersona), at: 1)
            }
        case .whatNext(_, let index, _):
            view = quizWhatNext(q, index)
        case .score(let session, _):
            view = quizScore(q, session)
        }
        if q.confirmingLeave { view.status = [Span(t(.leaveQuizAsk), .error)] }
        else if let label = q.label {
            view.status = [Span(t(.labelPrompt) + label + "▏", Style(.normal, bold: true))]
                + (q.labelProblem ? [Span("  " + t(.labelRule).filled(String(QuizRecord.maxLabel)), .error)] : [])
        }
        return view
    }

    func quizWhatNext(_ q: Quiz, _ index: Int) -> ScreenView {
        guard let training = TrainingCase(q.scenario, in: bundle, today: context.today), training.notes.whatNext.indices.contains(index) else {
            return quizScore(q, q.session)
        }
        var body = newBody()
        let count = training.notes.whatNext.count
        body.add(t(.whatNextOf).filled(String(index + 1), String(count)), .muted)
        body.blank()
        let terms = whatNextStep(training.notes.whatNext[index], revealed: false, chosen: nil, targets: true, &body)
        return ScreenView(header: header(content.plain(training.scenario.title), chrome: .training(.projected)), body: body.lines,
                          keys: [KeyHint(.keyQuickExit)] + KeyHint.numbers(training.notes.whatNext[index].options.count) + hints(.keyAnswer, .keyPersona, .keyList, .keyLanguage),
                          termTexts: terms)
    }

    func quizScore(_ q: Quiz, _ session: Session) -> ScreenView {
        guard let training = TrainingCase(q.scenario, in: bundle, today: context.today) else { return trainingList(TrainingMode()) }
        let report = content.report
        let score = QuizScore(bundle: bundle, scenario: training.scenario, caseWalk: training.walk, trainee: session.walk,
                              day: session.today, choices: q.choices)
        var body = newBody()
        var parts: [String] = []
        if !score.decisions.isEmpty { parts.append(t(.keyDecisionsScore).filled(String(score.decisionsRight), String(score.decisions.count))) }
        if !score.whatNext.isEmpty { parts.append(t(.whatNextScore).filled(String(score.whatNextRight), String(score.whatNext.count))) }
        parts.append(t(.answersScore).filled(String(score.answersRight), String(score.answers.count)))
        parts.append(t(.pathwaysScore).filled(String(score.pathwaysRight), String(score.pathways.count)))
        body.add(t(.quizScore) + ": " + parts.joined(separator: " · "), .heading)
        var terms: [LocalizedText?] = []
        func mark(_ right: Bool) -> String { right ? "✓ " : "✗ " }
        func role(_ right: Bool) -> Style { Style(right ? .recommended : .urgent, bold: true) }
        if !score.decisions.isEmpty {
            body.blank()
            body.add(t(.keyDecisions), .heading)
            for d in score.decisions {
                body.add(decisionText(d.decision, training), role(d.right), lead: "  " + mark(d.right), hang: "    ")
                guard !d.right else { continue }
                switch d.decision.subject {
                case .question(let r):
                    body.add("\(t(.quizYourAnswer)): \(d.traineeAnswer.map { content.answer($0, of: r.id) } ?? t(.notAsked)) · \(t(.quizCaseAnswer)): \(d.caseAnswer.map { content.answer($0, of: r.id) } ?? t(.notAsked))", lead: "    ", hang: "    ")
                    let why = d.decision.why ?? training.notes.step(r.id)?.afterReveal
                    if let why { body.add(content.spans(why, .muted), lead: [Span("    ")]); terms.append(why) }
                case .pathway:
                    body.add("\(t(.youGot)): \(d.traineeStatus?.label(words) ?? "—") · \(t(.caseGets)): \(d.caseStatus?.label(words) ?? "—")", lead: "    ", hang: "    ")
                    if let why = d.decision.why { body.add(content.spans(why, .muted), lead: [Span("    ")]); terms.append(why) }
                    for r in d.caseReasons.prefix(3) { body.add(reasonText(r, report, evidence: false), .muted, lead: "    · ", hang: "      ") }
                }
            }
        }
        if !score.whatNext.isEmpty {
            body.blank()
            body.add(t(.whatNextTitle), .heading)
            for w in score.whatNext {
                let question = training.notes.whatNext[w.index]
                body.add(content.plain(question.prompt), role(w.right), lead: "  " + mark(w.right), hang: "    ")
                if let c = w.chosen, question.options.indices.contains(c) {
                    let chosen = question.options[c]
                    body.add(t(.yourChoice) + ": " + content.plain(chosen.label), lead: "    ", hang: "    ")
                    if let e = chosen.explanation { body.add(content.spans(e, .muted), lead: [Span("    ")]); terms.append(e) }
                }
                if !w.right {
                    for r in question.correct {
                        body.add(t(.rightAnswer) + ": " + content.plain(question.options[r].label), Style(.recommended, bold: true), lead: "    ", hang: "    ")
                        if let e = question.options[r].explanation { body.add(content.spans(e, .muted), lead: [Span("    ")]); terms.append(e) }
                    }
                }
            }
        }
        body.blank()
        body.add(t(.answersCompared), .heading)
        for a in score.answers {
            body.add(content.plain(bundle.question(a.question)?.prompt), role(a.right), lead: "  " + mark(a.right), hang: "    ")
            if !a.right {
                body.add("\(t(.quizYourAnswer)): \(a.trainee.map { content.answer($0, of: a.question) } ?? t(.notAsked)) · \(t(.quizCaseAnswer)): \(a.expected.map { content.answer($0, of: a.question) } ?? t(.notAsked))", lead: "    ", hang: "    ")
            }
        }
        body.blank()
        body.add(t(.pathwaysCompared), .heading)
        for p in score.pathways {
            body.add(report.title(ofPathway: p.id), role(p.right), lead: "  " + mark(p.right), hang: "    ")
            guard !p.right else { continue }
            body.add("\(t(.youGot)): \(p.trainee.status.label(words)) · \(t(.caseGets)): \(p.expected.status.label(words))", lead: "    ", hang: "    ")
            for r in p.expected.reasons.prefix(2) { body.add(reasonText(r, report, evidence: false), .muted, lead: "    · ", hang: "      ") }
        }
        body.blank()
        body.add(t(.learningPoints), .heading)
        for p in training.notes.learningPoints { body.add(content.spans(p), lead: [Span("  • ")]); terms.append(p) }
        var view = ScreenView(header: header(content.plain(training.scenario.title), chrome: .training(.projected)), body: body.lines,
                              keys: hints(.keyQuickExit, .keyWriteResult, .keyPersona, .keyList, .keyScroll, .keyLanguage, .keyBilingual, .keyGlossary),
                              termTexts: terms)
        view.marksMore = true
        return view
    }
}

extension PathwayStatus {
    func label(_ words: Words) -> String {
        switch self {
        case .recommended: return words[.recommended]
        case .possible: return words[.possible]
        case .notApplicable: return words[.notApplicable]
        }
    }
}
