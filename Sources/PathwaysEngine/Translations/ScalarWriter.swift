/// Writes a text as a YAML scalar in the style the file already uses (plain, '…', "…", or a `|`/`>`
/// block), falling back to double quotes only where that style cannot hold the text.
enum ScalarWriter {
    /// How a block scalar is written: its indicator and the indentation and width of its lines.
    struct Block: Equatable {
        /// "|" or ">".
        var style: Character
        /// Spaces before each line of text.
        var indent: Int
        /// The longest line of text the original has, to wrap a folded block like it.
        var width: Int
    }

    /// `text` in `form`; `block` describes the block to imitate when `form` is `.block`; `inFlow`: inside `{…}`.
    /// The result may span lines (a block); its first line goes right after "key: ".
    static func write(_ text: String, as form: ScalarForm, block: Block?, inFlow: Bool, lineEnding: String = "\n") -> String {
        switch form {
        case .plain where isPlainSafe(text, inFlow: inFlow): return text
        case .singleQuoted where !text.hasASCII("\n"): return "'" + text.replacingAll("'", with: "''") + "'"
        case .block where !inFlow:
            if let block, let written = blockText(text, block, lineEnding: lineEnding) { return written }
            return doubleQuoted(text)
        default: return doubleQuoted(text)
        }
    }

    /// A YAML double-quoted scalar: backslash, quote and line breaks escaped.
    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// Whether `text` reads back as itself written plain: no leading mark YAML reserves, no ': ' or ' #',
    /// nothing the loader takes for "no value", and inside braces no ',' '[' ']' '{' '}'.
    static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(first) || " \t".unicodeScalars.contains(last) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if text.hasASCII("\n") || text.hasASCII("\r") || text.hasASCII("\t") { return false }
        if text.contains(": ") || text.contains(" #") || last == ":" { return false }
        if ["~", "null", "Null", "NULL"].contains(text) { return false }
        if inFlow && text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        return true
    }

    /// The text as a block like `block`: "|-" or ">-" (or without '-' when the text ends with a line break),
    /// then its lines; nil when a block cannot hold it as it is (a line starting with a space, say).
    static func blockText(_ text: String, _ block: Block, lineEnding: String) -> String? {
        var body = text
        var chomp = "-"
        if body.hasSuffix("\n") {
            body.removeLast()
            chomp = body.hasSuffix("\n") ? "+" : ""
            if chomp == "+" { return nil }
        }
        let paragraphs = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !body.isEmpty, !paragraphs.contains(where: { $0.hasPrefix(" ") || $0.hasPrefix("\t") }) else { return nil }
        let pad = String(repeating: " ", count: block.indent)
        var lines: [String] = []
        if block.style == "|" {
            lines = paragraphs
        } else {
            for (i, p) in paragraphs.enumerated() {
                // In a folded block one line break reads as a space, so a break in the text is a blank line.
                if i > 0 { lines.append("") }
                lines += wrap(p, width: block.width)
            }
        }
        return "\(block.style)\(chomp)" + lines.map { lineEnding + ($0.isEmpty ? "" : pad + $0) }.joined()
    }

    /// Words in lines of at most `width` characters (a longer word gets a line of its own). A paragraph with
    /// runs of spaces, or trailing ones, is left on one line: wrapping there would change its spaces.
    static func wrap(_ paragraph: String, width: Int) -> [String] {
        guard !paragraph.isEmpty else { return [] }
        if paragraph.contains("  ") || paragraph.hasSuffix(" ") { return [paragraph] }
        return WordWrap.lines(paragraph, width: width)
    }
}
