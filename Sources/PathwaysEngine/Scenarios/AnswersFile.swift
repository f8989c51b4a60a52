/// Reads a file of answers (question id → answer) for `pathways assess`.
public enum AnswersFile {
    /// The answers, checked against the bundle's questions, and any problems with their locations.
    public static func read(_ bytes: [UInt8], file: String, bundle: ContentBundle) -> (answers: [String: Answer], diagnostics: [Diagnostic]) {
        let node: Node?
        switch BundleLoader.parse(bytes, file: file) {
        case .success(let n): node = n
        case .failure(let d): return ([:], [d])
        }
        guard let node else { return ([:], []) }
        let sink = DiagnosticSink(file: file, defaultLocale: bundle.info.defaultLocale)
        var root = node
        // A scenario file works too: take its answers.
        if case .mapping(let m) = node, let answers = m["answers"] { root = answers }
        let written = AnswerReader.answers(root, sink)
        let diagnostics = sink.diagnostics + ReferenceChecks.answers(written, bundle, questionIDs: bundle.questions.map(\.id))
        return (ScenarioRunner.answers(written, in: bundle), diagnostics)
    }
}
