import Foundation
import PathwaysEngine

/// Everything about one case, serialised, padded to a size class and sealed as one value, so nothing of it
/// shows in the file. `version` goes up on every save and is checked against the store's index, so an
/// older copy put back, or a case removed, is noticed.
struct CaseDocument: Codable {
    static let currentFormat = 2

    var format: Int
    var code: String
    var version: UInt64
    var createdAt: Double
    var updatedAt: Double
    var locale: String
    var bundle: StoredBundle
    var step: Int
    var total: Int
    var answers: [String: StoredAnswer]
    var continued: [String]
    var position: String?
    var notes: String
    var lastAssessment: [String: String]
    var exports: [String]

    struct StoredBundle: Codable {
        var id: String
        var version: String
        var hash: String
    }

    /// A new, empty case.
    init(code: CaseCode, bundle: BundleStamp, locale: String, now: Date) {
        format = Self.currentFormat
        self.code = code.value
        version = 0
        createdAt = now.timeIntervalSince1970
        updatedAt = createdAt
        self.locale = locale
        self.bundle = StoredBundle(id: bundle.id, version: bundle.version, hash: bundle.hash)
        step = 0
        total = 0
        answers = [:]
        continued = []
        position = nil
        notes = ""
        lastAssessment = [:]
        exports = []
    }

    /// Where this case is sealed: the code is bound in, so a value moved to another case does not open.
    static func place(_ code: String) -> String { "pathways case v2 " + code }

    /// The record, when every value is one Pathways could have written; otherwise nil.
    func record(expecting code: CaseCode) -> CaseRecord? {
        guard format == Self.currentFormat, self.code == code.value, version >= 1,
              Self.isTime(createdAt), Self.isTime(updatedAt), Self.isLocale(locale),
              CaseLimits.isID(bundle.id), CaseLimits.isID(bundle.version), CaseLimits.isID(bundle.hash),
              (0...CaseLimits.steps).contains(step), (0...CaseLimits.steps).contains(total),
              answers.count <= CaseLimits.answers, continued.count <= CaseLimits.answers, continued.allSatisfy(CaseLimits.isID),
              position.map(CaseLimits.isID) ?? true, notes.utf8.count <= CaseLimits.notesBytes,
              lastAssessment.count <= CaseLimits.answers, exports.count <= CaseLimits.exports,
              exports.allSatisfy({ ExportName.isValid($0, for: code) }) else { return nil }
        var given: [String: Answer] = [:]
        for (question, stored) in answers {
            guard CaseLimits.isID(question), let answer = stored.answer else { return nil }
            given[question] = answer
        }
        var last: [String: PathwayStatus] = [:]
        for (id, status) in lastAssessment {
            guard CaseLimits.isID(id), let s = PathwayStatus(rawValue: status) else { return nil }
            last[id] = s
        }
        let summary = CaseSummary(code: code, createdAt: Date(timeIntervalSince1970: createdAt),
                                  updatedAt: Date(timeIntervalSince1970: updatedAt), locale: locale,
                                  bundle: BundleStamp(id: bundle.id, version: bundle.version, hash: bundle.hash),
                                  step: step, estimatedTotal: total)
        return CaseRecord(summary: summary, answers: given, continued: Set(continued), position: position, notes: notes,
                          lastAssessment: last, exports: exports)
    }

    static func isTime(_ t: Double) -> Bool { t.isFinite && t >= 0 && t <= CaseLimits.latestTime }

    static func isLocale(_ s: String) -> Bool {
        (2...12).contains(s.utf8.count) && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "-" }
    }
}

/// The store's index, sealed in its own row: every case's code with the version of its last save. A case
/// row that is missing, extra, or of another version than the index says was changed outside Pathways.
struct CaseIndex: Codable {
    static let place = "pathways index v2"
    var format: Int = CaseDocument.currentFormat
    var cases: [String: UInt64] = [:]
}
