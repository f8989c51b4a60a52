/// CSV as spreadsheets write it, read the way Python's `csv` module reads it in strict mode (RFC 4180 and
/// Excel's dialect): fields separated by ',' ';' or a tab (whichever the first line uses), quoted with
/// '"' when they hold a separator, a quote ("" inside) or a line break; records end at LF, CRLF or CR.
/// The text may start with a byte-order mark, and may be UTF-16 (Excel's "Unicode text"); anything that is
/// not valid Unicode is refused with its line, never read as something else.
public enum CSV {
    /// One record: the line it starts on, and its fields as written (line breaks inside kept).
    public struct Row: Equatable, Sendable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// How a file was written: its encoding, separator and line ending.
    public struct Dialect: Equatable, Sendable {
        public enum Encoding: Equatable, Sendable { case utf8, utf8WithBOM, utf16LittleEndian, utf16BigEndian }
        public var encoding: Encoding = .utf8
        public var separator: Unicode.Scalar = ","
        public var lineEnding = "\n"

        public init(encoding: Encoding = .utf8, separator: Unicode.Scalar = ",", lineEnding: String = "\n") {
            self.encoding = encoding
            self.separator = separator
            self.lineEnding = lineEnding
        }

        /// What Excel opens as columns in any language's settings: UTF-16 with a byte-order mark, tabs, CRLF.
        public static let excel = Dialect(encoding: .utf16LittleEndian, separator: "\t", lineEnding: "\r\n")
    }

