import Foundation
import PathwaysEngine

/// The accessible line mode: numbered prompts, one per line, typed commands for every feature.
/// Friendly to screen readers and braille displays, and scriptable by piping answers in.
public struct PlainDriver {
    public var bundle: ContentBundle
    /// The worker's language: every line, the commands' answers and the reasons.
    public var locale: String
    /// The person's language, when it is not the worker's: prompts, options, pathways and the disclaimer are
    /// also written in it, each just after the worker's (`--client-lang`).
    public var clientLocale: String?
    var session: Session
    var printedResults = false
    /// The case's code was said. A new case is written at its first answer (or note), as in the full-screen
    /// interface, so a case opened and left at once leaves nothing in the store.
    var announcedCode = false
    let readLine: () -> String?
    let write: (String) -> Void
    let keeper: CaseKeeper?
    var notice: [String] = []
    /// The caseworker's notes: `note TEXT` adds a line to them.
    var notes: String
    /// A change from `change N`, until the review is shown again.
    var change: ChangeFlow?
    /// `quit` was typed once with answers that are unsaved or unfinished: `quit` again ends.
    var quitAsked = false
    /// Clears the terminal and its scrollback on a quick exit (only when the output is a terminal).
    public var wipeTerminal: () -> Void = PlainDriver.wipeIfTerminal
    /// Shows the prompt marker before each line is read; by default only when a person types at a terminal
    /// (a program reading a pipe gets whole lines).
    public var prompt: () -> Void = PlainDriver.promptIfTerminal

    /// Written before each line the person types.
    public static let promptMarker = "> "

    public init(bundle: ContentBundle, locale: String? = nil, clientLocale: String? = nil, today: Day? = nil, keeper: CaseKeeper? = nil,
                reopened: ReopenedCase? = nil,
                readLine: @escaping () -> String? = { Swift.readLine() }, write: @escaping (String) -> Void = PlainDriver.writeLine) {
        self.bundle = bundle
        let worker = reopened?.locale ?? locale ?? bundle.info.defaultLocale
        self.locale = worker
        self.clientLocale = clientLocale.flatMap { bundle.info.locales.contains($0) && $0 != worker ? $0 : nil }
        self.session = reopened?.session ?? Session(bundle: bundle, today: today)
        self.notice = reopened?.notice ?? []
        self.notes = reopened?.notes ?? ""
        self.keeper = keeper
        self.readLine = readLine
        self.write = write
    }

    /// Writes a line straight to standard output, unbuffered, so a program or a screen-reader bridge
    /// reading a pipe sees each question as soon as it is asked.
    public static func writeLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func promptIfTerminal() {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { return }
        FileHandle.standardOutput.write(Data(promptMarker.utf8))
    }

    static func wipeIfTerminal() {
        guard isatty(STDOUT_FILENO) != 0 else { return }
        FileHandle.standardOutput.write(Data("\u{1b}[H\u{1b}[2J\u{1b}[3J".utf8))
    }

    /// A line that means quick exit: `exit!` (or `sortie!`), or one holding Ctrl-X or F12's sequence, then
    /// Enter. Line mode cannot act on a key before Enter, so this is its quick exit.
    static func isQuickExit(_ line: String) -> Bool {
        let word = line.trimmingCharacters(in: .whitespaces).lowercased()
        return word == "exit!" || word == "sortie!" || line.contains("\u{18}") || line.contains("\u{1b}[24~")
    }

    /// Commits the case before anything more is shown; a failure is said plainly.
    mutating func record() {
        guard let keeper else { return }
        do {
            try keeper.record(session, locale: locale)
        } catch {
            write(w[.notSaved] + " \(error)")
        }
        announceCode()
    }

    /// "Case KQ7-M2P. No names…", once, when the case first has a code.
    mutating func announceCode() {
        guard !announcedCode, let code = keeper?.caseCode else { return }
        announcedCode = true
        write("\(w[.caseLabel]) \(code). " + w[.noNames])
    }

