import PathwaysEngine

/// One line of the case list: nothing about the person, only what helps find the case again.
public struct CaseListing: Hashable, Sendable {
    public var code: String
    public var updated: String
    public var step: Int
    public var estimatedTotal: Int
    public var version: String
    /// The content changed since the case was last saved.
    public var contentChanged: Bool

    public init(code: String, updated: String, step: Int, estimatedTotal: Int, version: String, contentChanged: Bool) {
        self.code = code
        self.updated = updated
        self.step = step
        self.estimatedTotal = estimatedTotal
        self.version = version
        self.contentChanged = contentChanged
    }
}

/// A case reopened from the records.
public struct ReopenedCase: Sendable {
    public var session: Session
    public var locale: String
    /// "Content changed 1.0.0 → 1.1.0" and the recommendations that changed, if any.
    public var notice: [String]
    /// The caseworker's notes on the case.
    public var notes: String

    public init(session: Session, locale: String, notice: [String], notes: String = "") {
        self.session = session
        self.locale = locale
        self.notice = notice
        self.notes = notes
    }
}

/// The case records as the interface sees them; the CLI plugs the encrypted store in here, so the
/// interface itself never touches the disk.
public protocol CaseKeeper: AnyObject {
    /// Commits the session's confirmed answers; called before the next question is drawn.
    func record(_ session: Session, locale: String) throws
    func list() -> [CaseListing]
    func reopen(_ code: String, bundle: ContentBundle) throws -> ReopenedCase
    /// The idle lock: wipes the keys from memory until `unlock`.
    func lock()
    /// Checks the passphrase again after an idle lock.
    func unlock(_ passphrase: String) -> Bool
    /// Stops recording the current case (a new case, or a quick exit).
    func close()
    /// Quick exit: drops the case, its notes and every key from memory (zeroed) and closes the store.
    /// Nothing of the records can be used afterwards; the process ends next.
    func forget()
    /// Saves the caseworker's notes on the current case (encrypted like the answers); notes written before
    /// the first answer write the case first, so they are never dropped.
    func saveNotes(_ notes: String, session: Session, locale: String) throws
    /// Writes the referral summary of the current case (Markdown and plain text); returns where.
    func export(_ session: Session, locale: String, includeAnswers: Bool) throws -> String
    /// Writes the person's handout of the current case in `locale` (Markdown and plain text), with the
    /// same page in `workerLocale` below it when given; returns where, in `wordsLocale`.
    func handout(_ session: Session, locale: String, workerLocale: String?, wordsLocale: String) throws -> String
    var caseCode: String? { get }
}

/// Why a keeper that cannot write handouts says so.
public struct HandoutUnavailable: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "handouts are not available here" }
}

extension CaseKeeper {
    public func handout(_ session: Session, locale: String, workerLocale: String?, wordsLocale: String) throws -> String {
        throw HandoutUnavailable()
    }
}
