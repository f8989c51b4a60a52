/// The caseworker's notes being edited: text of several lines that wraps at the screen's width, a cursor
/// that moves by character and by line, and whether anything changed since it opened. A pure value: the
/// keys change it, the notes screen draws it.
public struct NotesEditor: Hashable, Sendable {
    /// The most a case's notes can hold (typed by a person: a few pages is plenty).
    public static let limit = 4000

    /// The notes as typed so far.
    public private(set) var text: [Character]
    /// Index into `text` of the character the cursor is on (`text.count`: after the last).
    public private(set) var cursor: Int
    /// The first line shown.
    var scroll = 0
    /// Esc was pressed once with unsaved changes: a second Esc closes without saving.
    var confirmingDiscard = false
    /// Typing stopped at the limit.
    var full = false
    private let original: [Character]

    /// Opens the editor on the notes saved so far, the cursor after them.
    public init(_ notes: String) {
        text = Array(notes)
        original = text
        cursor = text.count
    }

    /// The notes as text.
    public var string: String { String(text) }
    /// True when the notes differ from those the editor opened with.
    public var isChanged: Bool { text != original }

    /// One line on screen: a range of `text`, and whether it ends its paragraph (a new line or the end).
    struct Line: Hashable {
        var start: Int
        var end: Int
        var endsParagraph: Bool
    }

    /// The text wrapped at `width` columns: at spaces where it can, inside a word longer than a line.
    func lines(width: Int) -> [Line] {
        let width = max(1, width)
        var out: [Line] = []
        var start = 0
        while true {
            let paragraphEnd = text[start...].firstIndex(of: "\n") ?? text.count
            var lineStart = start
            while true {
                var used = 0, j = lineStart, lastBreak: Int?
                while j < paragraphEnd {
                    let c = text[j]
                    // A space may hang past the edge: it ends the line and is not drawn.
                    if c == " " { lastBreak = j + 1; used += 1; j += 1; continue }
                    let w = TextWidth.of(c)
                    if used + w > width { break }
                    used += w
                    j += 1
                }
                if j >= paragraphEnd {
                    out.append(Line(start: lineStart, end: paragraphEnd, endsParagraph: true))
                    break
                }
                let end = lastBreak.map { $0 > lineStart ? $0 : j } ?? max(j, lineStart + 1)
                out.append(Line(start: lineStart, end: end, endsParagraph: false))
                lineStart = end
            }
            guard paragraphEnd < text.count else { break }
            start = paragraphEnd + 1
        }
        return out
    }

    /// The line the cursor is on, and its column.
    func cursorLine(in lines: [Line]) -> (line: Int, column: Int) {
        for (i, l) in lines.enumerated() where cursor >= l.start && (cursor < l.end || (cursor == l.end && l.endsParagraph)) {
            return (i, columns(from: l.start, to: cursor))
        }
        return (max(0, lines.count - 1), 0)
    }

    private func columns(from a: Int, to b: Int) -> Int {
        text[a..<b].reduce(0) { $0 + TextWidth.of($1) }
    }

    // MARK: Editing

    mutating func insert(_ c: Character) {
        confirmingDiscard = false
        guard text.count < Self.limit else { full = true; return }
        full = false
        text.insert(c, at: cursor)
        cursor += 1
    }

    mutating func deleteBackward() {
        confirmingDiscard = false
        full = false
        guard cursor > 0 else { return }
        text.remove(at: cursor - 1)
        cursor -= 1
    }

    mutating func deleteForward() {
        confirmingDiscard = false
        full = false
        guard cursor < text.count else { return }
        text.remove(at: cursor)
    }

    mutating func moveLeft() { cursor = max(0, cursor - 1) }
    mutating func moveRight() { cursor = min(text.count, cursor + 1) }

    /// Up or down `delta` lines on screen, keeping the column where the line is long enough.
    mutating func moveLines(_ delta: Int, width: Int) {
        let all = lines(width: width)
        let (line, column) = cursorLine(in: all)
        let target = min(max(0, line + delta), all.count - 1)
        guard target != line else {
            cursor = delta < 0 ? 0 : text.count
            return
        }
        let l = all[target]
        var i = l.start, used = 0
        let last = l.endsParagraph ? l.end : max(l.start, l.end - 1)
        while i < last, used + TextWidth.of(text[i]) <= column { used += TextWidth.of(text[i]); i += 1 }
        cursor = i
    }

    mutating func moveToLineStart(width: Int) {
        let all = lines(width: width)
        cursor = all[cursorLine(in: all).line].start
    }

    mutating func moveToLineEnd(width: Int) {
        let all = lines(width: width)
        let l = all[cursorLine(in: all).line]
        cursor = l.endsParagraph ? l.end : max(l.start, l.end - 1)
    }

    /// Scrolls so the cursor's line is among the `height` lines shown.
    mutating func keepCursorVisible(width: Int, height: Int) {
        let all = lines(width: width)
        let line = cursorLine(in: all).line
        let height = max(1, height)
        if line < scroll { scroll = line }
        if line >= scroll + height { scroll = line - height + 1 }
        scroll = min(max(0, scroll), max(0, all.count - height))
    }
}
