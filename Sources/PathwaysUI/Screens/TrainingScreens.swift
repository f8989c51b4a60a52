import PathwaysEngine

/// The trainer's screens: the list of fictional cases, the walkthrough, and a trainee's quiz results.
extension Screens {
    func trainingList(_ width: Int) -> ScreenView {
        var body: [BodyLine] = []
        let scenarios = state.trainingScenarios
        if scenarios.isEmpty { body.append(BodyLine([Span(t(.noSavedCases), .muted)])) }
        for (i, s) in scenarios.enumerated() {
            for l in Wrap.lines("\(i + 1). " + content.plain(s.title), Style(.normal, bold: true), width: width - 2) {
                body.append(BodyLine(l, target: .trainingScenario(s.id)))
            }
            if let persona = s.persona {
                for l in Wrap.lines(content.plain(persona), .muted, width: width - 5) { body.append(BodyLine([Span("   ")] + l, target: .trainingScenario(s.id))) }
            }
            body.append(BodyLine([]))
        }
        return ScreenView(header: header(t(.trainingCases)), body: body,
                          keys: [.keyMove, .keyChoose, .keyQuiz, .keyLanguage, .keyQuit, .keyQuickExit])
    }

    func walkthrough(_ width: Int) -> ScreenView {
        guard let mode = state.training, let (scenario, walk, questions) = state.trainingCase, let notes = scenario.training else {
            return trainingList(width)
        }
        var body: [BodyLine] = []
        func blank() { body.append(BodyLine([])) }
        func heading(_ text: String) { body.append(BodyLine([Span(text, .heading)])) }
        func paragraph(_ text: StyledLine, indent: Int = 0) {
            for l in Wrap.lines(text, width: width - indent) { body.append(BodyLine([Span(String(repeating: " ", count: indent))] + l)) }
        }
        let last = questions.count + 1
        let stepLabel = t(.stepOf).filled(String(mode.step), String(questions.count))
        var title = content.plain(scenario.title)
        switch mode.step {
        case 0:
            heading(t(.personaCard))
            paragraph(content.spans(scenario.persona))
            blank()
            heading(t(.learningGoals))
            for g in notes.learningGoals { paragraph([Span("• ")] + content.spans(g), indent: 2) }
        case last:
            title += " — " + t(.results)
            let assessment = Assessor(bundle: bundle, today: scenario.today ?? state.today).assess(walk)
            let report = ReportText(bundle: bundle, locale: locale)
            for (label, status, role) in [(UIText.recommended, PathwayStatus.recommended, Role.recommended),
                                          (.possible, .possible, .possible), (.notApplicable, .notApplicable, .notApplicable)] {
                let items = assessment.pathways.filter { $0.status == status }
                guard !items.isEmpty else { continue }
                body.append(BodyLine([Span("■ " + t(label) + " (\(items.count))", Style(role, bold: true))]))
                for p in items {
                    paragraph([Span(report.title(ofPathway: p.id), Style(role, bold: true))], indent: 2)
                    for r in p.reasons.prefix(status == .notApplicable ? 3 : 2) { paragraph([Span("· " + report.reason(r))], indent: 4) }
                }
                blank()
            }
            heading(t(.learningPoints))
            for p in notes.learningPoints { paragraph([Span("• ")] + content.spans(p), indent: 2) }
        default:
            let id = questions[mode.step - 1]
            guard let q = bundle.question(id) else { break }
            title = stepLabel + " — " + (bundle.section(of: id).map { content.plain($0.title) } ?? "")
            paragraph(content.spans(q.prompt, .heading))
            blank()
            let answer = walk.effective[id]
            for (i, option) in q.options.enumerated() {
                let chosen = mode.revealed && (answer == .value(.option(option.id)) || {
                    if case .value(.options(let os))? = answer { return os.contains(option.id) } else { return false }
                }())
                let mark = chosen ? "◆ " : "  "
                let style = chosen ? Style(.recommended, bold: true, reverse: true) : Style.plain
                paragraph([Span("\(i + 1). " + mark, style)] + content.spans(option.label, style) + (chosen ? [Span("  ← " + t(.caseAnswer), style)] : []), indent: 2)
            }
            if q.sensitive {
                let chosen = mode.revealed && answer == .declined
                paragraph([Span("\(q.options.count + 1). " + (chosen ? "◆ " : "  ") + t(.preferNotToSay),
                                chosen ? Style(.recommended, bold: true, reverse: true) : .muted)], indent: 2)
            }
            if !q.kind.hasOptions, let answer, mode.revealed {
                paragraph([Span("◆ " + t(.caseAnswer) + ": " + content.answer(answer, of: id), Style(.recommended, bold: true, reverse: true))], indent: 2)
            }
            if !mode.revealed { blank(); paragraph([Span(t(.revealHint), .muted)]) }
            if mode.notesHidden {
                // Said on every step, so the trainer always knows the notes are off the screen.
                blank()
                paragraph([Span(t(.notesHidden), .muted)])
            } else if let step = notes.step(id) {
                blank()
                do {
                    if let d = step.discussion {
                        heading(t(.discuss))
                        paragraph(content.spans(d), indent: 2)
                        blank()
                    }
                    if let n = step.note {
                        heading(t(.facilitatorNote))
                        paragraph(content.spans(n), indent: 2)
                    }
                }
            }
        }
        var status: StyledLine?
        if let jump = mode.jump { status = [Span(t(.jumpPrompt) + jump + "▏", Style(.normal, bold: true))] }
        return ScreenView(header: header(title), body: body,
                          keys: [.keyNext, .keyPrevious, .keyReveal, .keyHideNotes, .keyJump, .keyList, .keyLanguage, .keyQuickExit],
                          status: status)
    }

