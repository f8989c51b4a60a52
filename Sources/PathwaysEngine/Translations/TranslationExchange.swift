/// The translators' round trip: a CSV of every text (id, source hash, source, translation) out, and the
/// edited CSV back in, written into the content files and recorded in translations.yaml.
public enum TranslationExchange {
    public static let header = ["id", "source_hash", "source", "translation"]

    /// The CSV for translating the bundle into `locale`.
    public static func export(_ b: ContentBundle, locale: String) -> String {
        var lines = [CSV.line(header)]
        for entry in TranslatableStrings.all(b) {
            let source = entry.text.texts[b.info.defaultLocale] ?? ""
            lines.append(CSV.line([entry.id, TranslatableStrings.hash(source), source, entry.text.texts[locale] ?? ""]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What an import did.
    public struct Report: Sendable {
        public var updated: [String] = []
        public var unchanged = 0
        public var empty = 0
        public var unknown: [String] = []
        /// Rows whose source text changed after the CSV was exported: imported, and flagged by check.
        public var stale: [String] = []
        public var problems: [String] = []
        /// Relative path → new contents, for every file that changed (translations.yaml included).
        public var files: [String: [UInt8]] = [:]
    }

    /// Merges a translated CSV into the files of a bundle.
    public static func importCSV(_ text: String, locale: String, files: ContentFiles, bundle: ContentBundle) -> Report {
        var report = Report()
        guard let rows = CSV.rows(text), let first = rows.first else {
            report.problems.append("the file is not a CSV (a quoted field is never closed)")
            return report
        }
        guard first.map({ Substring($0).trimmingSpaces }) == header else {
            report.problems.append("the first line must be: " + header.joined(separator: ","))
            return report
        }
        let entries = Dictionary(TranslatableStrings.all(bundle).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var sources = bundle.translationSources[locale] ?? [:]
        var edits: [String: [TextEdit]] = [:]
        for row in rows.dropFirst() where !(row.count == 1 && row[0].isEmpty) {
            guard row.count == 4 else { report.problems.append("a row needs 4 fields: \(CSV.line(row))"); continue }
            let (id, hash, translation) = (row[0], row[1], row[3])
            guard let entry = entries[id] else { report.unknown.append(id); continue }
            if translation.isEmpty { report.empty += 1; continue }
            let current = entry.text.texts[bundle.info.defaultLocale] ?? ""
            if hash != TranslatableStrings.hash(current) { report.stale.append(id) }
            sources[id] = hash
            if entry.text.texts[locale] == translation { report.unchanged += 1; continue }
            do {
                let edit = try TextEdit.writing(translation, locale: locale, into: entry.text, defaultLocale: bundle.info.defaultLocale, files: files)
                edits[edit.file, default: []].append(edit)
                report.updated.append(id)
            } catch {
                report.problems.append("\(id): \(error)")
            }
        }
        for (file, fileEdits) in edits {
            guard let bytes = files.files[file], let original = String(validating: bytes, as: UTF8.self) else { continue }
            report.files[file] = Array(TextEdit.apply(fileEdits, to: original).utf8)
        }
        var all = bundle.translationSources
        all[locale] = sources
        report.files["translations.yaml"] = Array(record(all).utf8)
        return report
    }

    /// translations.yaml: locale → id → source hash, sorted so the file diffs well.
    static func record(_ all: [String: [String: String]]) -> String {
        var out = ["# Written by 'pathways translations import': for each translation, the hash of the source text it was",
                   "# made from. 'pathways check' warns when a source text has changed since."]
        for locale in all.keys.sorted() {
            out.append("\(locale):")
            for id in all[locale]!.keys.sorted() { out.append("  \(id): \"\(all[locale]![id]!)\"") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// One change to a file's text: replace the characters between two places, or insert at one.
struct TextEdit {
    var file: String
    /// 0-based line and column (in characters) where the change starts and ends.
    var start: (line: Int, column: Int)
    var end: (line: Int, column: Int)
    var replacement: String

    enum Problem: Error, CustomStringConvertible {
        case notFound(String)
        var description: String { if case .notFound(let s) = self { return s } else { return "" } }
    }

    /// The edit that gives `text` its `locale` translation, keeping the rest of the file as written.
    static func writing(_ translation: String, locale: String, into text: LocalizedText, defaultLocale: String,
                        files: ContentFiles) throws -> TextEdit {
        let anyPlace = text.places[locale] ?? text.places[defaultLocale] ?? text.places.values.first
        guard let place = anyPlace, let file = relative(place.location.file, files),
              let bytes = files.files[file], let source = String(validating: bytes, as: UTF8.self) else {
            throw Problem.notFound("cannot find where this text is written")
        }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let quoted = quote(translation)
        if let own = text.places[locale] {
            let (s, e) = try extent(own, lines)
            return TextEdit(file: file, start: s, end: e, replacement: quoted)
        }
        switch text.form {
        case .scalar:
            guard let d = text.places[defaultLocale], let original = text.texts[defaultLocale] else { throw Problem.notFound("no source text") }
            let (s, e) = try extent(d, lines)
            return TextEdit(file: file, start: s, end: e, replacement: "{\(defaultLocale): \(quote(original)), \(locale): \(quoted)}")
        case .mapping:
            // Look at the file itself: a flow mapping starts with '{'.
            let start = text.location.map { (line: $0.line - 1, column: $0.column - 1) }
            let flow = start.map { lines.indices.contains($0.line) && lines[$0.line].indices.contains($0.column) && lines[$0.line][$0.column] == "{" } ?? false
            // After the entry that ends last.
            var last: (line: Int, column: Int) = (0, 0)
            var indent = 0
            for p in text.places.values {
                let (_, e) = try extent(p, lines)
                if (e.line, e.column) > (last.line, last.column) { last = e; indent = (p.keyLocation?.column ?? 1) - 1 }
            }
            if flow {
                return TextEdit(file: file, start: last, end: last, replacement: ", \(locale): \(quoted)")
            }
            let endOfLine = (last.line, lines[last.line].count)
            return TextEdit(file: file, start: endOfLine, end: endOfLine,
                            replacement: "\n" + String(repeating: " ", count: indent) + "\(locale): \(quoted)")
        }
    }

    /// Where a scalar is written: from its first character (or quote, or block indicator) to just after it.
    static func extent(_ p: TextPlace, _ lines: [[Character]]) throws -> ((line: Int, column: Int), (line: Int, column: Int)) {
        let line = p.location.line - 1, col = p.location.column - 1
        guard line >= 0, line < lines.count else { throw Problem.notFound("line \(p.location.line) is not in the file") }
        let chars = lines[line]
        switch p.form {
        case .doubleQuoted, .singleQuoted:
            let q: Character = p.form == .doubleQuoted ? "\"" : "'"
            var i = col
            while i < chars.count {
                if p.form == .doubleQuoted && chars[i] == "\\" { i += 2; continue }
                if chars[i] == q {
                    if p.form == .singleQuoted && i + 1 < chars.count && chars[i + 1] == "'" { i += 2; continue }
                    return ((line, col - 1), (line, i + 1))
                }
                i += 1
            }
            throw Problem.notFound("a quoted text that goes over several lines; write it on one line first")
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

    static func indentation(_ line: [Character]) -> Int { line.prefix { $0 == " " }.count }

    /// How many `{` or `[` are open before a column of a line (outside quotes): inside one, a plain
    /// scalar ends at ',' or a closing bracket.
    static func flowDepth(_ line: [Character], before column: Int) -> Int {
        var depth = 0, quote: Character?
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

    /// A YAML double-quoted scalar.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    static func relative(_ display: String, _ files: ContentFiles) -> String? {
        let root = files.displayRoot.hasSuffix("/") ? files.displayRoot : files.displayRoot + "/"
        let rel = display.hasPrefix(root) ? String(display.dropFirst(root.count)) : display
        return files.files[rel] != nil ? rel : nil
    }

    /// Applies non-overlapping edits, last first, so earlier places stay where they were.
    static func apply(_ edits: [TextEdit], to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        for e in edits.sorted(by: { ($0.start.line, $0.start.column) > ($1.start.line, $1.start.column) }) {
            let head = Array(lines[e.start.line].prefix(e.start.column))
            let tail = Array(lines[e.end.line].dropFirst(e.end.column))
            let middle = Array(e.replacement).split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
            var replaced = middle
            replaced[0] = head + replaced[0]
            replaced[replaced.count - 1] += tail
            lines.replaceSubrange(e.start.line...e.end.line, with: replaced)
        }
        return lines.map { String($0) }.joined(separator: "\n")
    }
}
