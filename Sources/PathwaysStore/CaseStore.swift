import Foundation
import GRDB
import PathwaysEngine

/// The case records: one SQLite file (WAL, mode 0600), answers, notes and assessments encrypted with
/// AES-GCM under a key derived from the passphrase. It records sessions; it decides nothing.
public final class CaseStore: @unchecked Sendable {
    public let path: String
    let pool: DatabasePool
    let key: StoreKey

    /// The default place: `$XDG_DATA_HOME/pathways/cases.sqlite` (or `~/.local/share/pathways/`).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return base + "/pathways/cases.sqlite"
    }

    /// Whether a store already exists at `path` (so the UI knows to ask for a new passphrase twice).
    public static func exists(at path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Opens (or creates) the store. A wrong passphrase gives `StoreError.wrongPassphrase` and no data.
    public init(path: String, passphrase: String) throws {
        self.path = path
        // Everything this process creates from here on (the database, its WAL and exports) is private.
        umask(0o077)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // Deleted data is overwritten, and every commit reaches the disk before it returns.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw StoreError.unreadable("\(error)")
        }
        Self.makePrivate(path)
        try pool.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS cases (
                    code TEXT PRIMARY KEY, created_at REAL NOT NULL, updated_at REAL NOT NULL, locale TEXT NOT NULL,
                    bundle_id TEXT NOT NULL, bundle_version TEXT NOT NULL, bundle_hash TEXT NOT NULL,
                    step INTEGER NOT NULL, total INTEGER NOT NULL, state BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS answers (
                    case_code TEXT NOT NULL REFERENCES cases(code) ON DELETE CASCADE,
                    name TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (case_code, name));
                """)
        }
        let salt: Data = try pool.write { db in
            if let existing = try Data.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'salt'") { return existing }
            let fresh = StoreKey.newSalt()
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('salt', ?)", arguments: [fresh])
            return fresh
        }
        key = try StoreKey(passphrase: passphrase, salt: salt)
        let check = Data("pathways-case-store".utf8)
        let verifier = try pool.read { db in try Data.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'verifier'") }
        if let verifier {
            guard (try? key.open(verifier, for: "verifier")) == check else { throw StoreError.wrongPassphrase }
        } else {
            let sealed = try key.seal(check, for: "verifier")
            try pool.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('verifier', ?)", arguments: [sealed])
            }
        }
        Self.makePrivate(path)
    }

    static func makePrivate(_ path: String) {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
    }

    // MARK: Writing

    /// Starts a new case under a fresh code.
    public func createCase(bundle: BundleStamp, locale: String, now: Date) throws -> CaseCode {
        let code = CaseCode.random()
        let state = try sealState(StoredState(continued: [], position: nil, notes: "", lastAssessment: [:]), code)
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO cases (code, created_at, updated_at, locale, bundle_id, bundle_version, bundle_hash, step, total, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?)
                """, arguments: [code.value, now.timeIntervalSince1970, now.timeIntervalSince1970, locale,
                                 bundle.id, bundle.version, bundle.hash, state])
        }
        Self.makePrivate(path)
        return code
    }

    /// Commits one confirmed answer. Answers are rows of their own, so two terminals on one case never
    /// overwrite each other's answers.
    public func saveAnswer(_ answer: Answer, to question: String, in code: CaseCode, now: Date) throws {
        let json = try JSONEncoder().encode(AnswerEnvelope(question: question, answer: StoredAnswer(answer)))
        let name = key.name(question)
        let sealed = try key.seal(json, for: "answer:\(code.value):\(name)")
        try pool.write { db in
            try requireCase(code, db)
            try db.execute(sql: "INSERT OR REPLACE INTO answers (case_code, name, value) VALUES (?, ?, ?)",
                           arguments: [code.value, name, sealed])
            try db.execute(sql: "UPDATE cases SET updated_at = ? WHERE code = ?", arguments: [now.timeIntervalSince1970, code.value])
        }
    }

    /// Saves where the worker is, the progress shown in the list, notes and the latest assessment.
    public func saveState(of code: CaseCode, session: Session, locale: String, notes: String? = nil, now: Date) throws {
        var state = try loadState(code)
        state.continued = session.continued.sorted()
        state.position = session.currentNode
        if let notes { state.notes = notes }
        state.lastAssessment = Dictionary(uniqueKeysWithValues: session.assess().pathways.map { ($0.id, $0.status.rawValue) })
        let sealed = try sealState(state, code)
        let progress = session.progress
        try pool.write { db in
            try requireCase(code, db)
            try db.execute(sql: """
                UPDATE cases SET state = ?, locale = ?, step = ?, total = ?, updated_at = ?,
                    bundle_id = ?, bundle_version = ?, bundle_hash = ? WHERE code = ?
                """, arguments: [sealed, locale, progress.step, progress.estimatedTotal, now.timeIntervalSince1970,
                                 session.bundle.info.id, session.bundle.info.version, session.bundle.hash, code.value])
        }
    }

    public func saveNotes(_ notes: String, for code: CaseCode, now: Date) throws {
        var state = try loadState(code)
        state.notes = notes
        let sealed = try sealState(state, code)
        try pool.write { db in
            try db.execute(sql: "UPDATE cases SET state = ?, updated_at = ? WHERE code = ?",
                           arguments: [sealed, now.timeIntervalSince1970, code.value])
        }
    }

    // MARK: Reading

    public func list() throws -> [CaseSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM cases ORDER BY updated_at DESC, code").map(Self.summary)
        }
    }

    public func load(_ code: CaseCode) throws -> CaseRecord {
        let (row, answerRows) = try pool.read { db -> (Row?, [Row]) in
            (try Row.fetchOne(db, sql: "SELECT * FROM cases WHERE code = ?", arguments: [code.value]),
             try Row.fetchAll(db, sql: "SELECT name, value FROM answers WHERE case_code = ?", arguments: [code.value]))
        }
        guard let row else { throw StoreError.noSuchCase(code.value) }
        let state = try openState(row["state"], code)
        var answers: [String: Answer] = [:]
        for r in answerRows {
            let name: String = r["name"]
            let plain = try key.open(r["value"], for: "answer:\(code.value):\(name)")
            guard let envelope = try? JSONDecoder().decode(AnswerEnvelope.self, from: plain), key.name(envelope.question) == name,
                  let answer = envelope.answer.answer else { throw StoreError.tampered }
            answers[envelope.question] = answer
        }
        var last: [String: PathwayStatus] = [:]
        for (id, status) in state.lastAssessment { last[id] = PathwayStatus(rawValue: status) }
        return CaseRecord(summary: Self.summary(row), answers: answers, continued: Set(state.continued), position: state.position,
                          notes: state.notes, lastAssessment: last)
    }

    // MARK: Deleting

    /// Deletes a case so that nothing of it can be read back from the file.
    public func delete(_ code: CaseCode) throws {
        let count = try pool.write { db -> Int in
            try db.execute(sql: "DELETE FROM answers WHERE case_code = ?", arguments: [code.value])
            try db.execute(sql: "DELETE FROM cases WHERE code = ?", arguments: [code.value])
            return db.changesCount
        }
        guard count > 0 else { throw StoreError.noSuchCase(code.value) }
        try compact()
    }

    /// Deletes every case not updated for `days` days; returns their codes.
    @discardableResult
    public func purge(olderThanDays days: Int, now: Date) throws -> [CaseCode] {
        let cutoff = now.timeIntervalSince1970 - Double(days) * 86_400
        let codes = try pool.write { db -> [String] in
            let codes = try String.fetchAll(db, sql: "SELECT code FROM cases WHERE updated_at < ?", arguments: [cutoff])
            for code in codes {
                try db.execute(sql: "DELETE FROM answers WHERE case_code = ?", arguments: [code])
                try db.execute(sql: "DELETE FROM cases WHERE code = ?", arguments: [code])
            }
            return codes
        }
        if !codes.isEmpty { try compact() }
        return codes.map(CaseCode.init(unchecked:))
    }

    /// Folds the WAL into the file and rebuilds it, so freed pages leave no readable trace.
    func compact() throws {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    // MARK: Helpers

    func requireCase(_ code: CaseCode, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM cases WHERE code = ?", arguments: [code.value]) != nil else {
            throw StoreError.noSuchCase(code.value)
        }
    }

    func loadState(_ code: CaseCode) throws -> StoredState {
        guard let data = try pool.read({ db in try Data.fetchOne(db, sql: "SELECT state FROM cases WHERE code = ?", arguments: [code.value]) }) else {
            throw StoreError.noSuchCase(code.value)
        }
        return try openState(data, code)
    }

    func sealState(_ state: StoredState, _ code: CaseCode) throws -> Data {
        try key.seal(try JSONEncoder().encode(state), for: "state:\(code.value)")
    }

    func openState(_ data: Data, _ code: CaseCode) throws -> StoredState {
        let plain = try key.open(data, for: "state:\(code.value)")
        guard let state = try? JSONDecoder().decode(StoredState.self, from: plain) else { throw StoreError.tampered }
        return state
    }

    static func summary(_ row: Row) -> CaseSummary {
        CaseSummary(code: CaseCode(unchecked: row["code"]), createdAt: Date(timeIntervalSince1970: row["created_at"]),
                    updatedAt: Date(timeIntervalSince1970: row["updated_at"]), locale: row["locale"],
                    bundle: BundleStamp(id: row["bundle_id"], version: row["bundle_version"], hash: row["bundle_hash"]),
                    step: row["step"], estimatedTotal: row["total"])
    }
}

/// An answer with its question id, sealed together so a row cannot be passed off as another question's.
struct AnswerEnvelope: Codable {
    var question: String
    var answer: StoredAnswer
}
