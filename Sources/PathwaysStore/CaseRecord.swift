import Foundation
import PathwaysEngine

/// What the case list shows, read from inside the encryption once the store is open: no answers, no
/// notes, nothing about the person.
public struct CaseSummary: Hashable, Sendable {
    public var code: CaseCode
    public var createdAt: Date
    public var updatedAt: Date
    public var locale: String
    public var bundle: BundleStamp
    public var step: Int
    public var estimatedTotal: Int
}

/// A whole case, decrypted.
public struct CaseRecord: Sendable {
    public var summary: CaseSummary
    /// Every answer given, including set-aside ones.
    public var answers: [String: Answer]
    /// Early exits the worker went past.
    public var continued: Set<String>
    /// The node the worker was at.
    public var position: String?
    public var notes: String
    /// Pathway id → status at the last save, to show what changed when the content changes.
    public var lastAssessment: [String: PathwayStatus]
    /// Summaries for printing written for this case (file names in the exports folder), deleted with it.
    public var exports: [String]

    public var code: CaseCode { summary.code }
}

/// The cases the store holds: those that open, and the codes of those that were changed outside Pathways.
public struct CaseList: Sendable {
    public var cases: [CaseSummary]
    public var changed: [String]
}
