import Foundation
import PathwaysEngine

extension UIState {
    /// Applies one event and returns the effects the backend must carry out. Pure apart from its result.
    public mutating func handle(_ event: Event) -> [Effect] {
        switch event {
        case .resize(let w, let h):
            width = w
            height = h
            keepSelectionVisible()
            return []
        case .key(let key):
            if key == .function(12) || key == .control("x") { return quickExit() }
            if locked { return handleLocked(key) }
            if screen == .neutral {
                screen = .start
                cursor = 0
                return []
            }
            let quitting = confirmQuit
            confirmQuit = false
            outbox = []
            freeScroll = false
            let effects = handleKey(key, quitting: quitting) + outbox
            outbox = []
            if !freeScroll { keepSelectionVisible() }
            return effects
        }
    }

    /// Drops the case from memory and shows an empty screen; the backend wipes the terminal.
    mutating func quickExit() -> [Effect] {
        session?.forgetAll()
        session = nil
        screen = .neutral
        previous = []
        cursor = 0
        scroll = 0
        input = ""
        ticked = []
        problem = nil
        showWhy = false
        bilingual = false
        confirmQuit = false
        caseCode = nil
        notice = []
        notes = ""
        notesInput = nil
        info = nil
        locked = false
        lockInput = ""
        return [.wipeTerminal, .closeCase]
    }

    // MARK: Case records

    /// The idle lock: hides the case until the passphrase is typed again.
    public mutating func lock() {
        guard session != nil, recordsAvailable else { return }
        locked = true
        lockInput = ""
        lockFailed = false
    }

    private mutating func handleLocked(_ key: Key) -> [Effect] {
        switch key {
        case .char(let c): lockInput.append(c); lockFailed = false
        case .backspace, .delete: if !lockInput.isEmpty { lockInput.removeLast() }
        case .enter:
            let typed = lockInput
            lockInput = ""
            return [.unlock(typed)]
        default: break
        }
        return []
    }

    /// The backend's answer to `.unlock`.
    public mutating func unlockResult(_ ok: Bool) {
        if ok { locked = false; lockFailed = false } else { lockFailed = true }
    }

    /// The backend's answer to `.listCases`.
    public mutating func showCases(_ list: [CaseListing]) {
        caseList = list
        screen = .cases
        cursor = 0
        scroll = 0
    }

    /// The backend's answer to `.reopen`: the case is back where the worker left off.
    public mutating func reopened(_ c: ReopenedCase, code: String) {
        session = c.session
        notes = c.notes
        locale = c.locale
        secondLocale = bundle.info.locales.first { $0 != locale } ?? locale
        caseCode = code
        notice = c.notice
        previous = []
        showQuestionOrResults()
    }

    /// Notes (n on the review screen) and the referral summary (e, or E with the answers, on the results).
    private mutating func handleNotesAndExport(_ key: Key) -> [Effect]? {
        if var typed = notesInput {
            switch key {
            case .char(let c): typed.append(c); notesInput = typed
            case .backspace, .delete: if !typed.isEmpty { typed.removeLast() }; notesInput = typed
            case .enter:
                notes = typed
                notesInput = nil
                return [.saveNotes(typed)]
            case .escape: notesInput = nil
            default: break
            }
            return []
        }
        guard recordsAvailable, session != nil, training == nil else { return nil }
        switch (screen, key) {
        case (.review, .char("n")):
            notesInput = notes
            return []
        case (.results, .char("e")): return [.export(includeAnswers: false)]
        case (.results, .char("E")): return [.export(includeAnswers: true)]
        default: return nil
        }
    }

    /// The backend's word after an export.
    public mutating func exported(_ message: String) { info = message }

    /// The backend's report that saving failed, or nil when it worked.
    public mutating func recorded(error: String?, code: String?) {
        recordError = error
        if let code { caseCode = code }
    }

    var items: [Target] { Screens(self).items() }

    private var isTyping: Bool {
        guard let q = currentQuestion, !q.kind.hasOptions else { return false }
        let list = items
        return list.indices.contains(cursor) && list[cursor] == .input
    }

