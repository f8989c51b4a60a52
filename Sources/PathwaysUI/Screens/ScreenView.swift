import PathwaysEngine

/// A line of a screen's scrolling body, the item it belongs to if it can be chosen, and its paragraph
/// (the bilingual view lines the two languages up paragraph by paragraph).
public struct BodyLine: Hashable, Sendable {
    public var line: StyledLine
    public var target: Target?
    public var block: Int

    public init(_ line: StyledLine, target: Target? = nil, block: Int = 0) {
        self.line = line
        self.target = target
        self.block = block
    }
}

/// A screen's parts before they are placed in a frame: header lines, a body that scrolls, a status line and
/// key hints (most important first), and the texts whose glossary terms `g` lists.
public struct ScreenView: Sendable {
    public var header: [StyledLine]
    public var body: [BodyLine]
    public var keys: [KeyHint]
    /// Shown above the footer, wrapped when long: a validation message, a question to confirm, a notice.
    public var status: StyledLine?
    /// The content texts on the screen, for the glossary terms marked in them (worked out only for `g`).
    public var termTexts: [LocalizedText?] = []
    /// A body longer than the window says so on the status line ("↓ more below: PgDn"), where nothing else is
    /// said: long notes on a projected screen must not simply stop at the bottom.
    public var marksMore = false

    /// Glossary term ids marked on the screen, in order of first appearance.
    func terms(_ context: UIContext) -> [String] {
        ContentText(bundle: context.bundle, locale: context.locale).terms(in: termTexts)
    }

    /// The items that can be chosen, in order: each item once, however many lines it wraps to.
    public var items: [Target] {
        var out: [Target] = []
        for line in body {
            if let target = line.target, out.last != target { out.append(target) }
        }
        return out
    }
}

/// Builds a body paragraph by paragraph, each wrapped to the column's width, so nothing is cut at its edge.
struct Body {
    private(set) var lines: [BodyLine] = []
    private var block = 0
    let width: Int
    /// The person's column of the two-language view: what only the worker reads (reasons, cautions,
    /// sources, notes) is left blank there, one line in its place so both columns stay lined up.
    let forClient: Bool

    init(width: Int, forClient: Bool = false) {
        self.width = max(1, width)
        self.forClient = forClient
    }

    /// A paragraph only the worker reads (see `forClient`).
    mutating func addForWorker(_ spans: StyledLine, target: Target? = nil, lead: StyledLine = [], hang: String? = nil) {
        guard forClient else { return add(spans, target: target, lead: lead, hang: hang) }
        lines.append(BodyLine([], target: target, block: block))
        block += 1
    }

    mutating func addForWorker(_ text: String, _ style: Style = .plain, target: Target? = nil, lead: String = "", hang: String? = nil) {
        addForWorker([Span(text, style)], target: target, lead: lead.isEmpty ? [] : [Span(lead, style)], hang: hang)
    }

    /// One paragraph: `lead` before its first line (such as "1. ( ) "), and `hang` (spaces as wide as
    /// `lead`, unless given) before the others; the text wraps so every line fits the column.
    mutating func add(_ spans: StyledLine, target: Target? = nil, lead: StyledLine = [], hang: String? = nil) {
        let leadWidth = lead.reduce(0) { $0 + TextWidth.of($1.text) }
        let hang = hang ?? String(repeating: " ", count: leadWidth)
        let wrapped = Wrap.lines(spans, width: width - TextWidth.of(hang), firstWidth: width - leadWidth)
        for (i, l) in wrapped.enumerated() {
            lines.append(BodyLine((i == 0 ? lead : (hang.isEmpty ? [] : [Span(hang)])) + l, target: target, block: block))
        }
        block += 1
    }

    mutating func add(_ text: String, _ style: Style = .plain, target: Target? = nil, lead: String = "", hang: String? = nil) {
        add([Span(text, style)], target: target, lead: lead.isEmpty ? [] : [Span(lead, style)], hang: hang)
    }

    mutating func blank() {
        lines.append(BodyLine([], block: block))
        block += 1
    }

    mutating func append(_ other: [BodyLine]) {
        for var l in other {
            l.block = block
            lines.append(l)
            block += 1
        }
    }
}

/// Text helpers shared by the screens, in one locale. A text missing in that locale is shown in the first of
/// `fallbacks` that has it, marked with its language ("[EN] "), never silently.
struct ContentText {
    let bundle: ContentBundle
    let locale: String
    let fallbacks: [String]

    init(bundle: ContentBundle, locale: String, fallbacks: [String]? = nil) {
        self.bundle = bundle
        self.locale = locale
        self.fallbacks = fallbacks ?? [bundle.info.defaultLocale]
    }

    /// Localized content with glossary marks shown as underlined terms.
    func spans(_ t: LocalizedText?, _ style: Style = .plain) -> StyledLine {
        guard let t else { return [] }
        let picked = t.pick(locale, fallbacks: fallbacks)
        let mark: StyledLine = picked.isFallback ? [Span(Resolved.mark(picked.locale), Style(.muted, bold: style.bold))] : []
        return mark + GlossaryMarkup.pieces(picked.text).map { piece, _ in
            switch piece {
            case .plain(let s): return Span(s, style)
            case .term(let id, let shown):
                let words = shown ?? bundle.term(id)?.term.pick(picked.locale, fallbacks: fallbacks).text ?? id
                var s = style
                s.underline = true
                if s.role == .normal { s.role = .term }
                return Span(words, s)
            }
        }
    }

    func plain(_ t: LocalizedText?) -> String {
        guard let t else { return "" }
        let picked = t.pick(locale, fallbacks: fallbacks)
        let words = GlossaryMarkup.render(picked.text, bundle: bundle, locale: picked.locale)
        return picked.isFallback ? Resolved.mark(picked.locale) + words : words
    }

    /// Glossary term ids marked in these texts, in order of first appearance.
    func terms(in texts: [LocalizedText?]) -> [String] {
        var out: [String] = []
        for t in texts.compactMap({ $0 }) {
            for (piece, _) in GlossaryMarkup.pieces(t.pick(locale, fallbacks: fallbacks).text) {
                if case .term(let id, _) = piece, bundle.term(id) != nil, !out.contains(id) { out.append(id) }
            }
        }
        return out
    }

    func answer(_ a: Answer, of id: String) -> String {
        EngineText.describe(a, of: bundle.question(id), strings: bundle.strings, locale: locale, fallbacks: fallbacks)
    }

    /// The same words for reports (reasons, referrals, sources), with the same fallbacks.
    var report: ReportText { ReportText(bundle: bundle, locale: locale, fallbacks: fallbacks) }
}
