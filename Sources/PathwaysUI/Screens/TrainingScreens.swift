import PathwaysEngine

/// The trainer's screens: the list of fictional cases, and what is open over a walkthrough.
extension Screens {
    func trainingView(_ t: TrainingMode) -> ScreenView {
        var view: ScreenView
        switch t.stage {
        case .list:
            view = t.audience == .room && !t.following ? roomWaiting(t) : trainingList(t)
        case .walkthrough(let w):
            switch t.overlays.topScreen?.overlay {
            case .pathway(let id, _)?:
                if let training = TrainingCase(w.scenario, in: bundle, today: context.today) {
                    view = pathway(id, training.assessment(), .training(t.audience))
                } else {
                    view = walkthrough(w, t)
                }
            case .glossary(let terms, let all, _)?:
                view = glossary(all ? bundle.glossary.map(\.id) : terms, all: all, chrome: .training(t.audience))
            case .term(let id, _)?:
                view = term(id, chrome: .training(t.audience))
            default:
                view = walkthrough(w, t)
            }
            if t.audience == .room { view.keys = hints(.keyQuickExit, .keyLeaveRoom) }
            if case .jumpToStep(let typed)? = t.overlays.last {
                view.status = [Span(self.t(.jumpPrompt) + typed + "▏", Style(.normal, bold: true))]
            }
        case .quiz(let q):
            // The persona and the glossary opened over a "what next" question or the score.
            switch t.overlays.topScreen?.overlay {
            case .persona?: view = personaCard(q.scenario, chrome: .training(t.audience))
            case .glossary(let terms, let all, _)?:
                view = glossary(all ? bundle.glossary.map(\.id) : terms, all: all, chrome: .training(t.audience))
            case .term(let id, _)?: view = term(id, chrome: .training(t.audience))
            default: view = quizView(q)
            }
        }
        if let problem = t.followProblem, t.audience == .room { view.status = [Span(problem, .error)] }
        else if let flash = t.flash, view.status == nil { view.status = [Span(flash, Style(.recommended, bold: true))] }
        return view
    }

    func trainingList(_ mode: TrainingMode) -> ScreenView {
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
        var keys = [KeyHint(.keyQuickExit)] + KeyHint.numbers(scenarios.count) + hints(.keyOpen)
        switch mode.audience {
        case .projected: keys += hints(.keyQuiz, .keyLanguage, .keyMove, .keyQuit)
        case .console: keys += hints(.keyLanguage, .keyMove, .keyQuit)
        case .room: keys = hints(.keyQuickExit, .keyLeaveRoom)
        }
        return ScreenView(header: header(t(.trainingCases), chrome: .training(mode.audience)), body: body.lines, keys: keys)
    }

    /// The room's view before the console has said anything.
    func roomWaiting(_ mode: TrainingMode) -> ScreenView {
        var body = newBody()
        body.add(t(.roomWaiting), .muted)
        return ScreenView(header: header(t(.roomView), chrome: .training(.room)), body: body.lines, keys: hints(.keyQuickExit, .keyLeaveRoom))
    }

    /// The persona card of a case, as a quiz's first screen.
    func personaCard(_ scenarioID: String, chrome: Chrome) -> ScreenView {
        var body = newBody()
        let s = bundle.scenarios.first { $0.id == scenarioID }
        body.add(t(.personaCard), .heading)
        body.add(content.spans(s?.persona))
        if let goals = s?.training?.learningGoals, !goals.isEmpty {
            body.blank()
            body.add(t(.learningGoals), .heading)
            for g in goals { body.add(content.spans(g), lead: [Span("  • ")]) }
        }
        body.blank()
        body.add(t(.personaStart), .muted)
        var view = ScreenView(header: header(s.map { content.plain($0.title) } ?? "", chrome: chrome), body: body.lines,
                              keys: hints(.keyQuickExit, .keyStartQuiz, .keyScroll, .keyLanguage, .keyQuit),
                              termTexts: [s?.persona] + (s?.training?.learningGoals ?? []))
        view.marksMore = true
        return view
    }
}
