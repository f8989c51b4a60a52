import Foundation
import PathwaysEngine

/// What a case list shows without the passphrase: no answers, no notes, nothing about the person.
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

    public var code: CaseCode { summary.code }
}

/// Answers as stored (inside the encryption): a small JSON shape.
struct StoredAnswer: Codable {
    var declined: Bool?
    var option: String?
    var options: [String]?
    var number: Double?
    var date: String?
    var text: String?

    init(_ a: Answer) {
        switch a {
        case .declined: declined = true
        case .value(.option(let o)): option = o
        case .value(.options(let os)): options = os
        case .value(.number(let n)): number = n
        case .value(.date(let d)): date = d.description
        case .value(.text(let t)): text = t
        }
    }

    var answer: Answer? {
        if declined == true { return .declined }
        if let option { return .value(.option(option)) }
        if let options { return .value(.options(options)) }
        if let number { return .value(.number(number)) }
        if let date, let d = Day(date) { return .value(.date(d)) }
        if let text { return .value(.text(text)) }
        return nil
    }
}

/// The encrypted parts of a case other than its answers.
struct StoredState: Codable {
    var continued: [String]
    var position: String?
    var notes: String
    var lastAssessment: [String: String]
}
