import PathwaysEngine

/// What the backend tells the state after carrying out an effect, or on its own (the idle lock, a reload).
extension UIState {
    /// The idle lock: hides everything until the passphrase is typed again. Whatever was open stays as it
    /// was under the lock, and comes back after it.
    public mutating func lock() {
        guard locksWhenIdle else { return }
        if case .tooSmall(var t) = mode {
            if case .locked = t.suspended { return }
            t.suspended = .locked(LockMode(suspended: t.suspended))
            mode = .tooSmall(t)
        } else {
            mode = .locked(LockMode(suspended: mode))
        }
    }

    /// The backend's answer to `.unlock`.
    public mutating func unlockResult(_ ok: Bool) {
        func unlocked(_ m: Mode) -> Mode {
            switch m {
            case .locked(var l):
                if ok { return l.suspended }
                l.failed = true
                return .locked(l)
            case .tooSmall(var t):
                t.suspended = unlocked(t.suspended)
                return .tooSmall(t)
            default:
                return m
            }
        }
        mode = unlocked(mode)
        keepSelectionVisible()
    }

    /// The backend's answer to `.listCases`.
    public mutating func showCases(_ list: [CaseListing]) {
        guard case .start(var s) = mode else { return }
        s.overlays.removeAll { if case .savedCases = $0 { return true } else { return false } }
        s.overlays.append(.savedCases(list, Place()))
        mode = .start(s)
    }

    /// A reopened case (the backend's answer to `.reopen`, or `--resume`): back where the worker left off.
    public mutating func reopened(_ reopened: ReopenedCase, code: String) {
        var c = CaseMode(session: reopened.session, purpose: .record)
        c.caseCode = code
        c.notes = reopened.notes
        c.notice = reopened.notice
        context.use(locale: reopened.locale)
        mode = .caseWork(c)
        fitToWindow()
        keepSelectionVisible()
    }

    /// The backend's report after saving: the error when it failed, and the case's code.
    public mutating func recorded(error: String?, code: String?) {
        Self.updateCase(in: &mode) { c in
            c.recordError = error
            if let code { c.caseCode = code }
        }
    }

    /// The backend's word after an export (where the summary was written, or why it was not): shown once.
    public mutating func exported(_ message: String) {
        Self.updateCase(in: &mode) { $0.flash = message }
    }

    /// The content preview of the start screen was opened.
    public mutating func openedPreview(_ reload: PreviewReload) {
        let home = context.bundle
        context.replace(bundle: reload.bundle)
        var p = PreviewMode.start(bundle: reload.bundle, metrics: context.metrics, today: context.today, diagnostics: reload.diagnostics,
                                   excerpts: reload.excerpts, notes: reload.notes)
        p.home = home
        mode = .preview(p)
        fitToWindow()
    }

    /// The content preview of the start screen could not be opened: say why, once.
    public mutating func previewUnavailable(_ message: String) {
        guard case .start(var s) = mode else { return }
        s.flash = message
        mode = .start(s)
    }

    /// The files changed. With errors, the last good bundle stays and the diagnostics show; without, the new
    /// bundle replaces it and the answers are replayed where their questions still exist.
    public mutating func reloaded(bundle newBundle: ContentBundle, diagnostics: [Diagnostic], excerpts: [Int: [String]],
                                  notes: [String] = []) {
        Self.reload(&mode, &context, newBundle, diagnostics, excerpts, notes)
        keepSelectionVisible()
    }

    private static func reload(_ m: inout Mode, _ context: inout UIContext, _ newBundle: ContentBundle,
                               _ diagnostics: [Diagnostic], _ excerpts: [Int: [String]], _ notes: [String]) {
        switch m {
        case .preview(var p):
            m = .closed
            p.checker.diagnostics = diagnostics
            p.checker.excerpts = excerpts
            p.checker.notes = notes
            p.checker.reloads += 1
            p.checker.broken = diagnostics.hasErrors
            if !diagnostics.hasErrors {
                context.replace(bundle: newBundle)
                p.work.replay(on: newBundle, metrics: context.metrics)
            }
            m = .preview(p)
        case .locked(var l):
            reload(&l.suspended, &context, newBundle, diagnostics, excerpts, notes)
            m = .locked(l)
        case .tooSmall(var t):
            reload(&t.suspended, &context, newBundle, diagnostics, excerpts, notes)
            m = .tooSmall(t)
        default:
            break
        }
    }

    /// The backend's report after writing a scenario file.
    public mutating func recordedScenario(_ message: String) {
        guard case .preview(var p) = mode else { return }
        p.message = message
        mode = .preview(p)
    }
}

extension CaseMode {
    /// The same answers on a new bundle, where their questions still exist and the answers still fit;
    /// the worker stays at the same question if it is still on the path.
    mutating func replay(on bundle: ContentBundle, metrics: FlowMetrics) {
        var kept: [String: Answer] = [:]
        for (id, answer) in session.answers {
            guard let q = bundle.question(id), case .success(let a) = q.validate(answer) else { continue }
            kept[id] = a
        }
        let node = session.currentNode
        var s = Session(bundle: bundle, answers: kept, continued: session.continued, today: session.today, metrics: metrics)
        if bundle.question(node) != nil { s.goTo(question: node) }
        session = s
        change = nil
        // Overlays about things the new bundle may not have are closed; the question or results stay.
        overlays.removeAll { if case .pathway(let id, _) = $0 { return bundle.pathway(id) == nil } else { return false } }
        let place = questionPlace
        prepareEntry()
        if question != nil { questionPlace.scroll = place.scroll }
    }
}
