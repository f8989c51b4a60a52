/// The translators' round trip: a CSV of every text (id, source hash, source, translation) out, and the
/// edited CSV back in. An import is checked as a whole first — the file, every row, and the bundle as it
/// would be — and gives either every changed file or none.
public enum TranslationExchange {
    public static let header = ["id", "source_hash", "source", "translation"]

    /// The records of the CSV for translating the bundle into `locale`, the header first.
    public static func records(_ b: ContentBundle, locale: String) -> [[String]] {
        var out = [header]
        for entry in TranslatableStrings.all(b) {
            let source = entry.text.texts[b.info.defaultLocale] ?? ""
            out.append([entry.id, TranslatableStrings.hash(source), source, entry.text.texts[locale] ?? ""])
        }
        return out
    }

    /// The CSV for translating the bundle into `locale`, as UTF-8 text with commas.
    public static func export(_ b: ContentBundle, locale: String) -> String {
        records(b, locale: locale).map { CSV.line($0) + "\n" }.joined()
    }

    /// What an import did, or would do.
    public struct Report: Sendable {
        public var updated: [String] = []
        public var unchanged = 0
        public var empty = 0
        public var unknown: [String] = []
        /// Rows whose source text changed after the CSV was exported: imported, and flagged by check.
        public var stale: [String] = []
        /// Relative path → new contents, for every file that changed (translations.yaml included).
        public var files: [String: [UInt8]] = [:]
        /// How the CSV was written (its encoding and separator), for the report.
        public var dialect = CSV.Dialect()
        /// The rows after the header, empty ones left out.
        public var rows = 0
    }

    /// Why nothing was imported: each problem with the line of the CSV (or the content file) it is on.
    public struct Refusal: Error, Sendable {
        public var problems: [String]
    }

    /// A row of a translated CSV after its shape was checked: its line, id, source hash and cleaned translation.
    struct Row {
        var line: Int
        var id: String
        var hash: String
        var translation: String
    }

    /// Checks a translated CSV against the bundle and works out every file it changes; writes nothing.
    public static func importCSV(_ bytes: [UInt8], locale: String, files: ContentFiles, bundle: ContentBundle) -> Result<Report, Refusal> {
        let read: (rows: [Row], report: Report, problems: [String])
        switch readRows(bytes) {
        case .success(let r): read = r
        case .failure(let refusal): return .failure(refusal)
        }
        var (report, problems) = (read.report, read.problems)
        var sources = bundle.translationSources[locale] ?? [:]
        planInline(read.rows, locale: locale, files: files, bundle: bundle, report: &report, sources: &sources, problems: &problems)
        return finish(report, problems: problems, locale: locale, sources: sources, files: files, bundle: bundle)
    }

    /// The CSV's rows after its header, each checked for shape (4 fields, an id given once, a translation
    /// that may go into a file); rows that fail are problems, not rows.
    static func readRows(_ bytes: [UInt8]) -> Result<(rows: [Row], report: Report, problems: [String]), Refusal> {
        guard bytes.count <= InputLimits.fileBytes else {
            return .failure(Refusal(problems: ["the CSV is \(InputLimits.describe(bytes: bytes.count)); files of more than \(InputLimits.describe(bytes: InputLimits.fileBytes)) are not read"]))
        }
        var report = Report()
        let read: [CSV.Row]
        switch CSV.read(bytes) {
        case .success(let r):
            read = r.rows
            report.dialect = r.dialect
        case .failure(let problem):
            return .failure(Refusal(problems: [problem.description]))
        }
        let content = read.filter { !$0.fields.allSatisfy(\.isEmpty) }
        guard let first = content.first else {
            return .failure(Refusal(problems: ["the file is empty; the first line must be: " + header.joined(separator: ",")]))
        }
        guard first.fields.map({ Substring($0).trimmingSpaces.lowercased() }) == header else {
            return .failure(Refusal(problems: ["line \(first.line): the first line must be: " + header.joined(separator: ",")
                                               + " (found: \(CSV.line(first.fields)))"]))
        }
        var rows: [Row] = []
        var problems: [String] = []
        var seen: [String: Int] = [:]
        for row in content.dropFirst() {
            report.rows += 1
            guard row.fields.count == 4 else {
                problems.append("line \(row.line): a row needs 4 fields (id, source_hash, source, translation); this one has \(row.fields.count)")
                continue
            }
            let (id, hash) = (row.fields[0], row.fields[1])
            if let earlier = seen[id] {
                problems.append("line \(row.line): '\(id)' is already on line \(earlier)")
                continue
            }
            seen[id] = row.line
            switch cleaned(row.fields[3]) {
            case .success(let t): rows.append(Row(line: row.line, id: id, hash: hash, translation: t))
            case .failure(let why): problems.append("line \(row.line) ('\(id)'): \(why)")
            }
        }
        return .success((rows, report, problems))
    }

