import PathwaysEngine

/// A case's screens: the question or the results under everything, and what is open over them.
extension Screens {
    func caseView(_ c: CaseMode, chrome: Chrome) -> ScreenView {
        var view: ScreenView
        switch c.overlays.topScreen?.overlay {
        case .review(_)?: view = review(c, chrome)
        case .results(_)?: view = results(c, chrome)
        case .pathway(let id, _)?: view = pathway(id, c, chrome)
        case .glossary(let terms, let all, _)?: view = glossary(all ? bundle.glossary.map(\.id) : terms, all: all, chrome: chrome)
        case .term(let id, _)?: view = term(id, chrome: chrome)
        case .notes(let editor)?: view = notesEditor(editor, chrome)
        case .diagnostics(_)?: view = diagnosticsList(chrome)
        case .diagnostic(let i, _)?: view = diagnosticDetail(i, chrome)
        default: view = c.question == nil ? results(c, chrome) : question(c, chrome)
        }
        if let status = status(c) { view.status = status }
        return view
    }

    /// The line above the footer, most pressing first: the question to confirm quitting, a save that
    /// failed, what the answer needs, then a passing notice.
    func status(_ c: CaseMode) -> StyledLine? {
        if c.overlays.panels.contains(.confirmQuit) { return [Span(quitQuestion(c), .error)] }
        if let failure = c.recordError { return [Span(t(.notSaved) + " " + failure, .error)] }
        if c.overlays.topScreen == nil, let problem = c.entry.problem { return [Span(message(problem), .error)] }
        if let flash = c.flash { return [Span(flash, Style(.recommended, bold: true))] }
        return nil
    }

    /// What is true about quitting now, then how to quit.
    func quitQuestion(_ c: CaseMode) -> String {
        let notesUnsaved = c.overlays.contains { if case .notes(let e) = $0 { return e.isChanged } else { return false } }
        var said: String
        switch c.purpose {
        case .preview: said = t(.quitPreview)
        case .quiz: said = t(.quitQuiz)
        case .record:
            if !context.recordsAvailable { said = t(.quitNotSaved) }
            else if c.recordError != nil { said = t(.quitLastNotSaved) }
            else if let code = c.caseCode { said = t(.quitSaved).filled(code) }
            else { said = t(.quitNotSaved) }
        }
        if notesUnsaved { said += " " + t(.quitNotesUnsaved) }
        return said + " " + t(.quitAgain)
    }

    /// The case line under the header: its section, "step k of about n", and its code.
    func progressHeader(_ c: CaseMode, _ chrome: Chrome) -> [StyledLine] {
        let p = c.session.progress
        let section = p.section.map { content.plain($0.title) } ?? ""
        guard case .caseworker = chrome else { return header(section, chrome: chrome) }
        let code = c.caseCode.map { " · \(t(.caseLabel)) \($0)" } ?? ""
        return header(section) + [[Span("\(t(.step)) \(p.step) \(t(.ofAbout)) \(max(p.step, p.estimatedTotal))" + code, .muted)]]
    }

    /// Lines about a reopened case whose content changed, shown until the next answer.
    func addNotice(_ c: CaseMode, _ body: inout Body) {
        guard !c.notice.isEmpty else { return }
        for line in c.notice { body.add(line, Style(.possible, bold: true)) }
        body.blank()
    }

    // MARK: Question

    func question(_ c: CaseMode, _ chrome: Chrome) -> ScreenView {
        guard let q = c.question else { return results(c, chrome) }
        var body = newBody()
        addNotice(c, &body)
        body.add(content.spans(q.prompt, .heading))
        let why = c.overlays.topScreen == nil && c.overlays.contains(.why)
        if why, let help = q.help {
            body.blank()
            body.add(t(.whyWeAsk) + ":", .heading)
            body.add(content.spans(help))
            // What the options mean, where the content says it.
            for option in q.options {
                guard let h = option.help else { continue }
                body.add([Span(content.plain(option.label) + ": ", Style(.normal, bold: true))] + content.spans(h), lead: [Span("• ")])
            }
        }
        body.blank()
        let current: Answer? = { if case .question(_, let a) = c.session.position { return a } else { return nil } }()
        var keys: [KeyHint]
        let count = q.options.count + (q.sensitive ? 1 : 0)
        switch q.kind {
        case .singleChoice, .yesNoUnsure, .multipleChoice:
            for (i, option) in q.options.enumerated() {
                let mark: String
                if q.kind == .multipleChoice {
                    mark = c.entry.ticked.contains(option.id) ? "[x] " : "[ ] "
                } else {
                    mark = current == .value(.option(option.id)) ? "(•) " : "( ) "
                }
                body.add(content.spans(option.label), target: .option(option.id), lead: [Span("\(i + 1). " + mark)])
            }
            keys = [KeyHint(.keyQuickExit)] + KeyHint.numbers(count)
            keys += q.kind == .multipleChoice ? hints(.keyToggle, .keyConfirmTicks) : hints(.keyAnswer)
            keys += hints(.keyBack, .keyLanguage, .keyBilingual, .keyClientLanguage, .keyReview, .keyResults)
            if q.help != nil { keys += hints(why ? .keyWhyClose : .keyWhy) }
            keys += hints(.keyGlossary, .keyMove, .keyQuit)
        case .number, .date, .text:
            body.add([Span("> " + c.entry.input + "▏", Style(.normal, bold: true))], target: .input)
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
            body.add(hint, .muted)
            // Letters go into the field here, so the other keys are function keys.
            keys = hints(.keyQuickExit, .keyType, .keyBack, .keyLanguageF, .keyBilingualF, .keyClientLanguageF, .keyReviewF, .keyResultsF)
            if q.help != nil { keys += hints(.keyWhyF) }
            if q.sensitive { keys.insert(KeyHint(.keyDecline), at: 2) }
            keys += hints(.keyQuitCtrlC)
        }
        if q.sensitive {
            let mark = q.kind == .multipleChoice || !q.kind.hasOptions ? "" : (current == .declined ? "(•) " : "( ) ")
            let n = q.kind.hasOptions ? "\(q.options.count + 1). " : ""
            body.add([Span(t(.preferNotToSay), .muted)], target: .decline, lead: [Span(n + mark, .muted)])
        }
        if c.change != nil {
            keys.insert(KeyHint(c.change?.returnsToReview == true ? .keyBackToReview : .keyBackToResults), at: 1)
        }
        let texts = [q.prompt] + (why ? [q.help] + q.options.map(\.help) : []) + q.options.map(\.label)
        return ScreenView(header: progressHeader(c, chrome), body: body.lines, keys: keys, termTexts: texts)
    }

