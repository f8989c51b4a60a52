import PathwaysEngine

/// A group's quiz results as text of at most 80 columns: per case, the key decisions, the "what next"
/// questions and each question, with how many were right and the wrong answers given most often.
public struct GroupResultsText {
    public let bundle: ContentBundle
    public let locale: String

    public init(bundle: ContentBundle, locale: String) {
        self.bundle = bundle
        self.locale = locale
    }

    func t(_ key: UIText) -> String { Words(bundle, locale: locale)[key] }
    var content: ContentText { ContentText(bundle: bundle, locale: locale) }

    public func render(_ records: [QuizRecord]) -> String {
        var out: [String] = []
        func line(_ text: String, _ lead: String = "") { out += HandoutPages.wrap(text, lead: lead) }
        for id in GroupResults.cases(in: records) {
            guard let scenario = bundle.scenarios.first(where: { $0.id == id }), let notes = scenario.training else { continue }
            let group = GroupResults(scenario: id, records: records)
            let n = group.labels.count
            if !out.isEmpty { out.append("") }
            line(content.plain(scenario.title))
            line(t(.groupTrainees).filled(String(n), group.labels.joined(separator: ", ")))
            if !group.keyDecisions.isEmpty {
                out.append("")
                line(t(.keyDecisions))
                for tally in group.keyDecisions {
                    let decision = notes.keyDecisions.first { $0.id == tally.id }
                    line(what(decision, tally.id) + ": " + t(.rightOf).filled(String(tally.right), String(tally.answered)), "  ")
                    for w in tally.wrong.prefix(3) { line(t(.gaveAnswer).filled(String(w.count), answer(w.answer, for: tally.id)), "      ") }
                }
            }
            if !group.whatNext.isEmpty {
                out.append("")
                line(t(.whatNextTitle))
                for tally in group.whatNext {
                    guard let k = Int(tally.id), notes.whatNext.indices.contains(k - 1) else { continue }
                    let q = notes.whatNext[k - 1]
                    line(content.plain(q.prompt) + " " + t(.rightOf).filled(String(tally.right), String(tally.answered)), "  \(k). ")
                    for w in tally.wrong.prefix(3) {
                        let label = Int(w.answer).flatMap { q.options.indices.contains($0 - 1) ? content.plain(q.options[$0 - 1].label) : nil } ?? w.answer
                        line(t(.choseOption).filled(String(w.count), label), "      ")
                    }
                }
            }
            out.append("")
            line(t(.answersCompared))
            for tally in group.answers {
                line(content.plain(bundle.question(tally.id)?.prompt) + " " + t(.rightOf).filled(String(tally.right), String(tally.answered)), "  ")
                for w in tally.wrong.prefix(2) { line(t(.gaveAnswer).filled(String(w.count), answer(w.answer, for: tally.id)), "      ") }
            }
            let mistakes = group.commonMistakes.prefix(5)
            if !mistakes.isEmpty {
                out.append("")
                line(t(.commonMistakes))
                for (i, m) in mistakes.enumerated() {
                    let decision = notes.keyDecisions.first { $0.id == m.id }
                    line(what(decision, m.id) + ": " + answer(m.answer, for: m.id) + " (" + t(.ofTrainees).filled(String(m.count), String(n)) + ")", "  \(i + 1). ")
                }
            }
        }
        out.append("")
        out.append(t(.notLegalAdvice))
        return out.joined(separator: "\n") + "\n"
    }

    /// What a key decision or question is about, in words.
    func what(_ d: KeyDecision?, _ id: String) -> String {
        if case .pathway? = d?.subject { return ReportText(bundle: bundle, locale: locale).title(ofPathway: id) }
        return content.plain(bundle.question(id)?.prompt ?? bundle.pathway(id)?.title)
    }

    /// An answer word of a result file in words: option labels, a pathway's place, "Prefer not to say".
    func answer(_ word: String, for id: String) -> String {
        if let status = PathwayStatus(rawValue: word), bundle.pathway(id) != nil { return status.label(Words(bundle, locale: locale)) }
        guard let q = bundle.question(id) else { return word }
        if word == "declined" { return t(.preferNotToSay) }
        let parts = word.split(separator: "+").map(String.init)
        return parts.map { q.option($0).map { content.plain($0.label) } ?? $0 }.joined(separator: "; ")
    }
}
