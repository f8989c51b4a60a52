import PathwaysEngine

/// The trainer's screens: the list of fictional cases, the walkthrough, and a trainee's quiz results.
extension Screens {
    func trainingView(_ t: TrainingMode) -> ScreenView {
        switch t.stage {
        case .list: return trainingList()
        case .walkthrough(let w):
            var view = walkthrough(w, notesHidden: t.notesHidden)
            if case .jumpToStep(let typed)? = t.overlays.last {
                view.status = [Span(self.t(.jumpPrompt) + typed + "▏", Style(.normal, bold: true))]
            }
            return view
        case .quiz(let c): return caseView(c, chrome: .training)
        case .quizResults(let id, let session, _): return quizResults(id, session)
        }
    }

    func trainingList() -> ScreenView {
        var body = newBody()
        let scenarios = bundle.scenarios.filter { $0.training != nil }
        if scenarios.isEmpty { body.add(t(.noTrainingCases), .muted) }
        for (i, s) in scenarios.enumerated() {
            body.add(content.plain(s.title), Style(.normal, bold: true), target: .trainingScenario(s.id), lead: "\(i + 1). ")
            if let persona = s.persona {
                body.add(content.plain(persona), .muted, target: .trainingScenario(s.id), lead: "   ")
            }
            body.blank()
        }
        return ScreenView(header: header(t(.trainingCases), chrome: .training), body: body.lines,
                          keys: [KeyHint(.keyQuickExit)] + KeyHint.numbers(scenarios.count) + hints(.keyOpen, .keyQuiz, .keyLanguage, .keyMove, .keyQuit))
    }

    func walkthrough(_ mode: Walkthrough, notesHidden: Bool) -> ScreenView {
        guard let training = TrainingCase(mode.scenario, in: bundle, today: context.today), let notes = training.scenario.training else {
            return trainingList()
        }
        let scenario = training.scenario, walk = training.walk, questions = training.questions
        var body = newBody()
        func heading(_ text: String) { body.add(text, .heading) }
        func paragraph(_ text: StyledLine, indent: Int = 0) {
            body.add(text, lead: indent == 0 ? [] : [Span(String(repeating: " ", count: indent))])
        }
        let last = training.lastStep
        let stepLabel = t(.stepOf).filled(String(mode.step), String(questions.count))
        var title = content.plain(scenario.title)
        switch mode.step {
        case 0:
            heading(t(.personaCard))
            paragraph(content.spans(scenario.persona))
            body.blank()
            heading(t(.learningGoals))
            for g in notes.learningGoals { body.add(content.spans(g), lead: [Span("  • ")]) }
        case last:
            title += " — " + t(.results)
            let assessment = Assessor(bundle: bundle, today: training.day).assess(walk)
            let report = ReportText(bundle: bundle, locale: locale)
            for (label, status, role) in [(UIText.recommended, PathwayStatus.recommended, Role.recommended),
                                          (.possible, .possible, .possible), (.notApplicable, .notApplicable, .notApplicable)] {
                let items = assessment.pathways.filter { $0.status == status }
                guard !items.isEmpty else { continue }
                body.add("■ " + t(label) + " (\(items.count))", Style(role, bold: true))
                for p in items {
                    paragraph([Span(report.title(ofPathway: p.id), Style(role, bold: true))], indent: 2)
                    for r in p.reasons.prefix(status == .notApplicable ? 3 : 2) { body.add(report.reason(r), lead: "    · ", hang: "      ") }
                }
                body.blank()
            }
            heading(t(.learningPoints))
            for p in notes.learningPoints { body.add(content.spans(p), lead: [Span("  • ")]) }
        default:
            let id = questions[mode.step - 1]
            guard let q = bundle.question(id) else { break }
            title = stepLabel + " — " + (bundle.section(of: id).map { content.plain($0.title) } ?? "")
            paragraph(content.spans(q.prompt, .heading))
            body.blank()
            let answer = walk.effective[id]
            for (i, option) in q.options.enumerated() {
                let chosen = mode.revealed && (answer == .value(.option(option.id)) || {
                    if case .value(.options(let os))? = answer { return os.contains(option.id) } else { return false }
                }())
                let style = chosen ? Style(.recommended, bold: true, reverse: true) : Style.plain
                body.add(content.spans(option.label, style) + (chosen ? [Span("  ← " + t(.caseAnswer), style)] : []),
                         lead: [Span("  "), Span("\(i + 1). " + (chosen ? "◆ " : "  "), style)])
            }
            if q.sensitive {
                let chosen = mode.revealed && answer == .declined
                body.add([Span(t(.preferNotToSay), chosen ? Style(.recommended, bold: true, reverse: true) : .muted)],
                         lead: [Span("  "), Span("\(q.options.count + 1). " + (chosen ? "◆ " : "  "), chosen ? Style(.recommended, bold: true, reverse: true) : .muted)])
            }
            if !q.kind.hasOptions, let answer, mode.revealed {
                paragraph([Span("◆ " + t(.caseAnswer) + ": " + content.answer(answer, of: id), Style(.recommended, bold: true, reverse: true))], indent: 2)
            }
            if !mode.revealed { body.blank(); paragraph([Span(t(.revealHint), .muted)]) }
            if notesHidden {
                // Said on every step, so the trainer always knows the notes are off the screen.
                body.blank()
                paragraph([Span(t(.notesHidden), .muted)])
            } else if let step = notes.step(id) {
                body.blank()
                if let d = step.discussion {
                    heading(t(.discuss))
                    paragraph(content.spans(d), indent: 2)
                    body.blank()
                }
                if let n = step.note {
                    heading(t(.facilitatorNote))
                    paragraph(content.spans(n), indent: 2)
                }
            }
        }
        return ScreenView(header: header(title, chrome: .training), body: body.lines,
                          keys: hints(.keyQuickExit, .keyNext, .keyPrevious, .keyReveal, .keyHideNotes, .keyJump, .keyList, .keyLanguage, .keyBilingual))
    }

