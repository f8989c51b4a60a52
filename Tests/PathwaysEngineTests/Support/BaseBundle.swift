import XCTest
@testable import PathwaysEngine

/// A small content bundle that checks clean (no diagnostics at all), held in memory so that each diagnostic
/// test changes one thing and sees exactly what that change provokes.
///
/// Every kind of file is present and every feature a check looks at is used once: two locales, a sensitive
/// question, an `unsure` option, a conditional branch, an early exit with `continue_to`, cautions, a
/// referral with a condition, a glossary mark, a dated source and a scenario.
struct BaseBundle {
    /// The day the checks run on: the base bundle was reviewed three days before.
    static let today = Day("2026-11-23")!
    static let displayRoot = "Content"

    /// Relative path → YAML text, which may hold `⟨⟩` markers (see `MarkedText`).
    var files: [String: String] = BaseBundle.texts

    /// The shown path of a bundle file, as diagnostics name it.
    static func display(_ path: String) -> String { displayRoot + "/" + path }

    subscript(path: String) -> String? {
        get { files[path] }
        set { files[path] = newValue }
    }

    /// Replaces `old`, which must occur exactly once in the file, so a fixture cannot silently edit nothing
    /// (or the wrong place) when the base changes.
    mutating func replace(_ old: String, with new: String, in path: String,
                          file: StaticString = #filePath, line: UInt = #line) {
        guard let text = files[path] else {
            XCTFail("the base bundle has no file '\(path)'", file: file, line: line)
            return
        }
        let parts = text.components(separatedBy: old)
        guard parts.count == 2 else {
            XCTFail("'\(old)' occurs \(parts.count - 1) times in \(path), expected exactly once", file: file, line: line)
            return
        }
        files[path] = parts.joined(separator: new)
    }

    /// Strips the markers and runs the loader and checker, as `pathways check Content` would.
    func check(file: StaticString = #filePath, line: UInt = #line) -> CheckedFixture {
        var bytes: [String: [UInt8]] = [:]
        var markers: [String: SourceLocation] = [:]
        for (path, marked) in files {
            let m = MarkedText(marked)
            bytes[path] = Array(m.text.utf8)
            for marker in m.markers {
                if markers[marker.name] != nil {
                    XCTFail("the marker '⟨\(marker.name)⟩' is used twice", file: file, line: line)
                }
                markers[marker.name] = SourceLocation(file: Self.display(path), line: marker.line, column: marker.column)
            }
        }
        let checked = Checker.check(ContentFiles(files: bytes, displayRoot: Self.displayRoot), today: Self.today)
        return CheckedFixture(diagnostics: checked.diagnostics, withheld: checked.withheld, markers: markers)
    }

    /// The loaded bundle (markers stripped), for tests that run the engine on a variant of the base.
    func bundle() -> ContentBundle {
        var bytes: [String: [UInt8]] = [:]
        for (path, marked) in files { bytes[path] = Array(MarkedText(marked).text.utf8) }
        return Checker.check(ContentFiles(files: bytes, displayRoot: Self.displayRoot), today: Self.today).bundle
            .withStrings(under: ProgramWords.shipped)
    }

