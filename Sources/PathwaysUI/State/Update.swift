import PathwaysEngine

/// What handling a key did, beyond changing the mode's own state.
struct Reaction {
    var effects: [Effect] = []
    /// PgUp, PgDn or End moved the view on purpose: it may leave the selected item.
    var freeScroll = false
    /// The mode asks to be left: a case with no answers goes back to the start screen, a quiz to the list.
    var leave = false
    /// The mode to go to instead of the current one.
    var next: Mode?

    static let done = Reaction()
    static func effects(_ e: [Effect]) -> Reaction { Reaction(effects: e) }
}

extension UIState {
    /// Applies one event and returns the effects the backend must carry out. Pure apart from its result.
    public mutating func handle(_ event: Event) -> [Effect] {
        switch event {
        case .resize(let w, let h):
            context.width = w
            context.height = h
            fitToWindow()
            keepSelectionVisible()
            return []
        case .pause:
            finishNumber()
            keepSelectionVisible()
            return []
        case .key(let key):
            if key.isQuickExit { return quickExit() }
            if place.waitsForMoreDigits && !key.isDigit { finishNumber() }
            let reaction = route(key)
            if !reaction.freeScroll { keepSelectionVisible() }
            return reaction.effects
        }
    }

    /// Quick exit: nothing of the case stays on screen or in the state, and the program ends. The backend
    /// wipes the terminal and its scrollback, drops the records' keys, and returns.
    mutating func quickExit() -> [Effect] {
        mode = .closed
        context.bilingual = false
        return [.wipeTerminal, .forget, .quit]
    }

    /// Hands the key to the mode on screen, and moves to the mode it asks for.
    private mutating func route(_ key: Key) -> Reaction {
        switch mode {
        case .closed:
            return .done
        case .tooSmall(var t):
            let r = handleTooSmall(key, &t)
            mode = .tooSmall(t)
            return r
        case .locked(var l):
            mode = .closed
            let r = handleLocked(key, &l)
            mode = .locked(l)
            return r
        case .start(var s):
            mode = .closed
            let r = handleStart(key, &s)
            mode = r.next ?? .start(s)
            return r
        case .caseWork(var c):
            // The mode gives up its copy while the case changes, so the session's walk grows in place.
            mode = .closed
            let r = handleCase(key, &c)
            mode = r.next ?? (r.leave ? .start(StartMode()) : .caseWork(c))
            return r
        case .training(var t):
            mode = .closed
            let r = handleTraining(key, &t)
            mode = r.next ?? .training(t)
            return r
        case .preview(var p):
            mode = .closed
            let r = handlePreview(key, &p)
            mode = r.next ?? .preview(p)
            return r
        }
    }

    /// Puts the size message over the mode when the window is below the minimum, and takes it away after.
    mutating func fitToWindow() {
        switch mode {
        case .tooSmall(let t) where !context.isTooSmall:
            mode = t.suspended
        case .tooSmall, .closed:
            break
        default:
            if context.isTooSmall { mode = .tooSmall(TooSmallMode(suspended: mode)) }
        }
    }

    // MARK: Too small, locked

    private mutating func handleTooSmall(_ key: Key, _ t: inout TooSmallMode) -> Reaction {
        switch key {
        case .char("q"), .control("c"):
            if t.confirmingQuit || !Self.quitNeedsConfirmation(t.suspended) { return .effects([.quit]) }
            t.confirmingQuit = true
        default:
            t.confirmingQuit = false
        }
        return .done
    }

    static func quitNeedsConfirmation(_ mode: Mode) -> Bool {
        switch mode {
        case .caseWork(let c): return c.quitNeedsConfirmation
        case .preview(let p): return p.work.quitNeedsConfirmation
        case .locked(let l): return quitNeedsConfirmation(l.suspended)
        case .tooSmall(let t): return quitNeedsConfirmation(t.suspended)
        case .start, .training, .closed: return false
        }
    }

    private mutating func handleLocked(_ key: Key, _ l: inout LockMode) -> Reaction {
        switch key {
        case .char(let c):
            if l.input.count < 1024 { l.input.append(c) }
            l.failed = false
        case .backspace, .delete:
            if !l.input.isEmpty { l.input.removeLast() }
        case .enter:
            let typed = l.input
            l.input = ""
            return .effects([.unlock(typed)])
        case .control("c"):
            // Nothing of the case shows here and every answer is saved: quitting loses nothing.
            return .effects([.quit])
        default:
            break
        }
        return .done
    }

