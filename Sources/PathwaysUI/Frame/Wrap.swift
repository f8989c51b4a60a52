/// Word wrapping by display width, keeping each word's style.
public enum Wrap {
    /// Breaks styled text into lines no wider than `width`; words longer than a line are cut.
    public static func lines(_ spans: StyledLine, width: Int) -> [StyledLine] {
        let width = max(1, width)
        var words: [(String, Style, Bool)] = []  // text, style, followed by a space
        for span in spans {
            var current = ""
            for c in span.text {
                if c == " " || c == "\n" {
                    if !current.isEmpty { words.append((current, span.style, true)); current = "" }
                    else if let last = words.last, !last.2 { words[words.count - 1].2 = true }
                    if c == "\n" { words.append(("\n", span.style, false)) }
                } else {
                    current.append(c)
                }
            }
            if !current.isEmpty { words.append((current, span.style, false)) }
        }
        var out: [StyledLine] = []
        var line: StyledLine = []
        var used = 0
        var pendingSpace = false
        func push(_ text: String, _ style: Style) {
            if let last = line.last, last.style == style { line[line.count - 1].text += text } else { line.append(Span(text, style)) }
        }
        func newline() { out.append(line); line = []; used = 0; pendingSpace = false }
        for (word, style, spaceAfter) in words {
            if word == "\n" { newline(); continue }
            var w = TextWidth.of(word)
            var text = word
            if used > 0 && used + (pendingSpace ? 1 : 0) + w > width { newline() }
            if used > 0 && pendingSpace { push(" ", line.last?.style ?? style); used += 1 }
            while w > width - used {
                let head = TextWidth.prefix(text, fitting: width - used)
                if head.isEmpty { newline(); continue }
                push(head, style)
                text.removeFirst(head.count)
                w = TextWidth.of(text)
                newline()
            }
            if !text.isEmpty { push(text, style); used += w }
            pendingSpace = spaceAfter
        }
        if !line.isEmpty || out.isEmpty { out.append(line) }
        return out
    }

    public static func lines(_ text: String, _ style: Style = .plain, width: Int) -> [StyledLine] {
        lines([Span(text, style)], width: width)
    }
}
