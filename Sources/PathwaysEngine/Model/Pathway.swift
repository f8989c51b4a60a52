/// Which group of the results a recommended pathway is shown in: what to do first, next, and also.
public enum Priority: String, Sendable, Hashable, Codable, CaseIterable {
    /// Urgent safety, and urgent legal help (an enforceable removal, a deadline close at hand).
    case first
    /// Legal advice before any application, and the main immigration pathway for this person.
    case next
    /// Supports and longer-term options.
    case also

    /// First comes first.
    public var rank: Int { Priority.allCases.firstIndex(of: self) ?? 0 }
}

/// One rule for a pathway's priority: the first rule whose condition holds gives the priority.
public struct PriorityRule: Hashable, Sendable {
    /// Nil for the default (the last rule).
    public var condition: ConditionText?
    public var priority: Priority

    public init(condition: ConditionText?, priority: Priority) {
        self.condition = condition
        self.priority = priority
    }
}

/// What a criterion that fails does to its pathway.
public enum CriterionFallback: String, Sendable, Hashable, CaseIterable {
    /// It rules the pathway out (the usual case).
    case notApplicable = "not_applicable"
    /// The pathway stays possible, with the criterion's `not_met` text as the explanation: for options the
    /// rules aim at other people but do not close (the trafficking permit for someone with valid status).
    case possible
}

/// One test a pathway's eligibility rests on, with the words that explain it either way.
public struct Criterion: Hashable, Sendable {
    public var condition: ConditionText
    /// Why it fits, when the condition holds.
    public var met: LocalizedText?
    /// What rules it out, when the condition fails.
    public var notMet: LocalizedText?
    /// What a failed condition does to the pathway.
    public var otherwise: CriterionFallback

    public init(condition: ConditionText, met: LocalizedText? = nil, notMet: LocalizedText? = nil,
                otherwise: CriterionFallback = .notApplicable) {
        self.condition = condition
        self.met = met
        self.notMet = notMet
        self.otherwise = otherwise
    }
}

/// A warning on a pathway, such as a bar that applies; shown when its condition holds or may hold.
public struct Caution: Hashable, Sendable {
    public var condition: ConditionText?
    public var fact: Fact
    /// Shown even when the pathway does not apply (an H&C application would not stop a removal).
    public var evenWhenNotApplicable: Bool
    /// The results group it is shown in when its pathway is not recommended (default: first).
    public var priority: Priority?

    public init(condition: ConditionText?, fact: Fact, evenWhenNotApplicable: Bool = false, priority: Priority? = nil) {
        self.condition = condition
        self.fact = fact
        self.evenWhenNotApplicable = evenWhenNotApplicable
        self.priority = priority
    }
}

/// A date that matters for a pathway: "a refugee claim made after this day is not sent to the IRB".
public struct Deadline: Hashable, Sendable {
    /// The day, computed from the answers: `first_entry + 1 year`.
    public var date: DateText
    /// Listed only when this holds or may hold.
    public var condition: ConditionText?
    /// What happens on that day; may show computed dates.
    public var fact: Fact
    /// Listed even when the pathway does not apply (the day a waiting period ends, say).
    public var evenWhenNotApplicable: Bool

    public init(date: DateText, condition: ConditionText?, fact: Fact, evenWhenNotApplicable: Bool = false) {
        self.date = date
        self.condition = condition
        self.fact = fact
        self.evenWhenNotApplicable = evenWhenNotApplicable
    }
}

/// A protection pathway or referral outcome: what it is, who it fits, what to do, and where it comes from.
public struct Pathway: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    /// Urgent safety items are listed before everything else.
    public var urgent: Bool
    public var reviewedOn: Day?
    public var eligibility: [Criterion]
    public var cautions: [Caution]
    /// Rules for the results group, first match wins; none: first when urgent, else next.
    public var priority: [PriorityRule]
    /// Where it comes within its group: lower first, then content order.
    public var order: Int
    public var deadlines: [Deadline]
    public var steps: [Fact]
    public var documents: [Fact]
    public var fees: [Fact]
    public var duration: [Fact]
    public var referrals: [Reference]
    public var sources: [Reference]
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, summary: LocalizedText? = nil, urgent: Bool = false,
                reviewedOn: Day? = nil, eligibility: [Criterion] = [], cautions: [Caution] = [],
                priority: [PriorityRule] = [], order: Int = Pathway.defaultOrder, deadlines: [Deadline] = [],
                steps: [Fact] = [], documents: [Fact] = [], fees: [Fact] = [], duration: [Fact] = [],
                referrals: [Reference] = [], sources: [Reference] = [], location: SourceLocation) {
        self.id = id
        self.title = title
        self.summary = summary
        self.urgent = urgent
        self.reviewedOn = reviewedOn
        self.eligibility = eligibility
        self.cautions = cautions
        self.priority = priority
        self.order = order
        self.deadlines = deadlines
        self.steps = steps
        self.documents = documents
        self.fees = fees
        self.duration = duration
        self.referrals = referrals
        self.sources = sources
        self.location = location
    }
}

extension Pathway {
    /// The place within its group of a pathway that gives no `order`.
    public static let defaultOrder = 100
}
