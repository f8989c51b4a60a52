/// Where an assessment places a pathway.
public enum PathwayStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case recommended
    /// Needs more information: the questions that would decide it are named.
    case possible
    case notApplicable = "not_applicable"
}

/// An answer that a reason rests on, as the worker gave it.
public struct Evidence: Hashable, Sendable {
    public var question: String
    public var answer: Answer
}

/// One plain-language reason for a pathway's place, and the answers behind it.
public struct Reason: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A criterion that holds: why it fits.
        case met
        /// A criterion that fails: what rules it out.
        case notMet = "not_met"
        /// A criterion not yet known: what is still to find out.
        case unknown
    }
    public var kind: Kind
    public var text: LocalizedText
    public var evidence: [Evidence]
}

/// A caution on a pathway that applies (`.yes`) or may apply (`.unknown`) to this case, its computed dates filled in.
public struct AppliedCaution: Hashable, Sendable {
    public var fact: Fact
    public var certainty: Truth
    /// Shown even when its pathway does not apply.
    public var evenWhenNotApplicable: Bool = false
    /// The group it is shown in when its pathway is not recommended (nil: first).
    public var noticePriority: Priority? = nil
}

/// A deadline that applies (or may apply) to this case: the day, its pathway, and what happens then.
public struct AppliedDeadline: Hashable, Sendable {
    public var date: Day
    public var pathway: String
    /// The text, its computed dates filled in.
    public var fact: Fact
    public var certainty: Truth
}

/// A caution shown in a results group although its pathway is not recommended (`even_when_not_applicable`):
/// "An H&C application would not stop a removal; get a lawyer now".
public struct Notice: Hashable, Sendable {
    public var pathway: String
    public var caution: AppliedCaution
    public var priority: Priority
}

/// One group of the results: the recommended pathways of one priority, in order, and the notices shown with them.
public struct PriorityGroup: Hashable, Sendable {
    public var priority: Priority
    public var pathways: [PathwayAssessment]
    public var notices: [Notice]
}

/// One pathway's place in an assessment, with its reasons.
public struct PathwayAssessment: Hashable, Sendable {
    public var id: String
    public var status: PathwayStatus
    public var urgent: Bool
    public var reasons: [Reason]
    /// For possible pathways: the questions whose answers would decide it, in the order they are asked.
    public var missing: [String]
    /// Of `missing`, the questions the person chose not to answer: shown as theirs to come back to, or not.
    public var declined: [String] = []
    public var cautions: [AppliedCaution]
    /// Referral ids that fit this case (for its province, say).
    public var referrals: [String]
    /// The results group; it matters for recommended pathways, and orders the others too.
    public var priority: Priority = .next
    /// This pathway's deadlines that apply or may apply, soonest first.
    public var deadlines: [AppliedDeadline] = []
}

/// What the engine concludes from a case's answers. Deterministic: same answers and content, same result.
public struct Assessment: Hashable, Sendable {
    public var bundle: BundleStamp
    /// The day the case was assessed on (`today` in conditions); nil when no day was given.
    public var today: Day?
    /// The outcome the walk reached, if it reached one.
    public var outcome: String?
    /// Every pathway: shown-first ones first, then by priority (first, next, also), then by `order` and content order.
    public var pathways: [PathwayAssessment]
    /// Questions reached but not answered.
    public var unanswered: [String]
    /// Every deadline that applies or may apply, soonest first.
    public var deadlines: [AppliedDeadline] = []
    /// Cautions of pathways that are not recommended, shown all the same, in the order of their pathways.
    public var notices: [Notice] = []

    /// The recommended pathways and the notices, grouped by priority, first to also; empty groups left out.
    public var groups: [PriorityGroup] {
        Priority.allCases.compactMap { p in
            let group = PriorityGroup(priority: p, pathways: recommended.filter { $0.priority == p },
                                      notices: notices.filter { $0.priority == p })
            return group.pathways.isEmpty && group.notices.isEmpty ? nil : group
        }
    }

    public var recommended: [PathwayAssessment] { pathways.filter { $0.status == .recommended } }
    public var possible: [PathwayAssessment] { pathways.filter { $0.status == .possible } }
    public var notApplicable: [PathwayAssessment] { pathways.filter { $0.status == .notApplicable } }

    public func pathway(_ id: String) -> PathwayAssessment? { pathways.first { $0.id == id } }
}
