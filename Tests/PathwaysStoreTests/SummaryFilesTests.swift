import Foundation
import PathwaysEngine
import XCTest
@testable import PathwaysStore

/// Summaries for printing: written whole beside the store, recorded with their case, deleted with it, never
/// through a symbolic link; `--output` files that never replace a link, a device or an existing file unasked.
final class SummaryFilesTests: XCTestCase {
    var dir: URL!
    var path: String { dir.appendingPathComponent("cases.sqlite").path }
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("summaries-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func files() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("exports").path)) ?? []).sorted() }

    func summary(answers: Bool) -> Summary { Summary(markdown: "# md", text: "text", withAnswers: answers, withNotes: false) }

    func testSummariesAreRecordedWithTheirCaseAndDeletedWithIt() throws {
        let store = try CaseStore(path: path, passphrase: "summary test passphrase")
        let a = try store.createCase(bundle: CaseStoreTests.bundle.stamp, locale: "en", now: now)
        let b = try store.createCase(bundle: CaseStoreTests.bundle.stamp, locale: "en", now: now)
        let written = try store.writeSummary(summary(answers: false), for: a, now: now)
        _ = try store.writeSummary(summary(answers: true), for: a, now: now)
        _ = try store.writeSummary(summary(answers: false), for: b, now: now)
        XCTAssertEqual(written.map { URL(fileURLWithPath: $0).lastPathComponent }, ["\(a)-2026-11-18.md", "\(a)-2026-11-18.txt"])
        XCTAssertEqual(files().count, 6)
        XCTAssertEqual(try store.load(a).exports, ["\(a)-2026-11-18.md", "\(a)-2026-11-18.txt",
                                                   "\(a)-2026-11-18-with-answers.md", "\(a)-2026-11-18-with-answers.txt"])
        let mode = try FileManager.default.attributesOfItem(atPath: written[0])[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        try store.delete(a)
        XCTAssertEqual(files(), ["\(b)-2026-11-18.md", "\(b)-2026-11-18.txt"])
        XCTAssertEqual(try store.purge(olderThanDays: 1, now: now.addingTimeInterval(3 * 86_400)), [b])
        XCTAssertEqual(files(), [])
    }

    func testNothingIsWrittenThroughASymlinkedExportsFolder() throws {
        let store = try CaseStore(path: path, passphrase: "summary test passphrase")
        let code = try store.createCase(bundle: CaseStoreTests.bundle.stamp, locale: "en", now: now)
        let elsewhere = dir.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("exports").path, withDestinationPath: elsewhere.path)
        XCTAssertThrowsError(try store.writeSummary(summary(answers: false), for: code, now: now)) { error in
            XCTAssertTrue("\(error)".contains("symbolic link"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
    }

    func testOutputFilesNeverReplaceALinkADeviceOrAnExistingFileUnasked() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent("target.txt")
        try Data("keep".utf8).write(to: target)
        let link = dir.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        for (path, replacing) in [(link.path, true), (link.path, false), ("/dev/null", true), (dir.path, true), (target.path, false)] {
            XCTAssertThrowsError(try SafeFile.write(Data("new".utf8), to: path, replacing: replacing), path) { error in
                guard case .fileRefused? = error as? StoreError else { return XCTFail("\(path): \(error)") }
            }
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "keep")
        try SafeFile.write(Data("new".utf8), to: target.path, replacing: true)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "new")
        let fresh = dir.appendingPathComponent("fresh.txt").path
        try SafeFile.write(Data("x".utf8), to: fresh, replacing: false)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions] as? Int, 0o600)
        XCTAssertThrowsError(try SafeFile.write(Data("y".utf8), to: "/dev/full/nope", replacing: false))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }, [])
    }

    func testNotesGoIntoASummaryOnlyWhenAskedForAndReadAsText() throws {
        let store = try CaseStore(path: path, passphrase: "summary test passphrase")
        let code = try store.createCase(bundle: CaseStoreTests.bundle.stamp, locale: "en", now: now)
        try store.saveNotes("# not a heading\n- not a list *or emphasis*", for: code, now: now)
        let record = try store.load(code)
        let without = CaseExport.render(record, bundle: CaseStoreTests.bundle, format: .markdown, includeAnswers: false, today: nil)
        XCTAssertFalse(without.contains("not a heading"))
        let with = CaseExport.render(record, bundle: CaseStoreTests.bundle, format: .markdown, includeAnswers: false, includeNotes: true, today: nil)
        XCTAssertTrue(with.contains("## Notes\n\n\\# not a heading  \n\\- not a list \\*or emphasis\\*"), with)
        let text = CaseExport.render(record, bundle: CaseStoreTests.bundle, format: .text, includeAnswers: false, includeNotes: true, today: nil)
        XCTAssertTrue(text.contains("Notes\n-----\n# not a heading\n- not a list *or emphasis*"), text)
    }
}
