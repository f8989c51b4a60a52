import Foundation
import PathwaysEngine

/// Keeps one case's record in step with its session: every confirmed answer is committed as it is given.
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

    /// A new case for this session's content.
    public static func start(in store: CaseStore, for session: Session, locale: String, clock: @escaping () -> Date = Date.init) throws -> CaseRecorder {
        let code = try store.createCase(bundle: session.bundle.stamp, locale: locale, now: clock())
        let recorder = CaseRecorder(store: store, code: code, clock: clock)
        try recorder.sync(session, locale: locale)
        return recorder
    }

    /// Commits the answers that changed since the last call, then where the worker is.
    public func sync(_ session: Session, locale: String) throws {
        let now = clock()
        for (question, answer) in session.answers.sorted(by: { $0.key < $1.key }) where saved[question] != answer {
            try store.saveAnswer(answer, to: question, in: code, now: now)
            saved[question] = answer
        }
        try store.saveState(of: code, session: session, locale: locale, now: now)
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
