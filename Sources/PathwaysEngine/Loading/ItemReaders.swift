/// Turns the YAML of each kind of content item into model values, reporting problems on the way.
enum ItemReaders {
    static func bundleInfo(_ node: Node, _ sink: DiagnosticSink) -> BundleInfo? {
        guard var r = MappingReader(node, sink, what: "the bundle description") else { return nil }
        let id = r.id()
        let title = r.localized("title", required: true)
        let version = r.string("version", required: true)
        let localeNodes = r.list("locales", required: true)
        var locales: [String] = []
        var declarations: [LocaleDeclaration] = []
        for item in localeNodes {
            guard let declared = localeDeclaration(item, sink) else { continue }
            if locales.contains(declared.id) {
                sink.report(.duplicateID, at: declared.location ?? sink.location(of: item), "the locale '\(declared.id)' is declared twice")
                continue
            }
            locales.append(declared.id)
            declarations.append(declared)
        }
        let defaultLocale = r.string("default_locale", required: true)
        if let (code, location) = defaultLocale, !locales.isEmpty, !locales.contains(code) {
            sink.report(.invalidValue, at: location, "the default locale '\(code)' is not in 'locales'",
                        hint: "add it to locales: [\(locales.joined(separator: ", "))]")
        }
        let reviewedOn = r.day("reviewed_on", required: true)
        var interval: Int?
        if let n = r.number("review_interval_days") {
            if n >= 1, n.rounded() == n { interval = Int(n) } else {
                sink.report(.invalidValue, at: r.keyLocation("review_interval_days") ?? r.location,
                            "'review_interval_days' must be a whole number of days, at least 1")
            }
        }
        let disclaimer = r.localized("disclaimer")
        let hotline = r.reference("hotline")
        r.finish()
        var info = BundleInfo(id: id?.0 ?? "unnamed", title: title ?? LocalizedText([:]), version: version?.0 ?? "0",
                              locales: locales.isEmpty ? [defaultLocale?.0 ?? "en"] : locales,
                              defaultLocale: defaultLocale?.0 ?? locales.first ?? "en", reviewedOn: reviewedOn,
                              reviewIntervalDays: interval, disclaimer: disclaimer, location: r.location)
        info.localeDeclarations = declarations
        info.hotline = hotline
        return info
    }

