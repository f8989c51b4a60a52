import PathwaysEngine

/// How a results view lists one case: which pathways to mark as the key ones, whether reasons show the
/// answers they rest on, and where a question that would decide a pathway leads.
struct ResultsStyle {
    /// Pathways marked ★ (a training case's key pathways).
    var highlight: [String] = []
    /// Reasons end with "(answered: …)".
    var evidence = true
    /// For a question that would decide a possible pathway: the item it is (nil: not choosable) and
    /// whether the conversation has reached it.
    var missing: (String) -> (target: Target?, reached: Bool) = { _ in (nil, true) }
}

/// The results and a pathway's detail: one view for the caseworker's results, the results over a question,
/// and a walkthrough's results step.
extension Screens {
    func results(_ c: CaseMode, _ chrome: Chrome) -> ScreenView {
        var body = newBody()
        addNotice(c, &body)
        let s = c.session
        let a = s.assess()
        var terms: [LocalizedText?] = []
        if case .outcome(let id) = s.position, let o = bundle.outcome(id) {
            terms += addOutcome(o, &body, canContinue: true)
        } else if case .question(let q, _) = s.position {
            body.add(t(.stoppedAt) + " “" + content.plain(bundle.question(q)?.prompt) + "”", .muted, target: .question(q))
            body.blank()
        }
        var style = ResultsStyle()
        style.missing = { q in
            let reached = s.reaches(question: q)
            return (reached ? .question(q) : nil, reached)
        }
        terms += addResults(a, &body, style)
        let recording = c.purpose == .record && context.recordsAvailable
        var keys = hints(.keyQuickExit, .keyOpen)
        if recording { keys += hints(.keyExport, .keyHandout) }
        keys += hints(.keyBack, .keyLanguage, .keyBilingual, .keyClientLanguage, .keyReview, .keyScroll)
        if recording { keys += hints(.keyNotes) }
        keys += hints(.keyGlossary, .keyMove, .keyQuit)
        if c.change != nil { keys.insert(KeyHint(.keyBackToReview), at: 1) }
        return ScreenView(header: header(t(.results), chrome: chrome), body: body.lines, keys: keys,
                          termTexts: terms)
    }

    /// The outcome's title and message; an early exit always offers a way on, whether or not the worker
    /// went past it before.
    func addOutcome(_ o: Outcome, _ body: inout Body, canContinue: Bool) -> [LocalizedText] {
        let style = o.urgent ? Style(.urgent, bold: true) : .heading
        body.add((o.urgent ? t(.urgent) + ": " : "") + content.plain(o.title), style)
        if let m = o.message { body.add(content.spans(m)) }
        if canContinue && o.continueTo != nil {
            body.add([Span(t(.continueConversation), Style(.normal, bold: true))], target: .continueConversation, lead: [Span("→ ", Style(.normal, bold: true))])
        }
        body.blank()
        return [o.message].compactMap { $0 }
    }

