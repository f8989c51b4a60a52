import XCTest
@testable import PathwaysEngine

/// Importing translations as translators really send them: saved by Excel, in French settings, in the wrong
/// encoding, with stray characters. Every import is all or nothing, and never leaves the bundle broken.
final class TranslationImportTests: XCTestCase {
    let h = TranslatableStrings.hash
    static let age = "How old is the person?"

    func files(_ extra: [String: String] = [:]) throws -> ContentFiles {
        var f = try StarterBundle.files()
        for (path, text) in extra { f.files[path] = Array(text.utf8) }
        return f
    }

    func run(_ bytes: [UInt8], _ files: ContentFiles) -> Result<TranslationExchange.Report, TranslationExchange.Refusal> {
        TranslationExchange.importCSV(bytes, locale: "fr", files: files, bundle: Checker.check(files, today: nil).bundle)
    }

    /// The files after a successful import, checked.
    func after(_ report: TranslationExchange.Report, _ base: ContentFiles) -> CheckedBundle {
        var f = base
        for (path, bytes) in report.files { f.files[path] = bytes }
        return Checker.check(f, today: nil)
    }

    func text(_ report: TranslationExchange.Report, _ path: String) -> String {
        String(decoding: report.files[path] ?? [], as: UTF8.self)
    }

    func testExcelsCSVUTF8WithSemicolonsAndCRLFImports() throws {
        let base = try files()
        let csv = "\u{FEFF}id;source_hash;source;translation\r\nquestion.age.prompt;\(h(Self.age));\(Self.age);\"Quel âge a-t-elle; à peu près?\"\r\n"
        let report = try run(Array(csv.utf8), base).get()
        XCTAssertEqual(report.updated, ["question.age.prompt"])
        XCTAssertEqual(report.dialect, CSV.Dialect(encoding: .utf8WithBOM, separator: ";", lineEnding: "\r\n"))
        XCTAssertEqual(after(report, base).bundle.question("age")?.prompt.texts["fr"], "Quel âge a-t-elle; à peu près?")
    }

    func testExcelsUnicodeTextWithTabsImports() throws {
        let base = try files()
        let bytes = CSV.file([TranslationExchange.header, ["question.age.prompt", h(Self.age), Self.age, "Son âge?"]], dialect: .excel)
        let report = try run(bytes, base).get()
        XCTAssertEqual(after(report, base).bundle.question("age")?.prompt.texts["fr"], "Son âge?")
    }

    /// Windows-1252 ("CSV" in Excel's list) was accepted and wrote U+FFFD into every file: now refused, with
    /// the line, and nothing is written.
    func testWindows1252IsRefusedWithItsLineAndNothingIsWritten() throws {
        let bytes = Array("id,source_hash,source,translation\nquestion.age.prompt,\(h(Self.age)),\(Self.age),Quel ".utf8) + [0xE2] + Array(Array("ge?\n".utf8))
        guard case .failure(let refusal) = run(bytes, try files()) else { return XCTFail("imported a Windows-1252 file") }
        XCTAssertEqual(refusal.problems, ["line 2: this line is not UTF-8 text; the file may have been saved as plain 'CSV' (Windows-1252 or Latin-1): save it as 'CSV UTF-8' and import it again"])
    }

    func testAControlCharacterIsRefusedWithItsRow() throws {
        for (char, code) in [("\u{07}", "U+0007"), ("\u{7F}", "U+007F"), ("\u{85}", "U+0085"), ("\u{2028}", "U+2028")] {
            let csv = "id,source_hash,source,translation\nquestion.age.prompt,\(h(Self.age)),\(Self.age),\"Quel\(char) âge?\"\n"
            guard case .failure(let refusal) = run(Array(csv.utf8), try files()) else { return XCTFail("imported \(code)") }
            XCTAssertEqual(refusal.problems, ["line 2 ('question.age.prompt'): the translation holds an invisible control character (\(code)); delete it in the spreadsheet"])
        }
    }

