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

/// The start screen's items, in order.
public enum MenuItem: Hashable, Sendable, CaseIterable {
    case newCase, resume, training, preview, language, quit
}

/// A validation message to show under an input, kept as data so it follows a language switch.
public enum InputProblem: Hashable, Sendable {
    case number(min: Double?, max: Double?, integer: Bool)
    case date
    case text
    /// Enter on a tick-all question with nothing ticked.
    case tickOne(canDecline: Bool)
}

/// Which screen is showing, for tests and the backend; the state itself is `UIState.mode`.
public enum ScreenID: Hashable, Sendable {
    case start, cases
    case question, review, results, pathway(String), glossary, term(String), notes
    case trainingList, walkthrough, persona, whatNext, quizResults
    case diagnostics, diagnostic(Int)
    case locked, tooSmall
    /// After a quick exit: nothing is shown and the program ends.
    case closed
}
