import PathwaysEngine

/// What trainer mode asks the backend to write, at the trainer's or trainee's request.
public enum TrainingRequest: Hashable, Sendable {
    /// A trainee's quiz result for the group, under their label, into the folder the facilitator named.
    case saveResult(QuizRecord)
    /// A training case skeleton (persona, answers, empty notes) from a walkthrough or a preview walk.
    case saveDraft(TrainingDraft)
}

/// Keys in trainer mode: the list, a walkthrough (with what is opened over it) and a quiz.
extension UIState {
    func shown(_ t: TrainingMode) -> Shown { Shown(context) { $0.trainingView(t) } }

    mutating func handleTraining(_ key: Key, _ t: inout TrainingMode) -> Reaction {
        t.flash = nil
        if t.audience == .room {
            // The room's view follows the console: only leaving it is up to the room.
            switch key {
            case .char("q"), .control("c"), .escape: return .effects([.quit])
            default: return .done
            }
        }
        if let top = t.overlays.topScreen { return handleTrainingOverlay(key, top.overlay, &t) }
        switch t.stage {
        case .list: return handleTrainingList(key, &t)
        case .walkthrough(var w):
            let r = handleWalkthrough(key, &w, &t)
            if case .walkthrough = t.stage { t.stage = .walkthrough(w) }
            return r
        case .quiz(var q):
            t.stage = .list  // the quiz's case is held here alone while it changes
            let r = handleQuiz(key, &q, &t)
            if case .list = t.stage, !r.leave { t.stage = .quiz(q) }
            return r.leave ? Reaction(effects: r.effects) : r
        }
    }

    // MARK: What is opened over a walkthrough or a quiz

    private mutating func handleTrainingOverlay(_ key: Key, _ top: Overlay, _ t: inout TrainingMode) -> Reaction {
        let s = shown(t)
        if let r = handleGlossary(key, &t.overlays, s) { return r }
        var p = top.place ?? Place()
        if let free = navigate(key, &p, s, letters: false) {
            if let i = t.overlays.topScreen?.index { t.overlays[i].place = p }
            return Reaction(freeScroll: free)
        }
        switch key {
        case .escape, .left, .backspace, .delete, .enter, .char(" "), .char("p"), .function(9):
            t.overlays.removeLast()
        case .char("q"):
            t.overlays = []
            if case .quiz = t.stage { t.stage = .list } else if case .walkthrough = t.stage { t.stage = .list }
        case .control("c"): return .effects([.quit])
        case .char("l"), .function(4): context.switchLanguage()
        case .char("b"), .function(5): context.bilingual.toggle()
        case .char("g"):
            t.overlays.append(.glossary(terms: s.view.terms(context), all: false, Place()))
        default: break
        }
        return .done
    }

    // MARK: The list

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
            if let chosen {
                t.stage = .walkthrough(Walkthrough(scenario: chosen))
                t.walkthroughStarted = t.clock
                t.stepStarted = t.clock
            }
        case .char("z"):
            // The console is for the facilitator: trainees take the quiz on their own terminals.
            guard let chosen, t.audience == .projected else { return .done }
            // The trainee's answers are assessed on the case's own day, as the case's are.
            let day = context.bundle.scenarios.first { $0.id == chosen }?.today ?? context.today
            t.stage = .quiz(Quiz(scenario: chosen, session: Session(bundle: context.bundle, today: day, metrics: context.metrics)))
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

    // MARK: A walkthrough

