import PathwaysEngine

/// What one changed answer changes in the results: pathways added to the recommended groups, removed from
/// them, or moved between groups; the dates and notices that come or go; and a question the change opens
/// that the case never answered.
struct ResultsDiff: Hashable, Sendable {
    struct Change: Hashable, Sendable {
        var pathway: String
        var from: ResultGroup
        var to: ResultGroup
    }
    var added: [Change] = []
    var removed: [Change] = []
    var moved: [Change] = []
    var deadlinesAdded: [AppliedDeadline] = []
    var deadlinesRemoved: [AppliedDeadline] = []
    var noticesAdded: [Notice] = []
    var noticesRemoved: [Notice] = []
    /// The changed walk stops at this question: the case has no answer for it.
    var opens: String?

    static let recommendedGroups: Set<ResultGroup> = [.first, .next, .also]

    init(before: Assessment, after: Assessment) {
        for p in after.pathways {
            guard let old = before.pathway(p.id) else { continue }
            let from = ResultGroup.of(old), to = ResultGroup.of(p)
            guard from != to else { continue }
            let change = Change(pathway: p.id, from: from, to: to)
            switch (Self.recommendedGroups.contains(from), Self.recommendedGroups.contains(to)) {
            case (false, true): added.append(change)
            case (true, false): removed.append(change)
            default: moved.append(change)
            }
        }
        func key(_ d: AppliedDeadline) -> String { "\(d.pathway) \(d.date)" }
        let oldDates = Set(before.deadlines.map(key)), newDates = Set(after.deadlines.map(key))
        deadlinesAdded = after.deadlines.filter { !oldDates.contains(key($0)) }
        deadlinesRemoved = before.deadlines.filter { !newDates.contains(key($0)) }
        func key(_ n: Notice) -> String { n.pathway + "\u{0}" + (n.caution.fact.text.texts["en"] ?? "") }
        let oldNotices = Set(before.notices.map(key)), newNotices = Set(after.notices.map(key))
        noticesAdded = after.notices.filter { !oldNotices.contains(key($0)) }
        noticesRemoved = before.notices.filter { !newNotices.contains(key($0)) }
        opens = after.unanswered.first
    }

    var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && moved.isEmpty && deadlinesAdded.isEmpty && deadlinesRemoved.isEmpty
            && noticesAdded.isEmpty && noticesRemoved.isEmpty && opens == nil
    }
}
