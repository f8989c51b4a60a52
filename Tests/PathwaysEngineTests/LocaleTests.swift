import Foundation
import XCTest
@testable import PathwaysEngine

/// Languages beyond English and French: declared with a review status, their texts in a file of their own,
/// a missing text shown in the worker's language and marked, check's coverage, and the translators' round
/// trip that carries the interface's words too.
final class LocaleTests: XCTestCase {
    /// The base bundle with Spanish declared for the person, and its Spanish texts in locales/es.yaml.
    static func withSpanish(_ texts: String = "  question.age.prompt: {text: \"¿Qué edad tiene?\", source_hash: \"\(TranslatableStrings.hash("How old is the person?"))\"}\n") -> BaseBundle {
        var b = BaseBundle()
        b.replace("locales: [en, fr]", with: "locales: [en, {id: fr, review: authored}, {id: es, review: unreviewed, scope: client}]", in: "bundle.yaml")
        b["locales/es.yaml"] = "texts:\n" + texts
        return b
    }

    func testALocaleIsDeclaredWithItsReviewStatusAndScope() throws {
        let bundle = Self.withSpanish().bundle()
        XCTAssertEqual(bundle.info.locales, ["en", "fr", "es"])
        XCTAssertEqual(bundle.info.declaration(of: "es").review, .unreviewed)
        XCTAssertEqual(bundle.info.declaration(of: "es").scope, .client)
        XCTAssertEqual(bundle.info.declaration(of: "en").review, .authored, "a plain code is written by the content's authors")
        XCTAssertEqual(bundle.info.fullLocales, ["en", "fr"])
        var wrong = BaseBundle()
        wrong.replace("locales: [en, fr]", with: "locales: [en, fr, {id: es, review: ⟨⟩checked}]", in: "bundle.yaml")
        let result = wrong.check()
        XCTAssertTrue(result.diagnostics.contains { $0.code == .invalidValue && $0.location == result.marker
            && $0.message == "'review' must be one of authored, reviewed, unreviewed, found 'checked'" }, result.diagnostics.map(\.formatted).joined(separator: "\n"))
    }

    func testALanguagesTextsInItsOwnFileGoIntoTheContentTexts() throws {
        let bundle = Self.withSpanish().bundle()
        XCTAssertEqual(bundle.question("age")?.prompt.texts["es"], "¿Qué edad tiene?")
        XCTAssertEqual(bundle.question("age")?.prompt.texts["en"], "How old is the person?", "the content file's own texts stay")
        XCTAssertEqual(bundle.translationSources["es"]?["question.age.prompt"], TranslatableStrings.hash("How old is the person?"))
        // The built-in Yes / No / Not sure take the strings files' words in every language.
        XCTAssertEqual(bundle.question("in_danger")?.options.map { $0.label.texts["es"] }, ["Sí", "No", "No sé"])
    }

    /// A partial language is useful: what it lacks is shown in the worker's language, marked, never silently.
    func testAMissingTextFallsBackToTheWorkersLanguageMarked() throws {
        let bundle = Self.withSpanish().bundle()
        let spanish = ReportText(bundle: bundle, locale: "es", fallbacks: ["fr", "en"])
        XCTAssertEqual(spanish.prompt(ofQuestion: "age"), "¿Qué edad tiene?")
        XCTAssertEqual(spanish.prompt(ofQuestion: "status"), "[FR] Quel est le statut de la personne?", "taken from the worker's French, marked")
        let picked = LocalizedText(["en": "Hello"]).pick("es", fallbacks: ["fr", "en"])
        XCTAssertEqual(picked.marked, "[EN] Hello")
        XCTAssertTrue(picked.isFallback)
        XCTAssertEqual(bundle.strings.word(.answerDeclined, "es"), "prefiere no responder")
        XCTAssertEqual(StringCatalog().word(.answerDeclined, "es"), "⟦answerDeclined⟧", "a word no strings file has shows its key, marked")
    }

    /// A locale for the person must have the texts the person reads: each missing one is a warning (PW014);
    /// texts only the worker reads (reasons, cautions, training notes) are not asked for.
    func testACLientLocaleIsCheckedForTheTextsThePersonReads() throws {
        let result = Self.withSpanish().check()
        let missing = result.diagnostics.filter { $0.code == .missingTranslation }
        XCTAssertTrue(missing.contains { $0.message.hasPrefix("missing Spanish (es) text the person reads for \"Is the person in danger right now?\"") },
                      missing.map(\.message).joined(separator: "\n"))
        XCTAssertFalse(missing.contains { $0.message.contains("('pathway.") && $0.message.contains(".eligibility.") }, "reasons are the worker's")
        XCTAssertFalse(missing.contains { $0.message.contains("missing Spanish (es) text for") }, "no warning for every other text")
    }

