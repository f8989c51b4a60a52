/// Checks on dates outside conditions: deadlines' `date:`, computed dates `{{ … }}` in texts, and cautions
/// shown even when their pathway does not apply.
enum DateChecks {
    static func all(_ b: ContentBundle) -> [Diagnostic] {
        let types = ConditionTypeChecker(bundle: b)
        var out = ContentWalk.dates(b).flatMap { types.check($0) }
        out += computedDates(b, types)
        for p in b.pathways {
            for c in p.cautions where c.evenWhenNotApplicable && c.condition == nil {
                out.append(Diagnostic(.cautionShownEverywhere, at: c.fact.text.location ?? p.location,
                    "this caution of '\(p.id)' is shown even when the pathway does not apply, and has no 'when', so every result shows it",
                    hint: "add 'when:' with the situation it is about, such as \"removal_order = yes\""))
            }
        }
        return out
    }

    /// Every `{{ … }}` must parse as a date and read date questions; outside criteria, cautions and
    /// deadlines there are no answers to compute it from.
    static func computedDates(_ b: ContentBundle, _ types: ConditionTypeChecker) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let dated = ContentWalk.datedTexts(b)
        var allowed = Set<SourceLocation>()
        for t in dated { if let l = t.location { allowed.insert(l) } }
        for text in dated {
            for (locale, value) in text.texts.sorted(by: { $0.key < $1.key }) {
                for case .date(let expression, let offset) in ComputedDates.pieces(value) {
                    func at(_ o: Int) -> SourceLocation { text.location(of: locale, offset: offset + o) ?? b.info.location }
                    do {
                        let term = try ConditionParser.parseDate(expression)
                        types.checkDate(term, at: at, &out)
                    } catch {
                        out.append(Diagnostic(.conditionSyntax, at: at(error.offset), "in the date '{{\(expression)}}': \(error.message)",
                                              hint: "computed dates look like {{last_decision + 12 months}}"))
                    }
                }
            }
        }
        for text in ContentWalk.texts(b) {
            if let l = text.location, allowed.contains(l) { continue }
            for (locale, value) in text.texts.sorted(by: { $0.key < $1.key }) {
                for case .date(let expression, let offset) in ComputedDates.pieces(value) {
                    out.append(Diagnostic(.misplacedComputedDate, at: text.location(of: locale, offset: offset - 2) ?? b.info.location,
                        "'{{\(expression)}}' computes a date from the answers, but this text is shown where no answers are known",
                        hint: "computed dates work in eligibility texts (met, not_met), cautions and deadlines"))
                }
            }
        }
        return out
    }
}
