import Foundation
import PathwaysEngine

/// A referral summary of a case, as Markdown or plain text for printing.
public enum CaseExport {
    public enum Format: String, Sendable, CaseIterable { case markdown, text }

    /// The summary: pathways with reasons, next steps, referrals for the province, sources, the content's
    /// version and date, a note that this is information and not legal advice, and the answers if asked for.
    /// `today`: the day the summary is assessed on (its deadlines are computed from it).
    public static func render(_ record: CaseRecord, bundle: ContentBundle, format: Format, includeAnswers: Bool,
                              locale: String? = nil, today: Day?) -> String {
        let locale = locale ?? record.summary.locale
        let session = record.session(in: bundle, today: today)
        let report = AssessmentReport(bundle: bundle, locale: locale, style: format == .markdown ? .markdown : .text, details: true)
        var out = report.render(session.assess())
        let md = format == .markdown
        let words = ReportText(bundle: bundle, locale: locale)
        let caseLabel = words.word(.summaryCase)
        var header = [md ? "**\(caseLabel) \(record.code)**" : "\(caseLabel) \(record.code)"]
        let date = ISO8601DateFormatter.string(from: record.summary.updatedAt, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        header.append(words.word(.summaryUpdatedOn) + " " + date)
        if let change = ContentChange.between(record, and: session) {
            header.append(words.word(.summaryContentChanged) + " " + "\(change.oldVersion) → \(change.newVersion)")
        }
        out = header.joined(separator: md ? "  \n" : "\n") + "\n\n" + out
        if includeAnswers {
            let answers = words.word(.summaryAnswers)
            var lines = ["", md ? "## " + answers : answers]
            if !md { lines.append(String(repeating: "-", count: 8)) }
            for stop in session.walk.stops {
                guard case .question(let id) = stop, let a = session.answers[id] else { continue }
                lines.append((md ? "- " : "* ") + words.prompt(ofQuestion: id) + " — " + words.answer(a, of: id))
            }
            out += lines.joined(separator: "\n") + "\n"
        }
        return out
    }
}