    /// The worker's words.
    var w: Words { Words(bundle, locale: locale) }
    /// Writes one of the interface's texts in the worker's language, %1… filled in.
    func say(_ key: UIText, _ args: String...) { write(w[key].filled(args)) }
    var content: ContentText { ContentText(bundle: bundle, locale: locale) }
    var report: ReportText { ReportText(bundle: bundle, locale: locale) }
    /// The person's words and texts: a missing one comes from the worker's language, marked "[EN]".
    var clientWords: Words? { clientLocale.map { Words(bundle.strings, locale: $0, fallbacks: [locale, bundle.info.defaultLocale]) } }
    var clientContent: ContentText? {
        clientWords.map { ContentText(bundle: bundle, locale: $0.locale, fallbacks: $0.fallbacks) }
    }

    /// A text the person reads: the worker's line, then the person's just after it.
    func writeBoth(_ t: LocalizedText?, prefix: String = "") {
        write(prefix + content.plain(t))
        if let c = clientContent { write(String(repeating: " ", count: prefix.count) + c.plain(t)) }
    }

    /// "Yes / Sí": a short text in the worker's language and the person's, on one line.
    func both(_ t: LocalizedText?) -> String {
        guard let c = clientContent else { return content.plain(t) }
        let (mine, theirs) = (content.plain(t), c.plain(t))
        return mine == theirs ? mine : mine + " / " + theirs
    }

    func both(_ key: UIText) -> String {
        guard let c = clientWords else { return w[key] }
        return w[key] == c[key] ? w[key] : w[key] + " / " + c[key]
    }

    /// Says, in each unchecked language shown and in the worker's, that the translation has not been checked.
    func noticeUnchecked() {
        let shown = [locale] + (clientLocale.map { [$0] } ?? [])
        let unchecked = shown.filter { bundle.info.declaration(of: $0).review.needsNotice }
        guard !unchecked.isEmpty else { return }
        var langs = unchecked
        if !langs.contains(locale) { langs.append(locale) } else if !langs.contains(bundle.info.defaultLocale) { langs.append(bundle.info.defaultLocale) }
        for l in langs { write("⚠ " + bundle.strings.word(.unreviewedTranslation, l, fallbacks: [bundle.info.defaultLocale])) }
    }

