import Foundation
import GRDB
import PathwaysEngine

/// Reading and writing cases. Every save rewrites the case's sealed row and the index in one transaction,
/// so a crash leaves either the old case or the new one.
extension CaseStore {
    // MARK: Writing

    /// Starts a new case under a fresh code, with `update` already in it.
    public func createCase(_ update: CaseUpdate = CaseUpdate(), bundle: BundleStamp, locale: String, now: Date) throws -> CaseCode {
        let (queue, key) = try open()
        return try Self.writing {
            try queue.write { db -> CaseCode in
                var index = try readIndex(db, key)
                var code = CaseCode.random()
                while try index.cases[code.value] != nil || Self.row(db, code.value) != nil { code = CaseCode.random() }
                var doc = CaseDocument(code: code, bundle: bundle, locale: locale, now: now)
                try update.apply(to: &doc)
                doc.version = 1
                try db.execute(sql: "INSERT INTO cases (code, day, sealed) VALUES (?, ?, ?)",
                               arguments: [code.value, StoreFile.day(now), try Self.sealDocument(doc, key)])
                index.cases[code.value] = doc.version
                try writeIndex(index, db, key)
                return code
            }
        }
    }

    /// Commits one save: answers merged into the case, progress replaced.
    public func save(_ update: CaseUpdate, to code: CaseCode, now: Date) throws {
        try modify(code, now: now) { try update.apply(to: &$0) }
    }

    /// Commits one confirmed answer.
    public func saveAnswer(_ answer: Answer, to question: String, in code: CaseCode, now: Date) throws {
        try save(CaseUpdate(answers: [question: answer]), to: code, now: now)
    }

    public func saveNotes(_ notes: String, for code: CaseCode, now: Date) throws {
        guard notes.utf8.count <= CaseLimits.notesBytes else { throw StoreError.notesTooLong }
        try modify(code, now: now) { $0.notes = notes }
    }

    /// Reads the case, checks it against the index, changes it, and writes it back with its version one up.
    func modify(_ code: CaseCode, now: Date, _ change: (inout CaseDocument) throws -> Void) throws {
        let (queue, key) = try open()
        try Self.writing {
            try queue.write { db in
                var index = try readIndex(db, key)
                var doc = try document(code, db, key, index)
                try change(&doc)
                doc.version += 1
                doc.updatedAt = now.timeIntervalSince1970
                guard doc.record(expecting: code) != nil else { throw StoreError.notSaved("the case holds a value Pathways cannot keep") }
                try db.execute(sql: "UPDATE cases SET day = ?, sealed = ? WHERE code = ?",
                               arguments: [StoreFile.day(Date(timeIntervalSince1970: doc.updatedAt)), try Self.sealDocument(doc, key), code.value])
                index.cases[code.value] = doc.version
                try writeIndex(index, db, key)
            }
        }
    }

    // MARK: Reading

    /// The cases that open, newest first, and the codes of those changed outside Pathways. A store whose
    /// index does not open throws `StoreError.storeChanged`.
    public func listing() throws -> CaseList {
        let (queue, key) = try open()
        return try Self.reading(path) {
            try queue.read { db in
                let index = try readIndex(db, key)
                var cases: [CaseSummary] = [], changed: [String] = []
                var seen: Set<String> = []
                for row in try Row.fetchAll(db, sql: "SELECT code, day, sealed FROM cases") {
                    let text = StoreFile.text(row[0] as DatabaseValue) ?? "?"
                    seen.insert(text)
                    guard let code = CaseCode(text), code.value == text,
                          let record = try? Self.record(from: row, code, key, index) else { changed.append(text); continue }
                    cases.append(record.summary)
                }
                changed += index.cases.keys.filter { !seen.contains($0) }
                cases.sort { ($0.updatedAt, $1.code) > ($1.updatedAt, $0.code) }
                return CaseList(cases: cases, changed: changed.sorted())
            }
        }
    }

    /// The cases, newest first; throws when any of them was changed outside Pathways.
    public func list() throws -> [CaseSummary] {
        let listing = try listing()
        if let first = listing.changed.first { throw StoreError.changedOutside(first) }
        return listing.cases
    }

    public func load(_ code: CaseCode) throws -> CaseRecord {
        let (queue, key) = try open()
        return try Self.reading(path) {
            try queue.read { db in
                let index = try readIndex(db, key)
                guard let row = try Self.row(db, code.value) else {
                    throw index.cases[code.value] == nil ? StoreError.noSuchCase(code.value) : StoreError.changedOutside(code.value)
                }
                return try Self.record(from: row, code, key, index)
            }
        }
    }

    // MARK: Helpers

    static func row(_ db: Database, _ code: String) throws -> Row? {
        try Row.fetchOne(db, sql: "SELECT code, day, sealed FROM cases WHERE code = ?", arguments: [code])
    }

    /// The case in `row`, when it opens, is valid, is the version the index names, and its plain day agrees.
    static func opened(_ row: Row, _ code: CaseCode, _ key: StoreKey, _ index: CaseIndex) throws -> (CaseDocument, CaseRecord) {
        guard case .int64(let day) = (row[1] as DatabaseValue).storage, let sealed = StoreFile.blob(row[2] as DatabaseValue),
              let doc = try openDocument(sealed, code, key), index.cases[code.value] == doc.version,
              StoreFile.day(Date(timeIntervalSince1970: doc.updatedAt)) == day,
              let record = doc.record(expecting: code) else { throw StoreError.changedOutside(code.value) }
        return (doc, record)
    }

    static func record(from row: Row, _ code: CaseCode, _ key: StoreKey, _ index: CaseIndex) throws -> CaseRecord {
        try opened(row, code, key, index).1
    }

    func document(_ code: CaseCode, _ db: Database, _ key: StoreKey, _ index: CaseIndex) throws -> CaseDocument {
        guard let row = try Self.row(db, code.value) else {
            throw index.cases[code.value] == nil ? StoreError.noSuchCase(code.value) : StoreError.changedOutside(code.value)
        }
        return try Self.opened(row, code, key, index).0
    }

    func readIndex(_ db: Database, _ key: StoreKey) throws -> CaseIndex {
        guard let sealed = StoreFile.blob(try StoreFile.meta(db, "index")), let index = try Self.openIndex(sealed, key) else {
            throw StoreError.storeChanged
        }
        return index
    }

    func writeIndex(_ index: CaseIndex, _ db: Database, _ key: StoreKey) throws {
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'index'", arguments: [try Self.sealIndex(index, key)])
        guard db.changesCount == 1 else { throw StoreError.storeChanged }
    }
}
