/// A key the person pressed, as the UI understands it (backends translate terminal codes into these).
public enum Key: Hashable, Sendable {
    case up, down, left, right, enter, backspace, escape, tab, pageUp, pageDown, home, end, delete
    case function(Int)
    /// Ctrl + a letter, e.g. `.control("x")`.
    case control(Character)
    case char(Character)
}

/// Something that happened at the terminal.
public enum Event: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
}

/// Work the backend must do after an update: the state itself stays pure.
public enum Effect: Hashable, Sendable {
    case quit
    /// Clear the terminal and its scrollback now (quick exit).
    case wipeTerminal
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
    case saveNotes(String)
    /// Write the referral summary for printing.
    case export(includeAnswers: Bool)
}
