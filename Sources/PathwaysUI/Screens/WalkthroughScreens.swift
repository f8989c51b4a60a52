import PathwaysEngine

/// A workshop walkthrough: the persona card, each question (the room guesses, then the answer is revealed),
/// the results (revealed like an answer, in the caseworker's groups), "what next" questions and the
/// learning points. The room's view is built by the same code with every facilitator's note left out.
extension Screens {
    func walkthrough(_ w: Walkthrough, _ mode: TrainingMode) -> ScreenView {
        guard let training = TrainingCase(w.scenario, in: bundle, today: context.today) else { return trainingList(mode) }
        let notes = training.notes
        var body = newBody()
        var terms: [LocalizedText?] = []
        func heading(_ text: String, _ style: Style = .heading) { body.add(text, style) }
        func paragraph(_ text: StyledLine, indent: Int = 2) {
            body.add(text, lead: indent == 0 ? [] : [Span(String(repeating: " ", count: indent))])
        }
        if mode.audience == .console { consolePanel(training, w, mode, &body) }
        var title = content.plain(training.scenario.title)
        let stepLabel = t(.stepOf).filled(String(w.step), String(training.lastStep))
        let step = training.step(w.step)
        var stepNotes: TrainingStep?
        switch step {
        case .persona:
            heading(t(.personaCard))
            paragraph(content.spans(training.scenario.persona), indent: 0)
            terms.append(training.scenario.persona)
            body.blank()
            heading(t(.learningGoals))
            for g in notes.learningGoals { body.add(content.spans(g), lead: [Span("  • ")]); terms.append(g) }
        case .question(let id):
            guard let q = bundle.question(id) else { break }
            title = stepLabel + " — " + (bundle.section(of: id).map { content.plain($0.title) } ?? "")
            stepNotes = notes.step(id)
            terms += questionStep(q, training, w, mode, &body)
        case .results:
            title = stepLabel + " — " + t(.results)
            stepNotes = notes.results
            // The room's question comes before the results, so it stays in sight when they are revealed.
            if let d = notes.results?.discussion {
                heading(t(.discuss))
                paragraph(content.spans(d))
                terms.append(d)
                body.blank()
                stepNotes?.discussion = nil
            }
            if w.revealed {
                let a = training.assessment()
                if let o = a.outcome.flatMap(bundle.outcome) { terms += addOutcome(o, &body, canContinue: false) }
                var style = ResultsStyle()
                style.highlight = notes.keyPathways
                style.evidence = false
                terms += addResults(a, &body, style)
            } else {
                paragraph([Span(t(mode.audience == .room ? .resultsHiddenRoom : .resultsHidden), .muted)], indent: 0)
            }
        case .whatNext(let i):
            title = stepLabel + " — " + t(.whatNextTitle)
            terms += whatNextStep(notes.whatNext[i], revealed: w.revealed, &body)
        case .learningPoints:
            title = stepLabel + " — " + t(.learningPoints)
            heading(t(.learningPoints))
            for p in notes.learningPoints { body.add(content.spans(p), lead: [Span("  • ")]); terms.append(p) }
            if !notes.keyDecisions.isEmpty {
                body.blank()
                heading(t(.keyDecisions))
                for d in notes.keyDecisions { body.add(decisionText(d, training), lead: "  ◆ ", hang: "    ") }
            }
        }
        if let s = stepNotes {
            if let d = s.discussion {
                body.blank()
                heading(t(.discuss))
                paragraph(content.spans(d))
                terms.append(d)
            }
            if mode.showsNotes {
                if let n = s.notes {
                    body.blank()
                    heading(t(.facilitatorNote), Style(.muted, bold: true))
                    paragraph(content.spans(n))
                    terms.append(n)
                }
                if w.revealed, let a = s.afterReveal {
                    body.blank()
                    heading(t(.afterReveal), Style(.muted, bold: true))
                    paragraph(content.spans(a))
                    terms.append(a)
                }
            }
        }
        var view = ScreenView(header: header(title, chrome: .training(mode.audience)), body: body.lines,
                              keys: walkthroughKeys(step, w, mode), termTexts: terms)
        view.marksMore = true
        return view
    }

