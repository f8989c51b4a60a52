import Foundation
import PathwaysEngine

/// Keys on a case: the question or the results under everything, and the overlays opened over them.
extension UIState {
    /// The case as shown now, for its items and its layout.
    func shown(_ c: CaseMode) -> Shown { Shown(context) { $0.caseView(c, chrome: .caseworker) } }

    /// True when this case's answers go to the case records.
    func recording(_ c: CaseMode) -> Bool { c.purpose == .record && context.recordsAvailable }

    mutating func handleCase(_ key: Key, _ c: inout CaseMode) -> Reaction {
        c.flash = nil
        guard let top = c.overlays.last else {
            return c.question == nil ? handleResults(key, &c, overlay: false) : handleQuestion(key, &c)
        }
        switch top {
        case .why: return handleWhy(key, &c)
        case .confirmQuit:
            switch key {
            case .char("q"), .control("c"): return .effects([.quit])
            case .escape:
                c.overlays.removeLast()
                return .done
            default:
                c.overlays.removeLast()
                return handleCase(key, &c)
            }
        case .review: return handleReview(key, &c)
        case .results: return handleResults(key, &c, overlay: true)
        case .pathway, .term, .diagnostic, .persona: return handleDetail(key, &c)
        case .glossary:
            let s = shown(c)
            if let r = handleGlossary(key, &c.overlays, s) { return r }
            return caseKeys(key, &c) ?? .done
        case .notes: return handleNotes(key, &c)
        case .diagnostics:
            // The preview handles choosing one; the keys every screen shares still work here.
            if key == .escape { c.overlays.removeLast(); return .done }
            return caseKeys(key, &c) ?? .done
        case .savedCases, .jumpToID, .jumpToStep:
            // Not opened over a case; closed by Esc should one be there.
            if key == .escape { c.overlays.removeLast() }
            return .done
        }
    }

    // MARK: The question

    private mutating func handleQuestion(_ key: Key, _ c: inout CaseMode) -> Reaction {
        guard let q = c.question else { return .done }
        let s = shown(c)
        let list = s.view.items
        let selected = list.indices.contains(c.questionPlace.cursor) ? list[c.questionPlace.cursor] : nil
        if !q.kind.hasOptions, selected == .input, let r = handleTyping(key, q, &c) { return r }
        if let free = navigate(key, &c.questionPlace, s) { return Reaction(freeScroll: free) }
        switch key {
        case .char(let d) where key.isDigit && q.kind.hasOptions:
            if case .chosen(let i) = c.questionPlace.type(digit: d, count: list.count), q.kind == .multipleChoice,
               case .option(let id) = list[i] {
                c.toggle(id)
            }
            return .done
        case .enter:
            guard let selected else { return .done }
            return activate(selected, q, &c)
        case .char(" "):
            guard let selected else { return .done }
            if q.kind == .multipleChoice {
                if case .option(let id) = selected { c.toggle(id) }
                return .done
            }
            return activate(selected, q, &c)
        case .left, .backspace, .delete:
            return goBack(&c)
        case .escape:
            if c.change != nil {
                cancelChange(&c)
                return .done
            }
            return goBack(&c)
        case .char("?"), .function(1):
            if q.help != nil { c.overlays.append(.why) }
            return .done
        default:
            return caseKeys(key, &c) ?? .done
        }
    }

    /// Keys while the cursor is in a text field; nil when the key is not for the field.
    private mutating func handleTyping(_ key: Key, _ q: Question, _ c: inout CaseMode) -> Reaction? {
        switch key {
        case .char(let ch):
            if c.entry.input.count < 1000 { c.entry.input.append(ch) }
            c.entry.problem = nil
            return .done
        case .backspace, .delete:
            if c.entry.input.isEmpty { return goBack(&c) }
            c.entry.input.removeLast()
            return .done
        case .enter:
            return submitInput(q, &c)
        default:
            return nil
        }
    }

