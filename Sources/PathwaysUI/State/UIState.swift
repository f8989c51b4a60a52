import PathwaysEngine

/// Everything the interface shows, as a value: `handle` changes it, `Renderer.frame` draws it.
/// The shared context (content, language, size) sits beside the mode, which owns everything else.
public struct UIState: Sendable {
    /// What every mode shares.
    public internal(set) var context: UIContext
    /// What the interface is doing, with everything it needs.
    public internal(set) var mode: Mode

    /// The start screen of the caseworker's interface.
    public init(bundle: ContentBundle, width: Int = 80, height: Int = 24, locale: String? = nil) {
        context = UIContext(bundle: bundle, width: width, height: height, locale: locale)
        mode = .start(StartMode())
        fitToWindow()
    }

    /// Starts in training mode, on the list of training cases, for one projected screen (or the console or
    /// the room's view of a presentation).
    public static func training(bundle: ContentBundle, width: Int = 100, height: Int = 30, locale: String? = nil,
                                audience: Audience = .projected) -> UIState {
        var s = UIState(bundle: bundle, width: width, height: height, locale: locale)
        s.mode = .training(TrainingMode(audience: audience))
        s.fitToWindow()
        return s
    }

    /// Starts the content editor's preview on a bundle, with the checker's diagnostics.
    public static func preview(bundle: ContentBundle, diagnostics: [Diagnostic], excerpts: [Int: [String]], notes: [String] = [],
                               width: Int = 80, height: Int = 24) -> UIState {
        var s = UIState(bundle: bundle, width: width, height: height)
        s.mode = .preview(PreviewMode.start(bundle: bundle, metrics: s.context.metrics, today: nil, diagnostics: diagnostics,
                                            excerpts: excerpts, notes: notes))
        s.fitToWindow()
        return s
    }

    // MARK: What tests and backends read

    public var bundle: ContentBundle { context.bundle }
    public var locale: String { context.locale }
    public var secondLocale: String { context.secondLocale }
    /// The person's language (the second column of the two-language view).
    public var clientLocale: String { context.clientLocale }

    /// Sets the person's language and shows it beside the worker's (`--client-lang`).
    public mutating func use(clientLocale locale: String) {
        context.use(clientLocale: locale)
        keepSelectionVisible()
    }
    public var bilingual: Bool { context.bilingual }
    public var width: Int { context.width }
    public var height: Int { context.height }
    public var isTooSmall: Bool { context.isTooSmall }
    public var recordsAvailable: Bool {
        get { context.recordsAvailable }
        set { context.recordsAvailable = newValue }
    }
    public var previewAvailable: Bool {
        get { context.previewAvailable }
        set { context.previewAvailable = newValue }
    }
    /// The day cases are assessed on (set by the program's edge before the first case starts).
    public var today: Day? {
        get { context.today }
        set {
            context.today = newValue
            // The preview starts its case at once: it is assessed on the day given too.
            if case .preview(var p) = mode, p.work.session.answers.isEmpty {
                p.work = CaseMode(session: Session(bundle: context.bundle, today: newValue, metrics: context.metrics), purpose: .preview)
                mode = .preview(p)
            }
        }
    }

    /// The mode under the lock and the size message, which is the one the worker comes back to.
    var activeMode: Mode {
        var m = mode
        while true {
            switch m {
            case .locked(let l): m = l.suspended
            case .tooSmall(let t): m = t.suspended
            default: return m
            }
        }
    }

    /// The case being walked, in any mode (a quiz and the preview walk one too).
    var caseMode: CaseMode? {
        switch activeMode {
        case .caseWork(let c): return c
        case .preview(let p): return p.work
        case .training(let t):
            if case .quiz(let q) = t.stage, case .answering(let c) = q.phase { return c } else { return nil }
        default: return nil
        }
    }

    /// The case being walked (or the quiz answered), if any.
    public var session: Session? {
        if case .training(let t) = activeMode, case .quiz(let q) = t.stage { return q.session }
        return caseMode?.session
    }
    public var caseCode: String? { caseMode?.caseCode }
    public var notes: String? { caseMode?.notes }

    /// The question on screen (under any overlay), if the case is at one.
    public var currentQuestion: Question? {
        guard screen == .question else { return nil }
        return caseMode?.question
    }

    public var input: String { caseMode?.entry.input ?? "" }
    public var ticked: [String] { caseMode?.entry.ticked ?? [] }
    public var problem: InputProblem? { caseMode?.entry.problem }
    public var locked: Bool { if case .locked = mode { return true } else { return false } }
    public var training: TrainingMode? { if case .training(let t) = activeMode { return t } else { return nil } }
    public var preview: PreviewState? { if case .preview(let p) = activeMode { return p.checker } else { return nil } }

    /// Which screen is showing.
    public var screen: ScreenID {
        switch mode {
        case .closed: return .closed
        case .tooSmall: return .tooSmall
        case .locked: return .locked
        case .start(let s): return s.overlays.topScreen?.overlay.screenID ?? .start
        case .caseWork(let c): return c.screenID
        case .preview(let p): return p.work.screenID
        case .training(let t):
            if let top = t.overlays.topScreen, let id = top.overlay.screenID { return id }
            switch t.stage {
            case .list: return .trainingList
            case .walkthrough: return .walkthrough
            case .quiz(let q): return q.screenID
            }
        }
    }

    /// The place (selected item and scroll) of the screen showing.
    var place: Place {
        get {
            switch mode {
            case .start(let s): return s.overlays.topScreen?.overlay.place ?? s.place
            case .caseWork(let c): return c.place
            case .preview(let p): return p.work.place
            case .training(let t):
                if let top = t.overlays.topScreen { return top.overlay.place ?? Place() }
                switch t.stage {
                case .list: return t.listPlace
                case .walkthrough(let w): return w.place
                case .quiz(let q): return q.place
                }
            case .locked, .tooSmall, .closed: return Place()
            }
        }
        set {
            switch mode {
            case .start(var s):
                if let top = s.overlays.topScreen { s.overlays[top.index].place = newValue } else { s.place = newValue }
                mode = .start(s)
            case .caseWork(var c):
                mode = .closed
                c.place = newValue
                mode = .caseWork(c)
            case .preview(var p):
                mode = .closed
                p.work.place = newValue
                mode = .preview(p)
            case .training(var t):
                mode = .closed
                if let top = t.overlays.topScreen {
                    t.overlays[top.index].place = newValue
                } else {
                    switch t.stage {
                    case .list: t.listPlace = newValue
                    case .walkthrough(var w): w.place = newValue; t.stage = .walkthrough(w)
                    case .quiz(var q): t.stage = .list; q.place = newValue; t.stage = .quiz(q)
                    }
                }
                mode = .training(t)
            case .locked, .tooSmall, .closed: break
            }
        }
    }

    /// The selected item on the screen showing.
    public var cursor: Int {
        get { place.cursor }
        set { place.cursor = newValue }
    }

    /// The first body line shown.
    public var scroll: Int { place.scroll }

    /// The items that can be chosen on the screen showing, in order.
    public var items: [Target] { view().items }

    /// True while a number is being typed to choose an item: the backend sends `.pause` after a short wait.
    public var waitsForPause: Bool { place.waitsForMoreDigits }

    /// True when the idle lock may cover the screen: the case records are open (a case could be reopened).
    public var locksWhenIdle: Bool {
        guard context.recordsAvailable else { return false }
        switch mode {
        case .locked, .closed: return false
        default: return true
        }
    }
}
