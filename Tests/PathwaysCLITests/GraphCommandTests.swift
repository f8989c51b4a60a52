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
        let nodes = lines.filter { $0.hasPrefix("  \"") && !$0.contains(" -> ") }
        let edges = lines.filter { $0.contains(" -> ") }
        let b = Self.shipped
        XCTAssertEqual(nodes.count, b.questions.count + b.outcomes.count)
        XCTAssertEqual(edges.count, b.flow.nodes.values.reduce(0) { $0 + $1.next.count } + b.outcomes.filter { $0.continueTo != nil }.count)
        XCTAssertTrue(edges.contains { $0.contains("label=\"in_danger = yes\"") }, "edges carry their conditions")
        XCTAssertFalse(out.stdout.contains("(unreachable)"), "the shipped flow reaches everything")
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
        let nodes = lines.dropFirst().filter { $0.hasPrefix("  n_") && !$0.contains("-->") && !$0.contains("-.->") }
        XCTAssertEqual(nodes.count, b.questions.count + b.outcomes.count)
        XCTAssertEqual(edges.count, b.flow.nodes.values.reduce(0) { $0 + $1.next.count } + b.outcomes.filter { $0.continueTo != nil }.count)
        for line in nodes { XCTAssertNil(line.range(of: #"\[[^"(]"#, options: .regularExpression), "labels are quoted: \(line)") }
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
        XCTAssertTrue(dot.stdout.contains("\"arrived_on\" [label=\"arrived_on\\nWhen did the person arrive?\\n(unreachable)\", style=dashed, color=red];"), dot.stdout)
        XCTAssertFalse(dot.stdout.contains("How old is the person?\\n(unreachable)"), dot.stdout)
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
