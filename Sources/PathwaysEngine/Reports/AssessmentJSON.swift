import Foundation

/// The JSON interface of `pathways assess --format json`, which scripts rely on.
public enum AssessmentJSON {
    struct Item: Encodable {
        var id: String
        var title: String
        var urgent: Bool
        var priority: String?
        var reasons: [String]
        var missing: [String]?
        var cautions: [String]
        var referrals: [String]
    }
    struct DeadlineItem: Encodable {
        var date: String
        var pathway: String
        var text: String
    }
    struct NoticeItem: Encodable {
        var pathway: String
        var priority: String
        var text: String
    }
    struct Document: Encodable {
        var bundle: BundleStamp
        var locale: String
        var as_of: String?
        var outcome: String?
        var recommended: [Item]
        var possible: [Item]
        var not_applicable: [Item]
        var deadlines: [DeadlineItem]
        var notices: [NoticeItem]
        var unanswered: [String]

        // `as_of` and `outcome` are written as null when there is none, so the keys are always there.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(bundle, forKey: .bundle)
            try c.encode(locale, forKey: .locale)
            try c.encode(as_of, forKey: .as_of)
            try c.encode(outcome, forKey: .outcome)
            try c.encode(recommended, forKey: .recommended)
            try c.encode(possible, forKey: .possible)
            try c.encode(not_applicable, forKey: .not_applicable)
            try c.encode(deadlines, forKey: .deadlines)
            try c.encode(notices, forKey: .notices)
            try c.encode(unanswered, forKey: .unanswered)
        }
        enum Key: String, CodingKey {
            case bundle, locale, as_of, outcome, recommended, possible, not_applicable, deadlines, notices, unanswered
        }
    }

    /// The assessment as pretty-printed JSON with sorted keys, so equal assessments print equal text.
    public static func render(_ a: Assessment, bundle: ContentBundle, locale: String) -> String {
        let t = ReportText(bundle: bundle, locale: locale)
        func items(_ ps: [PathwayAssessment], missing: Bool) -> [Item] {
            ps.map { p in
                Item(id: p.id, title: t.title(ofPathway: p.id), urgent: p.urgent,
                     priority: p.status == .recommended ? p.priority.rawValue : nil, reasons: p.reasons.map(t.reason),
                     missing: missing ? p.missing : nil, cautions: p.cautions.map(t.caution), referrals: p.referrals)
            }
        }
        let doc = Document(bundle: a.bundle, locale: locale, as_of: a.today?.description, outcome: a.outcome,
                           recommended: items(a.recommended, missing: false), possible: items(a.possible, missing: true),
                           not_applicable: items(a.notApplicable, missing: false),
                           deadlines: a.deadlines.map { DeadlineItem(date: $0.date.description, pathway: $0.pathway, text: t.deadline($0)) },
                           notices: a.notices.map { NoticeItem(pathway: $0.pathway, priority: $0.priority.rawValue, text: t.caution($0.caution)) },
                           unanswered: a.unanswered)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
