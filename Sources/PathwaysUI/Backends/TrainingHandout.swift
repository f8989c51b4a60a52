import PathwaysEngine

/// Training cases on paper: the list, a participant worksheet (persona, prompts and discussion questions
/// with room to write, and no answers) and a facilitator guide (the answer key, notes, key decisions,
/// learning points and timings). Each is at most 80 columns, in pages of 60 lines with a form feed after
/// each, and carries the content's version, its review date and the not-legal-advice line.
public struct TrainingHandout {
    public let bundle: ContentBundle
    public let locale: String
    /// The day for training cases that give no `today:` of their own.
    public let today: Day?

    public init(bundle: ContentBundle, locale: String, today: Day? = nil) {
        self.bundle = bundle
        self.locale = locale
        self.today = today
    }

    var content: ContentText { ContentText(bundle: bundle, locale: locale) }
    func t(_ key: UIText) -> String { Words(bundle, locale: locale)[key] }
    /// "Discuss: " / « À discuter : », a label before its text.
    func label(_ key: UIText) -> String { t(key) + (locale == "fr" ? " : " : ": ") }

    /// The training cases, numbered, each with how to print its handouts.
    public func list() -> String {
        var out = [t(.trainingBanner), ""]
        for (i, s) in cases.enumerated() {
            out += HandoutPages.wrap(content.plain(s.title), lead: "\(i + 1). ")
            if let p = s.persona { out += HandoutPages.wrap(content.plain(p), lead: "   ") }
            out += HandoutPages.wrap("pathways train \(i + 1) --worksheet | --guide", lead: "   ")
            out.append("")
        }
        return out.joined(separator: "\n") + "\n"
    }

    var cases: [Scenario] { bundle.scenarios.filter { $0.training != nil } }

    /// A training case by its number in the list (1, 2…) or its id.
    public func scenarioID(_ raw: String) -> String? {
        if let n = Int(raw), n >= 1, n <= cases.count { return cases[n - 1].id }
        return cases.first { $0.id == raw }?.id
    }

    /// The content's version and review date, and the not-legal-advice line, for every page's foot.
    func footer(_ page: Int, _ pages: Int) -> String {
        let info = bundle.info
        let review = info.reviewedOn.map { ", \(t(.reviewedOn)) \($0)" } ?? ""
        return "\(info.id) \(info.version)\(review) · \(t(.notLegalAdvice)) · \(page)/\(pages)"
    }

    // MARK: Participant worksheet

    /// The participant worksheet: nothing in it gives the case's answers away.
    public func worksheet(_ id: String) -> String? {
        guard let training = TrainingCase(id, in: bundle, today: today) else { return nil }
        let notes = training.notes
        var pages = HandoutPages()
        pages.block(content.plain(training.scenario.title))
        pages.block(content.plain(bundle.info.disclaimer))
        pages.blank()
        pages.block([(t(.personaCard), ""), (content.plain(training.scenario.persona), "  ")])
        pages.blank()
        pages.block([(t(.learningGoals), "")] + notes.learningGoals.map { (content.plain($0), "  • ") })
        for (i, step) in training.steps.enumerated() {
            switch step {
            case .question(let qid):
                guard let q = bundle.question(qid) else { continue }
                pages.blank()
                var lines: [(String, String)] = [(t(.stepOf).filled(String(i), String(training.lastStep)) + " — "
                                                  + (bundle.section(of: qid).map { content.plain($0.title) } ?? ""), ""),
                                                 (content.plain(q.prompt), "")]
                if q.kind.hasOptions {
                    lines += q.options.map { (content.plain($0.label), "  [ ] ") }
                    if q.sensitive { lines.append((t(.preferNotToSay), "  [ ] ")) }
                }
                let discussion = notes.step(qid)?.discussion
                if let d = discussion { lines.append((label(.discuss) + content.plain(d), "  ")) }
                pages.block(lines)
                // Room to write where the room discusses.
                if discussion != nil { pages.space(3) }
            case .results:
                pages.blank()
                var lines: [(String, String)] = [(t(.stepOf).filled(String(i), String(training.lastStep)) + " — " + t(.results), ""),
                                                 (t(.worksheetResults), "")]
                if let d = notes.results?.discussion { lines.append((label(.discuss) + content.plain(d), "  ")) }
                pages.block(lines)
                for g in [UIText.groupFirst, .groupNext, .groupAlso] {
                    pages.block(t(g) + ":", lead: "  ")
                    pages.space(2, lead: "    ")
                }
            case .whatNext(let k):
                let q = notes.whatNext[k]
                pages.blank()
                pages.block([(t(.stepOf).filled(String(i), String(training.lastStep)) + " — " + t(.whatNextTitle), ""), (content.plain(q.prompt), "")]
                            + q.options.map { (content.plain($0.label), "  [ ] ") } + [(t(.worksheetWhy), "  ")])
                pages.space(2)
            case .persona, .learningPoints:
                continue
            }
        }
        return pages.render(header: [t(.appName) + " · " + t(.worksheetTitle) + " · " + t(.fictionalCase)], footer: footer)
    }

    // MARK: Facilitator guide

