import Foundation
import PathwaysEngine

/// A referral summary of a case, as Markdown (CommonMark) or plain text for printing.
public enum CaseExport {
    public enum Format: String, Sendable, CaseIterable { case markdown, text }

    /// The summary: pathways with reasons, next steps, referrals for the province, sources, the content's
    /// version and date, a note that this is information and not legal advice, and the answers and the
    /// caseworker's notes only if asked for. `today`: the day the summary is assessed on (its deadlines are
    /// computed from it).
    public static func render(_ record: CaseRecord, bundle: ContentBundle, format: Format, includeAnswers: Bool,
                              includeNotes: Bool = false, locale: String? = nil, today: Day?) -> String {
        let locale = locale ?? record.summary.locale
        let session = record.session(in: bundle, today: today)
        let report = AssessmentReport(bundle: bundle, locale: locale, style: format == .markdown ? .markdown : .text, details: true)
        var out = report.render(session.assess())
        let md = format == .markdown
        let words = ReportText(bundle: bundle, locale: locale)
        let caseLabel = words.word(.summaryCase)
        var header = [md ? "**\(caseLabel) \(record.code)**" : "\(caseLabel) \(record.code)"]
        let date = ISO8601DateFormatter.string(from: record.summary.updatedAt, timeZone: TimeZone(secondsFromGMT: 0) ?? .current,
                                               formatOptions: [.withFullDate])
        header.append(words.word(.summaryUpdatedOn) + " " + date)
        if let change = ContentChange.between(record, and: session) {
            header.append(words.word(.summaryContentChanged) + " " + "\(change.oldVersion) → \(change.newVersion)")
        }
        out = header.joined(separator: md ? "  \n" : "\n") + "\n\n" + out
        if includeAnswers {
            var lines = [""] + section(words.word(.summaryAnswers), md: md)
            for stop in session.walk.stops {
                guard case .question(let id) = stop, let a = session.answers[id] else { continue }
                let answer = words.answer(a, of: id)
                lines.append((md ? "- " : "* ") + words.prompt(ofQuestion: id) + " — " + (md ? escaped(answer) : answer))
            }
            out += lines.joined(separator: "\n") + "\n"
        }
        if includeNotes && !record.notes.isEmpty {
            let notes = record.notes.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let body = md ? notes.map(escaped).joined(separator: "  \n") : notes.joined(separator: "\n")
            out += ([""] + section(words.word(.summaryNotes), md: md) + [body]).joined(separator: "\n") + "\n"
        }
        return out
    }

    static func section(_ title: String, md: Bool) -> [String] {
        md ? ["## " + title, ""] : [title, String(repeating: "-", count: max(3, title.count))]
    }

    /// Text typed by a person, made to read as itself in Markdown: the characters that start emphasis, links,
    /// code or HTML are escaped, and so is anything at the start of a line that would begin a heading,
    /// list or quote.
    static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#|~".contains(c) { out.append("\\") }
            out.append(c)
        }
        if let first = out.first, "-+=".contains(first) { out = "\\" + out }
        if let dot = out.firstIndex(where: { !$0.isNumber }), dot != out.startIndex, ".)".contains(out[dot]) {
            out.insert("\\", at: dot)
        }
        return out
    }
}
