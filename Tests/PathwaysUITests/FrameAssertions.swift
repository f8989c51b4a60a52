import Foundation
import PathwaysEngine
import XCTest
@testable import PathwaysUI

/// Frames compared as text with files in Frames/: set PATHWAYS_RECORD_FRAMES=1 to write them anew.
enum FrameFiles {
    static var folder: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Frames") }

    static func assert(_ frame: Frame, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = frame.text + "\n"
        if ProcessInfo.processInfo.environment["PATHWAYS_RECORD_FRAMES"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("no recorded frame \(name).txt; run with PATHWAYS_RECORD_FRAMES=1 and review it\n\(actual)", file: file, line: line)
            return
        }
        if expected != actual {
            XCTFail("frame \(name) differs from Frames/\(name).txt\n--- expected\n\(expected)--- actual\n\(actual)", file: file, line: line)
        }
    }
}

/// The starter fixture bundle shared with the engine tests.
enum Fixture {
    static let bundle: ContentBundle = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("PathwaysEngineTests/Fixtures/starter")
        return Checker.check(try! ContentFiles.read(directory: dir, displayRoot: "starter"), today: nil).bundle
            .withStrings(under: programWords)
    }()

    /// The program's words (Content/strings), beneath a bundle without strings files, as `pathways` does.
    static let programWords: StringCatalog = shipped.strings

    static let shipped: ContentBundle = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content")
        return Checker.check(try! ContentFiles.read(directory: dir, displayRoot: "Content"), today: nil).bundle
    }()
}

extension UIState {
    /// Sends keys in order, as a person would type them.
    mutating func press(_ keys: Key...) {
        for k in keys { _ = handle(.key(k)) }
    }

    mutating func type(_ text: String) {
        for c in text { _ = handle(.key(.char(c))) }
    }
}
