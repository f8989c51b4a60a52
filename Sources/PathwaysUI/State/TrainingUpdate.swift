import PathwaysEngine

extension UIState {
    /// The scenario being walked through, its walk and the questions in order.
    var trainingCase: (scenario: Scenario, walk: Walk, questions: [String])? {
        guard let id = training?.scenario, let scenario = bundle.scenarios.first(where: { $0.id == id }) else { return nil }
        let walk = ScenarioRunner(bundle: bundle, today: today).assess(scenario).walk
        let questions = walk.stops.compactMap { stop -> String? in if case .question(let q) = stop { return q } else { return nil } }
        return (scenario, walk, questions)
    }

    /// The day a training case is assessed on: its own `today:`, else the interface's.
    var trainingDay: Day? {
        guard let id = training?.scenario else { return today }
        return bundle.scenarios.first { $0.id == id }?.today ?? today
    }

    /// Keys on the training screens; nil when the key is not a training key (so the usual handling applies).
    mutating func handleTraining(_ key: Key) -> [Effect]? {
        guard var mode = training else { return nil }
        switch screen {
        case .trainingList:
            switch key {
            case .char("z"):
                guard items.indices.contains(cursor), case .trainingScenario(let id) = items[cursor] else { return [] }
                mode.scenario = id
                mode.quiz = true
                training = mode
                session = Session(bundle: bundle, today: trainingDay, metrics: metrics)
                showQuestionOrResults()
                return []
            case .char("q"), .escape:
                guard mode.fromStart else { return [.quit] }
                training = nil
                session = nil
                screen = .start
                cursor = 0
                scroll = 0
                return []
            default: return nil
            }
        case .walkthrough:
            let last = (trainingCase?.questions.count ?? 0) + 1
            if var typed = mode.jump {
                switch key {
                case .char(let c) where c.isNumber && c.isASCII: typed.append(c); mode.jump = typed
                case .backspace: if !typed.isEmpty { typed.removeLast() }; mode.jump = typed
                case .enter:
                    if let n = Int(typed) { mode.step = min(max(0, n), last); mode.revealed = false }
                    mode.jump = nil
                default: mode.jump = nil
                }
                training = mode
                return []
            }
            switch key {
            case .right, .char("n"), .enter: mode.step = min(last, mode.step + 1); mode.revealed = false
            case .left, .char("p"), .backspace: mode.step = max(0, mode.step - 1); mode.revealed = false
            case .char(" "), .char("a"): mode.revealed.toggle()
            case .char("h"): mode.notesHidden.toggle()
            case .char("j"): mode.jump = ""
            case .home: mode.step = 0; mode.revealed = false
            case .end: mode.step = last
            case .escape, .char("q"):
                training = TrainingMode()
                training?.notesHidden = mode.notesHidden
                training?.fromStart = mode.fromStart
                screen = .trainingList
                cursor = 0
                scroll = 0
                return []
            case .char("l"), .function(4), .char("b"), .function(5), .up, .down, .pageUp, .pageDown: return nil
            default: return []
            }
            scroll = 0
            training = mode
            return []
        case .quizResults:
            switch key {
            case .escape, .char("q"):
                session = nil
                let fromStart = mode.fromStart
                training = TrainingMode()
                training?.fromStart = fromStart
                screen = .trainingList
                cursor = 0
                scroll = 0
                return []
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Enter on a training case opens its walkthrough.
    mutating func openWalkthrough(_ id: String) {
        var mode = training ?? TrainingMode()
        mode.scenario = id
        mode.step = 0
        mode.revealed = false
        mode.quiz = false
        training = mode
        screen = .walkthrough
        scroll = 0
    }
}