    /// The dates that matter, then each group — first, next, also, possible, not applicable — with the
    /// cautions that matter although their pathway is not recommended, shown in their group. A date or a
    /// caution is not an item of its own (its pathway is), so one pathway is never chosen in two places.
    func addResults(_ a: Assessment, _ body: inout Body, _ style: ResultsStyle) -> [LocalizedText] {
        var terms: [LocalizedText?] = []
        let report = content.report
        if !a.deadlines.isEmpty {
            // A deadline's text is the worker's to explain (it is not among the texts the person reads).
            body.addForWorker([Span("■ " + t(.datesThatMatter), Style(.possible, bold: true))])
            for d in a.deadlines {
                body.addForWorker([Span(d.date.description, Style(.normal, bold: true)), Span(" — " + report.title(ofPathway: d.pathway) + ": " + report.deadline(d))],
                         lead: [Span("  ◷ ")])
                terms.append(d.fact.text)
            }
            body.blank()
        }
        for entry in ResultGroup.grouped(a) {
            let group = entry.group
            let count = entry.pathways.count
            body.add("■ " + t(group.title) + (count > 0 ? " (\(count))" : ""), Style(group.role, bold: true))
            for n in entry.notices {
                body.addForWorker([Span("⚠ " + report.notice(n), Style(group.role, bold: true))], lead: [Span("  ")], hang: "    ")
                terms.append(n.caution.fact.text)
            }
            for p in entry.pathways {
                let key = style.highlight.contains(p.id)
                let marker: String = {
                    switch p.status {
                    case .recommended: return "✓ "
                    case .possible: return "? "
                    case .notApplicable: return "✗ "
                    }
                }()
                var title: StyledLine = [Span(report.title(ofPathway: p.id), Style(group.role, bold: true, reverse: key))]
                if key { title.append(Span(" ★ " + t(.keyPathway), Style(group.role, bold: true))) }
                body.add(title, target: .pathway(p.id), lead: [Span("  " + marker, Style(group.role, bold: true))])
                let reasons = p.status == .notApplicable ? p.reasons : Array(p.reasons.prefix(2))
                for r in reasons {
                    let prefix = p.status == .notApplicable ? t(.whyNot) + " " : "· "
                    body.addForWorker(reasonText(r, report, evidence: style.evidence), target: .pathway(p.id), lead: "    " + prefix, hang: "      ")
                }
                if p.status == .possible && !p.missing.isEmpty {
                    body.add(t(.stillToFindOut), .muted, target: .pathway(p.id), lead: "    ")
                    for q in p.missing {
                        let (target, reached) = style.missing(q)
                        let text = content.plain(bundle.question(q)?.prompt) + (reached ? "" : " " + t(.notReached))
                            + (p.declined.contains(q) ? " " + t(.choseNotToAnswer) : "")
                        body.add(text, reached ? .plain : .muted, target: target ?? .pathway(p.id), lead: "      → ", hang: "        ")
                    }
                }
            }
            body.blank()
        }
        body.add(t(.notLegalAdvice) + " " + content.plain(bundle.info.disclaimer), .muted)
        terms.append(bundle.info.disclaimer)
        return terms.compactMap { $0 }
    }

    /// A reason in words, with the answers it rests on unless `evidence` is off (a projected walkthrough,
    /// where the answers are on the screen already).
    func reasonText(_ r: Reason, _ report: ReportText, evidence: Bool) -> String {
        guard !evidence else { return report.reason(r) }
        var without = r
        without.evidence = []
        return report.reason(without)
    }

    // MARK: Pathway detail

    func pathway(_ id: String, _ c: CaseMode, _ chrome: Chrome) -> ScreenView {
        guard bundle.pathway(id) != nil else { return results(c, chrome) }
        return pathway(id, c.session.assess(), chrome)
    }