    func message(_ p: InputProblem) -> String {
        switch p {
        case .number(let lo, let hi, let integer):
            var m = integer ? t(.typeWholeNumber) : t(.typeNumber)
            if let lo, let hi { m += " " + t(.between).filled(Question.show(lo), Question.show(hi)) } else if let lo { m += " " + t(.atLeast).filled(Question.show(lo)) } else if let hi { m += " " + t(.atMost).filled(Question.show(hi)) }
            return m + t(.suchAs34)
        case .date: return t(.typeDate) + "."
        case .text: return t(.typeText)
        case .tickOne(let canDecline): return t(canDecline ? .tickOneOrDecline : .tickOne)
        }
    }

    // MARK: Review

    func review(_ c: CaseMode, _ chrome: Chrome) -> ScreenView {
        var body = newBody()
        let s = c.session
        body.add(t(.changeHint), .muted)
        body.blank()
        let answered = s.walk.stops.compactMap { stop -> String? in if case .question(let q) = stop { return q } else { return nil } }
        if answered.isEmpty { body.add(t(.noAnswers), .muted) }
        for id in answered {
            guard let q = bundle.question(id), let a = s.answers[id] else { continue }
            body.add(content.spans(q.prompt, Style(.normal, bold: true)), target: .question(id))
            body.add("→ " + content.answer(a, of: id), target: .question(id), lead: "  ")
        }
        let recording = c.purpose == .record && context.recordsAvailable
        if recording {
            body.blank()
            body.addForWorker(t(.notesLabel), .heading)
            if c.notes.isEmpty {
                body.addForWorker("—", lead: "  ")
            } else {
                for paragraph in c.notes.split(separator: "\n", omittingEmptySubsequences: false) {
                    body.addForWorker(String(paragraph), lead: "  ")
                }
            }
        }
        let aside = s.setAside  // worked out once, not once per question of the bundle
        let setAside = ConversationOrder(bundle).sorted(Array(aside.keys))
        if !setAside.isEmpty {
            body.blank()
            body.add(t(.setAside), .heading)
            body.add(t(.setAsideNote), .muted)
            for id in setAside {
                guard let answer = aside[id] else { continue }
                body.add(content.plain(bundle.question(id)?.prompt) + " → " + content.answer(answer, of: id), .muted, lead: "  ")
            }
        }
        return ScreenView(header: header(t(.review), chrome: chrome), body: body.lines,
                          keys: hints(.keyQuickExit, .keyChange, .keyClose) + (recording ? hints(.keyNotes) : [])
                              + hints(.keyResults, .keyLanguage, .keyBilingual, .keyClientLanguage, .keyMove, .keyQuit),
                          termTexts: answered.map { bundle.question($0)?.prompt })
    }

    // MARK: Notes

    func notesEditor(_ e: NotesEditor, _ chrome: Chrome) -> ScreenView {
        var body = newBody()
        let lines = e.lines(width: width)
        let (cursorLine, _) = e.cursorLine(in: lines)
        for (i, l) in lines.enumerated() {
            var spans: StyledLine = []
            var text = ""
            for k in l.start..<l.end {
                let ch = e.text[k]
                if k == e.cursor, i == cursorLine {
                    if !text.isEmpty { spans.append(Span(text)); text = "" }
                    spans.append(Span(ch == "\n" ? " " : String(ch), Style(.normal, reverse: true)))
                } else if ch != "\n" {
                    text.append(ch)
                }
            }
            if !text.isEmpty { spans.append(Span(text)) }
            if i == cursorLine && e.cursor == l.end && l.endsParagraph { spans.append(Span(" ", Style(.normal, reverse: true))) }
            body.append([BodyLine(spans)])
        }
        var view = ScreenView(header: header(t(.notesLabel), chrome: chrome), body: body.lines,
                              keys: hints(.keyQuickExit, .keySaveNotes, .keyCloseNotes, .keyNewLine, .keyQuitCtrlC))
        if e.confirmingDiscard { view.status = [Span(t(.notesUnsaved), .error)] }
        else if e.full { view.status = [Span(t(.notesFull).filled(String(NotesEditor.limit)), .error)] }
        else { view.status = [Span(t(.noNames), .muted)] }
        return view
    }
}

extension ChangeFlow {
    var returnsToReview: Bool { if case .review = returnTo { return true } else { return false } }
}
