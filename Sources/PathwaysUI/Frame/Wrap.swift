/// Word wrapping by display width, keeping each word's style.
public enum Wrap {
    /// A word, possibly made of pieces in different styles ("(" + an underlined term + ")").
    private struct Word {
        var pieces: [Span]
        var spaceAfter: Bool
        var width: Int { pieces.reduce(0) { $0 + TextWidth.of($1.text) } }
    }

    /// Breaks styled text into lines no wider than `width`; words longer than a line are cut.
    public static func lines(_ spans: StyledLine, width: Int) -> [StyledLine] {
        let width = max(1, width)
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
        for entry in words {
            guard let word = entry else { newline(); continue }
            let w = word.width
            if used > 0 && used + (pendingSpace ? 1 : 0) + w > width { newline() }
            if used > 0 && pendingSpace { push(" ", line.last?.style ?? word.pieces[0].style); used += 1 }
            for piece in word.pieces {
                var text = piece.text
                while TextWidth.of(text) > width - used {
                    let head = TextWidth.prefix(text, fitting: width - used)
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

    public static func lines(_ text: String, _ style: Style = .plain, width: Int) -> [StyledLine] {
        lines([Span(text, style)], width: width)
    }
}
