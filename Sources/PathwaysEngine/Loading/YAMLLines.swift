/// A file's text as lines of Unicode scalars, for explaining a YAML mistake: what is on a line, how far it
/// is indented, where its quotes open and close. Built only when a file fails to parse.
struct YAMLLines {
    /// Each line without its line break; columns are 1-based indices into these, as libyaml counts them.
    let lines: [[Unicode.Scalar]]

    init(_ bytes: [UInt8]) {
        var lines: [[Unicode.Scalar]] = [[]]
        var previousCR = false
        for s in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if s == "\n" {
                if !previousCR { lines.append([]) }
            } else if s == "\r" {
                lines.append([])
            } else {
                lines[lines.count - 1].append(s)
            }
            previousCR = s == "\r"
        }
        self.lines = lines
    }

    /// Line `n` (1-based), empty past the end.
    func line(_ n: Int) -> [Unicode.Scalar] { lines.indices.contains(n - 1) ? lines[n - 1] : [] }

    /// The character at a mark, if there is one.
    func character(at mark: Node.Mark) -> Unicode.Scalar? {
        let l = line(mark.line)
        return l.indices.contains(mark.column - 1) ? l[mark.column - 1] : nil
    }

    /// Spaces before the first other character of line `n`.
    func indentation(_ n: Int) -> Int { line(n).prefix { $0 == " " }.count }

    /// Whether line `n` holds nothing but spaces and perhaps a comment.
    func isBlank(_ n: Int) -> Bool {
        let rest = line(n).drop { $0 == " " || $0 == "\t" }
        return rest.isEmpty || rest.first == "#"
    }

    /// How line `n` starts, for naming it in a hint: its key ("kind"), or a list item as written ("- id: a").
    func lead(_ n: Int) -> String {
        var text = String(String.UnicodeScalarView(line(n).drop { $0 == " " })).trimmingTrailingSpaces
        if !text.hasPrefix("- "), let colon = text.firstIndex(of: ":") { text = String(text[..<colon]) }
        return text.count > 30 ? String(text.prefix(29)) + "…" : text
    }

    /// Line `n`'s text from column `from` (1-based) on, as a string.
    func text(_ n: Int, from: Int = 1) -> String {
        String(String.UnicodeScalarView(line(n).dropFirst(max(0, from - 1))))
    }

    /// The 1-based line and column of a byte offset into the UTF-8 text.
    static func mark(ofByte offset: Int, in bytes: [UInt8]) -> Node.Mark {
        var line = 1, column = 1, i = 0
        let end = min(max(offset, 0), bytes.count)
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return Node.Mark(line: line, column: column)
    }

    /// A quoted scalar found by `quotedScalars`: where its quote opens and where it closes (nil: never).
    struct Quoted {
        var quote: Unicode.Scalar
        var open: Node.Mark
        var close: Node.Mark?
        var spansLines: Bool { close.map { $0.line != open.line } ?? true }
    }

    /// The quoted scalars of the text up to line `last`, found the way YAML finds them: a quote that starts
    /// a value (at the start of a line, after "key: ", "- ", or inside [ ] and { }), up to its closing quote
    /// ("\"" escaped inside double quotes, '' inside single ones). Quotes inside a plain text (l'avocat) and
    /// in comments do not count.
    func quotedScalars(through last: Int) -> [Quoted] {
        var found: [Quoted] = []
        var open: Quoted?
        for n in 1...max(1, min(last, lines.count)) {
            let l = line(n)
            var i = 0
            // Where a new value may start: at the line's first character, after ": ", "- ", "[", "{", ",".
            var valueStart = true
            while i < l.count {
                let c = l[i]
                if var q = open {
                    if q.quote == "\"" && c == "\\" { i += 2; continue }
                    if c == q.quote {
                        if q.quote == "'" && i + 1 < l.count && l[i + 1] == "'" { i += 2; continue }
                        q.close = Node.Mark(line: n, column: i + 1)
                        found.append(q)
                        open = nil
                        valueStart = false
                    }
                    i += 1
                    continue
                }
                switch c {
                case " ", "\t":
                    break
                case "#" where i == 0 || l[i - 1] == " " || l[i - 1] == "\t":
                    i = l.count
                    continue
                case "\"", "'":
                    if valueStart { open = Quoted(quote: c, open: Node.Mark(line: n, column: i + 1), close: nil) }
                    valueStart = false
                case "-", "?":
                    valueStart = valueStart && (i + 1 == l.count || l[i + 1] == " ")
                case ":":
                    valueStart = i + 1 == l.count || l[i + 1] == " " || l[i + 1] == "\t"
                case "[", "{", ",":
                    valueStart = true
                default:
                    valueStart = false
                }
                i += 1
            }
        }
        if let open { found.append(open) }
        return found
    }

    /// Whether line `n` reads like "key: value" (a word, then ':' and a space or the end of the line).
    func looksLikeKey(_ n: Int) -> Bool {
        var rest = Array(line(n).drop { $0 == " " })
        if rest.first == "-" && rest.dropFirst().first == " " { rest = Array(rest.dropFirst(2)) }
        guard let colon = rest.firstIndex(of: ":"), colon > 0 else { return false }
        let key = rest[..<colon]
        let after = rest.index(after: colon)
        return key.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
            && (after == rest.count || rest[after] == " ")
    }
}
