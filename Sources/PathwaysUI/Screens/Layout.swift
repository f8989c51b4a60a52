import Foundation
import PathwaysEngine
/// Where things go on screen for a given size: header, rule, body, status, rule, footer.
struct Layout {
    static let headerHeight = 2
    static let footerHeight = 2
    /// A long status (a notice with a file's path) wraps to at most this many lines.
    static let maxStatusLines = 3

    let bodyTop = Layout.headerHeight + 1
    let bodyHeight: Int
    let statusLines: Int
    let columnWidth: Int

    init(_ context: UIContext, statusLines: Int) {
        self.statusLines = min(Self.maxStatusLines, max(1, statusLines))
        bodyHeight = max(1, context.height - bodyTop - self.statusLines - 1 - Self.footerHeight)
        columnWidth = Self.columnWidth(context)
    }

    /// Each column: a 2-cell marker, the text, a 1-cell scroll arrow; the bilingual view adds a rule.
    static func columnWidth(_ context: UIContext) -> Int {
        context.bilingual ? max(10, (context.width - 1) / 2 - 3) : max(10, context.width - 3)
    }

    /// The two languages' bodies lined up paragraph by paragraph: the shorter paragraph is padded, so
    /// each starts on the same row in both columns and nothing of either is lost.
    static func align(_ first: [BodyLine], _ second: [BodyLine]) -> ([BodyLine], [BodyLine]) {
        let a = paragraphs(first), b = paragraphs(second)
        guard a.count == b.count else { return (first, second) }
        var left: [BodyLine] = [], right: [BodyLine] = []
        for (x, y) in zip(a, b) {
            let n = max(x.count, y.count)
            left += x + Array(repeating: BodyLine([], target: x.last?.target, block: x.last?.block ?? 0), count: n - x.count)
            right += y + Array(repeating: BodyLine([], target: y.last?.target, block: y.last?.block ?? 0), count: n - y.count)
        }
        return (left, right)
    }

    static func paragraphs(_ body: [BodyLine]) -> [[BodyLine]] {
        var out: [[BodyLine]] = []
        for line in body {
            if let last = out.last?.last, last.block == line.block { out[out.count - 1].append(line) } else { out.append([line]) }
        }
        return out
    }

    /// The scroll that keeps the selected item's lines in view, moving as little as possible.
    static func scroll(for body: [BodyLine], selected: Target?, current: Int, height: Int) -> Int {
        var scroll = min(max(0, current), max(0, body.count - height))
        guard let selected, let first = body.firstIndex(where: { $0.target == selected }) else { return scroll }
        let last = body.lastIndex(where: { $0.target == selected }) ?? first
        if first < scroll { scroll = first }
        if last >= scroll + height { scroll = min(first, last - height + 1) }
        // Show the lines just above the first item (the question itself) when they fit.
        if first - scroll < height && scroll > 0 && last < height { scroll = 0 }
        return max(0, scroll)
    }
}

/// A screen as it is shown at the current size: its view in the first language, the body as drawn (both
/// languages lined up in the bilingual view), the status wrapped, and the layout. The renderer and the
/// keys work from the same one, so what PgDn moves is what is on screen.
struct Shown {
    let view: ScreenView
    let left: [BodyLine]
    let right: [BodyLine]?
    let status: [StyledLine]
    let layout: Layout

    init(_ context: UIContext, _ build: (Screens) -> ScreenView) {
        let width = Layout.columnWidth(context)
        view = build(Screens(context, width: width))
        status = view.status.map { Self.fitted(Wrap.lines($0, width: max(1, context.width)), width: context.width) } ?? []
        layout = Layout(context, statusLines: status.count)
        if context.bilingual {
            let second = build(Screens(context, width: width, locale: context.clientLocale, forClient: true)).body
            let (top, secondTop) = Shown.notices(context, width: width, second: second)
            (left, right) = Layout.align(top + view.body, secondTop + second)
        } else {
            let (top, _) = Shown.notices(context, width: width, second: [])
            (left, right) = (top + view.body, nil)
        }
    }

    /// What heads every screen when a language on it is an unchecked translation: the notice in the person's
    /// language and in the worker's, each in its column (in one column, in the language shown); and in the
    /// person's column, what "[EN]" before a text means when a text there is not translated yet. The
    /// worker's column gets the matching lines.
    static func notices(_ context: UIContext, width: Int, second: [BodyLine]) -> (first: [BodyLine], second: [BodyLine]) {
        let bundle = context.bundle
        let unchecked = context.unreviewedOnScreen
        let marked = bundle.info.locales.filter { $0 != context.clientLocale }.map(Resolved.mark)
        let fallbackShown = context.bilingual && second.contains { line in line.line.contains { span in marked.contains(span.text) } }
        guard !unchecked.isEmpty || fallbackShown else { return ([], []) }
        let style = Style(.possible, bold: true)
        // Below 24 rows the short form, so the question still fits beside it.
        func sentence(_ locale: String) -> String {
            let words = context.words(in: locale)
            return context.height < 24 ? words[.unreviewedShort] : words.word(.unreviewedTranslation)
        }
        var first = Body(width: width), other = Body(width: width)
        if context.bilingual {
            if !unchecked.isEmpty {
                first.add("⚠ " + sentence(context.locale), style)
                other.add("⚠ " + sentence(context.clientLocale), style)
            }
            if fallbackShown {
                first.add("", .muted)
                other.add(Resolved.mark(context.locale).trimmingCharacters(in: .whitespaces) + " " + context.words(in: context.clientLocale).word(.missingTranslation), .muted)
            }
            first.blank()
            other.blank()
        } else {
            // One language on screen: the worker reads it, so it is said once, in it.
            first.add("⚠ " + sentence(context.locale), style)
            first.blank()
        }
        return (first.lines, other.lines)
    }

    init(_ state: UIState) {
        self.init(state.context) { $0.view(of: state.mode) }
    }

    /// A status of at most `Layout.maxStatusLines` lines; one cut shorter ends with "…", so nothing is lost
    /// without a mark.
    static func fitted(_ lines: [StyledLine], width: Int) -> [StyledLine] {
        guard lines.count > Layout.maxStatusLines else { return lines }
        var kept = Array(lines.prefix(Layout.maxStatusLines))
        let last = kept[kept.count - 1]
        let used = last.reduce(0) { $0 + TextWidth.of($1.text) }
        kept[kept.count - 1] = used + 1 <= width ? last + [Span("…", last.last?.style ?? .plain)]
            : Renderer.shortened(last + [Span(" …")], to: width)
        return kept
    }
}
