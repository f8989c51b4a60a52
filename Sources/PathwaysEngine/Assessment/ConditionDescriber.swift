/// Writes a condition in words from the questions' prompts and option labels, for criteria whose
/// content gives no `met` / `not_met` text.
struct ConditionDescriber {
    let bundle: ContentBundle

    func describe(_ c: ConditionText) -> LocalizedText {
        guard let parsed = c.parsed else { return LocalizedText(["en": c.text]) }
        var out: [String: String] = [:]
        for locale in bundle.info.locales { out[locale] = words(parsed, locale) }
        return LocalizedText(out, location: c.location)
    }

    private func words(_ c: Condition, _ locale: String) -> String {
        let fallback = bundle.info.defaultLocale
        func prompt(_ ref: QuestionRef) -> String {
            bundle.question(ref.name).map { GlossaryMarkup.render($0.prompt.resolve(locale, fallback: fallback), bundle: bundle, locale: locale) } ?? ref.name
        }
        func label(_ ref: QuestionRef, _ l: LiteralNode) -> String {
            if case .word(let w) = l.value, let o = bundle.question(ref.name)?.option(w) { return o.label.resolve(locale, fallback: fallback) }
            return l.value.description
        }
        func word(_ w: EngineWord) -> String { bundle.strings.word(w, locale, fallbacks: [fallback]) }
        let or = word(.orWord), and = word(.andWord)
        switch c {
        case .constant(let b): return b ? "✓" : "✗"
        case .isYes(let q): return "\(prompt(q)) — \(word(.yesWord))"
        case .compare(let q, let op, let l):
            return op == .equal ? "\(prompt(q)) — \(label(q, l))" : "\(prompt(q)) \(op.rawValue) \(label(q, l))"
        case .member(let q, let negated, let ls):
            return "\(prompt(q)) — \(negated ? "≠ " : "")" + ls.map { label(q, $0) }.joined(separator: or)
        case .has(let q, let mode, let ls):
            return "\(prompt(q)) — " + ls.map { label(q, $0) }.joined(separator: mode == .all ? and : or)
        case .dateCompare(let a, let op, let b):
            func side(_ t: DateTerm) -> String {
                var base: String
                switch t.base {
                case .question(let q): base = prompt(q)
                case .today: base = word(.todayWord)
                case .day(let d, _): base = d.description
                }
                return t.shifts.isEmpty ? base : "(\(base)) " + DateTerm(base: .today(offset: 0), shifts: t.shifts).description.dropFirst("today ".count)
            }
            return "\(side(a)) \(op.rawValue) \(side(b))"
        case .status(let q, let s):
            let t: EngineWord
            switch s {
            case .declined: t = .answerDeclined
            case .answered: t = .answerGiven
            case .unanswered: t = .answerMissing
            case .unsure: t = .answerUnsure
            }
            return "\(prompt(q)) — \(word(t))"
        case .not(let inner): return word(.notTheCase) + words(inner, locale)
        case .and(let cs): return cs.map { words($0, locale) }.joined(separator: "; ")
        case .or(let cs): return cs.map { words($0, locale) }.joined(separator: or)
        }
    }
}