    // MARK: Choosing by number

    /// The digits typed so far are the number: the cursor is on that item already; on a tick-all question
    /// it is ticked too.
    mutating func finishNumber() {
        var p = place
        let number = p.takeNumber()
        place = p
        guard case .chosen(let i) = number else { return }
        let list = items
        guard list.indices.contains(i), case .option(let id) = list[i] else { return }
        Self.updateCase(in: &mode) { c in
            if c.overlays.topScreen == nil, c.question?.kind == .multipleChoice { c.toggle(id) }
        }
    }

    /// Changes the case wherever it is: a caseworker's, the preview's, a quiz, or one kept under the lock.
    static func updateCase(in mode: inout Mode, _ change: (inout CaseMode) -> Void) {
        switch mode {
        case .caseWork(var c):
            mode = .closed
            change(&c)
            mode = .caseWork(c)
        case .preview(var p):
            mode = .closed
            change(&p.work)
            mode = .preview(p)
        case .training(var t):
            guard case .quiz(var q) = t.stage, case .answering(var c) = q.phase else { return }
            mode = .closed
            t.stage = .list
            q.phase = .score(c.session, place: Place())
            change(&c)
            q.phase = .answering(c)
            t.stage = .quiz(q)
            mode = .training(t)
        case .locked(var l):
            mode = .closed
            updateCase(in: &l.suspended, change)
            mode = .locked(l)
        case .tooSmall(var t):
            mode = .closed
            updateCase(in: &t.suspended, change)
            mode = .tooSmall(t)
        case .start, .closed:
            break
        }
    }

    // MARK: Scrolling

    /// Keeps the selected item on screen, moving the view as little as possible.
    mutating func keepSelectionVisible() {
        switch mode {
        case .closed, .locked, .tooSmall: return
        default: break
        }
        let shown = Shown(self)
        var p = place
        let list = shown.view.items
        if p.cursor >= list.count { p.cursor = max(0, list.count - 1) }
        if p.cursor < 0 { p.cursor = 0 }
        let selected = list.indices.contains(p.cursor) ? list[p.cursor] : nil
        p.scroll = Layout.scroll(for: shown.left, selected: selected, current: p.scroll, height: shown.layout.bodyHeight)
        place = p
    }

    /// Arrows, PgUp/PgDn and Home/End on a screen that lists or scrolls (`letters`: j and k too).
    /// Nil when the key is none of them; else whether the view moved on its own (see `Reaction.freeScroll`).
    func navigate(_ key: Key, _ place: inout Place, _ shown: Shown, letters: Bool = true) -> Bool? {
        let list = shown.view.items
        func move(_ delta: Int) {
            guard !list.isEmpty else {
                place.scroll = Self.clamp(place.scroll + delta, shown)
                return
            }
            place.cursor = min(max(0, place.cursor + delta), list.count - 1)
        }
        switch key {
        case .up: move(-1)
        case .char("k") where letters: move(-1)
        case .down, .tab: move(1)
        case .char("j") where letters: move(1)
        case .home:
            place.cursor = 0
            place.scroll = 0
        case .end:
            place.cursor = max(0, list.count - 1)
            place.scroll = Self.clamp(Int.max / 2, shown)
            return true
        case .pageUp, .pageDown:
            page(key == .pageUp ? -1 : 1, &place, shown)
            return true
        default:
            return nil
        }
        return false
    }

    static func clamp(_ scroll: Int, _ shown: Shown) -> Int {
        min(max(0, scroll), max(0, shown.left.count - shown.layout.bodyHeight))
    }

    /// Scrolls a page, and puts the cursor on the first item that starts on the new page, if any.
    private func page(_ direction: Int, _ place: inout Place, _ shown: Shown) {
        let height = shown.layout.bodyHeight
        place.scroll = Self.clamp(place.scroll + direction * max(1, height - 1), shown)
        let body = shown.left, list = shown.view.items
        for i in place.scroll..<min(body.count, place.scroll + height) {
            guard let target = body[i].target, i == 0 || body[i - 1].target != target,
                  let index = list.firstIndex(of: target) else { continue }
            place.cursor = index
            return
        }
    }
}

extension Key {
    var isDigit: Bool { if case .char(let c) = self { return c.isASCII && c.isNumber } else { return false } }
}