    /// A file that cannot be read as CSV, with the line where the trouble is.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The rows of a CSV file's bytes and the dialect it was written in.
    public static func read(_ bytes: [UInt8]) -> Result<(rows: [Row], dialect: Dialect), Problem> {
        let decoded: (text: [Unicode.Scalar], encoding: Dialect.Encoding)
        switch decode(bytes) {
        case .success(let d): decoded = d
        case .failure(let p): return .failure(p)
        }
        let text = decoded.text
        if let nul = text.firstIndex(of: "\0") {
            return .failure(Problem(line: line(at: nul, in: text), message: "this line holds a NUL character; the file is not a text file"))
        }
        var dialect = Dialect(encoding: decoded.encoding, separator: separator(of: text))
        if let firstBreak = text.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
            dialect.lineEnding = text[firstBreak] == "\r" ? (firstBreak + 1 < text.count && text[firstBreak + 1] == "\n" ? "\r\n" : "\r") : "\n"
        }
        return rows(text, separator: dialect.separator).map { ($0, dialect) }
    }

    /// The rows of a text already decoded.
    public static func rows(_ text: String, separator: Unicode.Scalar = ",") -> Result<[Row], Problem> {
        rows(Array(text.unicodeScalars), separator: separator)
    }

    static func rows(_ text: [Unicode.Scalar], separator: Unicode.Scalar) -> Result<[Row], Problem> {
        var rows: [Row] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, rowLine = 1
        var i = 0
        /// Whether the current record has begun (an empty line is a record with no fields, as in Python).
        var started = false

        func endField() { fields.append(String(field)); field = String.UnicodeScalarView() }
        func endRow() {
            if started { endField() }
            rows.append(Row(line: rowLine, fields: fields))
            fields = []
            started = false
        }
        /// Steps over a line break at `i` (CRLF counts once); true when there was one.
        func lineBreak() -> Bool {
            guard i < text.count, text[i] == "\n" || text[i] == "\r" else { return false }
            if text[i] == "\r" && i + 1 < text.count && text[i + 1] == "\n" { i += 1 }
            i += 1
            line += 1
            return true
        }

        while i < text.count {
            if !started { rowLine = line }
            let c = text[i]
            if c == "\"" && field.isEmpty && atFieldStart(text, i, separator) {
                // A quoted field: up to the quote that is not doubled.
                started = true
                let opened = line
                i += 1
                var closed = false
                while i < text.count {
                    let q = text[i]
                    if q == "\"" {
                        if i + 1 < text.count && text[i + 1] == "\"" { field.append("\""); i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    if q == "\r" || q == "\n" {
                        // Kept as written: CRLF stays CRLF.
                        field.append(q)
                        if q == "\r" && i + 1 < text.count && text[i + 1] == "\n" { field.append("\n"); i += 1 }
                        i += 1
                        line += 1
                        continue
                    }
                    field.append(q)
                    i += 1
                }
                guard closed else {
                    return .failure(Problem(line: opened, message: "the quoted field that starts here is never closed (a '\"' is missing)"))
                }
                if i < text.count && text[i] == separator {
                    endField()
                    i += 1
                    continue
                }
                if i == text.count { continue }
                if lineBreak() { endRow(); continue }
                return .failure(Problem(line: line, message: "text after the closing quote of a field; a quote inside a quoted field is written twice (\"\")"))
            }
            if c == separator {
                started = true
                endField()
                i += 1
                continue
            }
            if c == "\n" || c == "\r" {
                _ = lineBreak()
                endRow()
                continue
            }
            started = true
            field.append(c)
            i += 1
        }
        if started || !field.isEmpty || !fields.isEmpty { started = true; endRow() }
        return .success(rows)
    }

    /// A quote opens a quoted field only as a field's first character.
    private static func atFieldStart(_ text: [Unicode.Scalar], _ i: Int, _ separator: Unicode.Scalar) -> Bool {
        i == 0 || text[i - 1] == separator || text[i - 1] == "\n" || text[i - 1] == "\r"
    }

    /// The separator the first line uses most, outside quotes: ',', ';' or a tab (',' when none).
    static func separator(of text: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle(); continue }
            if quoted { continue }
            if c == "\n" || c == "\r" { break }
            if counts[c] != nil { counts[c, default: 0] += 1 }
        }
        let best = counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }
        return (best?.value ?? 0) > 0 ? (best?.key ?? ",") : ","
    }

    /// The file's text as Unicode scalars, after its byte-order mark; refuses bytes that are not UTF-8
    /// (or UTF-16 after its mark), naming the line.
    static func decode(_ bytes: [UInt8]) -> Result<(text: [Unicode.Scalar], encoding: Dialect.Encoding), Problem> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            var out: [Unicode.Scalar] = []
            var decoder = UTF16()
            var iterator = units.makeIterator()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): out.append(s)
                case .emptyInput: break loop
                case .error:
                    return .failure(Problem(line: line(at: out.count, in: out), message: notUnicode))
                }
            }
            if bytes.count % 2 == 1 { return .failure(Problem(line: line(at: out.count, in: out), message: notUnicode)) }
            return .success((out, little ? .utf16LittleEndian : .utf16BigEndian))
        }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(bytes.count)
        var decoder = UTF8()
        var iterator = bytes.dropFirst(bom ? 3 : 0).makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): out.append(s)
            case .emptyInput: return .success((out, bom ? .utf8WithBOM : .utf8))
            case .error: return .failure(Problem(line: line(at: out.count, in: out), message: notUTF8))
            }
        }
    }

    static let notUTF8 = "this line is not UTF-8 text; the file may have been saved as plain 'CSV' (Windows-1252 or Latin-1): save it as 'CSV UTF-8' and import it again"
    static let notUnicode = "this line is not valid UTF-16 text; save the file as 'CSV UTF-8' and import it again"

    /// The 1-based line of the scalar at `index` (CRLF, CR and LF each end a line).
    static func line(at index: Int, in text: [Unicode.Scalar]) -> Int {
        var line = 1, i = 0
        while i < min(index, text.count) {
            if text[i] == "\n" { line += 1 } else if text[i] == "\r" { if !(i + 1 < text.count && text[i + 1] == "\n") { line += 1 } }
            i += 1
        }
        return line
    }

    /// One record, fields quoted where needed.
    public static func line(_ fields: [String], separator: Unicode.Scalar = ",") -> String {
        fields.map { f in
            f.unicodeScalars.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                ? "\"" + f.replacingAll("\"", with: "\"\"") + "\"" : f
        }.joined(separator: String(separator))
    }

    /// A whole file in `dialect`: its records, a line ending after each, encoded, with a byte-order mark
    /// where the dialect has one.
    public static func file(_ records: [[String]], dialect: Dialect = Dialect()) -> [UInt8] {
        let text = records.map { line($0, separator: dialect.separator) + dialect.lineEnding }.joined()
        switch dialect.encoding {
        case .utf8: return Array(text.utf8)
        case .utf8WithBOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LittleEndian, .utf16BigEndian:
            let little = dialect.encoding == .utf16LittleEndian
            var out: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
            out.reserveCapacity(2 + text.utf16.count * 2)
            for unit in text.utf16 {
                let (lo, hi) = (UInt8(unit & 0xFF), UInt8(unit >> 8))
                out += little ? [lo, hi] : [hi, lo]
            }
            return out
        }
    }
}
