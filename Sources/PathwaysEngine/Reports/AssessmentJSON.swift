import Foundation

/// The JSON interface of `pathways assess --format json`, which scripts rely on.
public enum AssessmentJSON {
    struct Item: Encodable {
        var id: String
        var title: String
        var urgent: Bool
        var reasons: [String]
        var missing: [String]?
        var cautions: [String]
        var referrals: [String]
    }
    struct Document: Encodable {
        var bundle: BundleStamp
        var locale: String
        var outcome: String?
        var recommended: [Item]
        var possible: [Item]
        var not_applicable: [Item]
        var unanswered: [String]
    }

    /// The assessment as pretty-printed JSON with sorted keys, so equal assessments print equal text.
    public static func render(_ a: Assessment, bundle: ContentBundle, locale: String) -> String {
        let t = ReportText(bundle: bundle, locale: locale)
        func items(_ ps: [PathwayAssessment], missing: Bool) -> [Item] {
            ps.map { p in
                Item(id: p.id, title: t.title(ofPathway: p.id), urgent: p.urgent, reasons: p.reasons.map(t.reason),
                     missing: missing ? p.missing : nil, cautions: p.cautions.map(t.caution), referrals: p.referrals)
            }
        }
        let doc = Document(bundle: a.bundle, locale: locale, outcome: a.outcome,
                           recommended: items(a.recommended, missing: false), possible: items(a.possible, missing: true),
                           not_applicable: items(a.notApplicable, missing: false), unanswered: a.unanswered)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
