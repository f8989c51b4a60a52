import Foundation
import PathwaysEngine

/// What one save changes in a case: the answers given or withdrawn since the last save, and where the
/// worker is. Answers are merged into the stored case, so two terminals on one case keep each other's.
public struct CaseUpdate: Sendable {
    public var answers: [String: Answer]
    public var withdrawn: [String]
    public var progress: CaseProgress?

    public init(answers: [String: Answer] = [:], withdrawn: [String] = [], progress: CaseProgress? = nil) {
        self.answers = answers
        self.withdrawn = withdrawn
        self.progress = progress
    }

    func apply(to doc: inout CaseDocument) throws {
        for (question, answer) in answers {
            guard CaseLimits.isID(question) else { throw StoreError.notSaved("a question id is not valid") }
            if case .value(.text(let t)) = answer, t.utf8.count > CaseLimits.textBytes { throw StoreError.tooLarge }
            doc.answers[question] = StoredAnswer(answer)
        }
        for question in withdrawn { doc.answers[question] = nil }
        if let p = progress {
            doc.locale = p.locale
            doc.bundle = .init(id: p.bundle.id, version: p.bundle.version, hash: p.bundle.hash)
            doc.step = min(max(0, p.step), CaseLimits.steps)
            doc.total = min(max(0, p.estimatedTotal), CaseLimits.steps)
            doc.position = p.position
            doc.continued = p.continued
            doc.lastAssessment = p.lastAssessment.mapValues(\.rawValue)
        }
    }
}

/// Where a case stands, as the case list and a resumed session need it.
public struct CaseProgress: Sendable {
    public var locale: String
    public var bundle: BundleStamp
    public var step: Int
    public var estimatedTotal: Int
    public var position: String?
    public var continued: [String]
    public var lastAssessment: [String: PathwayStatus]

    public init(session: Session, locale: String) {
        self.locale = locale
        bundle = session.bundle.stamp
        let p = session.progress
        step = p.step
        estimatedTotal = p.estimatedTotal
        position = session.currentNode
        continued = session.continued.sorted()
        lastAssessment = Dictionary(uniqueKeysWithValues: session.assess().pathways.map { ($0.id, $0.status) })
    }
}
