import Foundation
import PathwaysEngine

/// Keeps one case's record in step with its session: every confirmed answer is committed as it is given,
/// in one transaction with where the worker is.
public final class CaseRecorder: @unchecked Sendable {
    public let store: CaseStore
    public let code: CaseCode
    private var saved: [String: Answer]
    private let clock: () -> Date

    public init(store: CaseStore, code: CaseCode, saved: [String: Answer] = [:], clock: @escaping () -> Date = Date.init) {
        self.store = store
        self.code = code
        self.saved = saved
        self.clock = clock
    }

    /// A new case for this session, saved with its answers so far.
    public static func start(in store: CaseStore, for session: Session, locale: String, clock: @escaping () -> Date = Date.init) throws -> CaseRecorder {
        let code = try store.createCase(update(session, locale: locale, saved: [:]), bundle: session.bundle.stamp, locale: locale, now: clock())
        return CaseRecorder(store: store, code: code, saved: session.answers, clock: clock)
    }

    /// Commits the answers that changed since the last call, and where the worker is.
    public func sync(_ session: Session, locale: String) throws {
        try store.save(Self.update(session, locale: locale, saved: saved), to: code, now: clock())
        saved = session.answers
    }

    static func update(_ session: Session, locale: String, saved: [String: Answer]) -> CaseUpdate {
        CaseUpdate(answers: session.answers.filter { saved[$0.key] != $0.value },
                   withdrawn: saved.keys.filter { session.answers[$0] == nil }.sorted(),
                   progress: CaseProgress(session: session, locale: locale))
    }
}

/// What changed for a case when the content changed since it was last saved.
public struct ContentChange: Sendable {
    public var oldVersion: String
    public var newVersion: String
    /// Pathway id → (before, now), for the pathways whose status changed.
    public var changed: [(id: String, before: PathwayStatus?, now: PathwayStatus)]

    /// Nil when the case was saved with this exact content.
    public static func between(_ record: CaseRecord, and session: Session) -> ContentChange? {
        guard record.summary.bundle.hash != session.bundle.hash else { return nil }
        let now = session.assess()
        let changed = now.pathways.compactMap { p -> (String, PathwayStatus?, PathwayStatus)? in
            record.lastAssessment[p.id] == p.status ? nil : (p.id, record.lastAssessment[p.id], p.status)
        }
        return ContentChange(oldVersion: record.summary.bundle.version, newVersion: session.bundle.info.version,
                             changed: changed.map { (id: $0.0, before: $0.1, now: $0.2) })
    }
}

extension CaseRecord {
    /// The session this record describes, placed where the worker left off, assessed on `today`.
    public func session(in bundle: ContentBundle, today: Day?) -> Session {
        var s = Session(bundle: bundle, answers: answers, continued: continued, today: today)
        if let position, position != s.currentNode, bundle.question(position) != nil { s.goTo(question: position) }
        return s
    }
}