    /// A line break inside a field (CRLF from Excel, or a lone CR) stays a line break, not a space.
    func testALineBreakInAFieldStaysALineBreak() throws {
        let base = try files()
        for breakText in ["\r\n", "\r", "\n"] {
            let csv = "id,source_hash,source,translation\r\nquestion.age.prompt,\(h(Self.age)),\(Self.age),\"Quel âge\(breakText)a-t-elle?\"\r\n"
            let report = try run(Array(csv.utf8), base).get()
            XCTAssertEqual(after(report, base).bundle.question("age")?.prompt.texts["fr"], "Quel âge\na-t-elle?", breakText.debugDescription)
        }
    }

    /// One bad row after good ones: nothing at all is written.
    func testAMalformedRowAfterGoodOnesWritesNothing() throws {
        let csv = "id,source_hash,source,translation\nquestion.age.prompt,\(h(Self.age)),\(Self.age),Son âge?\nquestion.status.prompt,oops\n"
        guard case .failure(let refusal) = run(Array(csv.utf8), try files()) else { return XCTFail("imported half a file") }
        XCTAssertEqual(refusal.problems, ["line 3: a row needs 4 fields (id, source_hash, source, translation); this one has 2"])
    }

    func testTheSameIdTwiceIsRefused() throws {
        let row = "question.age.prompt,\(h(Self.age)),\(Self.age),Son âge?\n"
        guard case .failure(let refusal) = run(Array(("id,source_hash,source,translation\n" + row + row).utf8), try files()) else { return XCTFail() }
        XCTAssertEqual(refusal.problems, ["line 3: 'question.age.prompt' is already on line 2"])
    }

    /// A header alone, or rows that are all empty, change nothing and leave a bundle that checks clean.
    func testAHeaderOnlyOrAllEmptyCSVLeavesTheBundleClean() throws {
        let base = try files()
        let headerOnly = try run(Array("id,source_hash,source,translation\n".utf8), base).get()
        XCTAssertEqual(headerOnly.rows, 0)
        XCTAssertEqual(headerOnly.files.keys.sorted(), [])
        let empties = "id,source_hash,source,translation\n,,,\n\n,,,\nquestion.age.prompt,\(h(Self.age)),\(Self.age),\n"
        let report = try run(Array(empties.utf8), base).get()
        XCTAssertEqual(report.empty, 1)
        XCTAssertEqual(after(report, base).allDiagnostics.map(\.formatted), [])
        // And translations.yaml holding no locale at all is still a valid file.
        let record = TranslationExchange.record([:])
        var withRecord = base
        withRecord.files["translations.yaml"] = Array(record.utf8)
        XCTAssertEqual(Checker.check(withRecord, today: nil).allDiagnostics.map(\.formatted), [])
    }

    /// An import that would add an error to the bundle (here an unknown glossary term) is refused whole.
    func testAnImportThatWouldBreakTheBundleIsRefused() throws {
        let csv = "id,source_hash,source,translation\nquestion.age.prompt,\(h(Self.age)),\(Self.age),Quel [[âge]]?\n"
        guard case .failure(let refusal) = run(Array(csv.utf8), try files()) else { return XCTFail("broke the bundle") }
        XCTAssertEqual(refusal.problems.first, "the files would have these errors after the import:")
        XCTAssertTrue(refusal.problems.dropFirst().first?.contains("unknown glossary term 'âge'") ?? false, "\(refusal.problems)")
    }