    /// Minutes to plan for a step: the case's own, else by kind of step.
    func minutes(_ step: WalkStep, _ notes: TrainingNotes) -> Int {
        switch step {
        case .persona: return 3
        case .question(let id):
            let s = notes.step(id)
            return s?.minutes ?? (s?.discussion == nil ? 1 : 4)
        case .results: return notes.results?.minutes ?? 8
        case .whatNext: return 4
        case .learningPoints: return 5
        }
    }

    /// The facilitator guide: the answer key, the notes before and after each reveal, the key decisions,
    /// the results, the "what next" answers, the learning points and timings.
    public func guide(_ id: String) -> String? {
        guard let training = TrainingCase(id, in: bundle, today: today) else { return nil }
        let notes = training.notes
        let screens = Screens(UIContext(bundle: bundle, width: HandoutPages.width, height: 24, locale: locale), width: HandoutPages.width)
        let report = ReportText(bundle: bundle, locale: locale)
        var pages = HandoutPages()
        let total = training.steps.reduce(0) { $0 + minutes($1, notes) }
        pages.block(content.plain(training.scenario.title))
        pages.block(t(.guidePlan).filled(String(total), String(training.lastStep)))
        if let day = training.day { pages.block(t(.guideDay).filled(day.description)) }
        pages.blank()
        pages.block([(t(.personaCard), ""), (content.plain(training.scenario.persona), "  ")])
        pages.blank()
        pages.block([(t(.learningGoals), "")] + notes.learningGoals.map { (content.plain($0), "  • ") })
        if !notes.keyDecisions.isEmpty {
            pages.blank()
            pages.block([(t(.keyDecisions), "")] + notes.keyDecisions.map { (screens.decisionText($0, training), "  ◆ ") })
        }
        let keyQuestions = Set(notes.keyDecisions.compactMap { if case .question(let r) = $0.subject { return r.id } else { return nil } })
        func stepHeading(_ i: Int, _ title: String, _ step: WalkStep) -> (String, String) {
            (t(.stepOf).filled(String(i), String(training.lastStep)) + " — " + title + " (" + t(.aboutMinutes).filled(String(minutes(step, notes))) + ")", "")
        }
        func notesLines(_ s: TrainingStep?) -> [(String, String)] {
            guard let s else { return [] }
            var out: [(String, String)] = []
            if let d = s.discussion { out.append((label(.discuss) + content.plain(d), "  ")) }
            if let n = s.notes { out.append((label(.facilitatorNote) + content.plain(n), "  ")) }
            if let a = s.afterReveal { out.append((label(.afterReveal) + content.plain(a), "  ")) }
            return out
        }
        for (i, step) in training.steps.enumerated() {
            switch step {
            case .question(let qid):
                guard let q = bundle.question(qid) else { continue }
                let answer = training.walk.effective[qid]
                pages.blank()
                var lines = [stepHeading(i, bundle.section(of: qid).map { content.plain($0.title) } ?? "", step), (content.plain(q.prompt), "")]
                lines.append(((answer.map { content.answer($0, of: qid) } ?? t(.notAsked)) + (keyQuestions.contains(qid) ? " ◆ " + t(.keyDecisionMark) : ""),
                              "  " + label(.caseAnswer)))
                pages.block(lines + notesLines(notes.step(qid)))
            case .results:
                pages.blank()
                pages.block([stepHeading(i, t(.results), step)] + notesLines(notes.results))
                let a = training.assessment()
                if let o = a.outcome.flatMap(bundle.outcome) {
                    pages.block([(content.plain(o.title), "  ")] + (o.message.map { [(content.plain($0), "  ")] } ?? []))
                }
                if !a.deadlines.isEmpty {
                    pages.block([(t(.datesThatMatter) + ":", "  ")] + a.deadlines.map { (report.deadlineLine($0), "    ◷ ") })
                }
                for entry in ResultGroup.grouped(a) {
                    var lines: [(String, String)] = [(t(entry.group.title) + ":", "  ")]
                    lines += entry.notices.map { ("⚠ " + report.notice($0), "    ") }
                    lines += entry.pathways.map { p in
                        (report.title(ofPathway: p.id) + (notes.keyPathways.contains(p.id) ? " ★ " + t(.keyPathway) : ""), "    - ")
                    }
                    pages.block(lines)
                }
            case .whatNext(let k):
                let q = notes.whatNext[k]
                pages.blank()
                var lines = [stepHeading(i, t(.whatNextTitle), step), (content.plain(q.prompt), "")]
                for o in q.options {
                    lines.append((content.plain(o.label) + (o.correct ? " ✓ " + t(.rightAnswer) : ""), o.correct ? "  [x] " : "  [ ] "))
                    if let e = o.explanation { lines.append((content.plain(e), "      ")) }
                }
                pages.block(lines)
            case .learningPoints:
                pages.blank()
                pages.block([stepHeading(i, t(.learningPoints), step)] + notes.learningPoints.map { (content.plain($0), "  • ") })
            case .persona:
                continue
            }
        }
        return pages.render(header: [t(.appName) + " · " + t(.guideTitle) + " · " + t(.fictionalCase)], footer: footer)
    }
}
