import Foundation
import PathwaysEngine

/// Builds each screen from the UI state: pure functions, so every screen can be tested as text.
struct Screens {
    let state: UIState
    let locale: String
    var bundle: ContentBundle { state.bundle }
    var content: ContentText { ContentText(bundle: bundle, locale: locale) }
    func t(_ key: UIText) -> String { key.text(locale) }

    init(_ state: UIState, locale: String? = nil) {
        self.state = state
        self.locale = locale ?? state.locale
    }

    /// The view of the current screen with its body wrapped to `width` columns.
    func view(width: Int) -> ScreenView {
        switch state.screen {
        case .start: return start(width)
        case .question: return question(width)
        case .review: return review(width)
        case .results: return results(width)
        case .pathway(let id): return pathway(id, width)
        case .glossary: return glossary(width)
        case .term(let id): return term(id, width)
        case .neutral: return ScreenView(header: [], body: [], keys: [])
        case .cases: return cases(width)
        case .diagnostics: return diagnosticsList(width)
        case .diagnostic(let i): return diagnosticDetail(i, width)
        case .trainingList: return trainingList(width)
        case .walkthrough: return walkthrough(width)
        case .quizResults: return quizResults(width)
        }
    }

    /// The items that can be chosen on the current screen, in order (the same at any width: every item
    /// has at least one line).
    func items() -> [Target] { view(width: 200).items }

    // MARK: Header

    /// "Pathways [EN] FR — Title": the language indicator comes first so it is never cut off.
    func header(_ title: String) -> [StyledLine] {
        if let p = state.preview {
            let status = p.broken ? UIText.previewBroken.text(locale) : "\(bundle.info.id) \(bundle.info.version) · reload \(p.reloads)"
            return [plainHeader(title), [Span(" " + t(.previewBanner) + " ", Style(.banner, bold: true, reverse: true)),
                                         Span(" " + status, p.broken ? Style.error : .muted)]]
        }
        if state.training != nil {
            // Training keeps a banner on every screen, so nobody mistakes a fictional case for a real one.
            return [[Span(" " + t(.trainingBanner) + " ", Style(.banner, bold: true, reverse: true))], plainHeader(title)]
        }
        return [plainHeader(title)]
    }

    func plainHeader(_ title: String) -> StyledLine {
        var languages = bundle.info.locales.map { $0 == locale ? "[\($0.uppercased())]" : $0.uppercased() }.joined(separator: " ")
        if state.bilingual { languages = locale.uppercased() + " | " + state.secondLocale.uppercased() }
        return [Span(t(.appName), .title), Span(" " + languages, .muted)] + (title.isEmpty ? [] : [Span(" — " + title, .title)])
    }

    func progressHeader() -> [StyledLine] {
        guard let s = state.session else { return header("") }
        let p = s.progress
        let section = p.section.map { content.plain($0.title) } ?? ""
        if state.training != nil || state.preview != nil { return header(section) }
        var line = header(section)
        let code = state.caseCode.map { " · \(t(.caseLabel)) \($0)" } ?? ""
        line.append([Span("\(t(.step)) \(p.step) \(t(.ofAbout)) \(max(p.step, p.estimatedTotal))" + code, .muted)])
        return line
    }

    // MARK: Start

    func start(_ width: Int) -> ScreenView {
        var body: [BodyLine] = []
        let info = bundle.info
        for l in Wrap.lines(content.spans(info.title, .heading), width: width) { body.append(BodyLine(l)) }
        let reviewed = info.reviewedOn.map { ", \(t(.reviewedOn)) \($0)" } ?? ""
        body.append(BodyLine([Span("\(t(.contentVersion)) \(info.id) \(info.version)\(reviewed)", .muted)]))
        body.append(BodyLine([]))
        let items: [(MenuItem, String, Bool)] = [
            (.newCase, t(.newCase), true), (.resume, t(.resumeCase), state.recordsAvailable), (.training, t(.training), !state.trainingScenarios.isEmpty),
            (.preview, t(.preview), false), (.language, t(.language), true), (.quit, t(.quit), true),
        ]
        for (i, (item, label, available)) in items.enumerated() {
            let why = item == .preview ? t(.previewForEditors) : t(.notYetAvailable)
            let text = "\(i + 1). \(label)" + (available ? "" : " " + why)
            body.append(BodyLine([Span(text, available ? .plain : .muted)], target: .menu(item)))
        }
        body.append(BodyLine([]))
        for l in Wrap.lines(t(.notLegalAdvice) + " " + content.plain(info.disclaimer), .muted, width: width) { body.append(BodyLine(l)) }
        return ScreenView(header: header(""), body: body,
                          keys: [.keyMove, .keyChoose, .keyLanguage, .keyBilingual, .keyQuit, .keyQuickExit])
    }

