import PathwaysEngine

/// The results and a pathway's detail.
extension Screens {
    func results(_ c: CaseMode, _ chrome: Chrome) -> ScreenView {
        var body = newBody()
        addNotice(c, &body)
        let s = c.session
        let a = s.assess()
        var terms: [LocalizedText?] = []
        if case .outcome(let id) = s.position, let o = bundle.outcome(id) {
            let style = o.urgent ? Style(.urgent, bold: true) : .heading
            body.add((o.urgent ? t(.urgent) + ": " : "") + content.plain(o.title), style)
            if let m = o.message { body.add(content.spans(m)); terms.append(m) }
            // Always a way on from an early exit, whether or not the worker went past it before.
            if o.continueTo != nil {
                body.add([Span(t(.continueConversation), Style(.normal, bold: true))], target: .continueConversation, lead: [Span("→ ", Style(.normal, bold: true))])
            }
            body.blank()
        } else if case .question(let q, _) = s.position {
            body.add(t(.stoppedAt) + " “" + content.plain(bundle.question(q)?.prompt) + "”", .muted, target: .question(q))
            body.blank()
        }
        let report = content.report
        for (group, items) in ResultGroup.grouped(a) {
            body.add("■ " + t(group.title) + " (\(items.count))", Style(group.role, bold: true))
            for p in items {
                let marker: String = {
                    switch p.status {
                    case .recommended: return "✓ "
                    case .possible: return "? "
                    case .notApplicable: return "✗ "
                    }
                }()
                body.add([Span(report.title(ofPathway: p.id), Style(group.role, bold: true))], target: .pathway(p.id),
                         lead: [Span("  " + marker, Style(group.role, bold: true))])
                let reasons = p.status == .notApplicable ? p.reasons : Array(p.reasons.prefix(2))
                for r in reasons {
                    let prefix = p.status == .notApplicable ? t(.whyNot) + " " : "· "
                    body.addForWorker(report.reason(r), target: .pathway(p.id), lead: "    " + prefix, hang: "      ")
                }
                if p.status == .possible && !p.missing.isEmpty {
                    body.add(t(.stillToFindOut), .muted, target: .pathway(p.id), lead: "    ")
                    for q in p.missing {
                        let reached = s.reaches(question: q)
                        let text = content.plain(bundle.question(q)?.prompt) + (reached ? "" : " " + t(.notReached))
                        body.add(text, reached ? .plain : .muted, target: reached ? .question(q) : .pathway(p.id), lead: "      → ", hang: "        ")
                    }
                }
            }
            body.blank()
        }
        body.add(t(.notLegalAdvice) + " " + content.plain(bundle.info.disclaimer), .muted)
        terms.append(bundle.info.disclaimer)
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

    // MARK: Pathway detail

    func pathway(_ id: String, _ c: CaseMode, _ chrome: Chrome) -> ScreenView {
        guard let p = bundle.pathway(id) else { return results(c, chrome) }
        let a = c.session.assess().pathway(id)
        let report = content.report
        var body = newBody()
        var texts: [LocalizedText?] = [p.title, p.summary]
        func section(_ title: UIText, _ lines: [StyledLine], forWorker: Bool = false) {
            guard !lines.isEmpty else { return }
            body.blank()
            if forWorker {
                // The reasons, cautions and sources are the worker's to explain: blank in the person's column.
                body.addForWorker([Span(t(title), .heading)])
                for l in lines { body.addForWorker(l, lead: [Span(" • ")]) }
                return
            }
            body.add(t(title), .heading)
            for l in lines { body.add(l, lead: [Span(" • ")]) }
        }
        func facts(_ fs: [Fact]) -> [StyledLine] {
            texts += fs.map(\.text)
            return fs.map { f in content.spans(f.text) + (f.verify ? [Span(" " + t(.verify), Style(.urgent, bold: true))] : []) }
        }
        body.add(content.spans(p.title, .heading))
        if let a {
            let group = ResultGroup.of(a)
            body.add("■ " + ResultGroup.label(a, words), Style(group.role, bold: true))
        }
        if let summary = p.summary { body.add(content.spans(summary)) }
        section(.reasons, (a?.reasons ?? []).map { [Span(report.reason($0))] }
                + (a?.missing ?? []).map { [Span(t(.stillToFindOut) + " " + content.plain(bundle.question($0)?.prompt), .muted)] },
                forWorker: true)
        section(.steps, facts(p.steps))
        section(.documents, facts(p.documents))
        section(.fees, facts(p.fees))
        section(.duration, facts(p.duration))
        section(.cautions, (a?.cautions ?? []).map { caution in
            texts.append(caution.fact.text)
            return (caution.certainty == .unknown ? [Span(t(.mayApply), .muted)] : []) + content.spans(caution.fact.text)
                + (caution.fact.verify ? [Span(" " + t(.verify), Style(.urgent, bold: true))] : [])
        }, forWorker: true)
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
