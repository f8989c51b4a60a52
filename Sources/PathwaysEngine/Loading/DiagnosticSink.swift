/// Collects diagnostics while one file is read, and knows how to place a YAML node in that file.
final class DiagnosticSink {
    let file: String
    let defaultLocale: String
    /// The file's text, for positions inside a value (conditions); nil when reading nodes from elsewhere.
    let source: SourceText?
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, defaultLocale: String, source: SourceText? = nil) {
        self.file = file
        self.defaultLocale = defaultLocale
        self.source = source
    }

    func report(_ code: DiagnosticCode, at location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, at: location, message, hint: hint))
    }

    /// Where `node` starts in this file.
    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return .start(of: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }
}