    func quizResults(_ id: String, _ session: Session) -> ScreenView {
        guard let training = TrainingCase(id, in: bundle, today: context.today) else { return trainingList() }
        let scenario = training.scenario, walk = training.walk, questions = training.questions
        let report = ReportText(bundle: bundle, locale: locale)
        let result = QuizResult(bundle: bundle, scenario: scenario, caseWalk: walk, trainee: session)
        var body = newBody()
        body.add("\(t(.quizScore)): \(result.matchedPathways)/\(result.pathways.count) " + t(.quizPathwaysWord)
                 + " · \(result.matchedAnswers)/\(questions.count) " + t(.quizAnswersWord), .heading)
        body.blank()
        for id in questions {
            let theirs = session.walk.effective[id], ours = walk.effective[id]
            let same = theirs == ours
            let prompt = content.plain(bundle.question(id)?.prompt)
            body.add(prompt, Style(same ? .recommended : .urgent, bold: true), lead: same ? "✓ " : "✗ ")
            if !same {
                let yours = theirs.map { content.answer($0, of: id) } ?? t(.notAsked)
                let case_ = ours.map { content.answer($0, of: id) } ?? t(.notAsked)
                body.add("\(t(.quizYourAnswer)): \(yours) · \(t(.quizCaseAnswer)): \(case_)", lead: "    ")
            }
        }
        body.blank()
        body.add(t(.pathwaysCompared), .heading)
        for p in result.pathways {
            let matched = p.trainee.status == p.expected.status
            body.add(report.title(ofPathway: p.id), Style(matched ? .recommended : .urgent, bold: true), lead: matched ? "  ✓ " : "  ✗ ")
            guard !matched else { continue }
            body.add("\(t(.youGot)): \(p.trainee.status.label(words)) · \(t(.caseGets)): \(p.expected.status.label(words))", lead: "      ")
            for r in p.expected.reasons.prefix(2) { body.add(report.reason(r), .muted, lead: "      · ", hang: "        ") }
        }
        if let notes = scenario.training {
            body.blank()
            body.add(t(.learningPoints), .heading)
            for p in notes.learningPoints { body.add(content.spans(p), lead: [Span("  • ")]) }
        }
        return ScreenView(header: header(content.plain(scenario.title), chrome: .training), body: body.lines,
                          keys: hints(.keyQuickExit, .keyList, .keyScroll, .keyLanguage, .keyBilingual))
    }
}

/// How a trainee's answers compare with a training case's: per answer and per pathway.
public struct QuizResult: Sendable {
    public struct PathwayComparison: Sendable {
        public var id: String
        public var trainee: PathwayAssessment
        public var expected: PathwayAssessment
    }
    public var pathways: [PathwayComparison]
    public var matchedPathways: Int
    public var matchedAnswers: Int

    public init(bundle: ContentBundle, scenario: Scenario, caseWalk: Walk, trainee: Session) {
        let expected = Assessor(bundle: bundle, today: scenario.today ?? trainee.today).assess(caseWalk)
        let mine = trainee.assess()
        pathways = expected.pathways.compactMap { e in mine.pathway(e.id).map { PathwayComparison(id: e.id, trainee: $0, expected: e) } }
        matchedPathways = pathways.filter { $0.trainee.status == $0.expected.status }.count
        matchedAnswers = caseWalk.stops.filter { stop in
            guard case .question(let q) = stop else { return false }
            return trainee.walk.effective[q] == caseWalk.effective[q]
        }.count
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
