import Foundation
import GRDB

/// Deleting cases, with the summaries written for them; the file is rebuilt so nothing of them can be read back.
extension CaseStore {
    /// Deletes a case and its summaries. A case changed outside Pathways can be deleted too.
    public func delete(_ code: CaseCode) throws {
        let (queue, key) = try open()
        let exports = try Self.writing {
            try queue.write { db -> [String] in
                var index = try readIndex(db, key)
                let row = try Self.row(db, code.value)
                guard row != nil || index.cases[code.value] != nil else { throw StoreError.noSuchCase(code.value) }
                let exports = row.flatMap { try? Self.record(from: $0, code, key, index) }?.exports ?? []
                try db.execute(sql: "DELETE FROM cases WHERE code = ?", arguments: [code.value])
                index.cases[code.value] = nil
                try writeIndex(index, db, key)
                return exports
            }
        }
        removeSummaries(of: [code: exports])
        try compact()
    }

    /// Deletes every case not changed for more than `days` whole days, with its summaries; returns their codes.
    @discardableResult
    public func purge(olderThanDays days: Int, now: Date) throws -> [CaseCode] {
        guard days >= 1 else { throw StoreError.retentionTooShort }
        let (queue, key) = try open()
        let cutoff = StoreFile.day(now) - Int64(days)
        let gone = try Self.writing {
            try queue.write { db -> [CaseCode: [String]] in
                var index = try readIndex(db, key)
                var gone: [CaseCode: [String]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT code, day, sealed FROM cases") {
                    guard let text = StoreFile.text(row[0] as DatabaseValue), let code = CaseCode(text), code.value == text,
                          case .int64(let day) = (row[1] as DatabaseValue).storage, day < cutoff else { continue }
                    gone[code] = (try? Self.record(from: row, code, key, index))?.exports ?? []
                    try db.execute(sql: "DELETE FROM cases WHERE code = ?", arguments: [code.value])
                    index.cases[code.value] = nil
                }
                if !gone.isEmpty { try writeIndex(index, db, key) }
                return gone
            }
        }
        guard !gone.isEmpty else { return [] }
        removeSummaries(of: gone)
        try compact()
        return gone.keys.sorted()
    }

    /// Rebuilds the file, so freed pages leave no readable trace.
    func compact() throws {
        let (queue, _) = try open()
        try Self.writing { try queue.writeWithoutTransaction { try $0.execute(sql: "VACUUM") } }
    }
}
