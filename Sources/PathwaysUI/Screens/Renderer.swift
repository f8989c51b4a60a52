import PathwaysEngine

/// Places a screen in a frame: header, a scrolling body (one column, or two in the bilingual view),
/// a status line and the key hints.
public enum Renderer {
    public static func frame(_ state: UIState) -> Frame {
        var frame = Frame(width: state.width, height: state.height)
        if state.screen == .neutral { return frame }
        if state.isTooSmall {
            let message = UIText.tooSmall.text(state.locale)
            let lines = Wrap.lines(message, Style(.normal, bold: true), width: max(1, state.width - 2))
            let top = max(0, (state.height - lines.count) / 2)
            for (i, l) in lines.enumerated() {
                let w = l.reduce(0) { $0 + TextWidth.of($1.text) }
                frame.put(l, row: top + i, col: max(0, (state.width - w) / 2))
            }
            let exit = UIText.keyQuickExit.text(state.locale)
            if top + lines.count + 1 < state.height { frame.put(exit, .muted, row: state.height - 1, col: 0) }
            return frame
        }
        if state.locked { return lockedFrame(state, frame) }
        let layout = Layout(state)
        let screens = Screens(state)
        let view = screens.view(width: layout.columnWidth)
        for (i, line) in view.header.enumerated() where i < layout.headerHeight { frame.put(line, row: i) }
        frame.put(String(repeating: "─", count: state.width), .muted, row: layout.headerHeight, col: 0)
        // One build of the screen serves the header, the items and the body.
        let items = view.items
        let selected = items.indices.contains(state.cursor) ? items[state.cursor] : nil
        let (left, right) = Layout.bodies(state, first: view.body, width: layout.columnWidth)
        draw(left, into: &frame, col: 0, width: layout.columnWidth, layout: layout, scroll: state.scroll, selected: selected)
        if let right {
            for r in layout.bodyTop..<(layout.bodyTop + layout.bodyHeight) { frame.put("│", .muted, row: r, col: layout.columnWidth + 3) }
            draw(right, into: &frame, col: layout.columnWidth + 4, width: layout.columnWidth, layout: layout, scroll: state.scroll, selected: selected)
        }
        let footerTop = state.height - layout.footerHeight
        frame.put(String(repeating: "─", count: state.width), .muted, row: footerTop - 1, col: 0)
        if let status = view.status ?? screens.previewStatus() { frame.put(status, row: footerTop - 2) }
        if state.confirmQuit { frame.put(UIText.quitConfirm.text(state.locale), .error, row: footerTop - 2, col: 0) }
        for (i, line) in footer(view.keys, state.locale, width: state.width, preview: state.preview != nil).prefix(layout.footerHeight).enumerated() {
            frame.put(line, row: footerTop + i)
        }
        return frame
    }

    /// The idle lock: nothing of the case, only the passphrase field.
    static func lockedFrame(_ state: UIState, _ empty: Frame) -> Frame {
        var frame = empty
        let l = state.locale
        frame.put(UIText.appName.text(l), .title, row: 0, col: 0)
        frame.put(UIText.lockedTitle.text(l), .heading, row: 2, col: 2)
        for (i, line) in Wrap.lines(UIText.lockedHint.text(l), width: state.width - 4).enumerated() { frame.put(line, row: 4 + i, col: 2) }
        frame.put("> " + String(repeating: "•", count: state.lockInput.count) + "▏", Style(.normal, bold: true), row: 7, col: 2)
        if state.lockFailed { frame.put(UIText.wrongPassphrase.text(l), .error, row: 9, col: 2) }
        frame.put(UIText.keyQuickExit.text(l), Style(.banner, bold: true), row: state.height - 1, col: 0)
        return frame
    }