    /// The edits of the content files for translations written inline (as French is), with their hashes.
    static func planInline(_ rows: [Row], locale: String, files: ContentFiles, bundle: ContentBundle,
                           report: inout Report, sources: inout [String: String], problems: inout [String]) {
        let entries = Dictionary(TranslatableStrings.all(bundle).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var edits: [String: [TextEdit]] = [:]
        for row in rows {
            guard let entry = entries[row.id] else { report.unknown.append(row.id); continue }
            if row.translation.isEmpty { report.empty += 1; continue }
            let current = entry.text.texts[bundle.info.defaultLocale] ?? ""
            if row.hash != TranslatableStrings.hash(current) { report.stale.append(row.id) }
            sources[row.id] = row.hash
            if entry.text.texts[locale] == row.translation { report.unchanged += 1; continue }
            do {
                let edit = try TextEdit.writing(row.translation, locale: locale, into: entry.text, defaultLocale: bundle.info.defaultLocale, files: files)
                edits[edit.file, default: []].append(edit)
                report.updated.append(row.id)
            } catch {
                problems.append("line \(row.line) ('\(row.id)'): \(error)")
            }
        }
        for (file, fileEdits) in edits.sorted(by: { $0.key < $1.key }) {
            guard let bytes = files.files[file], let original = String(validating: bytes, as: UTF8.self) else { continue }
            do {
                report.files[file] = Array(try TextEdit.apply(fileEdits, to: original).utf8)
            } catch {
                problems.append("\(error)")
            }
        }
    }

    /// All or nothing: any problem refuses the whole import; else the hashes of inline translations are
    /// recorded in translations.yaml (`sources` nil: the language keeps its hashes in its own file) and the
    /// bundle as it would be is checked, and an import may not add an error that was not there before.
    static func finish(_ planned: Report, problems: [String], locale: String, sources: [String: String]?,
                       files: ContentFiles, bundle: ContentBundle) -> Result<Report, Refusal> {
        var report = planned
        guard problems.isEmpty else { return .failure(Refusal(problems: problems)) }
        var all = bundle.translationSources
        all[locale] = sources
        // No record is written for a CSV that translated nothing, so an empty CSV changes no file.
        if let sources, !sources.isEmpty || files.files["translations.yaml"] != nil {
            let record = Array(record(all).utf8)
            if files.files["translations.yaml"] != record { report.files["translations.yaml"] = record }
        }
        if !report.files.isEmpty {
            var after = files
            for (path, bytes) in report.files { after.files[path] = bytes }
            func errors(_ f: ContentFiles) -> [Diagnostic] { Checker.check(f, today: nil).allDiagnostics.filter { $0.severity == .error } }
            let before = Set(errors(files).map { "\($0.location.file) \($0.code.rawValue) \($0.message)" })
            let added = errors(after).filter { !before.contains("\($0.location.file) \($0.code.rawValue) \($0.message)") }
            if !added.isEmpty {
                return .failure(Refusal(problems: ["the files would have these errors after the import:"] + added.prefix(20).map { "  " + $0.formatted }))
            }
        }
        return .success(report)
    }

    /// The translation as it may go into a content file: line breaks as the content writes them (CRLF and a
    /// lone CR become LF), and no invisible control characters or line separators, which would reach the
    /// caseworker's screen.
    static func cleaned(_ text: String) -> Result<String, CleanProblem> {
        let normalised = text.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
        for s in normalised.unicodeScalars {
            let v = s.value
            if (v < 0x20 && s != "\n" && s != "\t") || (v >= 0x7F && v <= 0x9F) || v == 0x2028 || v == 0x2029 {
                return .failure(CleanProblem(scalar: s))
            }
            if v == 0xFFFD { return .failure(CleanProblem(scalar: s)) }
        }
        return .success(normalised)
    }

    struct CleanProblem: Error, CustomStringConvertible {
        var scalar: Unicode.Scalar
        var description: String {
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            if scalar.value == 0xFFFD {
                return "the translation holds \(code), the mark left where text was lost to a wrong encoding; fix the text in the spreadsheet"
            }
            return "the translation holds an invisible control character (\(code)); delete it in the spreadsheet"
        }
    }

    /// translations.yaml: locale → id → source hash, sorted so the file diffs well; locales with nothing
    /// recorded are left out (an empty `fr:` would not be a mapping).
    static func record(_ all: [String: [String: String]]) -> String {
        var out = ["# Written by 'pathways translations import': for each translation, the hash of the source text it was",
                   "# made from. 'pathways check' warns when a source text has changed since."]
        for (locale, hashes) in all.sorted(by: { $0.key < $1.key }) where !hashes.isEmpty {
            out.append("\(locale):")
            for (id, hash) in hashes.sorted(by: { $0.key < $1.key }) { out.append("  \(id): \"\(hash)\"") }
        }
        // Comments alone would be an empty file: say "nothing recorded" as an empty mapping.
        if !all.values.contains(where: { !$0.isEmpty }) { out.append("{}") }
        return out.joined(separator: "\n") + "\n"
    }
}
