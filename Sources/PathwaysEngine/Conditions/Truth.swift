/// Three-valued truth: an unanswered or declined question makes a condition unknown, not false.
public enum Truth: String, Sendable, Hashable, Codable {
    case yes
    case no
    case unknown

    public init(_ value: Bool) { self = value ? .yes : .no }

    public static prefix func ! (t: Truth) -> Truth {
        switch t {
        case .yes: return .no
        case .no: return .yes
        case .unknown: return .unknown
        }
    }

    /// Kleene conjunction: false wins, then unknown.
    public static func && (a: Truth, b: @autoclosure () -> Truth) -> Truth {
        if a == .no { return .no }
        let b = b()
        if b == .no { return .no }
        return a == .yes && b == .yes ? .yes : .unknown
    }

    /// Kleene disjunction: true wins, then unknown.
    public static func || (a: Truth, b: @autoclosure () -> Truth) -> Truth {
        if a == .yes { return .yes }
        let b = b()
        if b == .yes { return .yes }
        return a == .no && b == .no ? .no : .unknown
    }
}