    /// "Why we ask" is open under the question: ?, F1 or Esc close it; every other key goes to the question
    /// (so the worker can answer while reading it), and it closes when the question changes.
    private mutating func handleWhy(_ key: Key, _ c: inout CaseMode) -> Reaction {
        let typing = c.question.map { !$0.kind.hasOptions } ?? false
        switch key {
        case .escape, .function(1):
            c.overlays.removeAll { $0 == .why }
            return .done
        case .char("?") where !typing:
            c.overlays.removeAll { $0 == .why }
            return .done
        default:
            let before = c.session.position
            let r = c.question == nil ? handleResults(key, &c, overlay: false) : handleQuestion(key, &c)
            if c.session.position != before || c.question == nil { c.overlays.removeAll { $0 == .why } }
            return r
        }
    }

    private mutating func activate(_ target: Target, _ q: Question, _ c: inout CaseMode) -> Reaction {
        switch target {
        case .option(let id):
            guard q.kind == .multipleChoice else { return submit(.value(.option(id)), &c) }
            guard !c.entry.ticked.isEmpty else {
                // Enter never ticks by itself: the worker chooses, or declines.
                c.entry.problem = .tickOne(canDecline: q.sensitive)
                return .done
            }
            return submit(.value(.options(c.entry.ticked)), &c)
        case .decline: return submit(.declined, &c)
        case .input: return submitInput(q, &c)
        default: return .done
        }
    }

    private mutating func submitInput(_ q: Question, _ c: inout CaseMode) -> Reaction {
        let text = c.entry.input.trimmingCharacters(in: .whitespaces)
        switch q.validate(.value(.text(text))) {
        case .success(let answer):
            return submit(answer, &c)
        case .failure:
            switch q.kind {
            case .number: c.entry.problem = .number(min: q.numberRules.min, max: q.numberRules.max, integer: q.numberRules.integer)
            case .date: c.entry.problem = .date
            default: c.entry.problem = .text
            }
            return .done
        }
    }

    private mutating func submit(_ answer: Answer, _ c: inout CaseMode) -> Reaction {
        do {
            try c.session.answer(answer)
        } catch {
            c.entry.problem = .text
            return .done
        }
        c.notice = []
        let r = Reaction(effects: recording(c) ? [.record] : [])
        moved(&c)
        return r
    }

    /// After an answer or a continue: on during a change goes only as far as what the change opened.
    private func moved(_ c: inout CaseMode) {
        if let flow = c.change, flow.advance(&c.session) {
            finishChange(&c)
            return
        }
        arrived(&c)
    }

    /// The session is at a new stop: fresh inputs for it, and "why we ask" closed.
    private func arrived(_ c: inout CaseMode) {
        c.overlays.removeAll { $0 == .why }
        c.prepareEntry()
        if c.question == nil { c.resultsPlace = Place() }
    }

    private mutating func goBack(_ c: inout CaseMode) -> Reaction {
        if c.session.back() {
            arrived(&c)
            return .done
        }
        // On the first question: with no answers there is no case to keep, so the worker leaves it.
        if c.session.answers.isEmpty && c.change == nil { return Reaction(leave: true) }
        c.flash = context.words[.firstQuestion]
        return .done
    }

    // MARK: Changing an earlier answer

    private func startChange(_ id: String, returnTo: ChangeFlow.Return, _ c: inout CaseMode) {
        let flow = ChangeFlow(c.session, returnTo: returnTo)
        guard c.session.goTo(question: id) else { return }
        c.overlays = []
        c.change = flow
        arrived(&c)
    }

    /// Esc during a change: back where the worker came from, the answers as they are.
    private func cancelChange(_ c: inout CaseMode) {
        c.session.resume()
        finishChange(&c)
    }