    /// A pathway's detail in one case: its group, the dates that matter, what to keep in mind although it
    /// does not apply, why, the steps, documents, fees, duration, cautions, contacts and sources.
    func pathway(_ id: String, _ assessment: Assessment, _ chrome: Chrome) -> ScreenView {
        guard let p = bundle.pathway(id) else { return ScreenView(header: header("", chrome: chrome), body: [], keys: hints(.keyQuickExit, .keyClose)) }
        let a = assessment.pathway(id)
        let report = content.report
        var body = newBody()
        var texts: [LocalizedText?] = [p.title, p.summary]
        func section(_ title: UIText, _ lines: [StyledLine], style: Style = .heading, forWorker: Bool = false) {
            guard !lines.isEmpty else { return }
            body.blank()
            if forWorker {
                // The reasons, cautions and sources are the worker's to explain: blank in the person's column.
                body.addForWorker([Span(t(title), style)])
                for l in lines { body.addForWorker(l, lead: [Span(" • ")]) }
                return
            }
            body.add(t(title), style)
            for l in lines { body.add(l, lead: [Span(" • ")]) }
        }
        func facts(_ fs: [Fact]) -> [StyledLine] {
            texts += fs.map(\.text)
            return fs.map { f in content.spans(f.text) + (f.verify ? [Span(" " + t(.verify), Style(.urgent, bold: true))] : []) }
        }
        func caution(_ caution: AppliedCaution) -> StyledLine {
            texts.append(caution.fact.text)
            return (caution.certainty == .unknown ? [Span(t(.mayApply), .muted)] : []) + content.spans(caution.fact.text)
                + (caution.fact.verify ? [Span(" " + t(.verify), Style(.urgent, bold: true))] : [])
        }
        body.add(content.spans(p.title, .heading))
        if let a {
            let group = ResultGroup.of(a)
            body.add("■ " + ResultGroup.label(a, words), Style(group.role, bold: true))
        }
        let notices = assessment.notices.filter { $0.pathway == id }
        section(.keepInMind, notices.map { n in [Span("⚠ ", Style(.urgent, bold: true))] + caution(n.caution) }, style: Style(.urgent, bold: true), forWorker: true)
        section(.datesThatMatter, (a?.deadlines ?? []).map { d in
            texts.append(d.fact.text)
            return [Span(d.date.description, Style(.normal, bold: true)), Span(" — " + report.deadline(d))]
        }, forWorker: true)
        if let summary = p.summary {
            body.blank()
            body.add(content.spans(summary))
        }
        section(.reasons, (a?.reasons ?? []).map { [Span(report.reason($0))] }
                + (a?.missing ?? []).map { [Span(t(.stillToFindOut) + " " + content.plain(bundle.question($0)?.prompt), .muted)] },
                forWorker: true)
        section(.steps, facts(p.steps))
        section(.documents, facts(p.documents))
        section(.fees, facts(p.fees))
        section(.duration, facts(p.duration))
        let shownAbove = Set(notices.map(\.caution))
        section(.cautions, (a?.cautions ?? []).filter { !shownAbove.contains($0) }.map(caution), forWorker: true)
        section(.whoToContact, (a?.referrals ?? []).map { rid in
            var line: StyledLine = [Span(report.referral(rid), Style(.normal, bold: true))]
            if let d = bundle.referral(rid)?.description {
                texts.append(d)
                line += [Span(" — ")] + content.spans(d)
            }
            return line
        })
        section(.sources, p.sources.map { [Span(report.source($0.id), .muted)] }, forWorker: true)
        body.blank()
        body.add(t(.notLegalAdvice), .muted)
        return ScreenView(header: header(content.plain(p.title), chrome: chrome), body: body.lines,
                          keys: hints(.keyQuickExit, .keyClose, .keyScroll, .keyLanguage, .keyBilingual, .keyClientLanguage, .keyGlossary, .keyQuit),
                          termTexts: texts)
    }

    // MARK: Glossary

    func glossary(_ ids: [String], all: Bool, chrome: Chrome = .caseworker) -> ScreenView {
        var body = newBody()
        if ids.isEmpty { body.add(t(.noTermsHere), .muted) }
        for id in ids {
            guard let term = bundle.term(id) else { continue }
            body.add(content.plain(term.term) + " — " + content.plain(term.definition), target: .term(id))
        }
        return ScreenView(header: header(t(.glossary), chrome: chrome), body: body.lines,
                          keys: hints(.keyQuickExit, .keyOpen, .keyClose, all ? .keyTermsHere : .keyAllTerms, .keyLanguage, .keyMove))
    }

    func term(_ id: String, chrome: Chrome = .caseworker) -> ScreenView {
        var body = newBody()
        if let term = bundle.term(id) {
            body.add(content.plain(term.term), .heading)
            body.blank()
            body.add(content.spans(term.definition))
        }
        return ScreenView(header: header(t(.glossary), chrome: chrome), body: body.lines,
                          keys: hints(.keyQuickExit, .keyClose, .keyLanguage))
    }
}
