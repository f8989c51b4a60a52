/// The few words the engine itself writes into reasons, in English and French.
public enum EngineText {
    static let appliesToEveryone = LocalizedText(["en": "This applies to everyone, whatever their answers.",
                                                  "fr": "Ceci s’applique à toutes les personnes, quelles que soient leurs réponses."])
    static let notTrue = LocalizedText(["en": "Not the case: ", "fr": "Ce n’est pas le cas : "])
    /// Stands in for a computed date whose question has no date answer yet.
    static let today = LocalizedText(["en": "today", "fr": "aujourd’hui"])
    static let dateNotKnown = LocalizedText(["en": "(date not known)", "fr": "(date inconnue)"])
    static let or = LocalizedText(["en": " or ", "fr": " ou "])
    static let and = LocalizedText(["en": " and ", "fr": " et "])
    static let declined = LocalizedText(["en": "prefers not to say", "fr": "préfère ne pas répondre"])
    static let notAnswered = LocalizedText(["en": "not answered", "fr": "sans réponse"])
    static let answered = LocalizedText(["en": "answered", "fr": "répondu"])
    static let notSure = LocalizedText(["en": "not sure", "fr": "ne sait pas"])

    /// Engine words in `locale`, falling back to English.
    public static func text(_ t: LocalizedText, _ locale: String) -> String { t.resolve(locale, fallback: "en") }

    /// How an answer reads to a person: option labels, numbers, dates, text, or "prefers not to say".
    public static func describe(_ answer: Answer, of question: Question?, locale: String, fallback: String) -> String {
        switch answer {
        case .declined: return text(declined, locale)
        case .value(let v):
            switch v {
            case .option(let o): return question?.option(o)?.label.resolve(locale, fallback: fallback) ?? o
            case .options(let os):
                if os.isEmpty { return locale == "fr" ? "aucune" : "none" }
                return os.map { question?.option($0)?.label.resolve(locale, fallback: fallback) ?? $0 }.joined(separator: "; ")
            case .number(let n): return Question.show(n)
            case .date(let d): return d.description
            case .text(let t): return t
            }
        }
    }
}
