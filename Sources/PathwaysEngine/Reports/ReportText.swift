/// Turns assessment parts into plain sentences in one locale, shared by every report format. A text missing
/// in that locale is shown in the first of `fallbacks` that has it, marked with its language ("[EN] ").
public struct ReportText: Sendable {
    public let bundle: ContentBundle
    public let locale: String
    /// Where a missing text is taken from, in order (the bundle's default locale unless given).
    public let fallbacks: [String]

    public init(bundle: ContentBundle, locale: String, fallbacks: [String]? = nil) {
        self.bundle = bundle
        self.locale = locale
        self.fallbacks = fallbacks ?? [bundle.info.defaultLocale]
    }

    /// Localized text with glossary marks replaced by words; marked when it is in another language.
    public func text(_ t: LocalizedText) -> String {
        let picked = t.pick(locale, fallbacks: fallbacks)
        let words = GlossaryMarkup.render(picked.text, bundle: bundle, locale: picked.locale)
        return picked.isFallback ? Resolved.mark(picked.locale) + words : words
    }

    /// One of the engine's own words.
    public func word(_ w: EngineWord) -> String { bundle.strings.word(w, locale, fallbacks: fallbacks) }

    /// How an answer reads: option labels, numbers, dates, text, or "prefers not to say".
    public func answer(_ a: Answer, of question: String) -> String {
        EngineText.describe(a, of: bundle.question(question), strings: bundle.strings, locale: locale, fallbacks: fallbacks)
    }

    public func title(ofPathway id: String) -> String { bundle.pathway(id).map { text($0.title) } ?? id }

    public func prompt(ofQuestion id: String) -> String { bundle.question(id).map { text($0.prompt) } ?? id }

    /// A reason with the answers it rests on: "They hold a permit. (Answered: Work permit)".
    public func reason(_ r: Reason) -> String {
        var s = text(r.text)
        if r.kind == .unknown { s = word(ReportWords.toFindOut) + s }
        let answers = r.evidence.map { answer($0.answer, of: $0.question) }
        if !answers.isEmpty { s += " (" + word(ReportWords.answered) + answers.joined(separator: "; ") + ")" }
        return s
    }

    /// A fact, marked when it must be verified with a lawyer.
    public func fact(_ f: Fact) -> String {
        f.verify ? text(f.text) + " " + word(ReportWords.verify) : text(f.text)
    }

    public func caution(_ c: AppliedCaution) -> String {
        (c.certainty == .unknown ? word(ReportWords.mayApply) : "") + fact(c.fact)
    }

    /// A deadline's text, marked when it may not apply.
    public func deadline(_ d: AppliedDeadline) -> String {
        (d.certainty == .unknown ? word(ReportWords.mayApply) : "") + fact(d.fact)
    }

    /// "2027-04-30 — Pathway title: what happens then".
    public func deadlineLine(_ d: AppliedDeadline) -> String {
        "\(d.date) — \(title(ofPathway: d.pathway)): \(deadline(d))"
    }

    /// "Pathway title (not recommended): the caution".
    public func notice(_ n: Notice) -> String {
        "\(title(ofPathway: n.pathway)) (\(word(ReportWords.notRecommended))): \(caution(n.caution))"
    }

    /// "Name — 1-833-900-1010 — https://..." with what is known of the referral.
    public func referral(_ id: String) -> String {
        guard let r = bundle.referral(id) else { return id }
        var parts = [text(r.name)]
        if let p = r.phone { parts.append(p) }
        if let t = r.textNumber { parts.append(word(ReportWords.text) + t) }
        if let u = r.url { parts.append(u) }
        var s = parts.joined(separator: " — ")
        if r.verify { s += " " + word(ReportWords.verify) }
        return s
    }

    /// "Title, citation or URL (date)".
    public func source(_ id: String) -> String {
        guard let s = bundle.source(id) else { return id }
        var out = s.title
        if let c = s.citation ?? s.url { out += ", " + c }
        if let d = s.date { out += " (\(d))" }
        return out
    }
}

/// Words that reports add around content, by their key in the strings files.
enum ReportWords {
    static let toFindOut = EngineWord.reportToFindOut
    static let answered = EngineWord.reportAnswered
    static let verify = EngineWord.reportVerify
    static let mayApply = EngineWord.reportMayApply
    static let text = EngineWord.reportTextNumber
    static let deadlines = EngineWord.reportDeadlines
    static let asOf = EngineWord.reportAsOf
    static let notRecommended = EngineWord.reportNotRecommended
    static let alsoShown = EngineWord.reportAlsoShown
    static let urgent = EngineWord.reportUrgent
    static let missing = EngineWord.reportMissing
    static let cautions = EngineWord.reportCautions
    static let choseNotToAnswer = EngineWord.reportChoseNotToAnswer
    static let referrals = EngineWord.reportReferrals
    static let steps = EngineWord.reportSteps
    static let documents = EngineWord.reportDocuments
    static let fees = EngineWord.reportFees
    static let duration = EngineWord.reportDuration
    static let sources = EngineWord.reportSources
    static let unanswered = EngineWord.reportUnanswered
    static let content = EngineWord.reportContent
    static let notLegalAdvice = EngineWord.reportNotLegalAdvice
}

extension Priority {
    /// The heading of the results group.
    public var heading: EngineWord {
        switch self {
        case .first: return .reportFirst
        case .next: return .reportNext
        case .also: return .reportAlso
        }
    }
}

extension PathwayStatus {
    var heading: EngineWord {
        switch self {
        case .recommended: return .reportRecommended
        case .possible: return .reportPossible
        case .notApplicable: return .reportNotApplicable
        }
    }
}
