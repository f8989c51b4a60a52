import Foundation
import PathwaysEngine
import XCTest

/// `pathways graph`: DOT and Mermaid output, parsed back and rendered by Graphviz.
final class GraphCommandTests: XCTestCase {
    static let shipped: ContentBundle = PlainModeTests.shipped

    func testDOTHasANodePerQuestionAndOutcomeAndAnEdgePerRuleAndGraphvizRendersIt() throws {
        let out = try BinaryRunner.run(["graph", "--format", "dot"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        let nodes = lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\"") && !$0.contains(" -> ") && !$0.contains("__start") }
        let edges = lines.filter { $0.contains(" -> ") && !$0.contains("__start") }
        let b = Self.shipped
        XCTAssertEqual(nodes.count, b.questions.count + b.outcomes.count)
        XCTAssertEqual(edges.count, b.flow.nodes.values.reduce(0) { $0 + $1.next.count } + b.outcomes.filter { $0.continueTo != nil }.count)
        XCTAssertTrue(edges.contains { $0.contains("label=\"1. Yes\", tooltip=\"in_danger = yes\"") }, "edges carry their conditions")
        XCTAssertFalse(out.stdout.contains("(never reached)"), "the shipped flow reaches everything")
        let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let dot else { throw XCTSkip("Graphviz is not installed (Scripts/install-deps installs it)") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("flow-\(UUID().uuidString).dot")
        try out.stdout.write(to: file, atomically: true, encoding: .utf8)
        let render = Process()
        render.executableURL = URL(fileURLWithPath: dot)
        render.arguments = ["-Tsvg", "-o", "/dev/null", file.path]
        try render.run()
        render.waitUntilExit()
        XCTAssertEqual(render.terminationStatus, 0, "Graphviz renders the graph")
    }

    func testMermaidHasTheSameNodesAndEdges() throws {
        let out = try BinaryRunner.run(["graph", "--format", "mermaid"])
        let lines = out.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("%%") }
        XCTAssertEqual(lines.first, "flowchart TD")
        let b = Self.shipped
        let edges = lines.filter { $0.contains("-->") || $0.contains("-.->") }
        let nodes = lines.dropFirst().filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("n_") && !$0.contains("-->") && !$0.contains("-.->") }
        XCTAssertEqual(nodes.count, b.questions.count + b.outcomes.count)
        XCTAssertEqual(edges.count, b.flow.nodes.values.reduce(0) { $0 + $1.next.count } + b.outcomes.filter { $0.continueTo != nil }.count)
        for line in nodes { XCTAssertNil(line.range(of: #"\[[^"(]"#, options: .regularExpression), "labels are quoted: \(line)") }
    }

    /// Drawn for a content editor: full prompts wrapped between words (no two questions look alike), the
    /// sections as boxes, the ways on in words and numbered in the order they are tried, the conditions as
    /// written kept as tooltips; and Graphviz makes a picture of it.
    func testTheGraphReadsForAContentEditor() throws {
        let out = try BinaryRunner.run(["graph"])
        let dot = out.stdout
        let b = Self.shipped
        // Every prompt in full, in lines of at most 34 characters broken between words.
        for q in b.questions {
            let prompt = q.prompt.resolve("en", fallback: "en")
            let line = try XCTUnwrap(dot.split(separator: "\n").first { $0.hasPrefix("    \"\(q.id)\" [") || $0.hasPrefix("  \"\(q.id)\" [") }, q.id)
            let lines = line.components(separatedBy: "label=<").last?.components(separatedBy: "<FONT").first?.components(separatedBy: "<BR/>").filter { !$0.isEmpty } ?? []
            let shown = lines.joined(separator: " ").replacingOccurrences(of: "&amp;", with: "&")
            // Glossary marks are shown as their words.
            if prompt.contains("[[") { XCTAssertFalse(shown.contains("[["), shown) } else { XCTAssertEqual(shown, prompt, q.id) }
            for l in lines.map({ $0.replacingOccurrences(of: "&amp;", with: "&") }) {
                XCTAssertTrue(l.count <= 34 || !l.contains(" "), "'\(l)' is longer than 34 characters")
            }
            XCTAssertFalse(line.contains("…"), "nothing is cut off: \(line)")
        }
        // Sections are boxes around their questions, titled.
        XCTAssertTrue(dot.contains("  subgraph \"cluster_safety\" {\n    label=\"Safety first\";"), dot)
        // Branches: answers in words, numbered in the order they are tried; the condition is the tooltip.
        XCTAssertTrue(dot.contains("\"in_danger\" -> \"urgent_safety\" [label=\"1. Yes\", tooltip=\"in_danger = yes\"];"), dot)
        XCTAssertTrue(dot.contains("\"in_danger\" -> \"in_crisis\" [label=\"2. otherwise\"];"), dot)
        // A condition on another question names that question before its answer.
        XCTAssertTrue(dot.contains("\"worked_in\" -> \"results_citizen\" [label=\"1. status: Canadian citizen\\nor permanent resident\", tooltip=\"status = citizen_or_pr\"];"), dot)
        XCTAssertFalse(dot.contains("label=\"status = "), "no condition as a label")
        let png = try render(dot, as: "png")
        XCTAssertGreaterThan(png.count, 10_000, "Graphviz drew a picture")
    }

    /// Graphviz's output for `dot` text, or a skip when it is not installed.
    func render(_ dot: String, as format: String) throws -> Data {
        guard let tool = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("Graphviz is not installed (Scripts/install-deps installs it)")
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("flow-\(UUID().uuidString).dot")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("flow-\(UUID().uuidString).\(format)")
        try dot.write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: output) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-T\(format)", "-o", output.path, input.path]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "Graphviz renders the graph")
        return try Data(contentsOf: output)
    }

    func testUnreachablePartsAreMarked() throws {
        let dir = try BinaryRunner.starterCopy(replacing: ["flow.yaml": """
            start: in_danger
            sections:
              - id: safety
                title: {en: Safety, fr: Sécurité}
                questions: [in_danger, age, status, arrived_on, indicators, abuse_at_work, note]
            nodes:
              in_danger:
                next:
                  - if: "in_danger = yes"
                    go: emergency
                  - go: note
              age:
                next: status
              status:
                next: note
              arrived_on:
                next: indicators
              indicators:
                next: abuse_at_work
              abuse_at_work:
                next: note
              note:
                next: results
            """])
        let dot = try BinaryRunner.run(["graph", dir.path])
        // age and status are still reached through the emergency exit's "continue"; the rest is cut off.
        XCTAssertTrue(dot.stdout.contains("\"arrived_on\" [label=<When did the person arrive?<BR/><B>(never reached)</B><BR/><FONT POINT-SIZE=\"9\" COLOR=\"gray35\">arrived_on</FONT>>, style=\"rounded,dashed\", color=red];"), dot.stdout)
        XCTAssertFalse(dot.stdout.contains("How old is the person?<BR/><B>(never reached)"), dot.stdout)
        let mermaid = try BinaryRunner.run(["graph", dir.path, "--format", "mermaid"])
        XCTAssertTrue(mermaid.stdout.contains("class n_arrived_on,n_indicators,n_abuse_at_work unreachable;"), mermaid.stdout)
    }
}

/// `pathways translations export` and `import` through the real binary.
final class TranslationsCommandTests: XCTestCase {
    func testExportEditImportRoundTripThenCheckWarnsWhenTheSourceChanges() throws {
        let dir = try BinaryRunner.starterCopy()
        let export = try BinaryRunner.run(["translations", "export", "--lang", "fr", dir.path])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.hasPrefix("id,source_hash,source,translation\n"))
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("fr-\(UUID().uuidString).csv")
        try export.stdout.replacingOccurrences(of: "Quel âge a la personne?", with: "Quel est son âge?").write(to: csv, atomically: true, encoding: .utf8)
        let imported = try BinaryRunner.run(["translations", "import", csv.path, "--lang", "fr", dir.path])
        XCTAssertEqual(imported.status, 0, imported.stdout + imported.stderr)
        XCTAssertTrue(imported.stdout.hasPrefix("Importing fr translations into \(dir.path)/ — "), imported.stdout)
        XCTAssertTrue(imported.stdout.contains("\nupdated 1, unchanged "), imported.stdout)
        let questions = try String(contentsOf: dir.appendingPathComponent("questions/safety.yaml"), encoding: .utf8)
        // Written as the French beside it was: plain.
        XCTAssertTrue(questions.contains("fr: Quel est son âge?}"), questions)
        XCTAssertEqual(try BinaryRunner.run(["check", dir.path]).stdout.contains("PW030"), false)
        try questions.replacingOccurrences(of: "How old is the person?", with: "What is the person's age?")
            .write(to: dir.appendingPathComponent("questions/safety.yaml"), atomically: true, encoding: .utf8)
        let check = try BinaryRunner.run(["check", dir.path])
        XCTAssertTrue(check.stdout.contains("warning: the English text of 'question.age.prompt' changed after the French translation was made [PW030]"), check.stdout)
    }
}

/// `pathways coverage` through the real binary.
final class CoverageCommandTests: XCTestCase {
    func testCoverageOfTheShippedBundleReachesEveryPathway() throws {
        let out = try BinaryRunner.run(["coverage"])
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.contains("flow edges taken: "), out.stdout)
        XCTAssertTrue(out.stdout.contains("  vtip-trp: reachable, e.g. "), out.stdout)
        XCTAssertFalse(out.stdout.contains("NO answers reach"), out.stdout)
    }

    func testAnUnreachablePathwayIsReportedWithWhyAndExitsOne() throws {
        let dir = try BinaryRunner.starterCopy(replacing: ["pathways/impossible.yaml": """
            id: impossible
            title: {en: Impossible, fr: Impossible}
            eligibility:
              - when: "status = citizen"
              - when: "arrived_on < 2020-01-01"
            sources: [S1]
            """])
        let out = try BinaryRunner.run(["coverage", dir.path])
        XCTAssertEqual(out.status, 1)
        XCTAssertTrue(out.stdout.contains("  impossible: NO answers reach it: its criteria are never all true on one path"), out.stdout)
    }
}
