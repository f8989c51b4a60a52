import Foundation
import XCTest
@testable import PathwaysEngine

/// The starter fixture bundle (Fixtures/starter), loaded and checked once per test.
enum StarterBundle {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/starter")
    }

    /// The shipped content folder at the top of the package.
    static var shippedDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content")
    }

    static func files() throws -> ContentFiles {
        try ContentFiles.read(directory: directory, displayRoot: "starter")
    }

    static func load(file: StaticString = #filePath, line: UInt = #line) throws -> ContentBundle {
        let checked = Checker.check(try files(), today: Day("2026-11-23"))
        XCTAssertEqual(checked.diagnostics.map(\.formatted), [], "the starter bundle must be clean", file: file, line: line)
        return checked.bundle.withStrings(under: ProgramWords.shipped)
    }
}

extension Session {
    /// Answers from plain values, failing the test on a rejected answer.
    mutating func give(_ value: AnswerValue, file: StaticString = #filePath, line: UInt = #line) {
        do { try answer(.value(value)) } catch { XCTFail("rejected \(value): \(error.message)", file: file, line: line) }
    }
}