    /// A `>-` block stays a block wrapped like the original, and each quoting style stays as it was.
    func testBlocksAndQuotingStylesAreKept() throws {
        let questions = """
            questions:
              - id: q
                kind: text
                prompt:
                  en: >-
                    A long English question that the editor wrapped over two lines
                    because it is long.
                  fr: >-
                    Une longue question en français, sur deux lignes
                    parce qu'elle est longue.
                help:
                  en: 'Single-quoted help'
                  fr: 'Aide entre apostrophes'
              - id: r
                kind: text
                prompt: >-
                  Only English, in a block
                  over two lines.
            """
        let base = try files(["questions/extra.yaml": questions])
        let bundle = Checker.check(base, today: nil).bundle
        let q = try XCTUnwrap(bundle.question("q"))
        let long = "Une très longue question en français, maintenant traduite de nouveau, qui tient sur plusieurs lignes une fois repliée."
        let csv = CSV.file([TranslationExchange.header,
                            ["question.q.prompt", h(q.prompt.texts["en"] ?? ""), "", long],
                            ["question.q.help", h("Single-quoted help"), "", "L'aide, entre apostrophes"],
                            ["question.r.prompt", h("Only English, in a block over two lines."), "", "Seulement en anglais."]])
        let report: TranslationExchange.Report
        switch run(csv, base) {
        case .success(let r): report = r
        case .failure(let refusal):
            return XCTFail(refusal.problems.joined(separator: "\n") + "\n" + debugText(csv, base))
        }
        XCTAssertEqual(text(report, "questions/extra.yaml"), """
            questions:
              - id: q
                kind: text
                prompt:
                  en: >-
                    A long English question that the editor wrapped over two lines
                    because it is long.
                  fr: >-
                    Une très longue question en français, maintenant traduite de
                    nouveau, qui tient sur plusieurs lignes une fois repliée.
                help:
                  en: 'Single-quoted help'
                  fr: 'L''aide, entre apostrophes'
              - id: r
                kind: text
                prompt:
                  en: >-
                    Only English, in a block
                    over two lines.
                  fr: >-
                    Seulement en anglais.
            """)
        let checked = after(report, base)
        XCTAssertEqual(checked.bundle.question("q")?.prompt.texts["fr"], long)
        XCTAssertEqual(checked.bundle.question("q")?.help?.texts["fr"], "L'aide, entre apostrophes")
        XCTAssertEqual(checked.bundle.question("r")?.prompt.texts["fr"], "Seulement en anglais.")
        XCTAssertEqual(checked.bundle.question("r")?.prompt.texts["en"], "Only English, in a block over two lines.")
    }

    /// The values of the csv-spectrum cases (and marks YAML reserves), as translations: each one is in the
    /// bundle exactly as it was in the CSV, and is exported again the same.
    func testTrickyValuesRoundTripExactly() throws {
        let values = ["Anytown, WW", "ha \"ha\" ha", "{\"type\": \"Point\", \"coordinates\": [102.0, 0.5]}", "Once upon \na time",
                      "ha \n\"ha\" \nha", "ʤ", "12 Main St, Somewhere (40.714224, -73.961452)", "#1: first", "- not a list",
                      "'quoted'", "\"double\"", "a\\b", "trailing space ", " leading space", "tab\there", "a [x] b: c",
                      "Line one\n\nLine three", "100%", "@home", "yes", "~", "null"]
        let base = try files()
        let bundle = Checker.check(base, today: nil).bundle
        let ids = Array(TranslatableStrings.all(bundle).filter { !$0.id.hasPrefix("bundle.") }.prefix(values.count))
        XCTAssertEqual(ids.count, values.count)
        var records = [TranslationExchange.header]
        for (entry, value) in zip(ids, values) { records.append([entry.id, h(entry.text.texts["en"] ?? ""), "", value]) }
        let report = try run(CSV.file(records), base).get()
        let checked = after(report, base)
        XCTAssertEqual(checked.allDiagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        let exported = Dictionary(TranslationExchange.records(checked.bundle, locale: "fr").map { ($0[0], $0[3]) }, uniquingKeysWith: { a, _ in a })
        for (entry, value) in zip(ids, values) { XCTAssertEqual(exported[entry.id], value, entry.id) }
    }

    /// What the edits alone make of the file, to show when the import is refused.
    func debugText(_ csv: [UInt8], _ base: ContentFiles) -> String {
        let bundle = Checker.check(base, today: nil).bundle
        var out = ""
        for row in ((try? CSV.read(csv).get().rows) ?? []).dropFirst() {
            guard let entry = TranslatableStrings.all(bundle).first(where: { $0.id == row.fields[0] }),
                  let edit = try? TextEdit.writing(row.fields[3], locale: "fr", into: entry.text, defaultLocale: "en", files: base) else { continue }
            out += "\(edit.start) \(edit.end) \(edit.replacement.debugDescription)\n"
        }
        return out
    }
}