    func testCoverageSaysHowMuchOfEachLanguageThereIsAndItsReviewStatus() throws {
        let bundle = Self.withSpanish().bundle()
        let coverage = LocaleCoverage.of(bundle, keys: Set(ProgramWords.shipped.entries["en"]!.keys))
        let es = try XCTUnwrap(coverage.first { $0.locale == "es" })
        XCTAssertEqual(es.client.have, 1)
        XCTAssertEqual(es.review, .unreviewed)
        XCTAssertTrue(es.line.hasPrefix("es: \(es.have) of \(es.total) strings ("), es.line)
        XCTAssertTrue(es.line.contains("unreviewed"), es.line)
        XCTAssertEqual(coverage.first { $0.locale == "en" }?.have, coverage.first { $0.locale == "en" }?.total)
    }

    /// The shipped Spanish and Tagalog have every text the person reads and every word of the program, and
    /// are marked unreviewed until a certified translator checks them.
    func testTheShippedSpanishAndTagalogAreCompleteForThePersonAndUnreviewed() throws {
        let checked = Checker.check(try ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content"), today: nil)
        let bundle = checked.bundle
        for l in ["es", "tl"] {
            XCTAssertEqual(bundle.info.declaration(of: l).review, .unreviewed)
            let c = try XCTUnwrap(LocaleCoverage.of(bundle).first { $0.locale == l })
            XCTAssertEqual(c.client.have, c.client.of, l)
            XCTAssertEqual(c.interface.have, c.interface.of, l)
            XCTAssertGreaterThan(c.client.of, 400)
        }
        XCTAssertEqual(checked.diagnostics.filter { [.missingTranslation, .missingStringTranslation, .placeholderMismatch, .localeFileProblem, .staleTranslation].contains($0.code) }.map(\.formatted), [])
        XCTAssertEqual(bundle.info.hotline?.id, "human-trafficking-hotline")
    }

    /// Same answers, same pathways, whatever the language: every shipped scenario gives the same results in
    /// every locale, and its report in that locale names its pathways in that locale.
    func testEveryScenarioGivesTheSamePathwaysInEveryLocale() throws {
        let bundle = Checker.check(try ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content"), today: nil).bundle
        let runner = ScenarioRunner(bundle: bundle, today: Day("2026-12-01"))
        for s in bundle.scenarios {
            XCTAssertEqual(runner.run(s).failures, [], s.id)
            var lists: [String: [String]] = [:]
            let a = runner.assess(s).assessment
            for l in bundle.info.locales {
                let json = AssessmentJSON.render(a, bundle: bundle, locale: l)
                let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                lists[l] = ["recommended", "possible", "not_applicable"].flatMap { key in
                    ((doc[key] as? [[String: Any]]) ?? []).map { "\(key):\($0["id"] as? String ?? "?")" }
                }
                let report = AssessmentReport(bundle: bundle, locale: l, style: .text).render(a)
                for p in a.recommended {
                    let title = try XCTUnwrap(bundle.pathway(p.id)).title.texts[l]
                    XCTAssertNotNil(title, "\(p.id) has a \(l) title")
                    XCTAssertTrue(report.contains(GlossaryMarkup.render(title ?? "", bundle: bundle, locale: l)), "\(s.id) \(l): \(p.id)")
                }
            }
            for l in bundle.info.locales { XCTAssertEqual(lists[l], lists["en"], "\(s.id) in \(l)") }
        }
    }

    // MARK: The translators' round trip

    func testTheExportOfALanguageForThePersonHoldsTheInterfaceAndTheTextsThePersonReads() throws {
        let bundle = Self.withSpanish().bundle()
        let rows = LocaleExchange.rows(bundle, locale: "es", scope: .client)
        XCTAssertTrue(rows.contains { $0[0] == "interface.keyQuickExit" && $0[2] == "F12/Ctrl-X quick exit" && $0[3] == "F12/Ctrl-X salida rápida" })
        XCTAssertTrue(rows.contains { $0 == ["question.age.prompt", TranslatableStrings.hash("How old is the person?"), "How old is the person?", "¿Qué edad tiene?"] })
        XCTAssertFalse(rows.contains { $0[0].contains(".eligibility.") }, "reasons are not asked of a language for the person")
        XCTAssertTrue(LocaleExchange.rows(bundle, locale: "es", scope: .all).contains { $0[0].contains(".eligibility.") })
    }

    func testImportingAnewLanguageWritesItsOwnFilesAndCheckThenWarnsWhenTheEnglishChanges() throws {
        var base = BaseBundle()
        base.replace("locales: [en, fr]", with: "locales: [en, fr, {id: tl, review: unreviewed, scope: client}]", in: "bundle.yaml")
        var files = base.contentFiles()
        let bundle = Checker.check(files, today: nil).bundle.withStrings(under: ProgramWords.shipped)
        let hash = TranslatableStrings.hash("How old is the person?")
        let keyHash = TranslatableStrings.hash("F12/Ctrl-X quick exit")
        let csv = "id,source_hash,source,translation\n"
            + "question.age.prompt,\(hash),How old is the person?,Ilang taon na kayo?\n"
            + "interface.keyQuickExit,\(keyHash),F12/Ctrl-X quick exit,F12/Ctrl-X agad na paglabas\n"
        let report = try LocaleExchange.importCSV(Array(csv.utf8), locale: "tl", files: files, bundle: bundle).get()
        XCTAssertEqual(report.updated.sorted(), ["interface.keyQuickExit", "question.age.prompt"])
        XCTAssertEqual(report.files.keys.sorted(), ["locales/tl.yaml", "strings/tl.yaml"], "the content files are not touched")
        for (path, bytes) in report.files { files.files[path] = bytes }
        let after = Checker.check(files, today: nil)
        XCTAssertFalse(after.hasErrors, after.diagnostics.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(after.bundle.question("age")?.prompt.texts["tl"], "Ilang taon na kayo?")
        XCTAssertEqual(after.bundle.strings.text("keyQuickExit", "tl"), "F12/Ctrl-X agad na paglabas")
        // The English changes after the translation: check warns where the translation is (PW030).
        let english = String(decoding: files.files["questions/basics.yaml"]!, as: UTF8.self)
        files.files["questions/basics.yaml"] = Array(english.replacingOccurrences(of: "How old is the person?", with: "What is the person's age?").utf8)
        let changed = Checker.check(files, today: nil)
        let stale = changed.diagnostics.filter { $0.code == .staleTranslation }
        XCTAssertEqual(stale.map(\.message), ["the English text of 'question.age.prompt' changed after the Tagalog translation was made;"
                                              + " until the translation is updated the English is shown, marked"])
        XCTAssertEqual(stale.first?.location.file, "Content/locales/tl.yaml")
        // The translation of other English is held back (it may say something else): the English shows, marked.
        XCTAssertNil(changed.bundle.question("age")?.prompt.texts["tl"])
        XCTAssertEqual(changed.bundle.question("age")?.prompt.pick("tl", fallbacks: ["en"]).marked, "[EN] What is the person's age?")
        XCTAssertFalse(changed.diagnostics.contains { $0.code == .missingTranslation && $0.message.contains("question.age.prompt") },
                       "a held-back translation is reported once, as stale")
    }

    func testAnImportThatDropsAPlaceholderIsRefused() throws {
        let bundle = Self.withSpanish().bundle()
        let original = try XCTUnwrap(bundle.strings.text("quitSaved", "en"))
        let csv = "id,source_hash,source,translation\ninterface.quitSaved,\(TranslatableStrings.hash(original)),\"\(original)\",El caso está guardado.\n"
        switch LocaleExchange.importCSV(Array(csv.utf8), locale: "es", files: Self.withSpanish().contentFiles(), bundle: bundle) {
        case .success(let report): XCTFail("imported: \(report.updated)")
        case .failure(let refusal):
            XCTAssertEqual(refusal.problems, ["line 2 ('interface.quitSaved'): the translation must hold %1 as the source does; it holds no %1"])
        }
    }

    /// French is written in the content files: its import still edits them in place.
    func testALanguageWrittenInTheContentFilesIsImportedThere() throws {
        let base = BaseBundle()
        let files = base.contentFiles()
        let bundle = Checker.check(files, today: nil).bundle.withStrings(under: ProgramWords.shipped)
        XCTAssertTrue(LocaleExchange.isInline(bundle, locale: "fr"))
        let csv = "id,source_hash,source,translation\nquestion.age.prompt,\(TranslatableStrings.hash("How old is the person?")),How old is the person?,Quel âge a cette personne?\n"
        let report = try LocaleExchange.importCSV(Array(csv.utf8), locale: "fr", files: files, bundle: bundle).get()
        XCTAssertTrue(report.files.keys.contains("questions/basics.yaml"))
        XCTAssertFalse(report.files.keys.contains("locales/fr.yaml"))
    }
}

extension BaseBundle {
    /// The fixture's files with the markers taken out.
    func contentFiles() -> ContentFiles {
        var bytes: [String: [UInt8]] = [:]
        for (path, marked) in files { bytes[path] = Array(MarkedText(marked).text.utf8) }
        return ContentFiles(files: bytes, displayRoot: Self.displayRoot)
    }
}

/// The language codes, PW060–PW064.
extension DiagnosticCodeTests {
    /// The program's words (the engine's and those the shipped strings name), as `pathways check` knows them.
    static var programKeys: Set<String> {
        Set(EngineWord.allCases.map(\.rawValue)).union((ProgramWords.shipped.entries["en"] ?? [:]).keys)
    }

    func testPW060UnknownStringKey() throws {
        var bundle = BaseBundle()
        bundle["strings/en.yaml"] = "strings:\n  ⟨⟩keyQuitt: \"q quit\"\n"
        let result = bundle.check()
        var with = result
        with.diagnostics = LocaleChecks.programKeys(bundle.bundle(), known: Self.programKeys)
        assertDiagnostic(with, .warning, .unknownStringKey, at: result.marker,
                         "unknown key 'keyQuitt': the program never shows it (did you mean 'keyQuit'?)")
    }

    func testPW061ProgramWordWithNoDefaultText() throws {
        var bundle = BaseBundle()
        bundle["strings/en.yaml"] = "strings:\n  appName: \"Pathways\"\n"
        let checked = Checker.check(bundle.contentFiles(), today: nil)
        var result = bundle.check()
        result.diagnostics = LocaleChecks.programKeys(checked.bundle, known: ["appName", "keyQuit"])
        assertDiagnostic(result, .error, .missingProgramString, at: .start(of: "Content/strings/en.yaml"),
                         "1 of the program's words have no English (en) text, so the interface shows their key: keyQuit")
    }

    func testPW062InterfaceWordsMissingInALanguage() throws {
        var bundle = BaseBundle()
        bundle["strings/en.yaml"] = "strings:\n  appName: \"Pathways\"\n  keyQuit: \"q quit\"\n"
        bundle["strings/fr.yaml"] = "strings:\n  appName: \"Pathways\"\n"
        let result = bundle.check()
        assertDiagnostic(result, .warning, .missingStringTranslation, at: .start(of: "Content/strings/fr.yaml"),
                         "1 of the interface's words have no French (fr) text: keyQuit")
    }

    func testPW063LocaleFileProblem() throws {
        var bundle = LocaleTests.withSpanish("  ⟨⟩question.agee.prompt: {text: \"¿Edad?\"}\n")
        bundle["strings/de.yaml"] = "strings:\n  appName: \"Pathways\"\n"
        let result = bundle.check()
        let found = result.diagnostics.filter { $0.code == .localeFileProblem }
        XCTAssertEqual(found.map(\.message).sorted(), [
            "this file holds strings for 'de', which bundle.yaml does not declare, so they are never shown",
            "unknown string id 'question.agee.prompt' (did you mean 'question.age.prompt'?)",
        ])
        XCTAssertEqual(found.first { $0.message.hasPrefix("unknown string id") }?.location, result.marker)
        XCTAssertTrue(found.allSatisfy { $0.severity == .warning })
    }

    func testPW064PlaceholderMismatch() throws {
        var bundle = BaseBundle()
        bundle["strings/en.yaml"] = "strings:\n  quitSaved: \"The case is saved as %1.\"\n"
        bundle["strings/fr.yaml"] = "strings:\n  quitSaved: ⟨⟩\"Le dossier est enregistré.\"\n"
        let result = bundle.check()
        assertDiagnostic(result, .error, .placeholderMismatch, at: result.marker,
                         "the French (fr) text of 'quitSaved' has no %1, the English (en) one %1")
    }
}