    // MARK: Saved cases

    func cases(_ width: Int) -> ScreenView {
        var body: [BodyLine] = []
        if state.caseList.isEmpty { body.append(BodyLine([Span(t(.noSavedCases), .muted)])) }
        for c in state.caseList {
            let line = "\(c.code) · \(t(.updated)) \(c.updated) · \(t(.step)) \(c.step) \(t(.ofAbout)) \(c.estimatedTotal) · \(c.version)"
                + (c.contentChanged ? " " + t(.contentChanged) : "")
            for l in Wrap.lines(line, width: width - 2) { body.append(BodyLine(l, target: .savedCase(c.code))) }
        }
        return ScreenView(header: header(t(.savedCases)), body: body, keys: [.keyMove, .keyChoose, .keyClose, .keyLanguage, .keyQuickExit])
    }

    /// Lines about a reopened case whose content changed, shown until the next answer.
    func noticeLines(_ width: Int) -> [BodyLine] {
        guard !state.notice.isEmpty else { return [] }
        return state.notice.flatMap { Wrap.lines($0, Style(.possible, bold: true), width: width).map { BodyLine($0) } } + [BodyLine([])]
    }

    // MARK: Question

    func question(_ width: Int) -> ScreenView {
        guard let q = state.currentQuestion else { return results(width) }
        var body: [BodyLine] = noticeLines(width)
        for l in Wrap.lines(content.spans(q.prompt, .heading), width: width) { body.append(BodyLine(l)) }
        if state.showWhy, let help = q.help {
            body.append(BodyLine([]))
            body.append(BodyLine([Span(t(.whyWeAsk) + ":", .heading)]))
            for l in Wrap.lines(content.spans(help), width: width) { body.append(BodyLine(l)) }
        }
        body.append(BodyLine([]))
        let current: Answer? = { if case .question(_, let a) = state.session?.position { return a } else { return nil } }()
        var keys: [UIText] = [.keyMove, .keyChoose, .keyBack, .keyWhy, .keyReview, .keyResults, .keyGlossary, .keyLanguage, .keyBilingual, .keyQuickExit]
        switch q.kind {
        case .singleChoice, .yesNoUnsure, .multipleChoice:
            for (i, option) in q.options.enumerated() {
                let mark: String
                if q.kind == .multipleChoice {
                    mark = state.ticked.contains(option.id) ? "[x] " : "[ ] "
                } else {
                    mark = current == .value(.option(option.id)) ? "(•) " : "( ) "
                }
                let lines = Wrap.lines([Span("\(i + 1). " + mark)] + content.spans(option.label), width: width - 2)
                for (k, l) in lines.enumerated() {
                    body.append(BodyLine(k == 0 ? l : [Span("   ")] + l, target: .option(option.id)))
                }
            }
            if q.kind == .multipleChoice { keys.insert(.keyToggle, at: 1) }
        case .number, .date, .text:
            let field = "> " + state.input + "▏"
            body.append(BodyLine([Span(field, Style(.normal, bold: true))], target: .input))
            let hint: String
            switch q.kind {
            case .number:
                var h = q.numberRules.integer ? t(.typeWholeNumber) : t(.typeNumber)
                if let lo = q.numberRules.min, let hi = q.numberRules.max { h += " " + t(.between).filled(Question.show(lo), Question.show(hi)) }
                if let unit = q.numberRules.unit { h += " (" + content.plain(unit) + ")" }
                hint = h
            case .date: hint = t(.typeDate)
            default: hint = t(.typeText)
            }
            for l in Wrap.lines(hint, .muted, width: width) { body.append(BodyLine(l)) }
            // Letters go into the field here, so the other keys are function keys.
            keys = [.keyType, .keyBack, .keyWhyF, .keyReviewF, .keyResultsF, .keyLanguageF, .keyQuickExit]
        }
        if q.sensitive {
            let mark = q.kind == .multipleChoice || !q.kind.hasOptions ? "" : (current == .declined ? "(•) " : "( ) ")
            let n = q.kind.hasOptions ? "\(q.options.count + 1). " : ""
            body.append(BodyLine([Span(n + mark + t(.preferNotToSay), .muted)], target: .decline))
            if !q.kind.hasOptions { keys.insert(.keyDecline, at: 1) }
        }
        var status: StyledLine?
        if let problem = state.problem { status = [Span(message(problem), .error)] }
        if let failure = state.recordError { status = [Span(t(.notSaved) + " " + failure, .error)] }
        return ScreenView(header: progressHeader(), body: body, keys: keys, status: status)
    }

