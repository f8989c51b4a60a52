/// What the interface is doing. Each mode owns its state, so keys reach only the mode on screen: while the
/// window is too small or the case is locked, the mode under it is kept aside whole and gets nothing.
public enum Mode: Sendable {
    /// The start screen (and the saved cases, opened over it).
    case start(StartMode)
    /// A caseworker's case.
    case caseWork(CaseMode)
    /// Trainer mode: fictional cases only, nothing recorded.
    case training(TrainingMode)
    /// The content editor's preview of a bundle folder.
    case preview(PreviewMode)
    /// The idle lock: only the passphrase field, over the mode it keeps aside.
    indirect case locked(LockMode)
    /// "Enlarge the window": only resize, quick exit and quit act.
    indirect case tooSmall(TooSmallMode)
    /// After a quick exit: nothing is shown and the program ends.
    case closed
}

/// The start screen: the menu, and what is opened over it (saved cases, the glossary).
public struct StartMode: Sendable {
    var place = Place()
    var overlays: [Overlay] = []
    /// Said once, until the next key (such as how to open the content preview).
    var flash: String?

    public init() {}
}

/// The idle lock over a mode kept aside until the passphrase is typed again.
public struct LockMode: Sendable {
    var suspended: Mode
    var input = ""
    var failed = false
}

/// A window below the minimum size over the mode kept aside until it is enlarged.
public struct TooSmallMode: Sendable {
    var suspended: Mode
    /// q was pressed once with answers that would be lost or left: q again quits.
    var confirmingQuit = false
}