    private func finishChange(_ c: inout CaseMode) {
        guard let flow = c.change else { return }
        c.change = nil
        arrived(&c)
        switch flow.returnTo {
        case .review(let p):
            c.overlays.append(.review(p))
        case .results(let p):
            if c.question == nil { c.resultsPlace = p } else { c.overlays.append(.results(p)) }
        }
    }

    // MARK: Review and results

    private mutating func handleReview(_ key: Key, _ c: inout CaseMode) -> Reaction {
        guard case .review(var p) = c.overlays.last else { return .done }
        let s = shown(c)
        if let free = navigate(key, &p, s) {
            c.overlays[c.overlays.count - 1] = .review(p)
            return Reaction(freeScroll: free)
        }
        switch key {
        case .enter, .char(" "):
            let list = s.view.items
            guard list.indices.contains(p.cursor), case .question(let id) = list[p.cursor] else { return .done }
            startChange(id, returnTo: .review(p), &c)
            return .done
        case .escape, .left, .backspace, .delete:
            c.overlays.removeLast()
            return .done
        default:
            return caseKeys(key, &c) ?? .done
        }
    }

    /// The results: at an outcome (under everything), or as they stand over an unanswered question.
    private mutating func handleResults(_ key: Key, _ c: inout CaseMode, overlay: Bool) -> Reaction {
        let s = shown(c)
        var p = c.place
        if let free = navigate(key, &p, s) {
            c.place = p
            return Reaction(freeScroll: free)
        }
        let list = s.view.items
        switch key {
        case .enter, .char(" "):
            guard list.indices.contains(p.cursor) else { return .done }
            switch list[p.cursor] {
            case .continueConversation:
                c.session.continuePastOutcome()
                moved(&c)
                return Reaction(effects: recording(c) ? [.record] : [])
            case .pathway(let id):
                c.overlays.append(.pathway(id, Place()))
            case .question(let id):
                if c.session.walk.end == .question(id) {
                    // "Not finished: the next question is …": go on with the case.
                    c.overlays = []
                    c.session.resume()
                    arrived(&c)
                } else {
                    startChange(id, returnTo: .results(p), &c)
                }
            default:
                break
            }
            return .done
        case .escape, .left, .backspace, .delete:
            if overlay {
                c.overlays.removeLast()
            } else if key == .escape, c.change != nil {
                cancelChange(&c)
            } else if c.session.back() {
                arrived(&c)
            }
            return .done
        case .char("e"), .char("E"):
            guard recording(c) else { return .done }
            return .effects([.export(includeAnswers: key == .char("E"))])
        case .char("h"), .char("H"):
            // The person's handout, in their language (H: the worker's below it), written like the summary.
            guard recording(c) else { return .done }
            return .effects([.handout(withWorkerLanguage: key == .char("H"))])
        default:
            return caseKeys(key, &c) ?? .done
        }
    }

    // MARK: Details, glossary, notes

    private mutating func handleDetail(_ key: Key, _ c: inout CaseMode) -> Reaction {
        let s = shown(c)
        var p = c.place
        if let free = navigate(key, &p, s) {
            c.place = p
            return Reaction(freeScroll: free)
        }
        switch key {
        case .escape, .left, .backspace, .delete:
            c.overlays.removeLast()
            return .done
        default:
            return caseKeys(key, &c) ?? .done
        }
    }

    /// The glossary over any screen: Enter opens a term, a shows every term (or those on the screen again).
    func handleGlossary(_ key: Key, _ overlays: inout [Overlay], _ s: Shown) -> Reaction? {
        guard case .glossary(let terms, let all, var p) = overlays.last else { return nil }
        if let free = navigate(key, &p, s) {
            overlays[overlays.count - 1] = .glossary(terms: terms, all: all, p)
            return Reaction(freeScroll: free)
        }
        switch key {
        case .enter, .char(" "):
            let list = s.view.items
            guard list.indices.contains(p.cursor), case .term(let id) = list[p.cursor] else { return .done }
            overlays.append(.term(id, Place()))
        case .char("a"):
            overlays[overlays.count - 1] = .glossary(terms: terms, all: !all, Place())
        case .escape, .left, .backspace, .delete, .char("g"):
            overlays.removeLast()
        default:
            return nil
        }
        return .done
    }

