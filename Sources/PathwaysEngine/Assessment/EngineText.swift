/// The few words the engine itself writes into reasons and answers, from the bundle's strings files.
public enum EngineText {
    /// How an answer reads to a person: option labels, numbers, dates, text, or "prefers not to say".
    /// `fallbacks`: the locales to use, in order, for a text missing in `locale` (marked when used).
    public static func describe(_ answer: Answer, of question: Question?, strings: StringCatalog, locale: String,
                                fallbacks: [String]) -> String {
        switch answer {
        case .declined: return strings.word(.answerDeclined, locale, fallbacks: fallbacks)
        case .value(let v):
            func label(_ id: String) -> String { question?.option(id)?.label.pick(locale, fallbacks: fallbacks).marked ?? id }
            switch v {
            case .option(let o): return label(o)
            case .options(let os):
                if os.isEmpty { return strings.word(.noneTicked, locale, fallbacks: fallbacks) }
                return os.map(label).joined(separator: "; ")
            case .number(let n): return Question.show(n)
            case .date(let d): return d.description
            case .text(let t): return t
            }
        }
    }
}
