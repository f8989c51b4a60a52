/// One change to a file's text: replace what lies between two places, or insert at one. Places are
/// 0-based lines and columns counted in Unicode scalars, as libyaml counts them.
struct TextEdit {
    var file: String
    var start: (line: Int, column: Int)
    var end: (line: Int, column: Int)
    var replacement: String

    enum Problem: Error, CustomStringConvertible {
        case notFound(String)
        var description: String { if case .notFound(let s) = self { return s } else { return "" } }
    }

    /// A file's lines, without their line breaks, and the line break it uses.
    struct Lines {
        var lines: [[Unicode.Scalar]]
        var lineEnding: String

        init(_ text: String) {
            lineEnding = text.contains("\r\n") ? "\r\n" : "\n"
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var scalars = Array(line.unicodeScalars)
                if scalars.last == "\r" { scalars.removeLast() }
                return scalars
            }
        }

        subscript(n: Int) -> [Unicode.Scalar] { lines.indices.contains(n) ? lines[n] : [] }
        var count: Int { lines.count }

        func text(from start: (line: Int, column: Int), to end: (line: Int, column: Int)) -> String {
            if start.line == end.line { return String(String.UnicodeScalarView(self[start.line][start.column..<min(end.column, self[start.line].count)])) }
            var parts = [String(String.UnicodeScalarView(self[start.line].dropFirst(start.column)))]
            for n in (start.line + 1)..<end.line { parts.append(String(String.UnicodeScalarView(self[n]))) }
            parts.append(String(String.UnicodeScalarView(self[end.line].prefix(end.column))))
            return parts.joined(separator: lineEnding)
        }
    }

    /// The edit that gives `text` its `locale` translation, keeping the rest of the file as written and the
    /// translation in the style of the text beside it.
    static func writing(_ translation: String, locale: String, into text: LocalizedText, defaultLocale: String,
                        files: ContentFiles) throws -> TextEdit {
        let anyPlace = text.places[locale] ?? text.places[defaultLocale] ?? text.places.values.first
        guard let place = anyPlace, let file = relative(place.location.file, files),
              let bytes = files.files[file], let source = String(validating: bytes, as: UTF8.self) else {
            throw Problem.notFound("cannot find where this text is written")
        }
        let lines = Lines(source)
        // Folded blocks are wrapped as wide as the widest line the text already has, in any language.
        let width = text.places.values.compactMap { TextEdit.block($0, lines)?.width }.max()
        func block(_ p: TextPlace) -> Block? {
            guard var b = TextEdit.block(p, lines) else { return nil }
            b.width = max(b.width, width ?? 0)
            return b
        }
        if let own = text.places[locale] {
            // The translation already has a place: replace it in its own style.
            let (s, e) = try extent(own, lines)
            let written = ScalarWriter.write(translation, as: own.form, block: block(own), inFlow: own.inFlow, lineEnding: lines.lineEnding)
            return TextEdit(file: file, start: s, end: e, replacement: written)
        }
        guard let d = text.places[defaultLocale] else { throw Problem.notFound("no source text") }
        let (ds, de) = try extent(d, lines)
        let dBlock = block(d)
        switch text.form {
        case .scalar(let inFlow):
            if d.form == .block, !inFlow, let dBlock {
                // `prompt: >-` and its lines become `prompt:` with `en: >-` and `fr: >-` under it.
                let keyIndent = keyColumn(lines[ds.line])
                let inner = keyIndent + 2
                var start = ds
                while start.column > 0 && lines[start.line][start.column - 1] == " " { start.column -= 1 }
                let original = (ds.line...de.line).map { n -> String in
                    let l = String(String.UnicodeScalarView(n == ds.line ? Array(lines[n].dropFirst(ds.column)) : lines[n]))
                    return n == ds.line || l.isEmpty ? l : "  " + l
                }.joined(separator: lines.lineEnding)
                let fr = ScalarWriter.write(translation, as: .block, block: Block(style: dBlock.style, indent: dBlock.indent + 2, width: dBlock.width),
                                            inFlow: false, lineEnding: lines.lineEnding)
                let pad = String(repeating: " ", count: inner)
                return TextEdit(file: file, start: start, end: de,
                                replacement: lines.lineEnding + pad + "\(defaultLocale): " + original + lines.lineEnding + pad + "\(locale): " + fr)
            }
            // `prompt: Text` becomes `prompt: {en: Text, fr: Texte}`, the English left exactly as written.
            let original = lines.text(from: ds, to: de)
            let fr = ScalarWriter.write(translation, as: d.form == .block ? .doubleQuoted : d.form, block: nil, inFlow: true)
            let en = d.form == .plain && !ScalarWriter.isPlainSafe(original, inFlow: true)
                ? ScalarWriter.doubleQuoted(text.texts[defaultLocale] ?? original) : original
            return TextEdit(file: file, start: ds, end: de, replacement: "{\(defaultLocale): \(en), \(locale): \(fr)}")
        case .mapping(let flow):
            // After the entry that ends last.
            var last: (line: Int, column: Int) = (0, 0)
            var indent = 0
            for p in text.places.values {
                let (_, e) = try extent(p, lines)
                if (e.line, e.column) > (last.line, last.column) { last = e; indent = (p.keyLocation?.column ?? 1) - 1 }
            }
            if flow {
                let fr = ScalarWriter.write(translation, as: d.form == .block ? .doubleQuoted : d.form, block: nil, inFlow: true)
                return TextEdit(file: file, start: last, end: last, replacement: ", \(locale): \(fr)")
            }
            let fr = ScalarWriter.write(translation, as: d.form, block: dBlock, inFlow: false, lineEnding: lines.lineEnding)
            let endOfLine = (last.line, lines[last.line].count)
            return TextEdit(file: file, start: endOfLine, end: endOfLine,
                            replacement: lines.lineEnding + String(repeating: " ", count: indent) + "\(locale): \(fr)")
        }
    }

    typealias Block = ScalarWriter.Block

    /// The column (0-based) where a line's key starts: after its indentation and any "- " of list items.
    static func keyColumn(_ line: [Unicode.Scalar]) -> Int {
        var i = 0
        while i < line.count {
            if line[i] == " " { i += 1; continue }
            if line[i] == "-" && i + 1 < line.count && line[i + 1] == " " { i += 2; continue }
            break
        }
        return i
    }

    /// For a block scalar: its style, the indentation of its lines, and their width.
    static func block(_ p: TextPlace, _ lines: Lines) -> Block? {
        guard p.form == .block else { return nil }
        let line = p.location.line - 1, col = p.location.column - 1
        let header = lines[line].dropFirst(col)
        guard let style = header.first, style == "|" || style == ">" else { return nil }
        let keyIndent = (p.keyLocation?.column ?? 1) - 1
        var n = line + 1
        var indent: Int?
        var width = 0
        while n < lines.count {
            let l = lines[n]
            if l.allSatisfy({ $0 == " " }) { n += 1; continue }
            let i = l.prefix { $0 == " " }.count
            guard i > keyIndent else { break }
            if indent == nil { indent = i }
            width = max(width, l.count - (indent ?? i))
            n += 1
        }
        return Block(style: Character(style), indent: indent ?? keyIndent + 2, width: min(max(width, 40), 120))
    }

    /// Where a scalar is written: from its first character (or quote, or block indicator) to just after it.
    static func extent(_ p: TextPlace, _ lines: Lines) throws -> ((line: Int, column: Int), (line: Int, column: Int)) {
        let line = p.location.line - 1, col = p.location.column - 1
        guard line >= 0, line < lines.count else { throw Problem.notFound("line \(p.location.line) is not in the file") }
        let chars = lines[line]
        switch p.form {
        case .doubleQuoted, .singleQuoted:
            let q: Unicode.Scalar = p.form == .doubleQuoted ? "\"" : "'"
            var i = col
            while i < chars.count {
                if p.form == .doubleQuoted && chars[i] == "\\" { i += 2; continue }
                if chars[i] == q {
                    if p.form == .singleQuoted && i + 1 < chars.count && chars[i + 1] == "'" { i += 2; continue }
                    return ((line, col - 1), (line, i + 1))
                }
                i += 1
            }
            throw Problem.notFound("its text in the file is quoted over several lines; write it on one line first")
        case .plain:
            let inFlow = flowDepth(chars, before: col) > 0
            var i = col
            while i < chars.count {
                if inFlow && (chars[i] == "," || chars[i] == "}" || chars[i] == "]") { break }
                if chars[i] == "#" && i > 0 && chars[i - 1] == " " { break }
                i += 1
            }
            while i > col && chars[i - 1] == " " { i -= 1 }
            // A plain text may go on over more indented lines.
            let keyIndent = (p.keyLocation?.column ?? p.location.column) - 1
            var endLine = line, endColumn = i
            var n = line + 1
            while !inFlow, n < lines.count, indentation(lines[n]) > keyIndent, !lines[n].allSatisfy({ $0 == " " }) {
                endLine = n
                endColumn = lines[n].count
                n += 1
            }
            return ((line, col), (endLine, endColumn))
        case .block:
            let keyIndent = (p.keyLocation?.column ?? 1) - 1
            var endLine = line, n = line + 1
            while n < lines.count, lines[n].allSatisfy({ $0 == " " }) || indentation(lines[n]) > keyIndent {
                if !lines[n].allSatisfy({ $0 == " " }) { endLine = n }
                n += 1
            }
            return ((line, col), (endLine, lines[endLine].count))
        }
    }

    static func indentation(_ line: [Unicode.Scalar]) -> Int { line.prefix { $0 == " " }.count }

    /// How many `{` or `[` are open before a column of a line (outside quotes): inside one, a plain
    /// scalar ends at ',' or a closing bracket.
    static func flowDepth(_ line: [Unicode.Scalar], before column: Int) -> Int {
        var depth = 0
        var quote: Unicode.Scalar?
        for c in line.prefix(column) {
            if let q = quote { if c == q { quote = nil }; continue }
            switch c {
            case "\"", "'": quote = c
            case "{", "[": depth += 1
            case "}", "]": depth -= 1
            case "#": return max(0, depth)
            default: break
            }
        }
        return max(0, depth)
    }

    static func relative(_ display: String, _ files: ContentFiles) -> String? {
        let root = files.displayRoot.hasSuffix("/") ? files.displayRoot : files.displayRoot + "/"
        let rel = display.hasPrefix(root) ? String(display.dropFirst(root.count)) : display
        return files.files[rel] != nil ? rel : nil
    }

    /// Applies non-overlapping edits, last first, so earlier places stay where they were.
    static func apply(_ edits: [TextEdit], to text: String) throws -> String {
        var lines = Lines(text)
        let sorted = edits.sorted { ($0.start.line, $0.start.column) > ($1.start.line, $1.start.column) }
        // Two edits of one place (the same id twice) would overlap: refuse rather than damage the file.
        for (later, earlier) in zip(sorted, sorted.dropFirst()) where (earlier.end.line, earlier.end.column) > (later.start.line, later.start.column) {
            throw Problem.notFound("two translations for the same place in \(later.file)")
        }
        for e in sorted {
            guard lines.lines.indices.contains(e.start.line), lines.lines.indices.contains(e.end.line) else {
                throw Problem.notFound("line \(e.start.line + 1) is not in \(e.file)")
            }
            let head = Array(lines[e.start.line].prefix(e.start.column))
            let tail = Array(lines[e.end.line].dropFirst(e.end.column))
            var middle = e.replacement.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map { Array($0.unicodeScalars) }
            middle[0] = head + middle[0]
            middle[middle.count - 1] += tail
            lines.lines.replaceSubrange(e.start.line...e.end.line, with: middle)
        }
        return lines.lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: lines.lineEnding)
    }
}