    /// Runs until `quit` or the end of input. Returns the exit status.
    public mutating func run() -> Int32 {
        let info = bundle.info
        write("\(content.plain(info.title)) — \(w[.contentVersion]) \(info.id) \(info.version)"
              + (info.reviewedOn.map { ", \(w[.reviewedOn]) \($0)" } ?? ""))
        write(w[.notLegalAdvice] + " " + w[.plainHelpHint])
        if let client = clientLocale { say(.plainClientLanguage, w.name(of: client)) }
        noticeUnchecked()
        // A reopened case has its code already; a new one gets it at its first answer.
        announceCode()
        for line in notice { write(line) }
        var needsPrompt = true
        while true {
            if needsPrompt { showPosition() }
            needsPrompt = true
            prompt()
            guard let raw = readLine() else {
                if !printedResults && session.isFinished { showResults() }
                return 0
            }
            if Self.isQuickExit(raw) {
                // Nothing more is shown: the screen and its scrollback go, and the case leaves memory.
                wipeTerminal()
                keeper?.forget()
                return 0
            }
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                nothingTyped()
                needsPrompt = false
                continue
            }
            let wasAsked = quitAsked
            quitAsked = false
            if let handled = command(line, quitAsked: wasAsked) {
                if handled == .quit { return 0 }
                needsPrompt = handled == .moved
                continue
            }
            needsPrompt = answer(line)
            if needsPrompt {
                record()
                needsPrompt = afterAnswer()
            }
        }
    }

    /// An empty line: what the current question takes, in a short line.
    func nothingTyped() {
        let hint: String
        if let q = currentQuestion {
            switch q.kind {
            case .singleChoice, .yesNoUnsure:
                let n = q.options.count + (q.sensitive ? 1 : 0)
                hint = w(.plainHintChoice, String(n))
            case .multipleChoice: hint = w[.plainHintTicks]
            case .number: hint = numberHint(q).lowercased()
            case .date: hint = w[.plainHintDate]
            case .text: hint = w[.plainHintText]
            }
        } else {
            hint = w[.plainHintResults]
        }
        say(.plainNothingTyped, hint)
    }

    /// After an answer (or a continue) during a change: on to what the change opened, or the review again.
    /// Returns whether the next question or result still has to be shown.
    mutating func afterAnswer() -> Bool {
        guard let flow = change else { return true }
        guard flow.advance(&session) else { return true }
        change = nil
        say(.plainChanged)
        showReview(nextAction: false)
        // Then where the case stands: the question it was at, or the way to the results.
        if currentQuestion != nil { return true }
        say(.plainTypeResults)
        return false
    }

    enum Outcome { case moved, stay, quit }

    /// A typed command, or nil when the line is an answer.
    mutating func command(_ line: String, quitAsked wasAsked: Bool = false) -> Outcome? {
        let words = line.lowercased().split(separator: " ").map(String.init)
        let onText: Bool = { if let q = currentQuestion { return !q.kind.hasOptions } else { return false } }()
        // On a text question, single letters are answers; whole words are still commands.
        func matches(_ long: [String], _ short: String) -> Bool {
            long.contains(words[0]) || (!onText && words[0] == short)
        }
        if matches(["help", "aide"], "h") { showHelp(); return .stay }
        if matches(["why", "pourquoi"], "?") || words[0] == "?" {
            if let q = currentQuestion {
                write(w[.whyWeAsk] + ": " + content.plain(q.help))
                if let c = clientContent, let cw = clientWords, q.help != nil { write(cw[.whyWeAsk] + ": " + c.plain(q.help)) }
            }
            return .stay
        }
        if matches(["back", "retour"], "b") {
            if !session.back() { say(.plainFirstQuestion) }
            return .moved
        }
        if matches(["review", "revoir"], "r") { showReview(); return .stay }
        if matches(["results", "résultats", "resultats"], "s") { showResults(); return .stay }
        if words.count > 1, ["client", "personne", "person"].contains(words[0]), ["lang", "langue", "language"].contains(words[1]) {
            // The person's language: the next of the bundle's that is not the worker's (or none again).
            let others = bundle.info.locales.filter { $0 != locale }
            let i = clientLocale.flatMap { others.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            clientLocale = i < others.count ? others[i] : nil
            if let c = clientLocale { say(.plainClientLanguage, w.name(of: c)) }
            noticeUnchecked()
            return .moved
        }
        if words[0] == "handout" || words[0] == "feuillet" {
            guard let keeper else { say(.plainHandoutOff); return .stay }
            guard session.isFinished || printedResults else { say(.plainHandoutWhen); return .stay }
            let person = clientLocale ?? locale
            let withWorker = words.dropFirst().contains { ["both", "deux", "two"].contains($0) } && person != locale
            do { write(try keeper.handout(session, locale: person, workerLocale: withWorker ? locale : nil, wordsLocale: locale)) } catch { write("\(error)") }
            return .stay
        }
        if matches(["lang", "langue", "language"], "l") {
            let locales = bundle.info.locales
            let next = locales[((locales.firstIndex(of: locale) ?? 0) + 1) % locales.count]
            if next == clientLocale { clientLocale = locale }
            locale = next
            return .moved
        }
        if matches(["continue", "continuer"], "c") {
            guard session.continuePastOutcome() else {
                say(.plainNothingToContinue)
                return .stay
            }
            record()
            return afterAnswer() ? .moved : .stay
        }
        if matches(["decline", "refuser"], "x") {
            guard let q = currentQuestion, q.sensitive else {
                say(.plainCannotDecline)
                return .stay
            }
            try? session.answer(.declined)
            record()
            return afterAnswer() ? .moved : .stay
        }
        if matches(["glossary", "glossaire"], "g") {
            for term in bundle.glossary { write("  " + content.plain(term.term) + " — " + content.plain(term.definition)) }
            return .stay
        }
        if matches(["detail", "détail"], "d") {
            showDetail(words.count > 1 ? Int(words[1]) : nil)
            return .stay
        }
        if matches(["change", "modifier"], "m") {
            let answered = answeredQuestions
            guard words.count > 1, let n = Int(words[1]), n >= 1, n <= answered.count else {
                say(.plainChangeHow)
                return .stay
            }
            let flow = ChangeFlow(session, returnTo: .review(Place()))
            if session.goTo(question: answered[n - 1]) { change = flow }
            return .moved
        }
        if words[0] == "note" || words[0] == "notes" {
            guard let keeper else { say(.plainNotesOff); return .stay }
            let text = line.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if words == ["notes", "clear"] || words == ["notes", "effacer"] {
                notes = ""
            } else if text.isEmpty {
                // `note` alone reads the notes back.
                write(w[.notesLabel] + ":")
                write(notes.isEmpty ? "  —" : notes.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
                return .stay
            } else {
                // Each note is a line added to the notes: nothing typed before is lost.
                guard notes.count + text.count < NotesEditor.limit else {
                    say(.notesFull, String(NotesEditor.limit))
                    return .stay
                }
                notes = notes.isEmpty ? text : notes + "\n" + text
            }
            do { try keeper.saveNotes(notes, session: session, locale: locale); say(.plainNotesSaved) } catch { write(w[.notSaved] + " \(error)") }
            announceCode()
            return .stay
        }
        if words[0] == "export" || words[0] == "exporter" {
            guard let keeper else { say(.plainExportOff); return .stay }
            let withAnswers = words.dropFirst().contains { $0.hasPrefix("answer") || $0.hasPrefix("répon") || $0.hasPrefix("repon") }
            do { write(try keeper.export(session, locale: locale, includeAnswers: withAnswers)) } catch { write("\(error)") }
            return .stay
        }
        if matches(["quit", "quitter"], "q") {
            guard !wasAsked, let reason = quitReason else { return .quit }
            write(reason + " " + w[.plainQuitAgain])
            quitAsked = true
            return .stay
        }
        return nil
    }

    var currentQuestion: Question? {
        guard case .question(let id, _) = session.position else { return nil }
        return bundle.question(id)
    }

    /// What quitting now would leave behind, or nil when nothing would be lost or unfinished.
    var quitReason: String? {
        guard !session.answers.isEmpty else { return nil }
        guard let keeper else { return w[.quitNotSaved] }
        guard !session.isFinished else { return nil }
        return keeper.caseCode.map { w(.plainSavedNotFinished, $0) } ?? w[.plainSavedNotFinishedNoCode]
    }

    var answeredQuestions: [String] {
        session.walk.stops.compactMap { if case .question(let q) = $0 { return q } else { return nil } }
    }

    /// Reads an answer to the current question; re-asks (returns false) when it does not fit.
    mutating func answer(_ line: String) -> Bool {
        guard let q = currentQuestion else {
            say(.plainAnswerHow)
            return false
        }
        let value: AnswerValue
        switch q.kind {
        case .singleChoice, .yesNoUnsure:
            guard let option = option(line, q) else { return reask(q) }
            if option == nil { try? session.answer(.declined); return true }
            value = .option(option!)
        case .multipleChoice:
            var ids: [String] = []
            for part in line.split(whereSeparator: { $0 == " " || $0 == "," }) {
                guard let o = option(String(part), q), let id = o else { return reask(q) }
                ids.append(id)
            }
            if ids.count > 1, let only = ids.lazy.compactMap({ q.option($0) }).first(where: \.exclusive) {
                let label = content.plain(only.label)
                say(.plainExclusive, label)
                return false
            }
            value = .options(ids)
        case .number, .date, .text:
            value = .text(line)
        }
        switch q.validate(.value(value)) {
        case .success(let a):
            try? session.answer(a)
            return true
        case .failure:
            return reask(q)
        }
    }

    /// The option a typed number or id names; `.some(nil)` for "prefer not to say"; nil for neither.
    func option(_ text: String, _ q: Question) -> String?? {
        if let n = Int(text) {
            if n >= 1 && n <= q.options.count { return .some(q.options[n - 1].id) }
            if q.sensitive && n == q.options.count + 1 && q.kind != .multipleChoice { return .some(nil) }
            return nil
        }
        if let o = q.options.first(where: { $0.id == text.lowercased() }) { return .some(o.id) }
        return nil
    }

    func reask(_ q: Question) -> Bool {
        let n = q.options.count + (q.sensitive && q.kind != .multipleChoice ? 1 : 0)
        switch q.kind {
        case .singleChoice, .yesNoUnsure:
            say(.plainReaskChoice, String(n))
        case .multipleChoice:
            say(.plainReaskTicks)
        case .number:
            write(numberHint(q) + ".")
        case .date: write(w[.typeDate] + ".")
        case .text: write(w[.typeText])
        }
        return false
    }

    // MARK: Output

    mutating func showPosition() {
        switch session.position {
        case .question(let id, let current):
            guard let q = bundle.question(id) else { return }
            let p = session.progress
            let section = p.section.map { content.plain($0.title) + " — " } ?? ""
            write("")
            write("\(section)\(w[.step]) \(p.step) \(w[.ofAbout]) \(max(p.step, p.estimatedTotal))")
            writeBoth(q.prompt)
            if let current { say(.plainCurrentAnswer, content.answer(current, of: id)) }
            switch q.kind {
            case .singleChoice, .yesNoUnsure, .multipleChoice:
                for (i, o) in q.options.enumerated() { write("  \(i + 1). " + both(o.label)) }
                if q.sensitive && q.kind != .multipleChoice { write("  \(q.options.count + 1). " + both(.preferNotToSay)) }
                if q.kind == .multipleChoice { say(q.sensitive ? .plainTypeTicksOrDecline : .plainTypeTicks) }
            case .number, .date, .text:
                reaskHint(q)
            }
        case .outcome:
            showResults()
        case .stuck:
            say(.plainStuck)
        }
    }

    /// "Type a whole number from 0 to 120": what a number question takes.
    func numberHint(_ q: Question) -> String {
        var m = q.numberRules.integer ? w[.typeWholeNumber] : w[.typeNumber]
        if let lo = q.numberRules.min, let hi = q.numberRules.max {
            m += " " + w(.between, Question.show(lo), Question.show(hi))
        }
        return m
    }

    func reaskHint(_ q: Question) {
        switch q.kind {
        case .number:
            write(q.sensitive ? w(.plainOrDecline, numberHint(q)) : numberHint(q) + ".")
        case .date: write(q.sensitive ? w(.plainOrDecline, w[.typeDate]) : w[.typeDate] + ".")
        default: write(w[.typeText])
        }
    }

    func showHelp() { say(.plainHelp) }

    func showReview(nextAction: Bool = true) {
        write(w[.review] + ":")
        let answered = answeredQuestions
        if answered.isEmpty { write("  " + w[.noAnswers]) }
        for (i, id) in answered.enumerated() {
            guard let a = session.answers[id] else { continue }
            write("  \(i + 1). " + content.plain(bundle.question(id)?.prompt) + " → " + content.answer(a, of: id))
        }
        let setAside = session.setAside
        let aside = ConversationOrder(bundle).sorted(Array(setAside.keys))
        if !aside.isEmpty {
            write(w[.setAside] + ":")
            for id in aside {
                guard let a = setAside[id] else { continue }
                write("  - " + content.plain(bundle.question(id)?.prompt) + " → " + content.answer(a, of: id))
            }
        }
        say(.plainChangeAnswer)
        // The next action comes last, just above the prompt.
        guard nextAction else { return }
        if let q = currentQuestion {
            say(.plainNow, content.plain(q.prompt))
        } else {
            say(.plainTypeResults)
        }
    }

    /// Pathways in the order shown by `showResults`, numbered for `detail N`.
    var numbered: [PathwayAssessment] { ResultGroup.grouped(session.assess()).flatMap(\.pathways) }

    mutating func showResults() {
        printedResults = true
        let a = session.assess()
        write("")
        noticeUnchecked()
        var canContinue = false
        if case .outcome(let id) = session.position, let o = bundle.outcome(id) {
            write((o.urgent ? both(.urgent) + ": " : "") + both(o.title))
            if let m = o.message { writeBoth(m) }
            canContinue = o.continueTo != nil
        } else if let q = a.unanswered.first {
            write(w[.stoppedAt] + " “" + content.plain(bundle.question(q)?.prompt) + "”")
        }
        // The engine's deadlines and the cautions that matter even where their pathway does not apply.
        if !a.deadlines.isEmpty {
            write("")
            say(.plainDatesThatMatter)
            for d in a.deadlines { write("  - " + report.deadlineLine(d)) }
        }
        if !a.notices.isEmpty {
            write("")
            say(.plainKeepInMind)
            for notice in a.notices { write("  - " + report.notice(notice)) }
        }
        var n = 0
        for entry in ResultGroup.grouped(a) where !entry.pathways.isEmpty {
            write("")
            write(both(entry.group.title) + ":")
            for p in entry.pathways {
                n += 1
                write("  \(n). " + both(bundle.pathway(p.id)?.title))
                for r in p.reasons { write("     - " + report.reason(r)) }
                if p.status == .possible && !p.missing.isEmpty {
                    write("     " + w[.stillToFindOut] + " " + p.missing.map { q in
                        content.plain(bundle.question(q)?.prompt) + (p.declined.contains(q) ? " " + w[.choseNotToAnswer] : "")
                    }.joined(separator: " / "))
                }
            }
        }
        write("")
        write(w[.notLegalAdvice])
        if let c = clientContent, let cw = clientWords {
            write(cw[.notLegalAdvice] + " " + c.plain(bundle.info.disclaimer))
        }
        // What to type next comes last, just above the prompt.
        say(.plainDetailHow)
        if canContinue { say(.plainContinueHow) }
    }

    func showDetail(_ n: Int?) {
        let list = numbered
        guard let n, n >= 1, n <= list.count, let p = bundle.pathway(list[n - 1].id) else {
            say(.plainDetailWhich)
            return
        }
        let a = list[n - 1]
        write("")
        writeBoth(p.title)
        write(ResultGroup.label(a, w))
        if let s = p.summary { writeBoth(s) }
        func section(_ title: UIText, _ items: [String], client: [String] = []) {
            guard !items.isEmpty else { return }
            write(w[title] + ":")
            for i in items { write("  - " + i) }
            // The person's words for what they read (steps, contacts), after the worker's.
            if let cw = clientWords, !client.isEmpty {
                write(cw[title] + ":")
                for i in client { write("  - " + i) }
            }
        }
        let theirs = clientContent?.report
        section(.reasons, a.reasons.map(report.reason))
        section(.steps, p.steps.map(report.fact), client: theirs.map { p.steps.map($0.fact) } ?? [])
        section(.documents, p.documents.map(report.fact), client: theirs.map { p.documents.map($0.fact) } ?? [])
        section(.fees, p.fees.map(report.fact), client: theirs.map { p.fees.map($0.fact) } ?? [])
        section(.duration, p.duration.map(report.fact), client: theirs.map { p.duration.map($0.fact) } ?? [])
        section(.cautions, a.cautions.map(report.caution))
        section(.whoToContact, a.referrals.map(report.referral), client: theirs.map { r in a.referrals.map(r.referral) } ?? [])
        section(.sources, p.sources.map { report.source($0.id) })
    }
}