    private mutating func handleKey(_ key: Key, quitting: Bool) -> [Effect] {
        if training != nil, let effects = handleTraining(key) { return effects }
        if preview != nil, let effects = handlePreview(key) { return effects }
        if let effects = handleNotesAndExport(key) { return effects }
        if isTyping, let effects = handleTyping(key) { return effects }
        switch key {
        case .up, .char("k"): move(-1)
        case .down, .char("j"), .tab: move(1)
        case .pageUp: page(-1)
        case .pageDown: page(1)
        case .home: cursor = 0; scroll = 0
        case .end: cursor = max(0, items.count - 1); scroll = Int.max; keepScrollInRange(); freeScroll = true
        case .enter: activate()
        case .char(" "): if currentQuestion?.kind == .multipleChoice { toggleTick() } else { activate() }
        case .char(let c) where c.isNumber && c.isASCII:
            chooseNumber(Int(String(c)) ?? 0)
        case .backspace, .left, .escape, .delete: goBack()
        case .char("?"), .function(1): if screen == .question { showWhy.toggle() }
        case .char("r"), .function(2): openReview()
        case .char("s"), .function(3): openResults()
        case .char("l"), .function(4): switchLanguage()
        case .char("b"), .function(5): bilingual.toggle()
        case .char("g"): open(.glossary)
        case .char("q"):
            if screen == .start || session == nil || session?.answers.isEmpty == true || quitting { return [.quit] }
            confirmQuit = true
        default: break
        }
        return []
    }

    /// Keys while the cursor is in a text field; nil when the key is not for the field.
    private mutating func handleTyping(_ key: Key) -> [Effect]? {
        switch key {
        case .char(let c):
            input.append(c)
            problem = nil
            return []
        case .backspace, .delete:
            if input.isEmpty { goBack() } else { input.removeLast() }
            return []
        case .enter:
            submitInput()
            return []
        case .function, .escape, .left, .up, .down, .tab, .pageUp, .pageDown, .home, .end, .right, .control:
            return nil
        }
    }

    private mutating func move(_ delta: Int) {
        let count = items.count
        guard count > 0 else {
            scroll = max(0, scroll + delta)
            keepScrollInRange()
            return
        }
        cursor = min(max(0, cursor + delta), count - 1)
    }

    private mutating func chooseNumber(_ n: Int) {
        switch screen {
        case .question:
            guard let q = currentQuestion, q.kind.hasOptions else { return }
            let options = items
            guard n >= 1, n <= options.count else { return }
            cursor = n - 1
            if q.kind == .multipleChoice { toggleTick() }
        case .start:
            guard n >= 1, n <= items.count else { return }
            cursor = n - 1
            activate()
        default: break
        }
    }

    private mutating func toggleTick() {
        guard let q = currentQuestion, q.kind == .multipleChoice else { return }
        let list = items
        guard list.indices.contains(cursor), case .option(let id) = list[cursor] else { return }
        if let i = ticked.firstIndex(of: id) { ticked.remove(at: i) } else { ticked.append(id) }
    }

    private mutating func activate() {
        let list = items
        guard list.indices.contains(cursor) else { return }
        switch list[cursor] {
        case .menu(let item):
            switch item {
            case .newCase:
                session = Session(bundle: bundle, today: today, metrics: metrics)
                caseCode = nil
                notice = []
                notes = ""
                outbox += [.closeCase, .record]
                showQuestionOrResults()
            case .language: switchLanguage()
            case .quit: break
            case .resume: if recordsAvailable { outbox.append(.listCases) }
            case .training:
                // Training from the start screen: fictional cases only, nothing recorded; Esc comes back here.
                guard !trainingScenarios.isEmpty else { break }
                outbox.append(.closeCase)
                session = nil
                var mode = TrainingMode()
                mode.fromStart = true
                training = mode
                screen = .trainingList
                cursor = 0
            case .preview: break
            }
            if item == .quit { confirmQuit = false }
        case .option(let id):
            guard let q = currentQuestion else { return }
            if q.kind == .multipleChoice {
                if !ticked.contains(id) { ticked.append(id) }
                submit(.value(.options(ticked)))
            } else {
                submit(.value(.option(id)))
            }
        case .decline: submit(.declined)
        case .input: submitInput()
        case .question(let id):
            if session?.goTo(question: id) == true { showQuestionOrResults(); previous = [] }
        case .pathway(let id): open(.pathway(id))
        case .term(let id): open(.term(id))
        case .continueConversation:
            session?.continuePastOutcome()
            outbox.append(.record)
            showQuestionOrResults()
        case .savedCase(let code):
            outbox.append(.reopen(code))
        case .trainingScenario(let id):
            openWalkthrough(id)
        case .diagnosticEntry(let i):
            previous.append(screen)
            screen = .diagnostic(i)
            scroll = 0
        }
    }

    private mutating func submitInput() {
        guard let q = currentQuestion else { return }
        let text = input.trimmingCharacters(in: .whitespaces)
        switch q.validate(.value(.text(text))) {
        case .success(let answer):
            problem = nil
            submit(answer)
        case .failure:
            switch q.kind {
            case .number: problem = .number(min: q.numberRules.min, max: q.numberRules.max, integer: q.numberRules.integer)
            case .date: problem = .date
            default: problem = .text
            }
        }
    }