    func quizResults(_ width: Int) -> ScreenView {
        guard let (scenario, walk, questions) = state.trainingCase, let session = state.session else { return trainingList(width) }
        let report = ReportText(bundle: bundle, locale: locale)
        let result = QuizResult(bundle: bundle, scenario: scenario, caseWalk: walk, trainee: session)
        var body: [BodyLine] = []
        func paragraph(_ text: StyledLine, indent: Int = 0) {
            for l in Wrap.lines(text, width: width - indent) { body.append(BodyLine([Span(String(repeating: " ", count: indent))] + l)) }
        }
        paragraph([Span("\(t(.quizScore)): \(result.matchedPathways)/\(result.pathways.count) " + (locale == "fr" ? "voies" : "pathways")
                        + " · \(result.matchedAnswers)/\(questions.count) " + (locale == "fr" ? "réponses" : "answers"), .heading)])
        body.append(BodyLine([]))
        for id in questions {
            let theirs = session.walk.effective[id], ours = walk.effective[id]
            let same = theirs == ours
            let prompt = content.plain(bundle.question(id)?.prompt)
            paragraph([Span((same ? "✓ " : "✗ ") + prompt, Style(same ? .recommended : .urgent, bold: true))], indent: 0)
            if !same {
                let yours = theirs.map { content.answer($0, of: id) } ?? t(.notAsked)
                let case_ = ours.map { content.answer($0, of: id) } ?? t(.notAsked)
                paragraph([Span("\(t(.quizYourAnswer)): \(yours) · \(t(.quizCaseAnswer)): \(case_)")], indent: 4)
            }
        }
        body.append(BodyLine([]))
        body.append(BodyLine([Span(t(.pathwaysCompared), .heading)]))
        for p in result.pathways {
            let mark = p.trainee.status == p.expected.status ? "✓ " : "✗ "
            paragraph([Span(mark + report.title(ofPathway: p.id), Style(p.trainee.status == p.expected.status ? .recommended : .urgent, bold: true))], indent: 2)
            guard p.trainee.status != p.expected.status else { continue }
            paragraph([Span("\(t(.youGot)): \(p.trainee.status.label(locale)) · \(t(.caseGets)): \(p.expected.status.label(locale))")], indent: 6)
            for r in p.expected.reasons.prefix(2) { paragraph([Span("· " + report.reason(r), .muted)], indent: 6) }
        }
        if let notes = scenario.training {
            body.append(BodyLine([]))
            body.append(BodyLine([Span(t(.learningPoints), .heading)]))
            for p in notes.learningPoints { paragraph([Span("• ")] + content.spans(p), indent: 2) }
        }
        return ScreenView(header: header(content.plain(scenario.title)), body: body, keys: [.keyScroll, .keyList, .keyLanguage, .keyQuickExit])
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
    func label(_ locale: String) -> String {
        switch self {
        case .recommended: return UIText.recommended.text(locale)
        case .possible: return UIText.possible.text(locale)
        case .notApplicable: return UIText.notApplicable.text(locale)
        }
    }
}
