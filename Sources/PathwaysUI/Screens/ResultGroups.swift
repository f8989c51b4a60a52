import PathwaysEngine

/// How results are grouped, in the order shown: urgent items first (recommended or possible), then
/// recommended, possible and not applicable. One place decides, so the results, a pathway's detail and
/// the line mode always give one state one word. (Priority groups can be added here.)
public enum ResultGroup: Hashable, Sendable, CaseIterable {
    case urgent, recommended, possible, notApplicable

    public static func of(_ p: PathwayAssessment) -> ResultGroup {
        if p.urgent && p.status != .notApplicable { return .urgent }
        switch p.status {
        case .recommended: return .recommended
        case .possible: return .possible
        case .notApplicable: return .notApplicable
        }
    }

    public var title: UIText {
        switch self {
        case .urgent: return .urgent
        case .recommended: return .recommended
        case .possible: return .possible
        case .notApplicable: return .notApplicable
        }
    }

    public var role: Role {
        switch self {
        case .urgent: return .urgent
        case .recommended: return .recommended
        case .possible: return .possible
        case .notApplicable: return .notApplicable
        }
    }

    /// The assessment's pathways by group, in order, without empty groups.
    public static func grouped(_ a: Assessment) -> [(group: ResultGroup, pathways: [PathwayAssessment])] {
        allCases.compactMap { g in
            let items = a.pathways.filter { of($0) == g }
            return items.isEmpty ? nil : (g, items)
        }
    }

    /// The words for one pathway's state, as its group heading says it ("URGENT", "Recommended"…); an urgent
    /// pathway that still needs information says that too.
    public static func label(_ p: PathwayAssessment, _ words: Words) -> String {
        let g = of(p)
        let word = words[g.title]
        return g == .urgent && p.status == .possible ? word + " · " + words[.possible] : word
    }
}
