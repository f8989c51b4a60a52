/// Breaks a paragraph into lines between words, as people write them.
enum WordWrap {
    /// Lines of at most `width` characters, broken at spaces; a word longer than `width` gets a line of its own.
    static func lines(_ paragraph: some StringProtocol, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in paragraph.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
        return lines
    }
}