    static let texts: [String: String] = [
        "bundle.yaml": """
            id: test-bundle
            title: {en: Test pathways, fr: Voies de test}
            version: 0.1.0
            locales: [en, fr]
            default_locale: en
            reviewed_on: 2026-11-20
            review_interval_days: 180
            disclaimer:
              en: General information, not legal advice.
              fr: De l’information générale, pas un avis juridique.

            """,

        "questions/basics.yaml": """
            questions:
              - id: in_danger
                kind: yes_no_unsure
                prompt:
                  en: Is the person in danger right now?
                  fr: La personne est-elle en danger en ce moment?

              - id: age
                kind: number
                prompt: {en: How old is the person?, fr: Quel âge a la personne?}
                min: 0
                max: 120
                integer: true
                unit: {en: years, fr: ans}

              - id: status
                kind: single_choice
                prompt: {en: What is the person’s status?, fr: Quel est le statut de la personne?}
                options:
                  - id: visitor
                    label: {en: Visitor, fr: Visiteur}
                  - id: worker
                    label: {en: Worker, fr: Travailleur}
                  - id: other
                    label: {en: Another status, fr: Un autre statut}
                  - id: not_sure
                    label: {en: Not sure, fr: Pas certain}
                    unsure: true

              - id: indicators
                kind: multiple_choice
                sensitive: true
                prompt: {en: What happened at work?, fr: Que s’est-il passé au travail?}
                options:
                  - id: confiscated_documents
                    label: {en: Documents were taken, fr: Des documents ont été pris}
                  - id: unpaid_wages
                    label: {en: Wages were not paid, fr: Le salaire n’a pas été payé}

              - id: notes
                kind: text
                prompt: {en: Anything else to note?, fr: Autre chose à noter?}

            """,

        "flow.yaml": """
            start: in_danger
            sections:
              - id: safety
                title: {en: Safety, fr: Sécurité}
                questions: [in_danger]
              - id: situation
                title: {en: Situation, fr: Situation}
                questions: [age, status, indicators, notes]
            nodes:
              in_danger:
                next:
                  - if: "in_danger = yes"
                    go: emergency
                  - go: age
              age:
                next:
                  - if: "age < 18"
                    go: results
                  - go: status
              status:
                next: indicators
              indicators:
                next: notes
              notes:
                next: results

            """,

        "outcomes.yaml": """
            outcomes:
              - id: emergency
                urgent: true
                title: {en: Get safe first, fr: La sécurité d’abord}
                message: {en: Call 911 now., fr: Appelez le 911 maintenant.}
                show_first: [trp]
                continue_to: age
              - id: results
                title: {en: Results, fr: Résultats}

            """,

        "pathways/trp.yaml": """
            id: trp
            title: {en: Temporary resident permit, fr: Permis de séjour temporaire}
            summary:
              en: A [[trp]] lets the person stay in Canada for a while.
              fr: Un [[trp]] permet à la personne de rester au Canada un certain temps.
            eligibility:
              - when: "status = visitor"
                met: {en: The person came as a visitor., fr: La personne est venue en visite.}
                not_met: {en: This permit is for visitors., fr: Ce permis est pour les visiteurs.}
              - when: "indicators has any [confiscated_documents, unpaid_wages]"
                met: {en: There are signs of exploitation., fr: Il y a des signes d’exploitation.}
            cautions:
              - when: "age < 18"
                text: {en: Child protection must be told., fr: Il faut avertir la protection de l’enfance.}
                verify: true
                sources: [S1]
            steps:
              - {en: Talk with a lawyer., fr: Parlez à un avocat.}
            referrals: [hotline]
            sources: [S1]

            """,

        "referrals.yaml": """
            referrals:
              - id: hotline
                name: {en: Trafficking hotline, fr: Ligne d’urgence contre la traite}
                description: {en: Confidential help at any hour., fr: Aide confidentielle à toute heure.}
                phone: 1-833-900-1010
                text_number: "233733"
                url: https://www.example.org/hotline
                when: "status in [visitor, worker]"
                sources: [S1]

            """,

        "sources.yaml": """
            sources:
              - id: S1
                title: Temporary resident permits, program delivery instructions
                citation: canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals
                url: https://www.canada.ca/en/immigration-refugees-citizenship.html
                date: 2026-02-06

            """,

        "glossary.yaml": """
            terms:
              - id: trp
                term: {en: TRP, fr: PST}
                definition: {en: A temporary resident permit., fr: Un permis de séjour temporaire.}

            """,

        "scenarios/visitor.yaml": """
            id: visitor-at-work
            title: {en: A visitor whose passport was taken, fr: Une visiteuse dont le passeport a été pris}
            persona:
              en: Ana came to Canada as a visitor and was put to work.
              fr: Ana est venue au Canada en visite et on l’a fait travailler.
            answers:
              in_danger: no
              age: 34
              status: visitor
              indicators: [confiscated_documents]
              notes: "Her employer keeps her passport."
            expect:
              outcome: results
              recommended: [trp]

            """,
    ]
}

/// What checking a fixture found, and where its markers are.
struct CheckedFixture {
    /// In display order, as `pathways check` prints them.
    var diagnostics: [Diagnostic]
    /// What is held back: follows from a file that could not be read, or past a file's first 50.
    var withheld: [WithheldDiagnostics] = []
    /// Marker name → location; the unnamed `⟨⟩` is "".
    var markers: [String: SourceLocation]

    /// The location of the unnamed `⟨⟩` marker.
    var marker: SourceLocation { self[""] }

    subscript(name: String) -> SourceLocation {
        guard let location = markers[name] else {
            XCTFail("no marker '⟨\(name)⟩' in the fixture")
            return SourceLocation(file: "?", line: 0, column: 0)
        }
        return location
    }
}
