import XCTest
@testable import PathwaysEngine

/// The loader's YAML reading: nodes with their places, and what content files refuse.
final class YAMLComposerTests: XCTestCase {
    func compose(_ text: String) throws -> Node? { try YAMLComposer.compose(Array(text.utf8)) }

    func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> YAMLComposer.Failure? {
        do throws(YAMLComposer.Failure) {
            _ = try YAMLComposer.compose(Array(text.utf8))
            XCTFail("expected a failure", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testNodesKeepTheirPlacesAndStyles() throws {
        let root = try XCTUnwrap(try compose("id: a\ntitle: {en: 'Hé', fr: \"Oui\"}\nlist:\n  - one\n  - |\n    block\n"))
        guard case .mapping(let top) = root else { return XCTFail("a mapping") }
        XCTAssertEqual(top.mark, Node.Mark(line: 1, column: 1))
        XCTAssertEqual(top.style, .block)
        XCTAssertEqual(top.keys.compactMap { $0.scalar?.string }, ["id", "title", "list"])
        guard case .mapping(let title)? = top["title"] else { return XCTFail("title is a mapping") }
        XCTAssertEqual(title.style, .flow)
        XCTAssertEqual(title.mark, Node.Mark(line: 2, column: 8))
        let en = try XCTUnwrap(title["en"]?.scalar)
        XCTAssertEqual(en.string, "Hé")
        XCTAssertEqual(en.style, .singleQuoted)
        XCTAssertEqual(en.mark, Node.Mark(line: 2, column: 13))
        // Columns count characters: "é" is two bytes but one column.
        XCTAssertEqual(title["fr"]?.scalar?.mark, Node.Mark(line: 2, column: 23))
        XCTAssertEqual(title["fr"]?.scalar?.style, .doubleQuoted)
        guard case .sequence(let list)? = top["list"] else { return XCTFail("list is a list") }
        XCTAssertEqual(list.map { $0.scalar?.string }, ["one", "block\n"])
        XCTAssertEqual(list[1].scalar?.style, .literal)
        XCTAssertEqual(list[1].mark, Node.Mark(line: 5, column: 5))
    }

    func testEveryScalarIsText() throws {
        let root = try XCTUnwrap(try compose("a: yes\nb: 12\nc: 2026-11-20\nd: ~\n"))
        guard case .mapping(let m) = root else { return XCTFail("a mapping") }
        XCTAssertEqual(m.pairs.map { $0.value.scalar?.string }, ["yes", "12", "2026-11-20", "~"])
    }

    func testAnEmptyFileHasNoRoot() throws {
        XCTAssertNil(try compose(""))
        XCTAssertNil(try compose("# only a comment\n"))
    }

    func testARepeatedKeyIsReportedAtTheRepeatNamingTheFirst() {
        guard case .duplicateKey(let key, let at, let first)? = failure("a: 1\nb:\n  c: 2\n  c: 3\n") else { return XCTFail() }
        XCTAssertEqual(key, "c")
        XCTAssertEqual(at, Node.Mark(line: 4, column: 3))
        XCTAssertEqual(first, Node.Mark(line: 3, column: 3))
        // The same key in two different mappings is fine.
        XCTAssertNoThrow(try compose("- {a: 1}\n- {a: 2}\n"))
        // A large mapping (its keys indexed, not searched) finds a repeat just the same.
        let many = (0..<30).map { "k\($0): v\n" }.joined() + "k3: again\n"
        guard case .duplicateKey(let repeated, let second, let original)? = failure(many) else { return XCTFail() }
        XCTAssertEqual(repeated, "k3")
        XCTAssertEqual(second, Node.Mark(line: 31, column: 1))
        XCTAssertEqual(original, Node.Mark(line: 4, column: 1))
    }

    func testAnchorsAliasesAndSecondDocumentsAreRefusedWhereTheyAre() {
        guard case .anchor(let anchor)? = failure("a: 1\nb: &x text\n") else { return XCTFail() }
        XCTAssertEqual(anchor, Node.Mark(line: 2, column: 4))
        guard case .alias(let alias)? = failure("a: text\nb: [1, *x]\n") else { return XCTFail() }
        XCTAssertEqual(alias, Node.Mark(line: 2, column: 8))
        guard case .secondDocument(let second)? = failure("a: 1\n---\nb: 2\n") else { return XCTFail() }
        XCTAssertEqual(second.line, 2)
        // Prose with * and & inside a value is not an alias or an anchor.
        XCTAssertNoThrow(try compose("a: see *note* & more\n"))
    }

    func testSyntaxErrorsSayWhereAndWhatWasOpen() {
        guard case .syntax(let problem, let at, let context)? = failure("a: [one, two\nb: 3\n") else { return XCTFail() }
        XCTAssertFalse(problem.isEmpty)
        XCTAssertEqual(context?.at, Node.Mark(line: 1, column: 4), "where the '[' opened")
        XCTAssertGreaterThanOrEqual(at.line, 2)
    }

    /// Files are read in parallel; the result must not depend on which thread finished first.
    func testLoadingIsTheSameEveryTime() throws {
        var files = CoverageTests.generated(sections: 12)
        // A few broken files, so diagnostics come from many files at once.
        files.files["pathways/p3_gate.yaml"] = Array("id: p3_gate\ntitle: [unclosed\n".utf8)
        files.files["pathways/p5_b.yaml"] = Array("id: p5_b\ntitel: {en: P}\n".utf8)
        files.files["pathways/p7_b.yaml"] = Array("id: p7_b\nid: again\n".utf8)
        let first = BundleLoader.load(files)
        for _ in 0..<5 {
            let again = BundleLoader.load(files)
            XCTAssertEqual(again.diagnostics, first.diagnostics)
            XCTAssertEqual(again.bundle.pathways.map(\.id), first.bundle.pathways.map(\.id))
            XCTAssertEqual(again.bundle.questions.map(\.id), first.bundle.questions.map(\.id))
        }
        XCTAssertEqual(first.bundle.pathways.map(\.id), first.bundle.pathways.map(\.id).sorted { a, b in
            // Pathways come in the order of their file paths.
            "pathways/\(a).yaml" < "pathways/\(b).yaml"
        })
        XCTAssertGreaterThanOrEqual(first.diagnostics.count, 3)
    }
}
