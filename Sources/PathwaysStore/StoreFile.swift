import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The store's file on disk: where it may be, and its layout.
///
/// Format 2 has two tables. `meta` holds the format ("2", plain), the scrypt salt, a sealed verifier and the
/// sealed index; `cases` holds one row per case: the code, the day it was last changed (days since
/// 1970, the only plain facts about a case) and the whole case sealed and padded to a size class.
enum StoreFile {
    static let format = "2"

    static let schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
        CREATE TABLE cases (code TEXT PRIMARY KEY, day INTEGER NOT NULL, sealed BLOB NOT NULL) WITHOUT ROWID;
        """

    /// A path the store may use: absent (it is created) or a regular file; never a link, device or folder,
    /// and no journal beside it that is anything but a regular file.
    static func check(_ path: String) throws {
        for candidate in [path, path + "-journal"] {
            var info = stat()
            guard lstat(candidate, &info) == 0 else {
                if errno == ENOENT { continue }
                throw StoreError.unreadable("\(candidate): \(String(cString: strerror(errno)))")
            }
            if info.st_mode & S_IFMT == S_IFLNK { throw StoreError.symbolicLink(candidate) }
            guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.notRegularFile(candidate) }
        }
    }

    /// Whether anything is at `path` (without following a link).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    enum Layout { case empty, current, old, foreign }

    static func layout(_ db: Database) throws -> Layout {
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        if tables.isEmpty { return .empty }
        if tables.contains("answers") { return .old }
        guard tables.isSuperset(of: ["meta", "cases"]) else { return .foreign }
        let columns = Set(try Row.fetchAll(db, sql: "PRAGMA table_info(cases)").compactMap { row -> String? in
            if case .string(let s) = (row["name"] as DatabaseValue).storage { return s } else { return nil }
        })
        if columns.contains("state") { return .old }
        return columns == ["code", "day", "sealed"] ? .current : .foreign
    }

    /// A `meta` value, as stored.
    static func meta(_ db: Database, _ key: String) throws -> DatabaseValue? {
        try Row.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]).map { $0[0] as DatabaseValue }
    }

    static func blob(_ value: DatabaseValue?) -> Data? {
        if case .blob(let d)? = value?.storage { return d } else { return nil }
    }

    static func text(_ value: DatabaseValue?) -> String? {
        switch value?.storage {
        case .string(let s)?: return s
        case .blob(let d)?: return String(data: d, encoding: .utf8)
        default: return nil
        }
    }

    /// Days since 1970 (UTC): the one date the file shows.
    static func day(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

    /// The words for a failed write: a full disk is said as such.
    static func reason(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_IOERR: return "the disk could not be written to (\(error.message ?? "input/output error"))"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return "the file cannot be written to"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "another Pathways kept the records busy too long"
        default: return error.message ?? "\(error.resultCode)"
        }
    }
}
