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
            let second = build(Screens(context, width: width, locale: context.secondLocale)).body
            (left, right) = Layout.align(view.body, second)
        } else {
            (left, right) = (view.body, nil)
        }
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
