/// How serious a diagnostic is: errors make `pathways check` fail, warnings do not.
public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
}

/// One problem found in a content bundle, with a stable code, a place and a hint for the editor.
public struct Diagnostic: Hashable, Sendable, Error {
    public var code: DiagnosticCode
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var hint: String?

    public init(_ code: DiagnosticCode, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.code = code
        self.severity = code.severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// The compiler-style line: `file:line:col: error: message [PW006]`.
    public var formatted: String {
        "\(location): \(severity.rawValue): \(message) [\(code.rawValue)]"
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then code, so output is stable.
    public var sortedForDisplay: [Diagnostic] {
        sorted { ($0.location, $0.code.rawValue, $0.message) < ($1.location, $1.code.rawValue, $1.message) }
    }
}