    private mutating func handleNotes(_ key: Key, _ c: inout CaseMode) -> Reaction {
        guard case .notes(var e) = c.overlays.last else { return .done }
        let width = Layout.columnWidth(context)
        let height = Shown(context) { $0.caseView(c, chrome: .caseworker) }.layout.bodyHeight
        var r = Reaction.done
        switch key {
        case .control("s"), .function(10):
            c.overlays.removeLast()
            guard e.isChanged else { return .done }
            c.notes = e.string
            return .effects(recording(c) ? [.saveNotes(e.string)] : [])
        case .escape:
            if !e.isChanged || e.confirmingDiscard {
                c.overlays.removeLast()
                return .done
            }
            e.confirmingDiscard = true
        case .control("c"):
            c.overlays[c.overlays.count - 1] = .notes(e)
            return requestQuit(key, &c)
        case .enter: e.insert("\n")
        case .tab: e.insert(" ")
        case .char(let ch): e.insert(ch)
        case .backspace: e.deleteBackward()
        case .delete: e.deleteForward()
        case .left: e.moveLeft()
        case .right: e.moveRight()
        case .up: e.moveLines(-1, width: width)
        case .down: e.moveLines(1, width: width)
        case .pageUp: e.moveLines(-max(1, height - 1), width: width)
        case .pageDown: e.moveLines(max(1, height - 1), width: width)
        case .home: e.moveToLineStart(width: width)
        case .end: e.moveToLineEnd(width: width)
        default: break
        }
        e.keepCursorVisible(width: width, height: height)
        c.overlays[c.overlays.count - 1] = .notes(e)
        r.freeScroll = true
        return r
    }

    // MARK: Keys every case screen shares

    /// Review, results, language, both languages, glossary, notes and quit; nil when the key is none of them.
    private mutating func caseKeys(_ key: Key, _ c: inout CaseMode) -> Reaction? {
        switch key {
        case .char("r"), .function(2):
            if let i = c.overlays.lastIndex(where: { if case .review = $0 { return true } else { return false } }) {
                c.overlays.removeSubrange((i + 1)...)
            } else {
                c.overlays.append(.review(Place()))
            }
        case .char("s"), .function(3):
            if c.question == nil {
                c.overlays = []
            } else if let i = c.overlays.lastIndex(where: { if case .results = $0 { return true } else { return false } }) {
                c.overlays.removeSubrange((i + 1)...)
            } else {
                c.overlays.append(.results(Place()))
            }
        case .char("l"), .function(4):
            context.switchLanguage()
        case .char("b"), .function(5):
            context.bilingual.toggle()
        case .char("c"), .function(9):
            context.switchClientLanguage()
        case .char("g"):
            if case .glossary = c.overlays.last { return .done }
            let terms = shown(c).view.terms(context)
            c.overlays.append(.glossary(terms: terms, all: false, Place()))
        case .char("n"):
            guard recording(c), c.screenID == .review || c.screenID == .results else { return nil }
            c.overlays.append(.notes(NotesEditor(c.notes)))
        case .char("q"), .control("c"):
            return requestQuit(key, &c)
        default:
            return nil
        }
        return .done
    }

    /// q or Ctrl-C: quits at once when nothing would be lost or left unfinished, else asks once more.
    /// In a quiz, q goes back to the list.
    func requestQuit(_ key: Key, _ c: inout CaseMode) -> Reaction {
        if key == .char("q") && c.quitLeaves { return Reaction(leave: true) }
        guard c.quitNeedsConfirmation else { return .effects([.quit]) }
        if c.overlays.last != .confirmQuit { c.overlays.append(.confirmQuit) }
        return .done
    }
}