    func message(_ p: InputProblem) -> String {
        switch p {
        case .number(let lo, let hi, let integer):
            var m = integer ? t(.typeWholeNumber) : t(.typeNumber)
            if let lo, let hi { m += " " + t(.between).filled(Question.show(lo), Question.show(hi)) } else if let lo { m += " " + t(.atLeast).filled(Question.show(lo)) } else if let hi { m += " " + t(.atMost).filled(Question.show(hi)) }
            return m + (locale == "fr" ? ", par exemple 34." : ", such as 34.")
        case .date: return t(.typeDate) + "."
        case .text: return t(.typeText)
        }
    }


    // MARK: Review

    func review(_ width: Int) -> ScreenView {
        var body: [BodyLine] = []
        guard let s = state.session else { return ScreenView(header: header(t(.review)), body: [], keys: [.keyQuickExit]) }
        body.append(BodyLine([Span(t(.changeHint), .muted)]))
        body.append(BodyLine([]))
        let answered = s.walk.stops.compactMap { stop -> String? in if case .question(let q) = stop { return q } else { return nil } }
        if answered.isEmpty { body.append(BodyLine([Span(t(.noAnswers), .muted)])) }
        for id in answered {
            guard let q = bundle.question(id), let a = s.answers[id] else { continue }
            for l in Wrap.lines(content.spans(q.prompt, Style(.normal, bold: true)), width: width - 2) {
                body.append(BodyLine(l, target: .question(id)))
            }
            for l in Wrap.lines("→ " + content.answer(a, of: id), width: width - 4) {
                body.append(BodyLine([Span("  ")] + l, target: .question(id)))
            }
        }
        if state.recordsAvailable {
            body.append(BodyLine([]))
            body.append(BodyLine([Span(t(.notesLabel), .heading)]))
            for l in Wrap.lines(state.notes.isEmpty ? "—" : state.notes, width: width - 2) { body.append(BodyLine([Span("  ")] + l)) }
        }
        let aside = s.setAside  // computed: worked out once, not once per question of the bundle
        let setAside = bundle.questions.filter { aside[$0.id] != nil }
        if !setAside.isEmpty {
            body.append(BodyLine([]))
            body.append(BodyLine([Span(t(.setAside), .heading)]))
            for l in Wrap.lines(t(.setAsideNote), .muted, width: width) { body.append(BodyLine(l)) }
            for q in setAside {
                let line = content.plain(q.prompt) + " → " + content.answer(aside[q.id]!, of: q.id)
                for l in Wrap.lines(line, .muted, width: width - 2) { body.append(BodyLine([Span("  ")] + l)) }
            }
        }
        var status: StyledLine?
        if let typed = state.notesInput { status = [Span(t(.notesPrompt) + typed + "▏", Style(.normal, bold: true))] }
        return ScreenView(header: header(t(.review)), body: body,
                          keys: (state.recordsAvailable ? [.keyNotes] : []) + [.keyMove, .keyChoose, .keyClose, .keyResults, .keyLanguage, .keyBilingual, .keyQuickExit],
                          status: status)
    }

    // MARK: Results

