import XCTest
@testable import PathwaysEngine

/// The translators' round trip: export to CSV, edit, import back into the files, and the stale warning.
final class TranslationTests: XCTestCase {
    func files(_ extra: [String: String] = [:]) throws -> ContentFiles {
        var f = try StarterBundle.files()
        for (path, text) in extra { f.files[path] = Array(text.utf8) }
        return f
    }

    func rows(_ csv: String) -> [[String]] { ((try? CSV.rows(csv).get()) ?? []).map(\.fields) }

    /// Imports `csv`, failing the test when the import is refused.
    func imported(_ csv: String, _ files: ContentFiles, file: StaticString = #filePath, line: UInt = #line) -> TranslationExchange.Report {
        switch TranslationExchange.importCSV(Array(csv.utf8), locale: "fr", files: files, bundle: Checker.check(files, today: nil).bundle) {
        case .success(let report): return report
        case .failure(let refusal):
            XCTFail("refused: \(refusal.problems)", file: file, line: line)
            return TranslationExchange.Report()
        }
    }

    func testExportHasAStableIdTheSourceHashTheSourceAndTheTranslation() throws {
        let bundle = Checker.check(try files(), today: nil).bundle
        let csv = TranslationExchange.export(bundle, locale: "fr")
        let table = rows(csv)
        XCTAssertEqual(table.first, ["id", "source_hash", "source", "translation"])
        let prompt = try XCTUnwrap(table.first { $0.first == "question.age.prompt" })
        XCTAssertEqual(prompt, ["question.age.prompt", TranslatableStrings.hash("How old is the person?"), "How old is the person?", "Quel âge a la personne?"])
        XCTAssertTrue(table.contains { $0.first == "pathway.trp.fee.1" })
        XCTAssertTrue(table.contains { $0.first == "scenario.worker-walkthrough.point.1" })
        XCTAssertEqual(Set(table.dropFirst().map(\.[0])).count, table.count - 1, "ids are unique")
    }

    func testCSVQuotesAndParsesCommasQuotesAndLineBreaks() {
        let line = CSV.line(["a", "b,c", "say \"hi\"", "two\nlines"])
        XCTAssertEqual(line, "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"")
        XCTAssertEqual(rows(line + "\n"), [["a", "b,c", "say \"hi\"", "two\nlines"]])
        XCTAssertEqual(try? CSV.rows("\"open").get(), nil)
    }

    func testImportWritesTranslationsIntoEveryFormOfText() throws {
        let questions = """
            questions:
              - id: q
                kind: single_choice
                prompt: {en: Where?, fr: Où?}
                help: Only English here
                options:
                  - id: "on"
                    label:
                      en: Ontario
                  - id: qc
                    label:
                      en: Quebec
                      fr: >-
                        Québec
                        sur deux lignes
            """
        let base = try files(["questions/extra.yaml": questions])
        let bundle = Checker.check(base, today: nil).bundle
        let h = TranslatableStrings.hash
        let csv = [CSV.line(TranslationExchange.header),
                   CSV.line(["question.q.prompt", h("Where?"), "Where?", "Où, donc?"]),
                   CSV.line(["question.q.help", h("Only English here"), "Only English here", "Seulement « l'anglais »"]),
                   CSV.line(["question.q.option.on.label", h("Ontario"), "Ontario", "Ontario"]),
                   CSV.line(["question.q.option.qc.label", h("Quebec"), "Quebec", "Québec \"QC\""]),
                   CSV.line(["question.nope.prompt", "x", "x", "y"]),
                   CSV.line(["question.age.prompt", h("How old is the person?"), "How old is the person?", ""])].joined(separator: "\n")
        _ = bundle
        let report = imported(csv, base)
        XCTAssertEqual(report.updated.sorted(), ["question.q.help", "question.q.option.on.label", "question.q.option.qc.label", "question.q.prompt"])
        XCTAssertEqual(report.unknown, ["question.nope.prompt"])
        XCTAssertEqual(report.empty, 1)
        XCTAssertEqual(String(decoding: report.files["questions/extra.yaml"]!, as: UTF8.self), """
            questions:
              - id: q
                kind: single_choice
                prompt: {en: Where?, fr: "Où, donc?"}
                help: {en: Only English here, fr: Seulement « l'anglais »}
                options:
                  - id: "on"
                    label:
                      en: Ontario
                      fr: Ontario
                  - id: qc
                    label:
                      en: Quebec
                      fr: >-
                        Québec "QC"
            """)
        var after = base
        for (path, bytes) in report.files { after.files[path] = bytes }
        let checked = Checker.check(after, today: nil)
        // The extra question is not in the flow (PW015); anything else would mean the file was damaged.
        let errors = checked.diagnostics.filter { $0.severity == .error && $0.code != .unreachableQuestion }
        XCTAssertEqual(errors.map(\.formatted), [])
        let q = try XCTUnwrap(checked.bundle.question("q"))
        XCTAssertEqual(q.prompt.texts["fr"], "Où, donc?")
        XCTAssertEqual(q.help?.texts["fr"], "Seulement « l'anglais »")
        XCTAssertEqual(q.option("qc")?.label.texts["fr"], "Québec \"QC\"")
        XCTAssertEqual(checked.bundle.translationSources["fr"]?["question.q.prompt"], h("Where?"))
        XCTAssertFalse(checked.diagnostics.contains { $0.code == .staleTranslation })
    }

    func testATranslationMadeFromAnOlderSourceIsFlaggedByCheck() throws {
        let base = try files()
        let bundle = Checker.check(base, today: nil).bundle
        let exported = TranslationExchange.export(bundle, locale: "fr")
        // The English changes after the export; the translator's CSV still carries the old hash.
        var changed = base
        let flow = String(decoding: base.files["questions/safety.yaml"]!, as: UTF8.self)
        changed.files["questions/safety.yaml"] = Array(flow.replacingOccurrences(of: "How old is the person?", with: "What is the person's age?").utf8)
        let edited = exported.replacingOccurrences(of: "Quel âge a la personne?", with: "Quel est l'âge de la personne?")
        let report = imported(edited, changed)
        XCTAssertEqual(report.stale, ["question.age.prompt"])
        for (path, bytes) in report.files { changed.files[path] = bytes }
        let stale = Checker.check(changed, today: nil).diagnostics.filter { $0.code == .staleTranslation }
        XCTAssertEqual(stale.map(\.message), ["the English text of 'question.age.prompt' changed after the French translation was made"])
    }
}
