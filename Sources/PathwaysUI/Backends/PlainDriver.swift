import Foundation
import PathwaysEngine

/// The accessible line mode: numbered prompts, one per line, typed commands for every feature.
/// Friendly to screen readers and braille displays, and scriptable by piping answers in.
public struct PlainDriver {
    public var bundle: ContentBundle
    public var locale: String
    var session: Session
    var printedResults = false
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

    public init(bundle: ContentBundle, locale: String? = nil, today: Day? = nil, keeper: CaseKeeper? = nil, reopened: ReopenedCase? = nil,
                readLine: @escaping () -> String? = { Swift.readLine() }, write: @escaping (String) -> Void = PlainDriver.writeLine) {
        self.bundle = bundle
        self.locale = reopened?.locale ?? locale ?? bundle.info.defaultLocale
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
    func record() {
        guard let keeper else { return }
        do {
            try keeper.record(session, locale: locale)
        } catch {
            write(UIText.notSaved.text(locale) + " \(error)")
        }
    }

    var fr: Bool { locale == "fr" }
    func say(_ en: String, _ frText: String) { write(fr ? frText : en) }
    var content: ContentText { ContentText(bundle: bundle, locale: locale) }
    var report: ReportText { ReportText(bundle: bundle, locale: locale) }

    /// Runs until `quit` or the end of input. Returns the exit status.
    public mutating func run() -> Int32 {
        let info = bundle.info
        write("\(content.plain(info.title)) — \(UIText.contentVersion.text(locale)) \(info.id) \(info.version)"
              + (info.reviewedOn.map { ", \(UIText.reviewedOn.text(locale)) \($0)" } ?? ""))
        write(UIText.notLegalAdvice.text(locale) + " " + (fr ? "Tapez « aide » pour les commandes." : "Type 'help' for the commands."))
        if keeper != nil {
            record()
            if let code = keeper?.caseCode {
                write("\(UIText.caseLabel.text(locale)) \(code). " + UIText.noNames.text(locale))
            }
        }
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
                hint = fr ? "tapez un nombre de 1 à \(n)" : "type a number from 1 to \(n)"
            case .multipleChoice: hint = fr ? "tapez les numéros qui s'appliquent" : "type the numbers that apply"
            case .number: hint = numberHint(q).lowercased()
            case .date: hint = fr ? "tapez une date (année-mois-jour)" : "type a date (year-month-day)"
            case .text: hint = fr ? "tapez quelques mots" : "type a few words"
            }
        } else {
            hint = fr ? "tapez « résultats », « détail N » ou « aide »" : "type 'results', 'detail N' or 'help'"
        }
        say("Nothing typed: \(hint).", "Rien n'a été tapé : \(hint).")
    }

    /// After an answer (or a continue) during a change: on to what the change opened, or the review again.
    /// Returns whether the next question or result still has to be shown.
    mutating func afterAnswer() -> Bool {
        guard let flow = change else { return true }
        guard flow.advance(&session) else { return true }
        change = nil
        say("Changed. The other answers are kept.", "Modifié. Les autres réponses sont gardées.")
        showReview(nextAction: false)
        // Then where the case stands: the question it was at, or the way to the results.
        if currentQuestion != nil { return true }
        say("Type 'results' for the results.", "Tapez « résultats » pour les résultats.")
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
            if let q = currentQuestion { write(UIText.whyWeAsk.text(locale) + ": " + content.plain(q.help)) }
            return .stay
        }
        if matches(["back", "retour"], "b") {
            if !session.back() { say("This is the first question.", "C'est la première question.") }
            return .moved
        }
        if matches(["review", "revoir"], "r") { showReview(); return .stay }
        if matches(["results", "résultats", "resultats"], "s") { showResults(); return .stay }
        if matches(["lang", "langue", "language"], "l") {
            let locales = bundle.info.locales
            locale = locales[((locales.firstIndex(of: locale) ?? 0) + 1) % locales.count]
            return .moved
        }
        if matches(["continue", "continuer"], "c") {
            guard session.continuePastOutcome() else {
                say("There is nothing to continue here.", "Il n'y a rien à poursuivre ici.")
                return .stay
            }
            record()
            return afterAnswer() ? .moved : .stay
        }
        if matches(["decline", "refuser"], "x") {
            guard let q = currentQuestion, q.sensitive else {
                say("This question cannot be declined.", "On ne peut pas refuser cette question.")
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
                say("Type 'change N' with N from the review list.", "Tapez « modifier N », N venant de la liste des réponses.")
                return .stay
            }
            let flow = ChangeFlow(session, returnTo: .review(Place()))
            if session.goTo(question: answered[n - 1]) { change = flow }
            return .moved
        }
        if words[0] == "note" || words[0] == "notes" {
            guard let keeper else { say("Case records are off: notes cannot be kept.", "Les dossiers sont désactivés : les notes ne peuvent pas être gardées."); return .stay }
            let text = line.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if words == ["notes", "clear"] || words == ["notes", "effacer"] {
                notes = ""
            } else if text.isEmpty {
                // `note` alone reads the notes back.
                write(UIText.notesLabel.text(locale) + ":")
                write(notes.isEmpty ? "  —" : notes.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
                return .stay
            } else {
                // Each note is a line added to the notes: nothing typed before is lost.
                guard notes.count + text.count < NotesEditor.limit else {
                    say("The notes are full (\(NotesEditor.limit) characters).", "Les notes sont pleines (\(NotesEditor.limit) caractères).")
                    return .stay
                }
                notes = notes.isEmpty ? text : notes + "\n" + text
            }
            do { try keeper.saveNotes(notes); say("Notes saved.", "Notes enregistrées.") } catch { write(UIText.notSaved.text(locale) + " \(error)") }
            return .stay
        }
        if words[0] == "export" || words[0] == "exporter" {
            guard let keeper else { say("Case records are off: use 'pathways assess' instead.", "Les dossiers sont désactivés : utilisez « pathways assess »."); return .stay }
            let withAnswers = words.dropFirst().contains { $0.hasPrefix("answer") || $0.hasPrefix("répon") || $0.hasPrefix("repon") }
            do { write(try keeper.export(session, locale: locale, includeAnswers: withAnswers)) } catch { write("\(error)") }
            return .stay
        }
        if matches(["quit", "quitter"], "q") {
            guard !wasAsked, let reason = quitReason else { return .quit }
            write(reason + " " + (fr ? "Tapez « quitter » de nouveau pour quitter." : "Type 'quit' again to quit."))
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
        guard let keeper else { return UIText.quitNotSaved.text(locale) }
        guard !session.isFinished else { return nil }
        let code = keeper.caseCode.map { fr ? "Le dossier \($0) est enregistré" : "The case \($0) is saved" } ?? (fr ? "Le dossier est enregistré" : "The case is saved")
        return code + (fr ? " mais pas terminé." : " but not finished.")
    }

    var answeredQuestions: [String] {
        session.walk.stops.compactMap { if case .question(let q) = $0 { return q } else { return nil } }
    }

    /// Reads an answer to the current question; re-asks (returns false) when it does not fit.
    mutating func answer(_ line: String) -> Bool {
        guard let q = currentQuestion else {
            say("Type 'results', 'detail N', 'review' or 'quit'.", "Tapez « résultats », « détail N », « revoir » ou « quitter ».")
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
                say("“\(label)” cannot be chosen with other answers: type it alone, or the others without it.",
                    "« \(label) » ne peut pas être choisi avec d'autres réponses : tapez-le seul, ou les autres sans lui.")
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
            say("Please type a number from 1 to \(n).", "Veuillez taper un nombre de 1 à \(n).")
        case .multipleChoice:
            say("Please type the numbers that apply, separated by spaces, such as 1 3.", "Veuillez taper les numéros qui s'appliquent, séparés par des espaces, par exemple 1 3.")
        case .number:
            write(numberHint(q) + ".")
        case .date: write(UIText.typeDate.text(locale) + ".")
        case .text: write(UIText.typeText.text(locale))
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
            write("\(section)\(UIText.step.text(locale)) \(p.step) \(UIText.ofAbout.text(locale)) \(max(p.step, p.estimatedTotal))")
            write(content.plain(q.prompt))
            if let current { write((fr ? "Réponse actuelle : " : "Current answer: ") + content.answer(current, of: id)) }
            switch q.kind {
            case .singleChoice, .yesNoUnsure, .multipleChoice:
                for (i, o) in q.options.enumerated() { write("  \(i + 1). " + content.plain(o.label)) }
                if q.sensitive && q.kind != .multipleChoice { write("  \(q.options.count + 1). " + UIText.preferNotToSay.text(locale)) }
                if q.kind == .multipleChoice {
                    say("Type the numbers that apply, separated by spaces" + (q.sensitive ? ", or 'decline'." : "."),
                        "Tapez les numéros qui s'appliquent, séparés par des espaces" + (q.sensitive ? ", ou « refuser »." : "."))
                }
            case .number, .date, .text:
                reaskHint(q)
            }
        case .outcome:
            showResults()
        case .stuck:
            say("The content gives nowhere to go from here; run 'pathways check'.", "Le contenu ne mène nulle part d'ici; lancez « pathways check ».")
        }
    }

    /// "Type a whole number from 0 to 120": what a number question takes.
    func numberHint(_ q: Question) -> String {
        var m = q.numberRules.integer ? UIText.typeWholeNumber.text(locale) : UIText.typeNumber.text(locale)
        if let lo = q.numberRules.min, let hi = q.numberRules.max {
            m += " " + UIText.between.text(locale).filled(Question.show(lo), Question.show(hi))
        }
        return m
    }

    func reaskHint(_ q: Question) {
        switch q.kind {
        case .number:
            write(numberHint(q) + (q.sensitive ? (fr ? ", ou « refuser »." : ", or 'decline'.") : "."))
        case .date: write(UIText.typeDate.text(locale) + (q.sensitive ? (fr ? ", ou « refuser »." : ", or 'decline'.") : "."))
        default: write(UIText.typeText.text(locale))
        }
    }

    func showHelp() {
        if fr {
            write("Commandes : un numéro ou une valeur pour répondre; ? pourquoi; retour; revoir; modifier N; résultats; détail N; langue; continuer; refuser; glossaire; note TEXTE (ajoute une ligne aux notes; « note » seul les relit); exporter (ou : exporter avec réponses); quitter. Sortie rapide : sortie! puis Entrée (ou Ctrl-X puis Entrée) efface l'écran et termine.")
        } else {
            write("Commands: a number or a value to answer; ? why we ask; back; review; change N; results; detail N; lang; continue; decline; glossary; note TEXT (adds a line to the notes; 'note' alone reads them); export (or: export with answers); quit. Quick exit: exit! then Enter (or Ctrl-X then Enter) clears the screen and ends.")
        }
    }

    func showReview(nextAction: Bool = true) {
        write(UIText.review.text(locale) + ":")
        let answered = answeredQuestions
        if answered.isEmpty { write("  " + UIText.noAnswers.text(locale)) }
        for (i, id) in answered.enumerated() {
            guard let a = session.answers[id] else { continue }
            write("  \(i + 1). " + content.plain(bundle.question(id)?.prompt) + " → " + content.answer(a, of: id))
        }
        let setAside = session.setAside
        let aside = ConversationOrder(bundle).sorted(Array(setAside.keys))
        if !aside.isEmpty {
            write(UIText.setAside.text(locale) + ":")
            for id in aside {
                guard let a = setAside[id] else { continue }
                write("  - " + content.plain(bundle.question(id)?.prompt) + " → " + content.answer(a, of: id))
            }
        }
        say("Type 'change N' to change an answer.", "Tapez « modifier N » pour modifier une réponse.")
        // The next action comes last, just above the prompt.
        guard nextAction else { return }
        if let q = currentQuestion {
            say("Now: “\(content.plain(q.prompt))” Type the answer, or 'results'.",
                "Maintenant : « \(content.plain(q.prompt)) » Tapez la réponse, ou « résultats ».")
        } else {
            say("Type 'results' for the results.", "Tapez « résultats » pour les résultats.")
        }
    }

    /// Pathways in the order shown by `showResults`, numbered for `detail N`.
    var numbered: [PathwayAssessment] { ResultGroup.grouped(session.assess()).flatMap(\.pathways) }

    mutating func showResults() {
        printedResults = true
        let a = session.assess()
        write("")
        var canContinue = false
        if case .outcome(let id) = session.position, let o = bundle.outcome(id) {
            write((o.urgent ? UIText.urgent.text(locale) + ": " : "") + content.plain(o.title))
            if let m = o.message { write(content.plain(m)) }
            canContinue = o.continueTo != nil
        } else if let q = a.unanswered.first {
            write(UIText.stoppedAt.text(locale) + " “" + content.plain(bundle.question(q)?.prompt) + "”")
        }
        // The engine's deadlines and the cautions that matter even where their pathway does not apply.
        if !a.deadlines.isEmpty {
            write("")
            say("Dates that matter:", "Dates importantes :")
            for d in a.deadlines { write("  - " + report.deadlineLine(d)) }
        }
        if !a.notices.isEmpty {
            write("")
            say("Keep in mind:", "À retenir :")
            for notice in a.notices { write("  - " + report.notice(notice)) }
        }
        var n = 0
        for entry in ResultGroup.grouped(a) where !entry.pathways.isEmpty {
            write("")
            write(entry.group.title.text(locale) + ":")
            for p in entry.pathways {
                n += 1
                write("  \(n). " + report.title(ofPathway: p.id))
                for r in p.reasons { write("     - " + report.reason(r)) }
                if p.status == .possible && !p.missing.isEmpty {
                    write("     " + UIText.stillToFindOut.text(locale) + " " + p.missing.map { content.plain(bundle.question($0)?.prompt) }.joined(separator: " / "))
                }
            }
        }
        write("")
        write(UIText.notLegalAdvice.text(locale))
        // What to type next comes last, just above the prompt.
        say("Type 'detail N' for steps, documents, fees, contacts and sources.", "Tapez « détail N » pour les étapes, documents, frais, contacts et sources.")
        if canContinue {
            say("Type 'continue' to go on with the conversation when the person is safe.",
                "Tapez « continuer » pour poursuivre la conversation quand la personne est en sécurité.")
        }
    }

    func showDetail(_ n: Int?) {
        let list = numbered
        guard let n, n >= 1, n <= list.count, let p = bundle.pathway(list[n - 1].id) else {
            say("Type 'detail N' with N from the results.", "Tapez « détail N », N venant des résultats.")
            return
        }
        let a = list[n - 1]
        write("")
        write(content.plain(p.title))
        write(ResultGroup.label(a, locale))
        if let s = p.summary { write(content.plain(s)) }
        func section(_ title: UIText, _ items: [String]) {
            guard !items.isEmpty else { return }
            write(title.text(locale) + ":")
            for i in items { write("  - " + i) }
        }
        section(.reasons, a.reasons.map(report.reason))
        section(.steps, p.steps.map(report.fact))
        section(.documents, p.documents.map(report.fact))
        section(.fees, p.fees.map(report.fact))
        section(.duration, p.duration.map(report.fact))
        section(.cautions, a.cautions.map(report.caution))
        section(.whoToContact, a.referrals.map(report.referral))
        section(.sources, p.sources.map { report.source($0.id) })
    }
}