    static func draw(_ body: [BodyLine], into frame: inout Frame, col: Int, width: Int, layout: Layout, scroll: Int, selected: Target?) {
        for row in 0..<layout.bodyHeight {
            let i = scroll + row
            guard i < body.count else { break }
            let y = layout.bodyTop + row
            let line = body[i]
            let isSelected = line.target != nil && line.target == selected
            // The marker goes on the item's first line only; every line of it is shown in reverse.
            let isFirst = isSelected && (i == 0 || body[i - 1].target != line.target)
            frame.put((isFirst ? [Span("› ", Style(.normal, bold: true))] : [Span("  ")]) + line.line, row: y, col: col, maxWidth: width + 2)
            if isSelected { frame.restyle(row: y, from: col + 2, width: width) { $0.reverse = true } }
        }
        // Scroll arrows sit in their own column, just right of the text.
        if scroll > 0 { frame.put("↑", .muted, row: layout.bodyTop, col: col + width + 2) }
        if scroll + layout.bodyHeight < body.count { frame.put("↓", .muted, row: layout.bodyTop + layout.bodyHeight - 1, col: col + width + 2) }
    }

    /// Key hints packed into lines: every hint whole, the quick exit always first so it is never cut.
    static func footer(_ keys: [UIText], _ locale: String, width: Int, preview: Bool = false) -> [StyledLine] {
        var lines: [StyledLine] = [], current: StyledLine = [], used = 0
        let extra: [UIText] = preview ? [.keyDiagnostics, .keyJumpID, .keyRecord] : []
        for key in [.keyQuickExit] + extra + keys.filter({ $0 != .keyQuickExit }) {
            let text = key.text(locale)
            let w = TextWidth.of(text)
            if used > 0 && used + 2 + w > width { lines.append(current); current = []; used = 0 }
            if used > 0 { current.append(Span("  ")); used += 2 }
            current.append(Span(text, key == .keyQuickExit ? Style(.banner, bold: true) : .muted))
            used += w
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

private extension Frame {
    mutating func put(_ line: StyledLine, row: Int) { put(line, row: row, col: 0) }
}

/// Where things go on screen for a given size.
struct Layout {
    let headerHeight = 2
    let footerHeight: Int
    let bodyTop: Int
    let bodyHeight: Int
    let columnWidth: Int

    init(_ state: UIState) {
        footerHeight = 2
        bodyTop = headerHeight + 1
        // Rows: header, rule, body, status, rule, footer.
        bodyHeight = max(1, state.height - bodyTop - 2 - footerHeight)
        // Each column: a 2-cell marker, the text, a 1-cell scroll arrow; the bilingual view adds a rule.
        columnWidth = state.bilingual ? max(10, (state.width - 1) / 2 - 3) : max(10, state.width - 3)
    }

    /// The body (or, in the bilingual view, both bodies padded so each item starts on the same row).
    static func bodies(_ state: UIState, width: Int) -> ([BodyLine], [BodyLine]?) {
        bodies(state, first: Screens(state).view(width: width).body, width: width)
    }

    /// The same, from the first language's body already built at `width`.
    static func bodies(_ state: UIState, first: [BodyLine], width: Int) -> ([BodyLine], [BodyLine]?) {
        guard state.bilingual else { return (first, nil) }
        let second = Screens(state, locale: state.secondLocale).view(width: width).body
        let a = segments(first), b = segments(second)
        guard a.count == b.count else { return (first, second) }
        var left: [BodyLine] = [], right: [BodyLine] = []
        for (x, y) in zip(a, b) {
            let n = max(x.count, y.count)
            left += x + Array(repeating: BodyLine([], target: x.last?.target), count: n - x.count)
            right += y + Array(repeating: BodyLine([], target: y.last?.target), count: n - y.count)
        }
        return (left, right)
    }

    /// Splits a body before the first line of each item, so two languages can be lined up item by item.
    static func segments(_ body: [BodyLine]) -> [[BodyLine]] {
        var out: [[BodyLine]] = [[]]
        for (i, line) in body.enumerated() {
            let startsItem = line.target != nil && (i == 0 || body[i - 1].target != line.target)
            if startsItem && !(out.last?.isEmpty ?? true) { out.append([]) }
            out[out.count - 1].append(line)
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