    /// A question of the case: its options (the case's answer marked once revealed, a changed answer marked
    /// too), and what the change does to the results.
    private func questionStep(_ q: Question, _ training: TrainingCase, _ w: Walkthrough, _ mode: TrainingMode, _ body: inout Body) -> [LocalizedText?] {
        body.add(content.spans(q.prompt, .heading))
        body.blank()
        let answer = training.walk.effective[q.id]
        let changed = w.whatIf?.question == q.id ? w.whatIf?.answer : nil
        let choosing = w.choosing
        func holds(_ a: Answer?, _ option: String) -> Bool {
            switch a {
            case .value(.option(let o))?: return o == option
            case .value(.options(let os))?: return os.contains(option)
            default: return false
            }
        }
        let caseStyle = Style(.recommended, bold: true, reverse: true)
        let whatIfStyle = Style(.possible, bold: true, reverse: true)
        func optionLine(_ number: Int?, _ label: StyledLine, isCase: Bool, isChanged: Bool, ticked: Bool, target: Target?, plain: Style) {
            var style = plain
            var mark = "  "
            var tail: StyledLine = []
            if isCase { style = caseStyle; mark = "◆ "; tail.append(Span("  ← " + t(.caseAnswer), caseStyle)) }
            if isChanged { if !isCase { style = whatIfStyle }; mark = isCase ? "◆ " : "◇ "; tail.append(Span("  ← " + t(.whatIfAnswer), whatIfStyle)) }
            if choosing != nil && q.kind == .multipleChoice { mark = ticked ? "[x] " : "[ ] " }
            body.add(label.map { Span($0.text, style) } + tail, target: target, lead: [Span("  "), Span((number.map { "\($0). " } ?? "") + mark, style)])
        }
        for (i, option) in q.options.enumerated() {
            optionLine(i + 1, content.spans(option.label), isCase: w.revealed && holds(answer, option.id),
                       isChanged: holds(changed, option.id), ticked: choosing?.ticked.contains(option.id) ?? false,
                       target: choosing == nil ? nil : .option(option.id), plain: .plain)
        }
        if q.sensitive {
            optionLine(q.kind.hasOptions ? q.options.count + 1 : nil, [Span(t(.preferNotToSay))], isCase: w.revealed && answer == .declined,
                       isChanged: changed == .declined, ticked: false, target: choosing == nil ? nil : .decline, plain: .muted)
        }
        if !q.kind.hasOptions {
            if w.revealed, let answer {
                body.add([Span("◆ " + t(.caseAnswer) + ": " + content.answer(answer, of: q.id), caseStyle)], lead: [Span("  ")])
            }
            if let changed {
                body.add([Span("◇ " + t(.whatIfAnswer) + ": " + content.answer(changed, of: q.id), whatIfStyle)], lead: [Span("  ")])
            }
            if let choosing {
                body.add([Span("> " + choosing.input + "▏", Style(.normal, bold: true))], target: .input, lead: [Span("  ")])
            }
        }
        if !w.revealed {
            body.blank()
            body.add(t(mode.audience == .room ? .revealHintRoom : .revealHint), .muted)
        }
        if let choosing {
            body.blank()
            body.add(t(.whatIfChoose), .muted)
            if let problem = choosing.problem { body.add(message(problem), .error) }
        }
        if let whatIf = w.whatIf, whatIf.question == q.id {
            whatIfPanel(whatIf, training, &body)
        }
        return [q.prompt] + q.options.map(\.label)
    }

    /// "What if …": what the changed answer does to the case's results.
    private func whatIfPanel(_ whatIf: WhatIf, _ training: TrainingCase, _ body: inout Body) {
        let report = content.report
        let diff = ResultsDiff(before: training.assessment(), after: training.assessment(with: whatIf))
        body.blank()
        body.add(t(.whatIfHeading).filled(content.answer(whatIf.answer, of: whatIf.question)), Style(.possible, bold: true))
        if diff.isEmpty { body.add(t(.whatIfNoChange), lead: "  ") }
        for c in diff.added {
            body.add([Span("+ " + t(c.to.title) + ": ", Style(.recommended, bold: true)), Span(report.title(ofPathway: c.pathway), Style(.normal, bold: true)),
                      Span(" (" + t(.wasGroup).filled(t(c.from.title)) + ")", .muted)], lead: [Span("  ")], hang: "    ")
        }
        for c in diff.removed {
            body.add([Span("− " + t(.noLongerRecommended) + ": ", Style(.urgent, bold: true)), Span(report.title(ofPathway: c.pathway), Style(.normal, bold: true)),
                      Span(" (" + t(.nowGroup).filled(t(c.to.title)) + ")", .muted)], lead: [Span("  ")], hang: "    ")
        }
        for c in diff.moved {
            body.add([Span("↕ " + t(.movedGroup) + ": ", Style(.possible, bold: true)), Span(report.title(ofPathway: c.pathway), Style(.normal, bold: true)),
                      Span(" " + t(.fromTo).filled(t(c.from.title), t(c.to.title)), .muted)], lead: [Span("  ")], hang: "    ")
        }
        for d in diff.deadlinesAdded { body.add("+ ◷ " + report.deadlineLine(d), lead: "  ", hang: "      ") }
        for d in diff.deadlinesRemoved { body.add("− ◷ " + report.deadlineLine(d), .muted, lead: "  ", hang: "      ") }
        for n in diff.noticesAdded { body.add("+ ⚠ " + report.notice(n), lead: "  ", hang: "      ") }
        for n in diff.noticesRemoved { body.add("− ⚠ " + report.notice(n), .muted, lead: "  ", hang: "      ") }
        if let q = diff.opens {
            body.add(t(.whatIfOpens).filled(content.plain(bundle.question(q)?.prompt)), .muted, lead: "  ", hang: "    ")
        }
        body.add(t(.whatIfPutBack), .muted, lead: "  ")
    }

