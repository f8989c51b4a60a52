/// A key the person pressed, as the UI understands it (backends translate terminal codes into these).
public enum Key: Hashable, Sendable {
    case up, down, left, right, enter, backspace, escape, tab, pageUp, pageDown, home, end, delete
    case function(Int)
    /// Ctrl + a letter, e.g. `.control("x")`. The terminal is in raw mode, so Ctrl-C arrives here too.
    case control(Character)
    case char(Character)

    /// F12 or Ctrl-X: the quick exit, which works on every screen.
    public var isQuickExit: Bool { self == .function(12) || self == .control("x") }
}

/// Something that happened at the terminal.
public enum Event: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// No key for a short while (the backend sends it only while `UIState.waitsForPause`): a number being
    /// typed to choose an item is complete.
    case pause
}

/// Work the backend must do after an update: the state itself stays pure.
public enum Effect: Hashable, Sendable {
    /// End the program (status 0).
    case quit
    /// Clear the terminal and its scrollback now (quick exit).
    case wipeTerminal
    /// Quick exit: drop the case, its notes and every key from memory and close the records.
    case forget
    /// Commit the session's answers to the case records before the next frame.
    case record
    /// Fetch the case list for the resume screen.
    case listCases
    case reopen(String)
    case unlock(String)
    /// Stop recording the current case.
    case closeCase
    /// Something only the content preview does.
    case previewRequest(PreviewRequest)
    /// Open the preview of the content folder offered on the start screen.
    case openPreview
    case saveNotes(String)
    /// Write the referral summary for printing.
    case export(includeAnswers: Bool)
    /// Something only trainer mode (or the preview's training drafts) writes.
    case training(TrainingRequest)
    /// Write the person's handout in their language (and the worker's below it).
    case handout(withWorkerLanguage: Bool)
}
