import PathwaysEngine

/// How results are grouped, in the order shown: the recommended pathways by priority — first (urgent safety
/// and urgent legal help), next, also — then possible and not applicable. An urgent pathway that still needs
/// information stays in the first group, so a possible danger is never listed below the supports. One place
/// decides, so the results, a pathway's detail, a walkthrough's results and the line mode always give one
/// state one word.
public enum ResultGroup: Hashable, Sendable, CaseIterable {
    case first, next, also, possible, notApplicable

    public static func of(_ p: PathwayAssessment) -> ResultGroup {
        switch p.status {
        case .recommended:
            switch p.priority {
            case .first: return .first
            case .next: return .next
            case .also: return .also
            }
        case .possible: return p.urgent ? .first : .possible
        case .notApplicable: return .notApplicable
        }
    }

    /// The group a notice is shown in.
    static func of(_ n: Notice) -> ResultGroup {
        switch n.priority {
        case .first: return .first
        case .next: return .next
        case .also: return .also
        }
    }

    public var title: UIText {
        switch self {
        case .first: return .groupFirst
        case .next: return .groupNext
        case .also: return .groupAlso
        case .possible: return .possible
        case .notApplicable: return .notApplicable
        }
    }

    public var role: Role {
        switch self {
        case .first: return .urgent
        case .next, .also: return .recommended
        case .possible: return .possible
        case .notApplicable: return .notApplicable
        }
    }

    /// One group of the results: its pathways in the assessment's order (priority, then `order`), and the
    /// cautions shown in it although their pathway is not recommended.
    public struct Entry: Sendable {
        public var group: ResultGroup
        public var pathways: [PathwayAssessment]
        public var notices: [Notice]
    }

    /// The assessment's pathways and notices by group, in order, without empty groups.
    public static func grouped(_ a: Assessment) -> [Entry] {
        allCases.compactMap { g in
            let items = a.pathways.filter { of($0) == g }
            let notices = a.notices.filter { of($0) == g }
            return items.isEmpty && notices.isEmpty ? nil : Entry(group: g, pathways: items, notices: notices)
        }
    }

    /// The words for one pathway's state, as its group heading says it ("Recommended — do first"…); an
    /// urgent pathway that still needs information says that too.
    public static func label(_ p: PathwayAssessment, _ words: Words) -> String {
        let g = of(p)
        let word = words[g.title]
        return g == .first && p.status == .possible ? word + " · " + words[.possible] : word
    }
}
