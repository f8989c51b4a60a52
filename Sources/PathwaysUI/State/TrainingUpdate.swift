import PathwaysEngine

/// Keys in trainer mode: the list, a walkthrough, a quiz and its results.
extension UIState {
    func shown(_ t: TrainingMode) -> Shown { Shown(context) { $0.trainingView(t) } }

    mutating func handleTraining(_ key: Key, _ t: inout TrainingMode) -> Reaction {
        switch t.stage {
        case .list: return handleTrainingList(key, &t)
        case .walkthrough(var w):
            let r = handleWalkthrough(key, &w, &t)
            if case .walkthrough = t.stage { t.stage = .walkthrough(w) }
            return r
        case .quiz(var c):
            t.stage = .list  // the quiz's case is held here alone while it changes
            let r = handleCase(key, &c)
            if r.leave {
                t.stage = .list
                return Reaction(effects: r.effects)
            }
            if case .quiz(let id) = c.purpose, quizIsOver(c.session) {
                t.stage = .quizResults(scenario: id, session: c.session, place: Place())
            } else {
                t.stage = .quiz(c)
            }
            return r
        case .quizResults(let id, let session, var p):
            let s = shown(t)
            if let free = navigate(key, &p, s) {
                t.stage = .quizResults(scenario: id, session: session, place: p)
                return Reaction(freeScroll: free)
            }
            switch key {
            case .escape, .char("q"), .left, .backspace: t.stage = .list
            case .char("l"), .function(4): context.switchLanguage()
            case .char("b"), .function(5): context.bilingual.toggle()
            case .control("c"): return .effects([.quit])
            default: break
            }
            return .done
        }
    }

    /// A quiz ends at an outcome the trainee cannot go on from (an early exit offers to continue).
    private func quizIsOver(_ session: Session) -> Bool {
        switch session.position {
        case .question: return false
        case .outcome(let o): return session.bundle.outcome(o)?.continueTo == nil
        case .stuck: return true
        }
    }

    private mutating func handleTrainingList(_ key: Key, _ t: inout TrainingMode) -> Reaction {
        let s = shown(t)
        if let free = navigate(key, &t.listPlace, s, letters: true) { return Reaction(freeScroll: free) }
        let items = s.view.items
        let chosen: String? = {
            guard items.indices.contains(t.listPlace.cursor), case .trainingScenario(let id) = items[t.listPlace.cursor] else { return nil }
            return id
        }()
        switch key {
        case .char(let d) where key.isDigit:
            _ = t.listPlace.type(digit: d, count: items.count)
        case .enter, .char(" "), .right:
            if let chosen { t.stage = .walkthrough(Walkthrough(scenario: chosen)) }
        case .char("z"):
            guard let chosen else { return .done }
            // The trainee's answers are assessed on the case's own day, as the case's are.
            let day = context.bundle.scenarios.first { $0.id == chosen }?.today ?? context.today
            var c = CaseMode(session: Session(bundle: context.bundle, today: day, metrics: context.metrics), purpose: .quiz(scenario: chosen))
            c.quitLeaves = true
            t.stage = .quiz(c)
        case .char("q"), .escape:
            guard t.fromStart else { return .effects([.quit]) }
            return Reaction(next: .start(StartMode()))
        case .control("c"):
            return .effects([.quit])
        case .char("l"), .function(4): context.switchLanguage()
        case .char("b"), .function(5): context.bilingual.toggle()
        default: break
        }
        return .done
    }

    private mutating func handleWalkthrough(_ key: Key, _ w: inout Walkthrough, _ t: inout TrainingMode) -> Reaction {
        let last = TrainingCase(w.scenario, in: context.bundle, today: context.today)?.lastStep ?? 1
        if case .jumpToStep(var typed) = t.overlays.last {
            switch key {
            case .char(let d) where key.isDigit:
                if typed.count < 4 { typed.append(d) }
                t.overlays[t.overlays.count - 1] = .jumpToStep(typed)
            case .backspace:
                if !typed.isEmpty { typed.removeLast() }
                t.overlays[t.overlays.count - 1] = .jumpToStep(typed)
            case .enter:
                t.overlays.removeLast()
                if let n = Int(typed) { go(to: min(max(0, n), last), &w) }
            default:
                t.overlays.removeLast()
            }
            return .done
        }
        switch key {
        case .right, .char("n"), .enter: go(to: min(last, w.step + 1), &w)
        case .left, .char("p"), .backspace: go(to: max(0, w.step - 1), &w)
        case .char(" "), .char("a"): w.revealed.toggle()
        case .char("h"): t.notesHidden.toggle()
        case .char("j"): t.overlays.append(.jumpToStep(""))
        case .home: go(to: 0, &w)
        case .end: go(to: last, &w)
        case .escape, .char("q"):
            t.overlays = []
            t.stage = .list
        case .control("c"):
            return .effects([.quit])
        case .char("l"), .function(4): context.switchLanguage()
        case .char("b"), .function(5): context.bilingual.toggle()
        case .up, .down, .pageUp, .pageDown:
            var scrolling = t
            scrolling.stage = .walkthrough(w)
            let s = shown(scrolling)
            let free = navigate(key, &w.place, s, letters: false) ?? false
            return Reaction(freeScroll: free)
        default: break
        }
        return .done
    }

    private func go(to step: Int, _ w: inout Walkthrough) {
        if step != w.step { w.revealed = false }
        w.step = step
        w.place = Place()
    }
}