    func results(_ width: Int) -> ScreenView {
        var body: [BodyLine] = noticeLines(width)
        guard let s = state.session else { return ScreenView(header: header(t(.results)), body: [], keys: [.keyQuickExit]) }
        let a = s.assess()
        if case .outcome(let id) = s.position, let o = bundle.outcome(id) {
            let style = o.urgent ? Style(.urgent, bold: true) : .heading
            for l in Wrap.lines((o.urgent ? t(.urgent) + ": " : "") + content.plain(o.title), style, width: width) { body.append(BodyLine(l)) }
            if let m = o.message { for l in Wrap.lines(content.spans(m), width: width) { body.append(BodyLine(l)) } }
            if o.continueTo != nil, !s.isPastOutcome {
                body.append(BodyLine([Span(t(.continueConversation), Style(.normal, bold: true))], target: .continueConversation))
            }
            body.append(BodyLine([]))
        } else if case .question(let q, _) = s.position {
            for l in Wrap.lines(t(.stoppedAt) + " “" + content.plain(bundle.question(q)?.prompt) + "”", .muted, width: width) {
                body.append(BodyLine(l, target: .question(q)))
            }
            body.append(BodyLine([]))
        }
        let urgent = a.pathways.filter { $0.urgent && $0.status != .notApplicable }
        let groups: [(UIText, [PathwayAssessment], Role)] = [
            (.urgent, urgent, .urgent),
            (.recommended, a.recommended.filter { !$0.urgent }, .recommended),
            (.possible, a.possible.filter { !$0.urgent }, .possible),
            (.notApplicable, a.notApplicable, .notApplicable),
        ]
        let report = ReportText(bundle: bundle, locale: locale)
        for (title, items, role) in groups where !items.isEmpty {
            body.append(BodyLine([Span("■ " + t(title) + " (\(items.count))", Style(role, bold: true))]))
            for p in items {
                let marker: String = {
                    switch p.status {
                    case .recommended: return "✓"
                    case .possible: return "?"
                    case .notApplicable: return "✗"
                    }
                }()
                let label = "\(marker) " + report.title(ofPathway: p.id)
                for l in Wrap.lines(label, Style(role, bold: true), width: width - 2) { body.append(BodyLine([Span("  ")] + l, target: .pathway(p.id))) }
                let reasons = p.status == .notApplicable ? p.reasons : Array(p.reasons.prefix(2))
                for r in reasons {
                    let prefix = p.status == .notApplicable ? t(.whyNot) + " " : "· "
                    for l in Wrap.lines(prefix + report.reason(r), .plain, width: width - 6) { body.append(BodyLine([Span("    ")] + l, target: .pathway(p.id))) }
                }
                if p.status == .possible && !p.missing.isEmpty {
                    body.append(BodyLine([Span("    " + t(.stillToFindOut), .muted)], target: .pathway(p.id)))
                    for q in p.missing {
                        let reached = s.reaches(question: q)
                        let text = "→ " + content.plain(bundle.question(q)?.prompt) + (reached ? "" : " " + t(.notReached))
                        for l in Wrap.lines(text, reached ? .plain : .muted, width: width - 8) {
                            body.append(BodyLine([Span("      ")] + l, target: reached ? .question(q) : .pathway(p.id)))
                        }
                    }
                }
            }
            body.append(BodyLine([]))
        }
        for l in Wrap.lines(t(.notLegalAdvice) + " " + content.plain(bundle.info.disclaimer), .muted, width: width) { body.append(BodyLine(l)) }
        let exportKey: [UIText] = state.recordsAvailable && state.training == nil ? [.keyExport] : []
        return ScreenView(header: header(t(.results)), body: body,
                          keys: exportKey + [.keyMove, .keyChoose, .keyBack, .keyReview, .keyScroll, .keyLanguage, .keyBilingual, .keyQuickExit],
                          status: state.info.map { [Span($0, Style(.recommended, bold: true))] })
    }

    // MARK: Pathway detail

