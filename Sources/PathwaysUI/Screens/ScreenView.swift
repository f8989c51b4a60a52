import PathwaysEngine

/// A line of a screen's scrolling body, and the item it belongs to if it can be chosen.
public struct BodyLine: Hashable, Sendable {
    public var line: StyledLine
    public var target: Target?

    public init(_ line: StyledLine, target: Target? = nil) {
        self.line = line
        self.target = target
    }
}

/// A screen's parts before they are placed in a frame: header lines, a body that scrolls, and key hints.
public struct ScreenView: Sendable {
    public var header: [StyledLine]
    public var body: [BodyLine]
    public var keys: [UIText]
    /// A line shown above the footer, such as a validation message.
    public var status: StyledLine?

    /// The items that can be chosen, in order: each item once, however many lines it wraps to.
    public var items: [Target] {
        var out: [Target] = []
        for line in body {
            if let target = line.target, out.last != target { out.append(target) }
        }
        return out
    }
}

/// Text helpers shared by the screens, in one locale.
struct ContentText {
    let bundle: ContentBundle
    let locale: String

    /// Localized content with glossary marks shown as underlined terms.
    func spans(_ t: LocalizedText?, _ style: Style = .plain) -> StyledLine {
        guard let t else { return [] }
        let raw = t.resolve(locale, fallback: bundle.info.defaultLocale)
        return GlossaryMarkup.pieces(raw).map { piece, _ in
            switch piece {
            case .plain(let s): return Span(s, style)
            case .term(let id, let shown):
                let words = shown ?? bundle.term(id)?.term.resolve(locale, fallback: bundle.info.defaultLocale) ?? id
                var s = style
                s.underline = true
                if s.role == .normal { s.role = .term }
                return Span(words, s)
            }
        }
    }

    func plain(_ t: LocalizedText?) -> String {
        guard let t else { return "" }
        return GlossaryMarkup.render(t.resolve(locale, fallback: bundle.info.defaultLocale), bundle: bundle, locale: locale)
    }

    /// Glossary term ids marked in these texts, in order of first appearance.
    func terms(in texts: [LocalizedText?]) -> [String] {
        var out: [String] = []
        for t in texts.compactMap({ $0 }) {
            for (piece, _) in GlossaryMarkup.pieces(t.resolve(locale, fallback: bundle.info.defaultLocale)) {
                if case .term(let id, _) = piece, bundle.term(id) != nil, !out.contains(id) { out.append(id) }
            }
        }
        return out
    }

    func answer(_ a: Answer, of id: String) -> String {
        EngineText.describe(a, of: bundle.question(id), locale: locale, fallback: bundle.info.defaultLocale)
    }
}
