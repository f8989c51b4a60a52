import PathwaysEngine

/// Places a screen in a frame: header, a scrolling body (one column, or two in the bilingual view),
/// a status line and the key hints.
public enum Renderer {
    public static func frame(_ state: UIState) -> Frame {
        let frame = Frame(width: state.width, height: state.height)
        switch state.mode {
        case .closed: return frame
        case .tooSmall(let t): return tooSmallFrame(state, t, frame)
        case .locked(let l): return lockedFrame(state, l, frame)
        default: return screenFrame(state, Shown(state), frame)
        }
    }

    static func screenFrame(_ state: UIState, _ shown: Shown, _ empty: Frame) -> Frame {
        var frame = empty
        let layout = shown.layout
        let view = shown.view
        for (i, line) in withUncheckedMark(view.header, state).enumerated() where i < Layout.headerHeight {
            frame.put(shortened(line, to: state.width), row: i, col: 0)
        }
        frame.put(String(repeating: "─", count: state.width), .muted, row: Layout.headerHeight, col: 0)
        let items = view.items
        let place = state.place
        let selected = items.indices.contains(place.cursor) ? items[place.cursor] : nil
        draw(shown.left, into: &frame, col: 0, width: layout.columnWidth, layout: layout, scroll: place.scroll, selected: selected)
        if let right = shown.right {
            for r in layout.bodyTop..<(layout.bodyTop + layout.bodyHeight) { frame.put("│", .muted, row: r, col: layout.columnWidth + 3) }
            draw(right, into: &frame, col: layout.columnWidth + 4, width: layout.columnWidth, layout: layout, scroll: place.scroll, selected: selected)
        }
        let footerTop = state.height - Layout.footerHeight
        frame.put(String(repeating: "─", count: state.width), .muted, row: footerTop - 1, col: 0)
        let statusTop = footerTop - 1 - layout.statusLines
        for (i, line) in shown.status.prefix(layout.statusLines).enumerated() { frame.put(line, row: statusTop + i, col: 0) }
        if view.marksMore, shown.status.isEmpty, let more = moreLine(shown, scroll: place.scroll, state.context.words) {
            frame.put(shortened(more, to: state.width), row: statusTop, col: 0)
        }
        for (i, line) in footer(view.keys, state.context.words, width: state.width, lines: Layout.footerHeight).enumerated() {
            frame.put(line, row: footerTop + i, col: 0)
        }
        return frame
    }

    /// "↓ more below: PgDn (lines 1–20 of 34)" when the body goes on past the window, "↑ more above" when it
    /// starts before; nil when it all fits.
    static func moreLine(_ shown: Shown, scroll: Int, _ w: Words) -> StyledLine? {
        let total = shown.left.count, height = shown.layout.bodyHeight
        guard total > height else { return nil }
        let first = min(max(0, scroll), max(0, total - height))
        let last = min(total, first + height)
        let range = w[.linesOf].filled(String(first + 1), String(last), String(total))
        let text = last < total ? w[.moreBelow] : w[.moreAbove]
        return [Span(text + " " + range, Style(.muted, bold: true))]
    }

    /// The header with "⚠ ES: translation not checked" on its second line while an unchecked translation is
    /// on screen, so it shows whatever the body's scroll (the full notice heads the body).
    static func withUncheckedMark(_ header: [StyledLine], _ state: UIState) -> [StyledLine] {
        let unchecked = state.context.unreviewedOnScreen
        guard !unchecked.isEmpty else { return header }
        let mark = Span(state.context.words(.unreviewedMark, unchecked.map { $0.uppercased() }.joined(separator: ", ")), Style(.possible, bold: true))
        var out = header
        while out.count < Layout.headerHeight { out.append([]) }
        let i = Layout.headerHeight - 1
        out[i] = out[i].isEmpty ? [mark] : out[i] + [Span(" · ", .muted), mark]
        return out
    }

    /// A header too long for the window ends at a word, with "…", instead of being cut inside one.
    static func shortened(_ line: StyledLine, to width: Int) -> StyledLine {
        guard line.reduce(0, { $0 + TextWidth.of($1.text) }) > width, width > 1 else { return line }
        var out: StyledLine = [], used = 0
        for span in line {
            let room = width - 1 - used
            let w = TextWidth.of(span.text)
            if w <= room { out.append(span); used += w; continue }
            var head = TextWidth.prefix(span.text, fitting: room)
            if let space = head.lastIndex(of: " ") { head = String(head[..<space]) }
            out.append(Span(head + "…", span.style))
            return out
        }
        return out
    }

    /// "Enlarge the window": nothing of the case, and only the keys that act here.
    static func tooSmallFrame(_ state: UIState, _ t: TooSmallMode, _ empty: Frame) -> Frame {
        var frame = empty
        let w = state.context.words
        let message = w[.tooSmall] + (t.confirmingQuit ? "\n" + w[.quitAgain] : "")
        let lines = Wrap.lines(message, Style(.normal, bold: true), width: max(1, state.width - 2))
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = line.reduce(0) { $0 + TextWidth.of($1.text) }
            frame.put(line, row: top + i, col: max(0, (state.width - w) / 2))
        }
        if top + lines.count + 1 < state.height {
            frame.put([Span(w[.keyQuickExit], Style(.banner, bold: true)), Span("  " + w[.keyQuit], .muted)],
                      row: state.height - 1, col: 0)
        }
        return frame
    }

    /// The idle lock: nothing of the case, only the passphrase field.
    static func lockedFrame(_ state: UIState, _ lock: LockMode, _ empty: Frame) -> Frame {
        var frame = empty
        let w = state.context.words
        frame.put(w[.appName], .title, row: 0, col: 0)
        frame.put(w[.lockedTitle], .heading, row: 2, col: 2)
        for (i, line) in Wrap.lines(w[.lockedHint], width: state.width - 4).enumerated() { frame.put(line, row: 4 + i, col: 2) }
        frame.put("> " + String(repeating: "•", count: lock.input.count) + "▏", Style(.normal, bold: true), row: 7, col: 2)
        if lock.failed { frame.put(w[.wrongPassphrase], .error, row: 9, col: 2) }
        frame.put(w[.keyQuickExit], Style(.banner, bold: true), row: state.height - 1, col: 0)
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

    /// Key hints packed into the footer's lines, most important first: each hint goes whole on the first
    /// line with room for it, and those that do not fit are left out. The quick exit is always first.
    static func footer(_ keys: [KeyHint], _ words: Words, width: Int, lines count: Int) -> [StyledLine] {
        var lines: [StyledLine] = Array(repeating: [], count: max(1, count))
        var used = Array(repeating: 0, count: lines.count)
        let ordered = [KeyHint(.keyQuickExit)] + keys.filter { $0.text != .keyQuickExit }
        for key in ordered {
            let text = key.text(words)
            let w = TextWidth.of(text)
            guard let i = used.indices.first(where: { used[$0] == 0 ? w <= width : used[$0] + 2 + w <= width }) else { continue }
            if used[i] > 0 { lines[i].append(Span("  ")); used[i] += 2 }
            lines[i].append(Span(text, key.text == .keyQuickExit ? Style(.banner, bold: true) : .muted))
            used[i] += w
        }
        return lines.filter { !$0.isEmpty }
    }
}
