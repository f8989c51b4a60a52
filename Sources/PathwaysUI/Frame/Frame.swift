/// One terminal cell: a character (empty for the right half of a wide one) and its style.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
}

/// A whole screen of styled cells. Its `text` is what the terminal shows, so tests compare frames as text.
public struct Frame: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var rows: [[Cell]]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        rows = Array(repeating: Array(repeating: Cell(text: " ", style: .plain), count: self.width), count: self.height)
    }

    /// Writes a styled line at a place, cut at `maxWidth` columns (default: to the right edge).
    @discardableResult
    public mutating func put(_ line: StyledLine, row: Int, col: Int, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, col >= 0, col < width else { return 0 }
        let limit = min(width, col + (maxWidth ?? width))
        var x = col
        for span in line {
            for c in span.text {
                // A control character would move the terminal's cursor: show a mark instead.
                let shown: Character = c.unicodeScalars.contains(where: TextWidth.isControl) ? (c == "\t" ? " " : "\u{FFFD}") : c
                let w = TextWidth.of(shown)
                if w == 0 {
                    if x > col { rows[row][x - 1].text.append(shown) }
                    continue
                }
                if x + w > limit { return x - col }
                rows[row][x] = Cell(text: String(shown), style: span.style)
                for extra in 1..<w { rows[row][x + extra] = Cell(text: "", style: span.style) }
                x += w
            }
        }
        return x - col
    }

    @discardableResult
    public mutating func put(_ text: String, _ style: Style = .plain, row: Int, col: Int, maxWidth: Int? = nil) -> Int {
        put([Span(text, style)], row: row, col: col, maxWidth: maxWidth)
    }

    /// Paints a whole row's background style (e.g. the selected line), keeping its text.
    public mutating func restyle(row: Int, from col: Int, width w: Int, _ change: (inout Style) -> Void) {
        guard row >= 0, row < height else { return }
        for x in max(0, col)..<min(width, col + w) { change(&rows[row][x].style) }
    }

    /// The frame as text: one line per row, trailing spaces removed, as `tmux capture-pane -p` shows it.
    public var text: String {
        rows.map { row in
            var line = row.map(\.text).joined()
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// The style at a place, for tests that check highlighting.
    public func style(row: Int, col: Int) -> Style { rows[row][col].style }
}