    func pathway(_ id: String, _ width: Int) -> ScreenView {
        guard let p = bundle.pathway(id), let s = state.session else { return results(width) }
        let a = s.assess().pathway(id)
        let report = ReportText(bundle: bundle, locale: locale)
        var body: [BodyLine] = []
        func section(_ title: UIText, _ lines: [StyledLine]) {
            guard !lines.isEmpty else { return }
            body.append(BodyLine([]))
            body.append(BodyLine([Span(t(title), .heading)]))
            for l in lines {
                for w in Wrap.lines([Span("• ")] + l, width: width - 2) { body.append(BodyLine([Span(" ")] + w)) }
            }
        }
        func facts(_ fs: [Fact]) -> [StyledLine] {
            fs.map { f in content.spans(f.text) + (f.verify ? [Span(" " + t(.verify), Style(.urgent, bold: true))] : []) }
        }
        for l in Wrap.lines(content.spans(p.title, .heading), width: width) { body.append(BodyLine(l)) }
        if let a {
            let (label, role): (UIText, Role) = a.status == .recommended ? (.recommended, .recommended) : a.status == .possible ? (.possible, .possible) : (.notApplicable, .notApplicable)
            body.append(BodyLine([Span("■ " + t(label), Style(role, bold: true))]))
        }
        if let summary = p.summary { for l in Wrap.lines(content.spans(summary), width: width) { body.append(BodyLine(l)) } }
        section(.reasons, (a?.reasons ?? []).map { [Span(report.reason($0))] } + (a?.missing ?? []).map { [Span(t(.stillToFindOut) + " " + content.plain(bundle.question($0)?.prompt), .muted)] })
        section(.steps, facts(p.steps))
        section(.documents, facts(p.documents))
        section(.fees, facts(p.fees))
        section(.duration, facts(p.duration))
        section(.cautions, (a?.cautions ?? []).map { c in
            (c.certainty == .unknown ? [Span(t(.mayApply), .muted)] : []) + content.spans(c.fact.text)
                + (c.fact.verify ? [Span(" " + t(.verify), Style(.urgent, bold: true))] : [])
        })
        section(.whoToContact, (a?.referrals ?? []).map { id in
            var line: StyledLine = [Span(report.referral(id), Style(.normal, bold: true))]
            if let d = bundle.referral(id)?.description { line += [Span(" — ")] + content.spans(d) }
            return line
        })
        section(.sources, p.sources.map { [Span(report.source($0.id), .muted)] })
        body.append(BodyLine([]))
        for l in Wrap.lines(t(.notLegalAdvice), .muted, width: width) { body.append(BodyLine(l)) }
        return ScreenView(header: header(content.plain(p.title)), body: body,
                          keys: [.keyScroll, .keyClose, .keyLanguage, .keyBilingual, .keyQuickExit])
    }

    // MARK: Glossary

    /// Terms marked on the screen the glossary was opened from, or every term.
    func glossaryTerms() -> [String] {
        if let from = state.previous.last, from == .question, let q = state.currentQuestionForGlossary {
            let ids = content.terms(in: [q.prompt, q.help] + q.options.map(\.label))
            if !ids.isEmpty { return ids }
        }
        return bundle.glossary.map(\.id)
    }

    func glossary(_ width: Int) -> ScreenView {
        var body: [BodyLine] = []
        let ids = glossaryTerms()
        if ids.isEmpty { body.append(BodyLine([Span(t(.noTerms), .muted)])) }
        for id in ids {
            guard let term = bundle.term(id) else { continue }
            for l in Wrap.lines(content.plain(term.term) + " — " + content.plain(term.definition), width: width - 2) {
                body.append(BodyLine(l, target: .term(id)))
            }
        }
        return ScreenView(header: header(t(.glossary)), body: body, keys: [.keyMove, .keyChoose, .keyClose, .keyLanguage, .keyQuickExit])
    }

    func term(_ id: String, _ width: Int) -> ScreenView {
        var body: [BodyLine] = []
        if let term = bundle.term(id) {
            for l in Wrap.lines(content.plain(term.term), .heading, width: width) { body.append(BodyLine(l)) }
            body.append(BodyLine([]))
            for l in Wrap.lines(content.spans(term.definition), width: width) { body.append(BodyLine(l)) }
        }
        return ScreenView(header: header(t(.glossary)), body: body, keys: [.keyClose, .keyLanguage, .keyQuickExit])
    }
}

extension String {
    /// Fills %1, %2… with the arguments.
    func filled(_ args: String...) -> String {
        var s = self
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "%\(i + 1)", with: a) }
        return s
    }
}

extension UIState {
    /// The question the glossary was opened from.
    var currentQuestionForGlossary: Question? {
        guard let s = session, case .question(let id, _) = s.position else { return nil }
        return bundle.question(id)
    }
}

extension Session {
    /// True when the worker has gone past the early exit they are looking at (it is in the walk's stops).
    var isPastOutcome: Bool { index < walk.stops.count }
}