    private mutating func submit(_ answer: Answer) {
        guard var s = session else { return }
        // Taken out while it changes, so its walk grows in place instead of being copied.
        session = nil
        do {
            try s.answer(answer)
        } catch {
            session = s
            problem = .text
            return
        }
        session = s
        problem = nil
        notice = []
        if training == nil { outbox.append(.record) }
        showQuestionOrResults()
    }

    /// After a move in the walk: the question now current, or the results at an outcome.
    mutating func showQuestionOrResults() {
        guard let s = session else { screen = .start; return }
        showWhy = false
        problem = nil
        scroll = 0
        switch s.position {
        case .question(let id, let current):
            screen = .question
            prepareInputs(for: id, current: current)
        case .outcome, .stuck:
            screen = training?.quiz == true ? .quizResults : .results
            cursor = 0
        }
    }

    /// Puts the cursor and inputs on the answer already given, so going back shows it.
    private mutating func prepareInputs(for id: String, current: Answer?) {
        input = ""
        ticked = []
        cursor = 0
        guard let q = bundle.question(id) else { return }
        switch current {
        case .value(.option(let o))?: cursor = q.options.firstIndex { $0.id == o } ?? 0
        case .value(.options(let os))?: ticked = os
        case .value(.number(let n))?: input = Question.show(n)
        case .value(.date(let d))?: input = d.description
        case .value(.text(let t))?: input = t
        case .declined?: cursor = q.kind.hasOptions && q.kind != .multipleChoice ? q.options.count : (q.kind.hasOptions ? q.options.count : 1)
        case nil: break
        }
    }

    private mutating func goBack() {
        switch screen {
        case .question:
            guard var s = session else { return }
            if s.back() {
                session = s
                showQuestionOrResults()
            } else if training == nil {
                screen = .start
                cursor = 0
            }
        case .results:
            guard var s = session else { screen = .start; return }
            if case .outcome = s.position, s.back() { session = s }
            showQuestionOrResults()
        case .review:
            showQuestionOrResults()
        case .cases:
            screen = .start
            cursor = 0
        case .trainingList, .walkthrough, .quizResults:
            break
        case .diagnostics, .diagnostic:
            screen = previous.popLast() ?? .question
            cursor = 0
            scroll = 0
            if screen == .question || screen == .results { showQuestionOrResults() }
        case .pathway, .glossary, .term:
            screen = previous.popLast() ?? .results
            cursor = 0
            scroll = 0
            if screen == .question, let s = session, case .question(let id, let a) = s.position { prepareInputs(for: id, current: a) }
        case .start, .neutral: break
        }
    }

    private mutating func open(_ target: ScreenID) {
        if case .term = target {} else if target == .glossary {} else if session == nil { return }
        previous.append(screen)
        screen = target
        cursor = 0
        scroll = 0
    }

    private mutating func openReview() {
        guard session != nil, screen != .review else { return }
        previous = []
        screen = .review
        cursor = 0
        scroll = 0
    }

    private mutating func openResults() {
        guard session != nil else { return }
        previous = []
        screen = .results
        cursor = 0
        scroll = 0
    }

    private mutating func switchLanguage() {
        let locales = bundle.info.locales
        guard let i = locales.firstIndex(of: locale) else { return }
        locale = locales[(i + 1) % locales.count]
        secondLocale = locales.first { $0 != locale } ?? locale
    }

    // MARK: Scrolling

    private mutating func keepScrollInRange() {
        let body = Layout.bodies(self, width: Layout(self).columnWidth).0
        scroll = min(max(0, scroll), max(0, body.count - Layout(self).bodyHeight))
    }

    /// Scrolls a page, and puts the cursor on the first item that starts on the new page, if any.
    private mutating func page(_ direction: Int) {
        let layout = Layout(self)
        scroll += direction * max(1, layout.bodyHeight - 1)
        keepScrollInRange()
        freeScroll = true
        let body = Layout.bodies(self, width: layout.columnWidth).0
        let list = items
        for i in scroll..<min(body.count, scroll + layout.bodyHeight) {
            guard let target = body[i].target, i == 0 || body[i - 1].target != target,
                  let index = list.firstIndex(of: target) else { continue }
            cursor = index
            return
        }
    }

    mutating func keepSelectionVisible() {
        guard !isTooSmall, screen != .neutral else { return }
        let layout = Layout(self)
        // One build of the screen gives both the items and the body (neither depends on cursor or scroll).
        let view = Screens(self).view(width: layout.columnWidth)
        let list = view.items
        if cursor >= list.count { cursor = max(0, list.count - 1) }
        let body = Layout.bodies(self, first: view.body, width: layout.columnWidth).0
        let selected = list.indices.contains(cursor) ? list[cursor] : nil
        scroll = Layout.scroll(for: body, selected: selected, current: scroll, height: layout.bodyHeight)
    }
}
