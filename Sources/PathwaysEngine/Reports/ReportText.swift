/// Turns assessment parts into plain sentences in one locale, shared by every report format.
public struct ReportText: Sendable {
    public let bundle: ContentBundle
    public let locale: String

    public init(bundle: ContentBundle, locale: String) {
        self.bundle = bundle
        self.locale = locale
    }

    /// Localized text with glossary marks replaced by words.
    public func text(_ t: LocalizedText) -> String {
        GlossaryMarkup.render(t.resolve(locale, fallback: bundle.info.defaultLocale), bundle: bundle, locale: locale)
    }

    public func title(ofPathway id: String) -> String { bundle.pathway(id).map { text($0.title) } ?? id }

    public func prompt(ofQuestion id: String) -> String { bundle.question(id).map { text($0.prompt) } ?? id }

    /// A reason with the answers it rests on: "They hold a permit. (Answered: Work permit)".
    public func reason(_ r: Reason) -> String {
        var s = text(r.text)
        if r.kind == .unknown { s = EngineText.text(ReportWords.toFindOut, locale) + s }
        let answers = r.evidence.map { EngineText.describe($0.answer, of: bundle.question($0.question), locale: locale, fallback: bundle.info.defaultLocale) }
        if !answers.isEmpty { s += " (" + EngineText.text(ReportWords.answered, locale) + answers.joined(separator: "; ") + ")" }
        return s
    }

    /// A fact, marked when it must be verified with a lawyer.
    public func fact(_ f: Fact) -> String {
        f.verify ? text(f.text) + " " + EngineText.text(ReportWords.verify, locale) : text(f.text)
    }

    public func caution(_ c: AppliedCaution) -> String {
        (c.certainty == .unknown ? EngineText.text(ReportWords.mayApply, locale) : "") + fact(c.fact)
    }

    /// A deadline's text, marked when it may not apply.
    public func deadline(_ d: AppliedDeadline) -> String {
        (d.certainty == .unknown ? EngineText.text(ReportWords.mayApply, locale) : "") + fact(d.fact)
    }

    /// "2027-04-30 — Pathway title: what happens then".
    public func deadlineLine(_ d: AppliedDeadline) -> String {
        "\(d.date) — \(title(ofPathway: d.pathway)): \(deadline(d))"
    }

    /// "Pathway title (not recommended): the caution".
    public func notice(_ n: Notice) -> String {
        "\(title(ofPathway: n.pathway)) (\(EngineText.text(ReportWords.notRecommended, locale))): \(caution(n.caution))"
    }

    /// "Name — 1-833-900-1010 — https://..." with what is known of the referral.
    public func referral(_ id: String) -> String {
        guard let r = bundle.referral(id) else { return id }
        var parts = [text(r.name)]
        if let p = r.phone { parts.append(p) }
        if let t = r.textNumber { parts.append(EngineText.text(ReportWords.text, locale) + t) }
        if let u = r.url { parts.append(u) }
        var s = parts.joined(separator: " — ")
        if r.verify { s += " " + EngineText.text(ReportWords.verify, locale) }
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

/// Words that reports add around content, in English and French.
enum ReportWords {
    /// Before the `met` text of a criterion not known yet, so it reads as what would count, not as a fact.
    static let toFindOut = LocalizedText(["en": "Not known yet (would count if true): ", "fr": "Pas encore connu (compterait si c’est vrai) : "])
    static let answered = LocalizedText(["en": "answered: ", "fr": "réponse : "])
    static let verify = LocalizedText(["en": "[⚠ verify with a lawyer]", "fr": "[⚠ à vérifier avec un avocat ou une avocate]"])
    static let mayApply = LocalizedText(["en": "May apply: ", "fr": "Peut s’appliquer : "])
    static let text = LocalizedText(["en": "text ", "fr": "texto "])
    static let recommended = LocalizedText(["en": "Recommended", "fr": "Recommandé"])
    static let possible = LocalizedText(["en": "Possible — needs more information", "fr": "Possible — il faut plus d’information"])
    static let notApplicable = LocalizedText(["en": "Not applicable", "fr": "Ne s’applique pas"])
    static let first = LocalizedText(["en": "Recommended — do first", "fr": "Recommandé — à faire d’abord"])
    static let next = LocalizedText(["en": "Recommended — next", "fr": "Recommandé — ensuite"])
    static let also = LocalizedText(["en": "Recommended — also", "fr": "Recommandé — aussi"])
    static let deadlines = LocalizedText(["en": "Dates that matter", "fr": "Dates importantes"])
    static let asOf = LocalizedText(["en": "Assessed on", "fr": "Évalué le"])
    static let notRecommended = LocalizedText(["en": "not recommended", "fr": "non recommandé"])
    static let alsoShown = LocalizedText(["en": "Also shown", "fr": "À retenir aussi"])
    static let urgent = LocalizedText(["en": "URGENT", "fr": "URGENT"])
    static let missing = LocalizedText(["en": "Questions that would decide it", "fr": "Questions qui permettraient de trancher"])
    static let cautions = LocalizedText(["en": "Cautions", "fr": "Mises en garde"])
    static let referrals = LocalizedText(["en": "Who to contact", "fr": "Qui contacter"])
    static let steps = LocalizedText(["en": "Next steps", "fr": "Prochaines étapes"])
    static let documents = LocalizedText(["en": "Documents", "fr": "Documents"])
    static let fees = LocalizedText(["en": "Fees", "fr": "Frais"])
    static let duration = LocalizedText(["en": "Duration", "fr": "Durée"])
    static let sources = LocalizedText(["en": "Sources", "fr": "Sources"])
    static let unanswered = LocalizedText(["en": "The conversation stopped at a question with no answer", "fr": "La conversation s’est arrêtée à une question sans réponse"])
    static let content = LocalizedText(["en": "Content", "fr": "Contenu"])
    static let notLegalAdvice = LocalizedText(["en": "This is information, not legal advice. Every case should be reviewed with a lawyer or legal clinic.",
                                               "fr": "Ceci est de l’information, pas un avis juridique. Chaque dossier devrait être revu avec un avocat ou une avocate, ou une clinique juridique."])
}

extension Priority {
    /// The heading of the results group.
    public var heading: LocalizedText {
        switch self {
        case .first: return ReportWords.first
        case .next: return ReportWords.next
        case .also: return ReportWords.also
        }
    }
}

extension PathwayStatus {
    var heading: LocalizedText {
        switch self {
        case .recommended: return ReportWords.recommended
        case .possible: return ReportWords.possible
        case .notApplicable: return ReportWords.notApplicable
        }
    }
}
