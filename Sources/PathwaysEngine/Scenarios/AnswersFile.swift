/// Reads a file of answers (question id → answer) for `pathways assess`.
public enum AnswersFile {
    /// What reading an answers file gave.
    public struct Read: Sendable {
        public var answers: [String: Answer]
        /// The first `InputLimits.diagnosticsPerFile` problems, with their locations.
        public var diagnostics: [Diagnostic]
        /// How many more problems there are: "and N more".
        public var more: Int
    }

    /// The answers, checked against the bundle's questions, and any problems with their locations.
    public static func read(_ bytes: [UInt8], file: String, bundle: ContentBundle) -> Read {
        let node: Node?
        switch BundleLoader.parse(bytes, file: file) {
        case .success(let n): node = n
        case .failure(let d): return Read(answers: [:], diagnostics: [d], more: 0)
        }
        guard let node else { return Read(answers: [:], diagnostics: [], more: 0) }
        let sink = DiagnosticSink(file: file, defaultLocale: bundle.info.defaultLocale)
        var root = node
        // A scenario file works too: take its answers.
        if case .mapping(let m) = node, let answers = m["answers"] { root = answers }
        let written = AnswerReader.answers(root, sink)
        let limit = InputLimits.diagnosticsPerFile
        let (checked, uncounted) = ReferenceChecks.answers(written, bundle, questionIDs: bundle.questions.map(\.id),
                                                           limit: max(0, limit - sink.diagnostics.count))
        let all = sink.diagnostics + checked
        return Read(answers: ScenarioRunner.answers(written, in: bundle), diagnostics: Array(all.prefix(limit)),
                    more: max(0, all.count - limit) + uncounted)
    }
}
