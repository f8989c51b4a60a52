import XCTest
@testable import PathwaysEngine

/// Scenario coverage and the reachability analysis of pathways.
final class CoverageTests: XCTestCase {
    func testScenarioCoverageOfTheStarterBundle() throws {
        let c = ScenarioCoverage(bundle: try StarterBundle.load(), today: nil)
        XCTAssertEqual(c.questions.missed, [])
        XCTAssertTrue(c.options.missed.contains("status=no_status"))
        XCTAssertTrue(c.options.covered.contains("status=work_permit"))
        XCTAssertTrue(c.edges.missed.contains("in_danger#1"), "no scenario is in danger")
        XCTAssertEqual(c.pathways.first { $0.id == "owp" }?.statuses, [.recommended, .possible, .notApplicable])
    }

    /// Every example the analysis gives, walked through the flow, really makes its pathway recommended.
    func assertExamplesHold(_ bundle: ContentBundle, file: StaticString = #filePath, line: UInt = #line) -> [String: PathwayReachability.Result] {
        let analysis = PathwayReachability(bundle: bundle)
        var results: [String: PathwayReachability.Result] = [:]
        for p in bundle.pathways {
            let r = analysis.analyse(p)
            results[p.id] = r
            if case .reachable(let example) = r {
                // The answers shown without --verbose are exactly the full example's answers to the criteria's questions.
                let read = Set(p.eligibility.compactMap(\.condition.parsed).flatMap(\.questionRefs).map(\.name))
                XCTAssertEqual(example.decisiveAnswers, example.answers.filter { read.contains($0.key) }, p.id, file: file, line: line)
                // Dates in the example are chosen around the search's day, so it is replayed on that day.
                let day = analysis.referenceDay
                let walk = FlowWalker(bundle: bundle, today: day).walk(answers: example.answers, continueWhenAnswered: true)
                XCTAssertEqual(Assessor(bundle: bundle, today: day).assess(walk).pathway(p.id)?.status, .recommended, p.id, file: file, line: line)
            }
        }
        return results
    }

