import PathwaysEngine

/// What the content editor's preview knows beyond the case: the checker's last word on the files.
public struct PreviewState: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// Diagnostic index → the lines around it, numbered, from the file as it is now.
    public var excerpts: [Int: [String]] = [:]
    /// The checker's notes on what it held back ("12 more errors may follow from …; fix it first").
    public var notes: [String] = []
    /// The files have errors: the last good bundle stays on screen.
    public var broken = false
    public var reloads = 0

    public init() {}
}

/// The preview: the caseworker's screens on a bundle folder, with the checker's diagnostics.
public struct PreviewMode: Sendable {
    var work: CaseMode
    /// The checker's last word on the files.
    public internal(set) var checker: PreviewState
    /// Said until the next key: a jump that found nothing, or where a scenario was written.
    var message: String?
    /// w at the end of a walk: a scenario or a training case draft? (the next key says)
    var askingSaveAs = false
    /// Opened from the caseworker's start screen: q and Esc go back there, to this bundle.
    var fromStart: Bool { home != nil }
    var home: ContentBundle?
}
