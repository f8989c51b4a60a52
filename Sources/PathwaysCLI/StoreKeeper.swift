import Foundation
import PathwaysEngine
import PathwaysStore
import PathwaysUI

/// The interface's case records, backed by the encrypted store.
final class StoreKeeper: CaseKeeper {
    let store: CaseStore
    /// The hash of the content in use, to flag cases saved with other content.
    let contentHash: String
    /// The day reopened cases are assessed on (the session's day, from the clock at the CLI's edge).
    let today: Day?
    private var recorder: CaseRecorder?

    init(store: CaseStore, contentHash: String, today: Day?) {
        self.store = store
        self.contentHash = contentHash
        self.today = today
    }

    var caseCode: String? { recorder?.code.value }

    func record(_ session: Session, locale: String) throws {
        if let recorder {
            try recorder.sync(session, locale: locale)
        } else {
            recorder = try CaseRecorder.start(in: store, for: session, locale: locale)
        }
    }

    func list() -> [CaseListing] {
        ((try? store.list()) ?? []).map { c in
            CaseListing(code: c.code.value, updated: day(c.updatedAt), step: c.step, estimatedTotal: c.estimatedTotal,
                        version: "\(c.bundle.id) \(c.bundle.version)", contentChanged: c.bundle.hash != contentHash)
        }
    }

    func reopen(_ text: String, bundle: ContentBundle) throws -> ReopenedCase {
        guard let code = CaseCode(text) else { throw StoreError.noSuchCase(text) }
        let record = try store.load(code)
        let session = record.session(in: bundle, today: today)
        recorder = CaseRecorder(store: store, code: code, saved: record.answers)
        var notice: [String] = []
        if let change = ContentChange.between(record, and: session) {
            let report = ReportText(bundle: bundle, locale: record.summary.locale)
            notice.append(Words(bundle, locale: record.summary.locale)(.caseContentChanged, "\(change.oldVersion) → \(change.newVersion)"))
            for c in change.changed {
                notice.append("  " + report.title(ofPathway: c.id) + ": " + (c.before?.words ?? "—") + " → " + c.now.words)
            }
        }
        return ReopenedCase(session: session, locale: record.summary.locale, notice: notice, notes: record.notes)
    }

    func unlock(_ passphrase: String) -> Bool {
        (try? CaseStore(path: store.path, passphrase: passphrase)) != nil
    }

    func close() { recorder = nil }

    // The issue-12 work zeroes the key material and closes the store here.
    func forget() { recorder = nil }

    func saveNotes(_ notes: String) throws {
        guard let recorder else { return }
        try store.saveNotes(notes, for: recorder.code, now: Date())
    }

    /// Writes CODE-DATE.md and .txt into an exports folder beside the store, readable by its owner only.
    func export(_ session: Session, locale: String, includeAnswers: Bool) throws -> String {
        guard let recorder else { throw StoreError.noSuchCase("(no case)") }
        try recorder.sync(session, locale: locale)
        let record = try store.load(recorder.code)
        let written = try write(named: "\(recorder.code.value)-\(day(Date()))") { format in
            CaseExport.render(record, bundle: session.bundle, format: format, includeAnswers: includeAnswers,
                              locale: locale, today: session.today)
        }
        return Words(session.bundle, locale: locale)(.summaryWritten, written)
    }

    /// Writes the person's handout as CODE-DATE-handout-LANG.md and .txt beside the summaries, like them
    /// readable by its owner only. The code is in the file's name, never on the page.
    func handout(_ session: Session, locale: String, workerLocale: String?, wordsLocale: String) throws -> String {
        guard let recorder else { throw StoreError.noSuchCase("(no case)") }
        try recorder.sync(session, locale: wordsLocale)
        let assessment = session.assess()
        let page = Handout(bundle: session.bundle, locale: locale, workerLocale: workerLocale ?? wordsLocale,
                           withWorkerCopy: workerLocale != nil, measure: { TextWidth.of($0) })
        let name = "\(recorder.code.value)-\(day(Date()))-handout-\(locale)" + (workerLocale.map { "-\($0)" } ?? "")
        let written = try write(named: name) { format in page.render(assessment, format: format == .markdown ? .markdown : .text) }
        return Words(session.bundle, locale: wordsLocale)(.handoutWritten, written)
    }

    /// Writes NAME.md and NAME.txt into the exports folder beside the store; returns "…/NAME.md / .txt".
    private func write(named name: String, _ render: (CaseExport.Format) -> String) throws -> String {
        let folder = URL(fileURLWithPath: store.path).deletingLastPathComponent().appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let base = folder.appendingPathComponent(name).path
        for format in CaseExport.Format.allCases {
            let path = base + (format == .markdown ? ".md" : ".txt")
            guard FileManager.default.createFile(atPath: path, contents: Data(render(format).utf8), attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.unreadable("cannot write \(path)")
            }
        }
        return base + ".md / .txt"
    }
}