    func testEveryShippedPathwayIsReachableWithAWorkingExample() throws {
        let bundle = Checker.check(try ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content"), today: nil).bundle
        for (id, result) in assertExamplesHold(bundle) {
            guard case .reachable = result else { return XCTFail("\(id) is not reachable: \(result)") }
        }
    }

    func testAPathwayThatNeedsAnswersFromTwoBranchesIsUnreachableAndSaysWhichCriterion() throws {
        var files = try StarterBundle.files()
        // A citizen never reaches the date question, so no answers satisfy both.
        files.files["pathways/impossible.yaml"] = Array("""
            id: impossible
            title: {en: Impossible, fr: Impossible}
            eligibility:
              - when: "status = citizen"
              - when: "arrived_on < 2020-01-01"
            sources: [S1]
            """.utf8)
        let bundle = Checker.check(files, today: nil).bundle
        let results = assertExamplesHold(bundle)
        guard case .unreachable(let blocking) = results["impossible"] else { return XCTFail("\(String(describing: results["impossible"]))") }
        XCTAssertEqual(blocking, [], "each criterion alone can hold; only together they cannot")
        guard case .reachable = results["owp"] else { return XCTFail("owp should be reachable") }
    }

    /// An answer that leads to the same next question either way but is read again further on: the search
    /// must try both, not one per branch, or it calls a reachable pathway unreachable.
    func testAnAnswerReadLaterIsTriedEveryWayEvenWhenItLeadsToTheSameQuestion() throws {
        let files: [String: String] = [
            "bundle.yaml": "id: later\ntitle: {en: L, fr: L}\nversion: \"1\"\nlocales: [en, fr]\ndefault_locale: en\nreviewed_on: 2026-11-20\n",
            "questions/all.yaml": """
                questions:
                  - id: route
                    kind: single_choice
                    prompt: {en: Route?, fr: Route?}
                    options:
                      - {id: first, label: {en: First, fr: Premier}}
                      - {id: second, label: {en: Second, fr: Second}}
                  - {id: middle, kind: yes_no_unsure, prompt: {en: Middle?, fr: Milieu?}}
                  - {id: deep, kind: yes_no_unsure, prompt: {en: Deep?, fr: Profond?}}

                """,
            "flow.yaml": """
                start: route
                nodes:
                  route: {next: middle}
                  middle:
                    next:
                      - {if: "route = second", go: deep}
                      - go: done
                  deep: {next: done}

                """,
            "outcomes.yaml": "outcomes:\n  - {id: done, title: {en: Done, fr: Fini}}\n",
            "sources.yaml": "sources:\n  - {id: S1, title: Test, citation: test, date: \"2026\"}\n",
            "pathways/deep.yaml": "id: deep\ntitle: {en: D, fr: D}\neligibility:\n  - when: \"deep = yes\"\nsources: [S1]\n",
        ]
        let bundle = Checker.check(ContentFiles(files: files.mapValues { Array($0.utf8) }, displayRoot: "later"), today: nil).bundle
        guard case .reachable(let example)? = assertExamplesHold(bundle)["deep"] else { return XCTFail("deep should be reachable") }
        XCTAssertEqual(example.answers["route"], .value(.option("second")))
    }

    /// Many pathways analysed at once on several threads give the same results as one by one.
    func testAnalysingAllAtOnceMatchesOneByOne() throws {
        let bundle = Checker.check(Self.generated(sections: 6), today: nil).bundle
        let analysis = PathwayReachability(bundle: bundle)
        let together = analysis.analyseAll(bundle.pathways)
        for (p, result) in zip(bundle.pathways, together) {
            switch (result, analysis.analyse(p)) {
            case (.reachable(let a), .reachable(let b)): XCTAssertEqual(a.answers, b.answers, p.id)
            case (.unreachable(let a), .unreachable(let b)): XCTAssertEqual(a, b, p.id)
            case (.undecided, .undecided): break
            default: XCTFail("\(p.id): \(result) alone differs")
            }
        }
    }

    /// A bundle ten times the size of the shipped one: 170 questions in chained branching sections, 150
    /// pathways. The analysis must stay practical: it prunes instead of enumerating paths.
    func testReachabilityOnABundleTenTimesTheShippedSize() throws {
        let bundle = Checker.check(Self.generated(sections: 34), today: nil).bundle
        XCTAssertEqual(bundle.questions.count, 170)
        let results = assertExamplesHold(bundle)
        let reachable = results.values.filter { if case .reachable = $0 { return true } else { return false } }.count
        let unreachable = results.values.filter { if case .unreachable = $0 { return true } else { return false } }.count
        XCTAssertEqual(reachable + unreachable, bundle.pathways.count, "every pathway decided")
        XCTAssertEqual(unreachable, 34, "one deliberately impossible pathway per section")
    }

    /// Sections of five questions: a yes/no gate, a choice that branches, a number, a sensitive yes/no and
    /// a multiple choice; each section has pathways over its own and the previous section's answers.
    static func generated(sections: Int) -> ContentFiles {
        var questions = "questions:\n", nodes = "", pathways: [String: String] = [:]
        for s in 0..<sections {
            let next = s + 1 < sections ? "s\(s + 1)_gate" : "done"
            questions += """
              - {id: s\(s)_gate, kind: yes_no_unsure, prompt: {en: Gate \(s)?, fr: Porte \(s)?}}
              - id: s\(s)_kind
                kind: single_choice
                prompt: {en: Kind \(s)?, fr: Genre \(s)?}
                options:
                  - {id: a, label: {en: A, fr: A}}
                  - {id: b, label: {en: B, fr: B}}
                  - {id: c, label: {en: C, fr: C}}
              - {id: s\(s)_count, kind: number, min: 0, max: 50, integer: true, prompt: {en: Count \(s)?, fr: Nombre \(s)?}}
              - {id: s\(s)_secret, kind: yes_no_unsure, sensitive: true, prompt: {en: Secret \(s)?, fr: Secret \(s)?}}
              - id: s\(s)_signs
                kind: multiple_choice
                prompt: {en: Signs \(s)?, fr: Signes \(s)?}
                options:
                  - {id: x, label: {en: X, fr: X}}
                  - {id: y, label: {en: Y, fr: Y}}
                  - {id: z, label: {en: Z, fr: Z}}

            """
            nodes += """
              s\(s)_gate:
                next:
                  - {if: "s\(s)_gate = no", go: \(next)}
                  - go: s\(s)_kind
              s\(s)_kind:
                next:
                  - {if: "s\(s)_kind = a", go: s\(s)_count}
                  - {if: "s\(s)_kind = b", go: s\(s)_secret}
                  - go: s\(s)_signs
              s\(s)_count: {next: s\(s)_secret}
              s\(s)_secret: {next: s\(s)_signs}
              s\(s)_signs: {next: \(next)}

            """
            let previous = s > 0 ? " and s\(s - 1)_kind = c" : ""
            pathways["pathways/p\(s)_count.yaml"] = "id: p\(s)_count\ntitle: {en: P, fr: P}\neligibility:\n  - when: \"s\(s)_count > 20 and s\(s)_secret\(previous)\"\nsources: [S1]\n"
            pathways["pathways/p\(s)_signs.yaml"] = "id: p\(s)_signs\ntitle: {en: P, fr: P}\neligibility:\n  - when: \"s\(s)_signs has all [x, z] and s\(s)_kind = c\"\nsources: [S1]\n"
            pathways["pathways/p\(s)_gate.yaml"] = "id: p\(s)_gate\ntitle: {en: P, fr: P}\neligibility:\n  - when: \"s\(s)_gate = no\"\nsources: [S1]\n"
            pathways["pathways/p\(s)_b.yaml"] = "id: p\(s)_b\ntitle: {en: P, fr: P}\neligibility:\n  - when: \"s\(s)_kind = b and s\(s)_secret = yes\"\nsources: [S1]\n"
            // Impossible: the count is only asked on branch a, the signs never on branch b.
            pathways["pathways/p\(s)_never.yaml"] = "id: p\(s)_never\ntitle: {en: P, fr: P}\neligibility:\n  - when: \"s\(s)_kind = b\"\n  - when: \"s\(s)_count > 1\"\nsources: [S1]\n"
        }
        var files: [String: String] = pathways
        files["bundle.yaml"] = "id: big\ntitle: {en: Big, fr: Gros}\nversion: \"1\"\nlocales: [en, fr]\ndefault_locale: en\nreviewed_on: 2026-11-20\n"
        files["questions/all.yaml"] = questions
        files["flow.yaml"] = "start: s0_gate\nnodes:\n" + nodes
        files["outcomes.yaml"] = "outcomes:\n  - {id: done, title: {en: Done, fr: Fini}}\n"
        files["sources.yaml"] = "sources:\n  - {id: S1, title: Test, citation: test, date: \"2026\"}\n"
        return ContentFiles(files: files.mapValues { Array($0.utf8) }, displayRoot: "big")
    }
}
