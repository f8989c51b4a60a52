/// One test a pathway's eligibility rests on, with the words that explain it either way.
public struct Criterion: Hashable, Sendable {
    public var condition: ConditionText
    /// Why it fits, when the condition holds.
    public var met: LocalizedText?
    /// What rules it out, when the condition fails.
    public var notMet: LocalizedText?

    public init(condition: ConditionText, met: LocalizedText? = nil, notMet: LocalizedText? = nil) {
        self.condition = condition
        self.met = met
        self.notMet = notMet
    }
}

/// A warning on a pathway, such as a bar that applies; shown when its condition holds or may hold.
public struct Caution: Hashable, Sendable {
    public var condition: ConditionText?
    public var fact: Fact

    public init(condition: ConditionText?, fact: Fact) {
        self.condition = condition
        self.fact = fact
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
    public var steps: [Fact]
    public var documents: [Fact]
    public var fees: [Fact]
    public var duration: [Fact]
    public var referrals: [Reference]
    public var sources: [Reference]
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, summary: LocalizedText? = nil, urgent: Bool = false,
                reviewedOn: Day? = nil, eligibility: [Criterion] = [], cautions: [Caution] = [],
                steps: [Fact] = [], documents: [Fact] = [], fees: [Fact] = [], duration: [Fact] = [],
                referrals: [Reference] = [], sources: [Reference] = [], location: SourceLocation) {
        self.id = id
        self.title = title
        self.summary = summary
        self.urgent = urgent
        self.reviewedOn = reviewedOn
        self.eligibility = eligibility
        self.cautions = cautions
        self.steps = steps
        self.documents = documents
        self.fees = fees
        self.duration = duration
        self.referrals = referrals
        self.sources = sources
        self.location = location
    }
}
