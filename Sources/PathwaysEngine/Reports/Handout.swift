/// A one-page handout the person can keep, in their language (and the worker's below it, when asked):
/// titled plainly, with no names, no case code and no dates; the options that fit, each in a short
/// sentence; what to do next; who to call, the bundle's 24/7 line first; and "information, not legal
/// advice". When the page would be longer than `maxLines`, it says less (fewer steps, titles without
/// their sentence, fewer options with how many more there are to talk about) until it fits.
public struct Handout: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, markdown }

    public let bundle: ContentBundle
    /// The person's language.
    public let locale: String
    /// The worker's language: a text missing in the person's is taken from it (marked), and an unchecked
    /// translation's notice is said in it too.
    public let workerLocale: String
    /// Put the same page in the worker's language below the person's.
    public let withWorkerCopy: Bool
    public let width: Int
    public let maxLines: Int
    /// How many columns a text takes (the interface passes its terminal's measure).
    public let measure: @Sendable (String) -> Int

    public init(bundle: ContentBundle, locale: String, workerLocale: String? = nil, withWorkerCopy: Bool = false,
                width: Int = 80, maxLines: Int = 60, measure: @escaping @Sendable (String) -> Int = { $0.count }) {
        self.bundle = bundle
        self.locale = locale
        self.workerLocale = workerLocale ?? bundle.info.defaultLocale
        self.withWorkerCopy = withWorkerCopy && self.workerLocale != locale
        self.width = max(40, width)
        self.maxLines = max(20, maxLines)
        self.measure = measure
    }

    /// How much the page says; each level says less than the one before.
    struct Detail: Sendable {
        var summaries = true
        var stepsPerOption = 2
        var maxSteps = 6
        var maxOptions = 12
        var maxContacts = 8

        static let levels: [Detail] = [
            Detail(),
            Detail(stepsPerOption: 1, maxSteps: 5),
            Detail(summaries: false, stepsPerOption: 1, maxSteps: 4, maxContacts: 6),
            Detail(summaries: false, stepsPerOption: 1, maxSteps: 3, maxOptions: 5, maxContacts: 5),
            Detail(summaries: false, stepsPerOption: 1, maxSteps: 2, maxOptions: 3, maxContacts: 3),
            Detail(summaries: false, stepsPerOption: 1, maxSteps: 1, maxOptions: 2, maxContacts: 2),
            Detail(summaries: false, stepsPerOption: 1, maxSteps: 1, maxOptions: 1, maxContacts: 1),
        ]
    }

    /// The page as text (at most `width` columns a line) or Markdown.
    public func render(_ a: Assessment, format: Format) -> String {
        let copies = withWorkerCopy ? [locale, workerLocale] : [locale]
        func pages(_ d: Detail, _ f: Format) -> [[String]] {
            copies.enumerated().map { i, l in page(a, l, d, f, first: i == 0) }
        }
        let rule = format == .markdown ? ["", "---", ""] : ["", String(repeating: "─", count: min(width, 40))]
        // One level of detail for every copy, so the worker's copy says what the person's says.
        let fits = Detail.levels.first { d in
            pages(d, .text).reduce(0) { $0 + $1.count } + (copies.count - 1) * 2 <= maxLines
        } ?? Detail.levels[Detail.levels.count - 1]
        let sections = pages(fits, format)
        return sections.enumerated().map { i, s in (i == 0 ? [] : rule) + s }.flatMap { $0 }.joined(separator: "\n") + "\n"
    }

    /// The page in one language.
    func page(_ a: Assessment, _ l: String, _ d: Detail, _ format: Format, first: Bool) -> [String] {
        let md = format == .markdown
        let others = [l == workerLocale ? bundle.info.defaultLocale : workerLocale, bundle.info.defaultLocale].filter { $0 != l }
        let t = ReportText(bundle: bundle, locale: l, fallbacks: others)
        var out: [String] = []
        func para(_ text: String, lead: String = "", hang: String? = nil) {
            out += wrap(text, lead: lead, hang: hang ?? String(repeating: " ", count: measure(lead)))
        }
        func heading(_ text: String, level: Int) {
            if !out.isEmpty && out.last != "" { out.append("") }
            if md { out.append(String(repeating: "#", count: level) + " " + text) } else {
                out.append(text)
                if level == 1 { out.append(String(repeating: "=", count: min(width, measure(text)))) }
            }
        }
        func bullet(_ text: String) { para(text, lead: md ? "- " : "• ") }

        heading(first ? t.word(.handoutTitle) : bundle.strings.word(.handoutAlsoIn, l, fallbacks: others).filled([name(l, in: l)]), level: 1)
        if bundle.info.declaration(of: l).review.needsNotice {
            out.append("")
            para("⚠ " + t.word(.unreviewedTranslation))
            let other = l == workerLocale ? bundle.info.defaultLocale : workerLocale
            if other != l {
                if md { out.append("") }
                para(bundle.strings.word(.unreviewedTranslation, other, fallbacks: [bundle.info.defaultLocale]))
            }
        }
        out.append("")
        para(t.word(.handoutKeepSafe))

        // The hotline heads "who to call"; as an option too its name would stand on the first lines.
        let hotline = bundle.info.hotline?.id
        let options = a.groups.flatMap(\.pathways).filter { p in
            guard let hotline else { return true }
            return bundle.pathway(p.id)?.referrals.map(\.id) != [hotline]
        }
        let shown = Array(options.prefix(d.maxOptions))
        if !shown.isEmpty {
            heading(t.word(.handoutYourOptions), level: 2)
            for p in shown {
                let title = t.title(ofPathway: p.id)
                let summary = d.summaries ? bundle.pathway(p.id)?.summary.map { Self.firstSentence(t.text($0)) } : nil
                bullet(summary.map { title + ": " + $0 } ?? title)
            }
        }
        let more = options.count - shown.count + a.possible.count
        if more > 0 {
            out.append("")
            para(t.word(.handoutMoreOptions).filled([String(more)]))
        }
        let steps = shown.flatMap { p in (bundle.pathway(p.id)?.steps ?? []).prefix(d.stepsPerOption) }.prefix(d.maxSteps)
        if !steps.isEmpty {
            heading(t.word(.handoutNext), level: 2)
            for s in steps { bullet(Self.firstSentence(t.text(s.text))) }
        }
        heading(t.word(.handoutCall), level: 2)
        var contacts: [String] = []
        if let hotline = bundle.info.hotline.flatMap({ bundle.referral($0.id) }) {
            bullet(t.word(.handoutHotline) + " " + contact(hotline, t, named: false) + " (" + t.text(hotline.name) + ")")
            contacts.append(hotline.id)
        }
        let referrals = shown.flatMap(\.referrals).filter { !contacts.contains($0) }
        for id in unique(referrals).prefix(d.maxContacts) {
            guard let r = bundle.referral(id), r.phone != nil || r.textNumber != nil || r.url != nil else { continue }
            bullet(contact(r, t, named: true))
        }
        out.append("")
        para(t.word(.handoutNotLegalAdvice))
        if out.contains(where: { line in others.contains { line.contains(Resolved.mark($0)) } }) {
            para(Resolved.mark(others.first ?? workerLocale).trimmingCharacters(in: [" "]) + " " + t.word(.missingTranslation))
        }
        return out
    }

    /// "1-833-900-1010 (Name)" or "Name: 1-800-… — text 686868 — https://…".
    func contact(_ r: Referral, _ t: ReportText, named: Bool) -> String {
        var parts: [String] = []
        if let p = r.phone { parts.append(p) }
        if let n = r.textNumber { parts.append(t.word(.reportTextNumber) + n) }
        if let u = r.url { parts.append(u) }
        let number = parts.joined(separator: " — ") + (r.verify ? " " + t.word(.reportVerify) : "")
        return named ? t.text(r.name) + ": " + number : number
    }

    func name(_ of: String, in l: String) -> String { bundle.strings.text(EngineWord.languageName.rawValue, of) ?? of }

    func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// The first sentence of a text, so an option or a step reads as one short line.
    static func firstSentence(_ text: String) -> String {
        let chars = Array(text)
        var i = 0
        while i < chars.count - 1 {
            if ".?!".contains(chars[i]) && chars[i + 1] == " " { return String(chars[...i]) }
            i += 1
        }
        return text
    }

    /// Words wrapped to the page width: `lead` before the first line and `hang` before the others.
    func wrap(_ text: String, lead: String, hang: String) -> [String] {
        var lines: [String] = []
        var line = lead, used = measure(lead), empty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let w = measure(word)
            if !empty && used + 1 + w > width {
                lines.append(line)
                line = hang + word
                used = measure(hang) + w
            } else {
                line += (empty ? "" : " ") + word
                used += (empty ? 0 : 1) + w
            }
            empty = false
        }
        lines.append(line)
        return lines
    }
}

extension String {
    /// Fills %1, %2… with the arguments.
    func filled(_ args: [String]) -> String {
        var s = self
        for (i, a) in args.enumerated() { s = s.replacingAll("%\(i + 1)", with: a) }
        return s
    }
}