    private mutating func handleWalkthrough(_ key: Key, _ w: inout Walkthrough, _ t: inout TrainingMode) -> Reaction {
        guard let training = TrainingCase(w.scenario, in: context.bundle, today: context.today) else {
            t.stage = .list
            return .done
        }
        let last = training.lastStep
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
                if let n = Int(typed) { go(to: min(max(0, n), last), &w, &t) }
            default:
                t.overlays.removeLast()
            }
            return .done
        }
        if w.choosing != nil { return chooseWhatIf(key, &w, training, t) }
        let step = training.step(w.step)
        var showing = t
        showing.stage = .walkthrough(w)
        let s = shown(showing)
        switch key {
        case .right, .char("n"): go(to: min(last, w.step + 1), &w, &t)
        case .enter:
            let items = s.view.items
            if step == .results, w.revealed, items.indices.contains(w.place.cursor), case .pathway(let id) = items[w.place.cursor] {
                t.overlays.append(.pathway(id, Place()))
            } else {
                go(to: min(last, w.step + 1), &w, &t)
            }
        case .left, .char("p"), .backspace: go(to: max(0, w.step - 1), &w, &t)
        case .char(" "), .char("a"):
            switch step {
            case .question, .results, .whatNext:
                w.revealed.toggle()
                if !w.revealed { w.whatIf = nil }
                w.place = Place()
            case .persona, .learningPoints: break
            }
        case .char("h"): t.notesHidden.toggle()
        case .char("i"):
            guard case .question(let id) = step, let q = context.bundle.question(id) else { return .done }
            guard w.revealed else {
                t.flash = context.words[.whatIfRevealFirst]
                return .done
            }
            w.choosing = Self.entry(for: w.whatIf?.answer ?? training.walk.effective[id], of: q)
            w.place = Place(cursor: Self.cursor(for: w.whatIf?.answer ?? training.walk.effective[id], of: q))
        case .char("u"): w.whatIf = nil
        case .char("w"), .function(8):
            guard t.canSaveDrafts else {
                t.flash = context.words[.draftsNeedFolder]
                return .done
            }
            return .effects([.training(.saveDraft(TrainingDraft(case: training.scenario, bundle: context.bundle, answers: training.answers(with: w.whatIf),
                                                                today: training.day)))])
        case .char("g"):
            t.overlays.append(.glossary(terms: s.view.terms(context), all: false, Place()))
        case .char("j"): t.overlays.append(.jumpToStep(""))
        case .home where w.place.scroll == 0: go(to: 0, &w, &t)
        case .end where step != .results || !w.revealed: go(to: last, &w, &t)
        case .escape, .char("q"):
            t.overlays = []
            t.stage = .list
        case .control("c"):
            return .effects([.quit])
        case .char("l"), .function(4): context.switchLanguage()
        case .char("b"), .function(5): context.bilingual.toggle()
        case .up, .down, .pageUp, .pageDown, .home, .end, .tab:
            let free = navigate(key, &w.place, s, letters: false) ?? false
            return Reaction(freeScroll: free)
        default: break
        }
        return .done
    }

    private func go(to step: Int, _ w: inout Walkthrough, _ t: inout TrainingMode) {
        if step != w.step {
            w.revealed = false
            w.whatIf = nil
            w.choosing = nil
            t.stepStarted = t.clock
        }
        w.step = step
        w.place = Place()
    }

    // MARK: What if

    /// Choosing another answer for the question on screen: arrows or a digit choose, Space ticks, Enter
    /// applies, Esc leaves the answer as it was.
    private mutating func chooseWhatIf(_ key: Key, _ w: inout Walkthrough, _ training: TrainingCase, _ t: TrainingMode) -> Reaction {
        guard case .question(let id) = training.step(w.step), let q = context.bundle.question(id), var entry = w.choosing else {
            w.choosing = nil
            return .done
        }
        var showing = t
        showing.stage = .walkthrough(w)
        let s = shown(showing)
        let items = s.view.items
        let selected = items.indices.contains(w.place.cursor) ? items[w.place.cursor] : nil
        if !q.kind.hasOptions {
            switch key {
            case .char(let ch):
                if entry.input.count < 200 { entry.input.append(ch) }
                entry.problem = nil
                w.choosing = entry
                return .done
            case .backspace, .delete:
                if !entry.input.isEmpty { entry.input.removeLast() }
                w.choosing = entry
                return .done
            default: break
            }
        }
        if let free = navigate(key, &w.place, s, letters: false) { return Reaction(freeScroll: free) }
        switch key {
        case .char(let d) where key.isDigit && q.kind.hasOptions:
            if case .chosen(let i) = w.place.type(digit: d, count: items.count), q.kind == .multipleChoice, case .option(let o) = items[i] {
                entry.ticked = Self.toggled(o, in: entry.ticked, of: q)
            }
        case .char(" ") where q.kind == .multipleChoice:
            if case .option(let o)? = selected { entry.ticked = Self.toggled(o, in: entry.ticked, of: q) }
        case .enter:
            let answer: Answer?
            switch (selected, q.kind) {
            case (.decline?, _): answer = .declined
            case (.option?, .multipleChoice): answer = entry.ticked.isEmpty ? nil : .value(.options(entry.ticked))
            case (.option(let o)?, _): answer = .value(.option(o))
            default:
                if case .success(let a) = q.validate(.value(.text(entry.input.trimmingCharacters(in: .whitespaces)))) { answer = a } else { answer = nil }
            }
            guard let answer, case .success(let valid) = q.validate(answer) else {
                entry.problem = q.kind == .multipleChoice ? .tickOne(canDecline: q.sensitive) : (q.kind == .date ? .date : .text)
                w.choosing = entry
                return .done
            }
            w.whatIf = valid == training.walk.effective[id] ? nil : WhatIf(question: id, answer: valid)
            w.choosing = nil
            w.place = Place()
            return .done
        case .escape:
            w.choosing = nil
            w.place = Place()
            return .done
        case .control("c"):
            return .effects([.quit])
        default: break
        }
        w.choosing = entry
        return .done
    }

    static func entry(for answer: Answer?, of q: Question) -> AnswerEntry {
        var e = AnswerEntry()
        switch answer {
        case .value(.options(let os))?: e.ticked = os
        case .value(.number(let n))?: e.input = Question.show(n)
        case .value(.date(let d))?: e.input = d.description
        case .value(.text(let s))?: e.input = s
        default: break
        }
        return e
    }

    static func cursor(for answer: Answer?, of q: Question) -> Int {
        switch answer {
        case .value(.option(let o))?: return q.options.firstIndex { $0.id == o } ?? 0
        case .declined?: return q.kind.hasOptions ? q.options.count : 0
        default: return 0
        }
    }

    /// Ticks or unticks an option; an exclusive one ("None of these") clears the others and the other way round.
    static func toggled(_ id: String, in ticked: [String], of q: Question) -> [String] {
        guard let option = q.option(id) else { return ticked }
        if ticked.contains(id) { return ticked.filter { $0 != id } }
        if option.exclusive { return [id] }
        return ticked.filter { q.option($0)?.exclusive != true } + [id]
    }

    // MARK: A quiz

    private mutating func handleQuiz(_ key: Key, _ q: inout Quiz, _ t: inout TrainingMode) -> Reaction {
        if q.label != nil { return typeLabel(key, &q, t) }
        if q.confirmingLeave {
            q.confirmingLeave = false
            if key == .escape { return Reaction(leave: true) }
        }
        switch q.phase {
        case .answering(var c):
            q.phase = .score(c.session, place: Place())  // the case is held here alone while it changes
            let r = answerQuiz(key, &c, &q)
            if r.leave { return Reaction(effects: r.effects, leave: true) }
            if quizIsOver(c.session) {
                let notes = TrainingCase(q.scenario, in: context.bundle, today: context.today)?.notes
                q.phase = (notes?.whatNext.isEmpty ?? true) ? .score(c.session, place: Place()) : .whatNext(c.session, index: 0, place: Place())
            } else {
                q.phase = .answering(c)
            }
            return r
        case .whatNext(let session, let index, var place):
            var showing = t
            showing.stage = .quiz(q)
            let s = shown(showing)
            if let free = navigate(key, &place, s) {
                q.phase = .whatNext(session, index: index, place: place)
                return Reaction(freeScroll: free)
            }
            let items = s.view.items
            switch key {
            case .char(let d) where key.isDigit:
                _ = place.type(digit: d, count: items.count)
            case .enter, .char(" "):
                guard items.indices.contains(place.cursor), case .option(let raw) = items[place.cursor], let chosen = Int(raw) else { return .done }
                while q.choices.count <= index { q.choices.append(nil) }
                q.choices[index] = chosen
                let count = TrainingCase(q.scenario, in: context.bundle, today: context.today)?.notes.whatNext.count ?? 0
                q.phase = index + 1 < count ? .whatNext(session, index: index + 1, place: Place()) : .score(session, place: Place())
                return .done
            case .escape: q.confirmingLeave = true
            case .char("q"): return Reaction(leave: true)
            case .char("p"), .function(9): t.overlays.append(.persona(Place()))
            case .control("c"): return .effects([.quit])
            case .char("l"), .function(4): context.switchLanguage()
            case .char("b"), .function(5): context.bilingual.toggle()
            default: break
            }
            q.phase = .whatNext(session, index: index, place: place)
            return .done
        case .score(let session, var place):
            var showing = t
            showing.stage = .quiz(q)
            let s = shown(showing)
            if let free = navigate(key, &place, s) {
                q.phase = .score(session, place: place)
                return Reaction(freeScroll: free)
            }
            switch key {
            case .escape, .char("q"), .left, .backspace: return Reaction(leave: true)
            case .char("w"), .function(8):
                if t.canSaveResults { q.label = "" } else { t.flash = context.words[.resultsNeedFolder] }
            case .char("p"), .function(9): t.overlays.append(.persona(Place()))
            case .char("g"): t.overlays.append(.glossary(terms: s.view.terms(context), all: false, Place()))
            case .char("l"), .function(4): context.switchLanguage()
            case .char("b"), .function(5): context.bilingual.toggle()
            case .control("c"): return .effects([.quit])
            default: break
            }
            return .done
        }
    }

    /// The case's questions: the persona card opens over the first, p (F9 where letters are typed) opens it
    /// again, and Esc on a question asks before going back to the list.
    private mutating func answerQuiz(_ key: Key, _ c: inout CaseMode, _ q: inout Quiz) -> Reaction {
        let typing = c.overlays.topScreen == nil && c.question.map { !$0.kind.hasOptions } == true
        if case .persona? = c.overlays.topScreen?.overlay {
            var p = c.place
            let s = Shown(context) { $0.personaCard(q.scenario, chrome: .training(.projected)) }
            if let free = navigate(key, &p, s, letters: false) {
                c.place = p
                return Reaction(freeScroll: free)
            }
            switch key {
            case .enter, .char(" "), .escape, .char("p"), .function(9), .right: c.overlays.removeAll { $0.screenID == .persona }
            case .char("q"): return Reaction(leave: true)
            case .control("c"): return .effects([.quit])
            case .char("l"), .function(4): context.switchLanguage()
            case .char("b"), .function(5): context.bilingual.toggle()
            default: break
            }
            return .done
        }
        switch key {
        case .escape where c.overlays.isEmpty && c.change == nil:
            q.confirmingLeave = true
            return .done
        case .char("p") where !typing, .function(9):
            c.overlays.append(.persona(Place()))
            return .done
        default:
            return handleCase(key, &c)
        }
    }

    /// The label a trainee writes their result under (letters, digits, spaces, '-' and '_'; no names).
    private func typeLabel(_ key: Key, _ q: inout Quiz, _ t: TrainingMode) -> Reaction {
        guard var label = q.label else { return .done }
        switch key {
        case .char(let ch):
            if label.count < QuizRecord.maxLabel { label.append(ch) }
            q.labelProblem = false
        case .backspace, .delete:
            if !label.isEmpty { label.removeLast() }
        case .escape:
            q.label = nil
            return .done
        case .enter:
            guard let clean = QuizRecord.cleanLabel(label), let training = TrainingCase(q.scenario, in: context.bundle, today: context.today) else {
                q.labelProblem = true
                q.label = label
                return .done
            }
            q.label = nil
            let session = q.session
            let score = QuizScore(bundle: context.bundle, scenario: training.scenario, caseWalk: training.walk, trainee: session.walk,
                                  day: session.today, choices: q.choices)
            return .effects([.training(.saveResult(QuizRecord(score: score, scenario: training.scenario, bundle: context.bundle, label: clean)))])
        case .control("c"):
            return .effects([.quit])
        default: break
        }
        q.label = label
        return .done
    }

    /// A quiz ends at an outcome the trainee cannot go on from (an early exit offers to continue).
    private func quizIsOver(_ session: Session) -> Bool {
        switch session.position {
        case .question: return false
        case .outcome(let o): return session.bundle.outcome(o)?.continueTo == nil
        case .stuck: return true
        }
    }
}
