import PathwaysEngine

/// A bundle reloaded from its files, with the checker's diagnostics and the lines around each one.
public struct PreviewReload: Sendable {
    public var bundle: ContentBundle
    public var diagnostics: [Diagnostic]
    public var excerpts: [Int: [String]]
    /// What the checker held back (problems that only follow from a file it could not read), as notes.
    public var notes: [String]

    public init(bundle: ContentBundle, diagnostics: [Diagnostic], excerpts: [Int: [String]], notes: [String] = []) {
        self.bundle = bundle
        self.diagnostics = diagnostics
        self.excerpts = excerpts
        self.notes = notes
    }
}

/// Where the preview's content comes from: the CLI watches a folder; tests hand in bundles.
public protocol PreviewSource: AnyObject {
    /// The bundle again when its files changed since the last call, else nil.
    func poll() -> PreviewReload?
    /// Writes the session's answers and assessment as a new scenario file; returns what to tell the editor.
    func recordScenario(_ session: Session) -> String
    /// Writes a training case skeleton of the walk into the bundle's `training/` folder; returns what to say.
    func recordTrainingCase(_ draft: TrainingDraft, bundle: ContentBundle) -> String
}

extension PreviewSource {
    public func recordTrainingCase(_ draft: TrainingDraft, bundle: ContentBundle) -> String { "this preview cannot save training cases" }
}
