/// Diagnostics held back from the list, and the one line said in their place: those that may only follow
/// from a file that could not be read ("fix it first"), or those past the first
/// `InputLimits.diagnosticsPerFile` of one file.
public struct WithheldDiagnostics: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// They may only follow from this unreadable (or missing) file.
        case followFrom(missing: Bool)
        /// The file has more diagnostics than are shown.
        case tooMany
    }

    /// The unreadable file, or the file with too many diagnostics.
    public var file: String
    public var reason: Reason
    public var diagnostics: [Diagnostic]

    /// "12 more errors may follow from Content/questions/status.yaml; fix it first".
    public var note: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let what = errors > 0 && warnings > 0 ? "\(n(errors, "more error")) and \(n(warnings, "warning"))"
            : errors > 0 ? n(errors, "more error") : n(warnings, "more warning")
        switch reason {
        case .followFrom(let missing):
            return missing ? "\(what) may follow from the missing \(file); add it first"
                           : "\(what) may follow from \(file), which could not be read; fix it first"
        case .tooMany:
            return "and \(what) in \(file) (the first \(InputLimits.diagnosticsPerFile) are shown)"
        }
    }
}