    /// "What would you do next?": the options, and once revealed the right ones and why each is right or wrong.
    func whatNextStep(_ q: WhatNextQuestion, revealed: Bool, chosen: Int? = nil, targets: Bool = false, _ body: inout Body) -> [LocalizedText?] {
        var terms: [LocalizedText?] = [q.prompt]
        body.add(content.spans(q.prompt, .heading))
        body.blank()
        for (i, o) in q.options.enumerated() {
            let right = revealed && o.correct
            let style = right ? Style(.recommended, bold: true, reverse: true) : (chosen == i ? Style(.normal, bold: true) : .plain)
            var line = content.spans(o.label).map { Span($0.text, style) }
            if right { line.append(Span("  ✓ " + t(.rightAnswer), style)) }
            if revealed && chosen == i && !o.correct { line.append(Span("  ✗ " + t(.yourChoice), Style(.urgent, bold: true))) }
            body.add(line, target: targets ? .option(String(i)) : nil, lead: [Span("  \(i + 1). " + (chosen == i ? "(•) " : (targets ? "( ) " : "")), style)])
            terms.append(o.label)
            if revealed, let e = o.explanation {
                body.add(content.spans(e, .muted), lead: [Span("       ")])
                terms.append(e)
            }
        }
        if !revealed && !targets {
            body.blank()
            body.add(t(.revealHint), .muted)
        }
        return terms
    }

    /// A key decision in words: "Immigration status: No valid status, or Not sure" / "Open work permit: Not applicable".
    func decisionText(_ d: KeyDecision, _ training: TrainingCase) -> String {
        let report = content.report
        switch d.subject {
        case .question(let r):
            let q = bundle.question(r.id)
            let accepted: [String] = d.accept.isEmpty
                ? [training.walk.effective[r.id].map { content.answer($0, of: r.id) } ?? "—"]
                : d.accept.map { a in a.id == "declined" ? t(.preferNotToSay) : (q?.option(a.id).map { content.plain($0.label) } ?? a.id) }
            return content.plain(q?.prompt) + " → " + accepted.joined(separator: " " + t(.or) + " ")
        case .pathway(let r):
            let status = training.assessment().pathway(r.id)?.status
            let accepted = d.accept.isEmpty ? [status?.label(words) ?? "—"]
                : d.accept.compactMap { PathwayStatus(rawValue: $0.id)?.label(words) }
            return report.title(ofPathway: r.id) + " → " + accepted.joined(separator: " " + t(.or) + " ")
        }
    }

    /// The facilitator's console: the timer, where the walkthrough is, the room's view, and the next step to discuss.
    private func consolePanel(_ training: TrainingCase, _ w: Walkthrough, _ mode: TrainingMode, _ body: inout Body) {
        let total = mode.walkthroughStarted.map { mode.clock - $0 } ?? 0
        let onStep = mode.stepStarted.map { mode.clock - $0 } ?? 0
        let room = mode.roomsConnected > 0 ? t(.roomConnected) : t(.roomNotConnected)
        body.add([Span("◷ " + Self.minutes(total) + " " + t(.inAll) + " · " + Self.minutes(onStep) + " " + t(.onThisStep)
                       + " · " + t(.stepOf).filled(String(w.step), String(training.lastStep)) + " · " + room, Style(.title, bold: true))])
        if let next = training.steps.indices.first(where: { $0 > w.step && discussion(of: training.step($0), training.notes) != nil }),
           let prompt = discussion(of: training.step(next), training.notes) {
            body.add([Span(t(.nextToDiscuss).filled(String(next)) + " ", Style(.muted, bold: true)), Span(content.plain(prompt), .muted)], hang: "  ")
        }
        body.add(String(repeating: "─", count: max(1, width)), .muted)
    }

    private func discussion(of step: WalkStep, _ notes: TrainingNotes) -> LocalizedText? {
        switch step {
        case .question(let id): return notes.step(id)?.discussion
        case .results: return notes.results?.discussion
        default: return nil
        }
    }

    static func minutes(_ seconds: Int) -> String {
        let s = max(0, seconds)
        return String(format: "%02d:%02d", s / 60, s % 60)
    }

    private func walkthroughKeys(_ step: WalkStep, _ w: Walkthrough, _ mode: TrainingMode) -> [KeyHint] {
        if mode.audience == .room { return hints(.keyQuickExit, .keyLeaveRoom) }
        if w.choosing != nil { return hints(.keyQuickExit, .keyAnswer, .keyToggle, .keyClose) }
        var keys = hints(.keyQuickExit, .keyNext, .keyPrevious)
        switch step {
        case .question:
            keys += hints(.keyReveal)
            if w.revealed { keys += hints(.keyWhatIf) }
            if w.whatIf != nil { keys.insert(KeyHint(.keyPutBack), at: 1) }
        case .results:
            keys += hints(.keyReveal)
            if w.revealed { keys += hints(.keyOpen) }
        case .whatNext: keys += hints(.keyReveal)
        case .persona, .learningPoints: break
        }
        if mode.audience == .projected { keys += hints(mode.notesHidden ? .keyShowNotes : .keyHideNotes) }
        keys += hints(.keyGlossary, .keyJump, .keyList, .keyLanguage, .keySaveDraft, .keyBilingual, .keyScroll)
        return keys
    }
}