    /// One entry of `locales`: a code (`en`), or `{id: es, review: unreviewed, scope: client}`.
    static func localeDeclaration(_ node: Node, _ sink: DiagnosticSink) -> LocaleDeclaration? {
        func code(_ text: String, _ location: SourceLocation) -> String? {
            if Read.isLocaleCode(text) { return text }
            sink.report(.invalidValue, at: location, "'\(text)' is not a locale code such as 'en' or 'fr'")
            return nil
        }
        guard case .mapping = node else {
            guard let (text, location) = Read.string(node, sink, what: "a locale") else { return nil }
            return code(text, location).map { LocaleDeclaration(id: $0, location: location) }
        }
        guard var r = MappingReader(node, sink, what: "a locale") else { return nil }
        let id = r.string("id", required: true)
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ fallback: T) -> T where T.RawValue == String {
            guard let (text, location) = r.string(key) else { return fallback }
            if let value = T(rawValue: text) { return value }
            sink.report(.invalidValue, at: location, "'\(key)' must be one of " + T.allCases.map(\.rawValue).joined(separator: ", ") + ", found '\(text)'")
            return fallback
        }
        let review: TranslationReview = choice("review", .authored)
        let scope: LocaleScope = choice("scope", .all)
        r.finish()
        guard let (text, location) = id, let c = code(text, location) else { return nil }
        return LocaleDeclaration(id: c, review: review, scope: scope, location: location)
    }

    /// translations.yaml: locale → string id → hash of the source each translation was made from.
    static func translationSources(_ node: Node, _ sink: DiagnosticSink) -> [String: [String: String]] {
        guard var r = MappingReader(node, sink, what: "the translation record") else { return [:] }
        var out: [String: [String: String]] = [:]
        for entry in r.entries {
            _ = r.node(entry.key)
            guard var lr = MappingReader(entry.value, sink, what: "the '\(entry.key)' translations") else { continue }
            for e in lr.entries {
                _ = lr.node(e.key)
                if let (hash, _) = Read.string(e.value, sink, what: "a source hash") { out[entry.key, default: [:]][e.key] = hash }
            }
            lr.finish()
        }
        r.finish()
        return out
    }

    static func question(_ node: Node, _ sink: DiagnosticSink) -> Question? {
        guard var r = MappingReader(node, sink, what: "a question") else { return nil }
        let id = r.id()
        var kind: QuestionKind?
        if let (text, location) = r.string("kind", required: true) {
            kind = QuestionKind(rawValue: text)
            if kind == nil {
                let kinds = QuestionKind.allCases.map(\.rawValue)
                sink.report(.invalidValue, at: location, "unknown question kind '\(text)'" + DidYouMean.phrase(for: text, among: kinds),
                            hint: "kinds: " + kinds.joined(separator: ", "))
            }
        }
        let prompt = r.localized("prompt", required: true)
        let help = r.localized("help")
        let sensitive = r.bool("sensitive")
        let askWhen = r.condition("ask_when")
        let optionNodes = r.list("options")
        let options = optionNodes.compactMap { option($0, sink) }
        var rules = NumberRules()
        rules.min = r.number("min")
        rules.max = r.number("max")
        rules.integer = r.bool("integer")
        rules.unit = r.localized("unit")
        r.finish()
        guard let id, let kind, let prompt else { return nil }
        if ConditionParser.keywords.contains(id.0) {
            sink.report(.invalidValue, at: id.1, "'\(id.0)' is a word of the condition language, so it cannot name a question",
                        hint: "choose another id, such as '\(id.0)_answer'")
        }
        switch kind {
        case .singleChoice, .multipleChoice:
            if optionNodes.isEmpty {
                sink.report(.missingKey, at: r.location, "the \(kind.rawValue) question '\(id.0)' needs 'options'")
            }
        case .yesNoUnsure:
            if let location = r.keyLocation("options") {
                sink.report(.invalidValue, at: location, "yes_no_unsure questions have the built-in options yes, no and unsure",
                            hint: "remove 'options', or use kind: single_choice")
            }
        default:
            if let location = r.keyLocation("options") {
                sink.report(.invalidValue, at: location, "a \(kind.rawValue) question has no options")
            }
        }
        if kind != .number, let location = r.keyLocation("min") ?? r.keyLocation("max") ?? r.keyLocation("integer") {
            sink.report(.invalidValue, at: location, "min, max and integer apply to number questions only")
        }
        return Question(id: id.0, kind: kind, prompt: prompt, help: help, sensitive: sensitive, askWhen: askWhen,
                        options: options, numberRules: rules, location: id.1)
    }

    static func option(_ node: Node, _ sink: DiagnosticSink) -> AnswerOption? {
        guard var r = MappingReader(node, sink, what: "an option") else { return nil }
        let id = r.id()
        let label = r.localized("label", required: true)
        let help = r.localized("help")
        let unsure = r.bool("unsure")
        let exclusive = r.bool("exclusive")
        r.finish()
        guard let id, let label else { return nil }
        return AnswerOption(id: id.0, label: label, help: help, unsure: unsure, exclusive: exclusive, location: id.1)
    }

    static func flow(_ node: Node, _ sink: DiagnosticSink) -> Flow? {
        guard var r = MappingReader(node, sink, what: "the flow") else { return nil }
        let start = r.reference("start", required: true)
        let sections = r.list("sections").compactMap { section($0, sink) }
        var nodes: [FlowNode] = []
        if let nodesNode = r.node("nodes", required: true), let nr = MappingReader(nodesNode, sink, what: "the flow's nodes") {
            for entry in nr.entries {
                if let n = flowNode(question: entry.key, keyLocation: sink.location(of: entry.keyNode), entry.value, sink) {
                    nodes.append(n)
                }
            }
        }
        r.finish()
        guard let start else { return nil }
        return Flow(start: start, sections: sections, nodes: nodes, location: r.location)
    }

    static func section(_ node: Node, _ sink: DiagnosticSink) -> Section? {
        guard var r = MappingReader(node, sink, what: "a section") else { return nil }
        let id = r.id()
        let title = r.localized("title", required: true)
        let questions = r.references("questions")
        r.finish()
        guard let id, let title else { return nil }
        return Section(id: id.0, title: title, questions: questions, location: id.1)
    }

    static func flowNode(question: String, keyLocation: SourceLocation, _ node: Node, _ sink: DiagnosticSink) -> FlowNode? {
        guard var r = MappingReader(node, sink, what: "the flow node '\(question)'") else { return nil }
        var rules: [NextRule] = []
        if let next = r.node("next", required: true) {
            if case .scalar(let s) = next {
                rules.append(NextRule(condition: nil, target: Reference(s.string, at: sink.location(of: next))))
            } else {
                for item in Read.list(next, sink, what: "'next'") {
                    guard var ir = MappingReader(item, sink, what: "a 'next' entry") else { continue }
                    let condition = ir.condition("if")
                    let target = ir.reference("go", required: true)
                    ir.finish()
                    if let target { rules.append(NextRule(condition: condition, target: target)) }
                }
            }
        }
        r.finish()
        return FlowNode(question: question, next: rules, location: keyLocation)
    }

    static func outcome(_ node: Node, _ sink: DiagnosticSink) -> Outcome? {
        guard var r = MappingReader(node, sink, what: "an outcome") else { return nil }
        let id = r.id()
        let title = r.localized("title", required: true)
        let message = r.localized("message")
        let urgent = r.bool("urgent")
        let showFirst = r.references("show_first")
        let continueTo = r.reference("continue_to")
        r.finish()
        guard let id, let title else { return nil }
        return Outcome(id: id.0, title: title, message: message, urgent: urgent, showFirst: showFirst,
                       continueTo: continueTo, location: id.1)
    }

    static func pathway(_ node: Node, _ sink: DiagnosticSink) -> Pathway? {
        guard var r = MappingReader(node, sink, what: "a pathway") else { return nil }
        let id = r.id()
        let title = r.localized("title", required: true)
        let summary = r.localized("summary")
        let urgent = r.bool("urgent")
        let reviewedOn = r.day("reviewed_on")
        let eligibility = r.list("eligibility").compactMap { criterion($0, sink) }
        let cautions = r.list("cautions").compactMap { caution($0, sink) }
        let priority = r.node("priority").map { priorityRules($0, sink) } ?? []
        let order = r.integer("order")
        let deadlines = r.list("deadlines").compactMap { deadline($0, sink) }
        let steps = r.facts("steps"), documents = r.facts("documents"), fees = r.facts("fees"), duration = r.facts("duration")
        let referrals = r.references("referrals")
        let sources = r.references("sources")
        r.finish()
        guard let id, let title else { return nil }
        return Pathway(id: id.0, title: title, summary: summary, urgent: urgent, reviewedOn: reviewedOn,
                       eligibility: eligibility, cautions: cautions, priority: priority, order: order ?? Pathway.defaultOrder,
                       deadlines: deadlines, steps: steps, documents: documents, fees: fees,
                       duration: duration, referrals: referrals, sources: sources, location: id.1)
    }

    /// `priority: next`, or a list of `{if: condition, is: priority}` ending with a default `{is: priority}`.
    static func priorityRules(_ node: Node, _ sink: DiagnosticSink) -> [PriorityRule] {
        if case .scalar = node {
            return Read.priority(node, sink).map { [PriorityRule(condition: nil, priority: $0)] } ?? []
        }
        var rules: [PriorityRule] = []
        if case .sequence(let items) = node, items.isEmpty {
            sink.report(.wrongType, at: sink.location(of: node), "'priority' is an empty list",
                        hint: "write 'priority: next', or rules ending with a default such as '- is: next'")
        }
        for item in Read.list(node, sink, what: "'priority'") {
            guard var ir = MappingReader(item, sink, what: "a priority rule") else { continue }
            let condition = ir.condition("if")
            let priority = ir.node("is", required: true).flatMap { Read.priority($0, sink) }
            ir.finish()
            if let priority { rules.append(PriorityRule(condition: condition, priority: priority)) }
        }
        return rules
    }

    static func deadline(_ node: Node, _ sink: DiagnosticSink) -> Deadline? {
        guard var r = MappingReader(node, sink, what: "a deadline") else { return nil }
        let date = r.date("date", required: true)
        let condition = r.condition("when")
        let text = r.localized("text", required: true)
        let verify = r.bool("verify")
        let sources = r.references("sources")
        let always = r.bool("even_when_not_applicable")
        r.finish()
        guard let date, let text else { return nil }
        return Deadline(date: date, condition: condition, fact: Fact(text: text, verify: verify, sources: sources),
                        evenWhenNotApplicable: always)
    }

    static func criterion(_ node: Node, _ sink: DiagnosticSink) -> Criterion? {
        guard var r = MappingReader(node, sink, what: "an eligibility criterion") else { return nil }
        let condition = r.condition("when", required: true)
        let met = r.localized("met")
        let notMet = r.localized("not_met")
        var otherwise = CriterionFallback.notApplicable
        if let (text, location) = r.string("otherwise") {
            if let f = CriterionFallback(rawValue: text) { otherwise = f } else {
                let names = CriterionFallback.allCases.map(\.rawValue)
                sink.report(.invalidValue, at: location, "'otherwise' must be one of: " + names.joined(separator: ", ")
                            + DidYouMean.phrase(for: text, among: names))
            }
        }
        r.finish()
        return condition.map { Criterion(condition: $0, met: met, notMet: notMet, otherwise: otherwise) }
    }

    static func caution(_ node: Node, _ sink: DiagnosticSink) -> Caution? {
        guard var r = MappingReader(node, sink, what: "a caution") else { return nil }
        let condition = r.condition("when")
        let text = r.localized("text", required: true)
        let verify = r.bool("verify")
        let sources = r.references("sources")
        let always = r.bool("even_when_not_applicable")
        let priority = r.node("priority").flatMap { Read.priority($0, sink) }
        r.finish()
        return text.map { Caution(condition: condition, fact: Fact(text: $0, verify: verify, sources: sources),
                                  evenWhenNotApplicable: always, priority: priority) }
    }

    static func referral(_ node: Node, _ sink: DiagnosticSink) -> Referral? {
        guard var r = MappingReader(node, sink, what: "a referral") else { return nil }
        let id = r.id()
        let name = r.localized("name", required: true)
        let description = r.localized("description")
        let phone = r.string("phone")
        let textNumber = r.string("text_number")
        let url = r.string("url")
        let condition = r.condition("when")
        let verify = r.bool("verify")
        let sources = r.references("sources")
        r.finish()
        if let (p, location) = phone, !ContactFormat.isPhone(p) {
            sink.report(.malformedPhone, at: location, "'\(p)' is not a phone number this tool can show",
                        hint: "write 911, 9-8-8, a short code such as 686868, or 1-800-555-0100")
        }
        if let (p, location) = textNumber, !ContactFormat.isPhone(p) {
            sink.report(.malformedPhone, at: location, "'\(p)' is not a number people can text",
                        hint: "write a short code such as 686868, or 1-800-555-0100")
        }
        if let (u, location) = url, !ContactFormat.isURL(u) {
            sink.report(.malformedURL, at: location, "'\(u)' is not a web address this tool can show",
                        hint: "write the full address, starting with https://")
        }
        guard let id, let name else { return nil }
        return Referral(id: id.0, name: name, description: description, phone: phone?.0, textNumber: textNumber?.0,
                        url: url?.0, condition: condition, verify: verify, sources: sources, location: id.1)
    }

    static func source(_ node: Node, _ sink: DiagnosticSink) -> Source? {
        guard var r = MappingReader(node, sink, what: "a source") else { return nil }
        let id = r.id()
        let title = r.string("title", required: true)
        let citation = r.string("citation")
        let url = r.string("url")
        func partialDate(_ key: String) -> PartialDate? {
            guard let (text, location) = r.string(key) else { return nil }
            guard let date = PartialDate(text) else {
                sink.report(.invalidValue, at: location, "'\(text)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
                return nil
            }
            return date
        }
        // `date:` is the older name of `published:`.
        let published = partialDate("published") ?? partialDate("date")
        let readOn = partialDate("read_on")
        if let id, r.keyLocation("published") == nil, r.keyLocation("date") == nil {
            if r.keyLocation("read_on") == nil {
                sink.report(.missingSource, at: id.1, "the source '\(id.0)' has no date",
                            hint: "add 'published:' with the date of the page or version (YYYY, YYYY-MM or YYYY-MM-DD), and 'read_on:' with when you read it")
            } else {
                sink.report(.sourceWithoutPublicationDate, at: id.1,
                            "the source '\(id.0)' has no publication date, only the day it was read, so nothing tells how current it is",
                            hint: "add 'published:' with the date on the page or version, or check the facts against a dated copy")
            }
        }
        r.finish()
        if let (u, location) = url, !ContactFormat.isURL(u) {
            sink.report(.malformedURL, at: location, "'\(u)' is not a web address", hint: "write the full address, starting with https://")
        }
        if citation == nil && url == nil, let id {
            sink.report(.missingKey, at: id.1, "the source '\(id.0)' needs a 'citation' or a 'url'")
        }
        guard let id, let title else { return nil }
        return Source(id: id.0, title: title.0, citation: citation?.0, url: url?.0, date: published, readOn: readOn, location: id.1)
    }

    static func term(_ node: Node, _ sink: DiagnosticSink) -> GlossaryTerm? {
        guard var r = MappingReader(node, sink, what: "a glossary term") else { return nil }
        let id = r.id()
        let term = r.localized("term", required: true)
        let definition = r.localized("definition", required: true)
        r.finish()
        guard let id, let term, let definition else { return nil }
        return GlossaryTerm(id: id.0, term: term, definition: definition, location: id.1)
    }

    static func scenario(_ node: Node, _ sink: DiagnosticSink, training: Bool = false) -> Scenario? {
        guard var r = MappingReader(node, sink, what: training ? "a training scenario" : "a scenario") else { return nil }
        let id = r.id()
        let title = r.localized("title", required: true)
        let persona = r.localized("persona")
        let answers = r.node("answers", required: true).map { AnswerReader.answers($0, sink) } ?? []
        let today = r.day("today")
        var expect = ScenarioExpectation()
        if let e = r.node("expect", required: true), var er = MappingReader(e, sink, what: "the expectations") {
            expect.outcome = er.reference("outcome")
            expect.recommended = er.references("recommended")
            expect.possible = er.references("possible")
            expect.notApplicable = er.references("not_applicable")
            expect.notRecommended = er.references("not_recommended")
            if er.node("unanswered") != nil { expect.unanswered = er.references("unanswered") }
            if let p = er.node("priority"), var pr = MappingReader(p, sink, what: "the expected priorities") {
                for entry in pr.entries {
                    _ = pr.node(entry.key)
                    if let priority = Read.priority(entry.value, sink) {
                        expect.priorities.append(ExpectedPriority(pathway: Reference(entry.key, at: sink.location(of: entry.keyNode)),
                                                                  priority: priority))
                    }
                }
            }
            for item in er.list("deadlines") {
                guard var dr = MappingReader(item, sink, what: "an expected deadline") else { continue }
                let pathway = dr.reference("pathway", required: true)
                let day = dr.day("date", required: true)
                dr.finish()
                if let pathway, let day {
                    expect.deadlines.append(ExpectedDeadline(pathway: pathway, date: day, location: sink.location(of: item)))
                }
            }
            expect.onlyDeadlines = er.bool("only_these_deadlines")
            expect.notices = er.references("notices")
            er.finish()
        }
        var notes: [String: LocalizedText] = [:]
        if let n = r.node("notes"), var nr = MappingReader(n, sink, what: "the notes") {
            for entry in nr.entries {
                _ = nr.node(entry.key)
                if let text = Read.localized(entry.value, sink) { notes[entry.key] = text }
            }
        }
        var notesForTraining: TrainingNotes?
        if training {
            notesForTraining = TrainingReaders.notes(&r, sink)
            if persona == nil, let id { sink.report(.missingKey, at: id.1, "a training scenario needs 'persona' (the persona card)") }
        }
        r.finish()
        guard let id, let title else { return nil }
        if today == nil, expect.readsTheDay {
            sink.report(.scenarioWithoutDay, at: id.1, "the scenario '\(id.0)' expects deadlines but gives no 'today:', so its result changes with the date it is run",
                        hint: "add 'today: YYYY-MM-DD', the day the case is assessed")
        }
        return Scenario(id: id.0, title: title, persona: persona, answers: answers, today: today, expect: expect, notes: notes,
                        training: notesForTraining, location: id.1)
    }
}
