import PathwaysEngine

/// Which screen is showing.
public enum ScreenID: Hashable, Sendable {
    case start
    case question
    case review
    case results
    case pathway(String)
    case glossary
    case term(String)
    /// After a quick exit: an empty screen that shows nothing of the case.
    case neutral
    /// The saved cases, to resume one.
    case cases
    /// Training: the list of fictional cases, a walkthrough of one, and a trainee's quiz results.
    case trainingList
    case walkthrough
    case quizResults
    /// Preview: the checker's diagnostics, and one of them with the lines around it.
    case diagnostics
    case diagnostic(Int)
}

/// What the content editor's preview knows beyond the case: the checker's last word on the files.
public struct PreviewState: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// Diagnostic index → the lines around it, numbered, from the file as it is now.
    public var excerpts: [Int: [String]] = [:]
    /// The files have errors: the last good bundle stays on screen.
    public var broken = false
    public var reloads = 0
    /// Typing an id after ':' to jump to a question or pathway.
    public var jump: String?
    public var message: String?

    public init() {}
}

/// Where a training session is: which case, which step, what is shown to the room.
public struct TrainingMode: Hashable, Sendable {
    public var scenario: String?
    /// 0 is the persona card, 1…n the questions, n + 1 the results and learning points.
    public var step = 0
    public var revealed = false
    public var notesHidden = false
    /// Digits typed after `j`, to jump to a step.
    public var jump: String?
    /// The trainee is answering the questions themselves.
    public var quiz = false
    /// Opened from the caseworker's start screen: leaving the list goes back there, not out.
    public var fromStart = false

    public init() {}
}

/// Something on a screen the worker can choose with Enter.
public enum Target: Hashable, Sendable {
    case menu(MenuItem)
    case option(String)
    case decline
    case input
    case question(String)
    case pathway(String)
    case term(String)
    case continueConversation
    case savedCase(String)
    case trainingScenario(String)
    case diagnosticEntry(Int)
}

public enum MenuItem: Hashable, Sendable, CaseIterable {
    case newCase, resume, training, preview, language, quit
}

/// A validation message to show under an input, kept as data so it follows a language switch.
public enum InputProblem: Hashable, Sendable {
    case number(min: Double?, max: Double?, integer: Bool)
    case date
    case text
}

/// Everything the interface shows, as a value: `update` changes it, screens draw it.
public struct UIState: Sendable {
    public internal(set) var bundle: ContentBundle
    public internal(set) var metrics: FlowMetrics
    /// The day cases are assessed on, given by the program's edge (the clock there); nil: no day known.
    public var today: Day?
    public var session: Session?
    public var screen: ScreenID = .start
    /// Where Esc goes from a detail or glossary screen.
    public var previous: [ScreenID] = []
    public var locale: String
    /// The other language shown beside the first in the bilingual view.
    public var secondLocale: String
    public var bilingual = false
    public var showWhy = false
    /// The selected item on the current screen.
    public var cursor = 0
    /// The first body line shown, on screens that scroll.
    public var scroll = 0
    public var input = ""
    public var ticked: [String] = []
    public var problem: InputProblem?
    public var confirmQuit = false
    public var width: Int
    public var height: Int
    /// Case records are on: cases can be resumed and every answer is saved.
    public var recordsAvailable = false
    public var caseCode: String?
    public var caseList: [CaseListing] = []
    /// Shown after reopening a case whose content changed.
    public var notice: [String] = []
    /// The idle lock hides the case until the passphrase is typed again.
    public var locked = false
    public var lockInput = ""
    public var lockFailed = false
    /// Saving failed: the worker must know the answer is not kept.
    public var recordError: String?
    /// The caseworker's notes on the case, and the note being typed (on the review screen).
    public var notes = ""
    public var notesInput: String?
    /// A passing word for the worker, such as where an export was written.
    public var info: String?
    /// Effects produced while handling an event, handed to the backend by `handle`.
    var outbox: [Effect] = []
    /// Set by PgUp/PgDn: the view may leave the selected item to show long text.
    var freeScroll = false
    /// Training mode: fictional cases only; nothing is ever recorded.
    public var training: TrainingMode?
    /// Content preview: live reload, diagnostics and jumping by id.
    public var preview: PreviewState?

    /// Starts in training mode, on the list of training cases.
    public static func training(bundle: ContentBundle, width: Int = 100, height: Int = 30, locale: String? = nil) -> UIState {
        var s = UIState(bundle: bundle, width: width, height: height, locale: locale)
        s.training = TrainingMode()
        s.screen = .trainingList
        return s
    }

    /// The training scenarios of the bundle.
    public var trainingScenarios: [Scenario] { bundle.scenarios.filter { $0.training != nil } }

    public init(bundle: ContentBundle, width: Int = 80, height: Int = 24, locale: String? = nil) {
        self.bundle = bundle
        self.metrics = FlowMetrics(bundle: bundle)
        self.locale = locale ?? bundle.info.defaultLocale
        self.secondLocale = bundle.info.locales.first { $0 != (locale ?? bundle.info.defaultLocale) } ?? bundle.info.defaultLocale
        self.width = width
        self.height = height
    }

    public static let minimumWidth = 60
    public static let minimumHeight = 16
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The question on screen, if the screen is a question.
    public var currentQuestion: Question? {
        guard screen == .question, let s = session, case .question(let id, _) = s.position else { return nil }
        return bundle.question(id)
    }
}
