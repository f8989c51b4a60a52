/// Word wrapping by display width, keeping each word's style.
public enum Wrap {
    /// A word, possibly made of pieces in different styles ("(" + an underlined term + ")").
    private struct Word {
        var pieces: [Span]
        var spaceAfter: Bool
        var width: Int { pieces.reduce(0) { $0 + TextWidth.of($1.text) } }
    }

    /// Breaks styled text into lines no wider than `width` (the first no wider than `firstWidth`, for text
    /// that follows a label on its first line); words longer than a line are cut, never lost.
    public static func lines(_ spans: StyledLine, width: Int, firstWidth: Int? = nil) -> [StyledLine] {
        let rest = max(1, width), first = max(1, firstWidth ?? width)
        var words: [Word?] = []  // nil marks a forced line break
        var gluedToPrevious = false
        for span in spans {
            var current = ""
            func flush(spaceAfter: Bool) {
                guard !current.isEmpty else { return }
                // Text that follows the previous span with no space belongs to the same word.
                if gluedToPrevious, let last = words.last, var word = last {
                    word.pieces.append(Span(current, span.style))
                    word.spaceAfter = spaceAfter
                    words[words.count - 1] = word
                } else {
                    words.append(Word(pieces: [Span(current, span.style)], spaceAfter: spaceAfter))
                }
                current = ""
            }
            for c in span.text {
                if c == " " || c == "\n" {
                    flush(spaceAfter: true)
                    if let last = words.last, var word = last { word.spaceAfter = true; words[words.count - 1] = word }
                    gluedToPrevious = false
                    if c == "\n" { words.append(nil) }
                } else {
                    current.append(c)
                }
            }
            flush(spaceAfter: false)
            if let last = words.last, let word = last { gluedToPrevious = !word.spaceAfter } else { gluedToPrevious = false }
        }
        var out: [StyledLine] = []
        var line: StyledLine = []
        var used = 0
        var pendingSpace = false
        func push(_ text: String, _ style: Style) {
            if let last = line.last, last.style == style { line[line.count - 1].text += text } else { line.append(Span(text, style)) }
        }
        func newline() { out.append(line); line = []; used = 0; pendingSpace = false }
        var width: Int { out.isEmpty ? first : rest }
        for entry in words {
            guard let word = entry else { newline(); continue }
            let w = word.width
            if used > 0 && used + (pendingSpace ? 1 : 0) + w > width { newline() }
            if used > 0 && pendingSpace { push(" ", line.last?.style ?? word.pieces[0].style); used += 1 }
            for piece in word.pieces {
                var text = piece.text
                while TextWidth.of(text) > width - used {
                    // A word longer than the line (a file's path) breaks after a '/' or '-' where it can.
                    let head = Self.breakable(TextWidth.prefix(text, fitting: width - used), whole: used == 0)
                    if head.isEmpty { if used == 0 { break }; newline(); continue }
                    push(head, piece.style)
                    text.removeFirst(head.count)
                    newline()
                }
                if !text.isEmpty { push(text, piece.style); used += TextWidth.of(text) }
            }
            pendingSpace = word.spaceAfter
        }
        if !line.isEmpty || out.isEmpty { out.append(line) }
        return out
    }

    /// The part of `head` to put on this line: up to its last '/' (else '-' or '_') when it has one; on a
    /// line already holding text, nothing (the word starts the next line instead); else `head` as it is.
    static func breakable(_ head: String, whole: Bool) -> String {
        for marks in ["/", "-_"] {
            if let i = head.lastIndex(where: { marks.contains($0) }), i != head.startIndex { return String(head[...i]) }
        }
        return whole ? head : ""
    }

    public static func lines(_ text: String, _ style: Style = .plain, width: Int, firstWidth: Int? = nil) -> [StyledLine] {
        lines([Span(text, style)], width: width, firstWidth: firstWidth)
    }
}
