import Foundation
import PathwaysEngine
import PathwaysStore
import PathwaysUI

/// The interface's case records, backed by the encrypted store.
final class StoreKeeper: CaseKeeper {
    private var store: CaseStore?
    /// The hash of the content in use, to flag cases saved with other content.
    let contentHash: String
    /// The day reopened cases are assessed on (the session's day, from the clock at the CLI's edge).
    let today: Day?
    private var recorder: CaseRecorder?
    private var backoff = UnlockBackoff()
    private let pause: (Double) -> Void
    private let clock: () -> Date
    /// The quick exit happened: the store is closed and every key wiped.
    private(set) var wasForgotten = false
    /// Saves that did not reach the disk, and the last reason (the program ends non-zero when there were any).
    private(set) var failedSaves = 0
    private(set) var lastFailure: String?

    init(store: CaseStore, contentHash: String, today: Day?, clock: @escaping () -> Date = Date.init,
         pause: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.store = store
        self.contentHash = contentHash
        self.today = today
        self.clock = clock
        self.pause = pause
    }

    var caseCode: String? { recorder?.code.value }

    func openStore() throws -> CaseStore {
        guard let store, !store.isClosed else { throw StoreError.closed }
        return store
    }

    func record(_ session: Session, locale: String) throws {
        do {
            let store = try openStore()
            if let recorder {
                try recorder.sync(session, locale: locale)
            } else {
                recorder = try CaseRecorder.start(in: store, for: session, locale: locale, clock: clock)
            }
        } catch {
            failedSaves += 1
            lastFailure = "\(error)"
            throw error
        }
    }

    /// The case as it stands, written now (a case with no answer yet is created): what notes, summaries
    /// and handouts are recorded with.
    private func current(_ session: Session, locale: String) throws -> CaseRecorder {
        try record(session, locale: locale)
        guard let recorder else { throw StoreError.closed }
        return recorder
    }

    func list() -> [CaseListing] {
        guard let listing = try? openStore().listing() else { return [] }
        return listing.cases.map { c in
            CaseListing(code: c.code.value, updated: day(c.updatedAt), step: c.step, estimatedTotal: c.estimatedTotal,
                        version: "\(c.bundle.id) \(c.bundle.version)", contentChanged: c.bundle.hash != contentHash)
        } + listing.changed.map {
            CaseListing(code: $0, updated: "—", step: 0, estimatedTotal: 0, version: "changed outside Pathways, cannot be opened",
                        contentChanged: false)
        }
    }

    func reopen(_ text: String, bundle: ContentBundle) throws -> ReopenedCase {
        guard let code = CaseCode(text) else { throw StoreError.noSuchCase(text) }
        let store = try openStore()
        let record = try store.load(code)
        let session = record.session(in: bundle, today: today)
        recorder = CaseRecorder(store: store, code: code, saved: record.answers, clock: clock)
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

    /// The idle lock: the key is wiped from memory until the passphrase is typed again.
    func lock() { store?.lock() }

    /// Compares with the key held in memory, never the file. After 5 wrong passphrases each try waits longer.
    func unlock(_ passphrase: String) -> Bool {
        guard let store, !wasForgotten else { return false }
        let wait = backoff.delayBeforeNextTry
        if wait > 0 { pause(wait) }
        guard let typed = try? Passphrase(passphrase) else {
            backoff.record(success: false)
            return false
        }
        defer { typed.wipe() }
        let ok = store.unlock(typed)
        backoff.record(success: ok)
        return ok
    }

    func close() { recorder = nil }

    /// Quick exit: the case is dropped, the store closed, and every key in the process wiped; any later use
    /// fails, and only a new start with the passphrase opens the records again.
    func forget() {
        recorder = nil
        store?.close()
        store = nil
        wasForgotten = true
        SecretBytes.wipeAll()
    }

    func saveNotes(_ notes: String, session: Session, locale: String) throws {
        let recorder = try current(session, locale: locale)
        try openStore().saveNotes(notes, for: recorder.code, now: clock())
    }

    /// Writes CODE-DATE[-with-answers].md and .txt into the exports folder beside the store, recorded with the
    /// case so they are deleted with it; says that they are not encrypted, and where they are.
    func export(_ session: Session, locale: String, includeAnswers: Bool) throws -> String {
        let recorder = try current(session, locale: locale)
        let store = try openStore()
        let record = try store.load(recorder.code)
        let render = { (format: CaseExport.Format) in
            CaseExport.render(record, bundle: session.bundle, format: format, includeAnswers: includeAnswers, locale: locale,
                              today: session.today)
        }
        let paths = try store.writeSummary(Summary(markdown: render(.markdown), text: render(.text), withAnswers: includeAnswers,
                                                   withNotes: false), for: recorder.code, now: clock())
        let base = String((paths.first ?? "").dropLast(".md".count))
        return Words(session.bundle, locale: locale)(.summaryWritten, base)
    }

    /// Writes the person's handout as CODE-DAY-handout-LANG[-LANG].md and .txt beside the summaries, recorded
    /// with the case and deleted with it like them. The code is in the files' names, never on the page.
    func handout(_ session: Session, locale: String, workerLocale: String?, wordsLocale: String) throws -> String {
        let recorder = try current(session, locale: wordsLocale)
        let assessment = session.assess()
        let page = Handout(bundle: session.bundle, locale: locale, workerLocale: workerLocale ?? wordsLocale,
                           withWorkerCopy: workerLocale != nil, measure: { TextWidth.of($0) })
        let kind = "handout-\(locale)" + (workerLocale.map { "-\($0)" } ?? "")
        let paths = try openStore().writeSummary(Summary(markdown: page.render(assessment, format: .markdown),
                                                         text: page.render(assessment, format: .text),
                                                         withAnswers: false, withNotes: false, kind: kind),
                                                 for: recorder.code, now: clock())
        let base = String((paths.first ?? "").dropLast(".md".count))
        return Words(session.bundle, locale: wordsLocale)(.handoutWritten, base)
    }
}
