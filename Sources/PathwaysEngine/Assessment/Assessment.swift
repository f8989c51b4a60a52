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

/// A caution on a pathway that applies (`.yes`) or may apply (`.unknown`) to this case.
public struct AppliedCaution: Hashable, Sendable {
    public var fact: Fact
    public var certainty: Truth
}

/// One pathway's place in an assessment, with its reasons.
public struct PathwayAssessment: Hashable, Sendable {
    public var id: String
    public var status: PathwayStatus
    public var urgent: Bool
    public var reasons: [Reason]
    /// For possible pathways: the questions whose answers would decide it, in the order they are asked.
    public var missing: [String]
    public var cautions: [AppliedCaution]
    /// Referral ids that fit this case (for its province, say).
    public var referrals: [String]
}

/// What the engine concludes from a case's answers. Deterministic: same answers and content, same result.
public struct Assessment: Hashable, Sendable {
    public var bundle: BundleStamp
    /// The outcome the walk reached, if it reached one.
    public var outcome: String?
    /// Every pathway, urgent and shown-first ones first, then in content order.
    public var pathways: [PathwayAssessment]
    /// Questions reached but not answered.
    public var unanswered: [String]

    public var recommended: [PathwayAssessment] { pathways.filter { $0.status == .recommended } }
    public var possible: [PathwayAssessment] { pathways.filter { $0.status == .possible } }
    public var notApplicable: [PathwayAssessment] { pathways.filter { $0.status == .notApplicable } }

    public func pathway(_ id: String) -> PathwayAssessment? { pathways.first { $0.id == id } }
}
