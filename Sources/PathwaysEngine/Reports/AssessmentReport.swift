/// Plain-text and Markdown summaries of an assessment, for the terminal, printing and referrals.
public struct AssessmentReport: Sendable {
    public enum Style: Sendable { case text, markdown }

    public let bundle: ContentBundle
    public let locale: String
    public let style: Style
    /// Include each pathway's summary, steps, documents, fees, duration and sources (always in Markdown).
    public let details: Bool

    public init(bundle: ContentBundle, locale: String, style: Style, details: Bool = false) {
        self.bundle = bundle
        self.locale = locale
        self.style = style
        self.details = details || style == .markdown
    }

    public func render(_ a: Assessment) -> String {
        let t = ReportText(bundle: bundle, locale: locale)
        var out: [String] = []
        let md = style == .markdown
        func heading(_ level: Int, _ s: String) {
            if md { out.append(String(repeating: "#", count: level) + " " + s) } else {
                out.append(s)
                out.append(String(repeating: level == 1 ? "=" : "-", count: max(3, s.count)))
            }
        }
        func bullet(_ s: String, indent: Int = 0) { out.append(String(repeating: "  ", count: indent) + (md ? "- " : "* ") + s) }
        func words(_ w: EngineWord) -> String { t.word(w) }

        heading(1, t.text(bundle.info.title))
        out.append("\(words(ReportWords.content)): \(a.bundle.id) \(a.bundle.version)"
                   + (bundle.info.reviewedOn.map { " (\($0))" } ?? "") + ", \(a.bundle.hash.prefix(12))"
                   + (md && a.today != nil ? "  " : ""))
        if let day = a.today { out.append("\(words(ReportWords.asOf)): \(day)") }
        out.append("")
        if let o = a.outcome.flatMap(bundle.outcome) {
            heading(2, (o.urgent ? words(ReportWords.urgent) + ": " : "") + t.text(o.title))
            if let m = o.message { out.append(t.text(m)) }
            out.append("")
        }
        if let q = a.unanswered.first {
            out.append(words(ReportWords.unanswered) + ": " + t.prompt(ofQuestion: q))
            out.append("")
        }
        if !a.deadlines.isEmpty {
            heading(2, words(ReportWords.deadlines))
            for d in a.deadlines { bullet(t.deadlineLine(d)) }
            out.append("")
        }
        func pathway(_ p: PathwayAssessment) {
            let title = (p.urgent && p.status != .notApplicable ? words(ReportWords.urgent) + " — " : "") + t.title(ofPathway: p.id)
            if md { out.append("### " + title); out.append("") } else { out.append(title) }
            for r in p.reasons { bullet(t.reason(r), indent: md ? 0 : 1) }
            detail(p, t, md: md, into: &out)
            out.append("")
        }
        for group in a.groups {
            heading(2, words(group.priority.heading))
            out.append("")
            if !group.notices.isEmpty {
                for n in group.notices { bullet("⚠ " + t.notice(n)) }
                out.append("")
            }
            group.pathways.forEach(pathway)
        }
        for status in [PathwayStatus.possible, .notApplicable] {
            let items = a.pathways.filter { $0.status == status }
            guard !items.isEmpty else { continue }
            heading(2, words(status.heading))
            out.append("")
            items.forEach(pathway)
        }
        out.append(words(ReportWords.notLegalAdvice))
        if let d = bundle.info.disclaimer { out.append(t.text(d)) }
        return out.joined(separator: "\n") + "\n"
    }

    private func detail(_ p: PathwayAssessment, _ t: ReportText, md: Bool, into out: inout [String]) {
        let i = md ? 0 : 1
        // In Markdown each labelled list is a block of its own (blank lines around it, items not indented), so a
        // CommonMark reader does not fold it into the bullet before.
        func list(_ title: EngineWord, _ items: [String]) {
            guard !items.isEmpty else { return }
            if md {
                out += ["", "**" + t.word(title) + "**:", ""] + items.map { "- " + $0 }
                return
            }
            out.append("  " + t.word(title) + ":")
            for s in items { out.append(String(repeating: "  ", count: i + 1) + "- " + s) }
        }
        list(ReportWords.missing, p.missing.map { q in
            t.prompt(ofQuestion: q) + (p.declined.contains(q) ? " " + t.word(ReportWords.choseNotToAnswer) : "")
        })
        list(ReportWords.cautions, p.cautions.map(t.caution))
        // A pathway that does not apply shows only the cautions meant for that case, and no details.
        guard p.status != .notApplicable else { return }
        list(ReportWords.deadlines, p.deadlines.map { "\($0.date): " + t.deadline($0) })
        guard details, let pathway = bundle.pathway(p.id) else {
            list(ReportWords.referrals, p.referrals.map(t.referral))
            return
        }
        if let s = pathway.summary { out += (md ? ["", t.text(s)] : [t.text(s)]) }
        list(ReportWords.steps, pathway.steps.map(t.fact))
        list(ReportWords.documents, pathway.documents.map(t.fact))
        list(ReportWords.fees, pathway.fees.map(t.fact))
        list(ReportWords.duration, pathway.duration.map(t.fact))
        list(ReportWords.referrals, p.referrals.map(t.referral))
        list(ReportWords.sources, pathway.sources.map { t.source($0.id) })
    }
}
