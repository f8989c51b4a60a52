import Foundation
import GRDB
import PathwaysEngine

/// The case records: one SQLite file (mode 0600, rollback journal, every commit synced), one sealed row per
/// case (AES-GCM under a key derived from the passphrase by scrypt, padded to a size class) and a sealed
/// index of the cases' versions. It records sessions; it decides nothing.
///
/// The key lives in locked memory. `lock()` wipes it (a check value stays, to compare the passphrase
/// typed at the lock screen with); `close()` wipes everything and closes the file.
public final class CaseStore: @unchecked Sendable {
    public let path: String
    let salt: Data
    private let guardLock = NSLock()
    private var queue: DatabaseQueue?
    private var key: StoreKey?
    private var lockCheck: SecretBytes?

    static let verifierText = Data("pathways case store v2".utf8)

    /// The default place: `$XDG_DATA_HOME/pathways/cases.sqlite` (or `~/.local/share/pathways/`).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return base + "/pathways/cases.sqlite"
    }

    /// Whether opening `path` makes new case records (so the passphrase is chosen, and typed twice): nothing is
    /// there, or a file that never got as far as its verifier.
    public static func isNew(at path: String) -> Bool {
        guard StoreFile.exists(path) else { return true }
        var config = Configuration()
        config.readonly = true
        guard (try? StoreFile.check(path)) != nil, let queue = try? DatabaseQueue(path: path, configuration: config) else { return false }
        defer { try? queue.close() }
        return (try? queue.read { db in
            switch try StoreFile.layout(db) {
            case .empty: return true
            case .current: return try StoreFile.meta(db, "verifier") == nil && Int.fetchOne(db, sql: "SELECT count(*) FROM cases") == 0
            case .old, .foreign: return false
            }
        }) ?? false
    }

    /// Refuses a path that is neither absent nor a regular file (a device, a link, a folder).
    public static func checkPath(_ path: String) throws { try StoreFile.check(path) }

    public convenience init(path: String, passphrase: String) throws {
        try self.init(path: path, passphrase: try Passphrase(passphrase))
    }

    /// Opens the store, or creates it when nothing is at `path` (the passphrase must then be strong enough).
    /// A wrong passphrase gives `StoreError.wrongPassphrase` and no data; a store that holds cases but no
    /// verifier or index is refused as changed outside Pathways.
    public init(path: String, passphrase: Passphrase) throws {
        self.path = path
        try StoreFile.check(path)
        // Everything this process creates from here on (the database, its journal and exports) is private.
        umask(0o077)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !StoreFile.exists(folder) {
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
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw error.resultCode == .SQLITE_NOTADB ? StoreError.notCaseRecords(path) : StoreError.unreadable(StoreFile.reason(error))
        }
        Self.makePrivate(path)
        // 1. The layout and the salt, created together in one transaction when the file is new.
        let (salt, hasVerifier) = try Self.reading(path) {
            try queue.write { db -> (Data, Bool) in
                switch try StoreFile.layout(db) {
                case .old: throw StoreError.oldFormat(path)
                case .foreign: throw StoreError.notCaseRecords(path)
                case .empty:
                    try db.execute(sql: StoreFile.schema)
                    try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('format', ?), ('salt', ?)",
                                   arguments: [StoreFile.format, StoreKey.newSalt()])
                case .current: break
                }
                guard StoreFile.text(try StoreFile.meta(db, "format")) == StoreFile.format else { throw StoreError.storeChanged }
                guard let salt = StoreFile.blob(try StoreFile.meta(db, "salt")), salt.count == 16 else { throw StoreError.storeChanged }
                return (salt, try StoreFile.meta(db, "verifier") != nil)
            }
        }
        if !hasVerifier, let weakness = passphrase.weakness { throw StoreError.weakPassphrase(weakness) }
        // 2. The key, outside any transaction (scrypt takes a while), then the verifier and the index.
        let key = try StoreKey(passphrase: passphrase, salt: salt)
        do {
            try Self.reading(path) {
                try queue.write { db in
                    let cases = try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0
                    let index = try StoreFile.meta(db, "index")
                    if let verifier = try StoreFile.meta(db, "verifier") {
                        guard let sealed = StoreFile.blob(verifier), try key.open(sealed, for: "verifier") == Self.verifierText else {
                            throw StoreError.wrongPassphrase
                        }
                        guard let sealedIndex = StoreFile.blob(index), try Self.openIndex(sealedIndex, key) != nil else {
                            throw StoreError.storeChanged
                        }
                    } else {
                        // No verifier: only a store that never held a case may get one now.
                        guard cases == 0, index == nil else { throw StoreError.storeChanged }
                        if let weakness = passphrase.weakness { throw StoreError.weakPassphrase(weakness) }
                        try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('verifier', ?), ('index', ?)",
                                       arguments: [try key.seal(Self.verifierText, for: "verifier"), try Self.sealIndex(CaseIndex(), key)])
                    }
                }
            }
        } catch {
            key.wipe()
            throw error
        }
        self.salt = salt
        self.queue = queue
        self.key = key
        Self.makePrivate(path)
    }

    deinit { close() }

    static func makePrivate(_ path: String) {
        for suffix in ["", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
    }

    // MARK: Lock, unlock, close

    /// Wipes the key from memory; until `unlock` with the right passphrase, every read and write throws
    /// `StoreError.locked`. A check value of the key stays, so unlocking never consults the file.
    public func lock() {
        guardLock.lock(); defer { guardLock.unlock() }
        guard let key else { return }
        lockCheck = try? key.fingerprint()
        key.wipe()
        self.key = nil
    }

    /// Whether the store is locked (the key is not in memory).
    public var isLocked: Bool { guardLock.lock(); defer { guardLock.unlock() }; return key == nil }

    /// Compares the passphrase with the key held in memory (never with the file, which may have been moved or
    /// changed meanwhile); when it matches a locked store, the key comes back. False once closed.
    public func unlock(_ passphrase: Passphrase) -> Bool {
        guardLock.lock()
        let (open, current, check) = (queue != nil, key, lockCheck)
        guardLock.unlock()
        guard open, let candidate = try? StoreKey(passphrase: passphrase, salt: salt) else { return false }
        if let current {
            defer { candidate.wipe() }
            return current.isSame(as: candidate)
        }
        guard let check, let candidateCheck = try? candidate.fingerprint(), check.isEqual(to: candidateCheck) else {
            candidate.wipe()
            return false
        }
        guardLock.lock(); defer { guardLock.unlock() }
        guard queue != nil else { candidate.wipe(); return false }
        key = candidate
        lockCheck?.wipe()
        lockCheck = nil
        return true
    }

    /// Wipes the key and its check value and closes the file; nothing can be read or written afterwards.
    public func close() {
        guardLock.lock(); defer { guardLock.unlock() }
        key?.wipe()
        key = nil
        lockCheck?.wipe()
        lockCheck = nil
        try? queue?.close()
        queue = nil
    }

    public var isClosed: Bool { guardLock.lock(); defer { guardLock.unlock() }; return queue == nil }

    /// The open file and the key, or why not.
    func open() throws -> (DatabaseQueue, StoreKey) {
        guardLock.lock(); defer { guardLock.unlock() }
        guard let queue else { throw StoreError.closed }
        guard let key else { throw StoreError.locked }
        return (queue, key)
    }

    // MARK: Sealing

    static func sealIndex(_ index: CaseIndex, _ key: StoreKey) throws -> Data {
        try key.seal(try SizeClass.pad(try JSONEncoder().encode(index)), for: CaseIndex.place)
    }

    static func openIndex(_ sealed: Data, _ key: StoreKey) throws -> CaseIndex? {
        guard SizeClass.isSealedSize(sealed.count), let padded = try key.open(sealed, for: CaseIndex.place),
              let plain = SizeClass.unpad(padded), let index = try? JSONDecoder().decode(CaseIndex.self, from: plain),
              index.format == CaseDocument.currentFormat, index.cases.keys.allSatisfy({ CaseCode($0)?.value == $0 }) else { return nil }
        return index
    }

    static func sealDocument(_ doc: CaseDocument, _ key: StoreKey) throws -> Data {
        try key.seal(try SizeClass.pad(try JSONEncoder().encode(doc)), for: CaseDocument.place(doc.code))
    }

    static func openDocument(_ sealed: Data, _ code: CaseCode, _ key: StoreKey) throws -> CaseDocument? {
        guard SizeClass.isSealedSize(sealed.count), let padded = try key.open(sealed, for: CaseDocument.place(code.value)),
              let plain = SizeClass.unpad(padded) else { return nil }
        return try? JSONDecoder().decode(CaseDocument.self, from: plain)
    }

    /// Runs a read, turning SQLite's failures into words.
    static func reading<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: throw StoreError.notCaseRecords(path)
            case .SQLITE_CORRUPT: throw StoreError.storeChanged
            default: throw StoreError.unreadable(StoreFile.reason(error))
            }
        }
    }

    /// Runs a write, turning SQLite's failures (a full disk, above all) into `StoreError.notSaved`.
    static func writing<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB { throw StoreError.storeChanged }
            throw StoreError.notSaved(StoreFile.reason(error))
        }
    }
}
