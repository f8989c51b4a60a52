import Foundation
import GRDB
import PathwaysEngine
import PathwaysTestSupport
import XCTest
@testable import PathwaysStore

/// Plays the attacker who has a copy of the store and no passphrase: fills stores with random walks of the
/// shipped bundle and checks that nothing in the file's observable shape (tables, row counts, row order,
/// the type and length of every value, every plain value other than the case code) depends on the answers,
/// for walks of the same length. Set `PATHWAYS_SHAPE_SEED` to replay a run (the seed is printed).
final class AttackerShapeTests: XCTestCase {
    static let passphrase = "attacker shape test passphrase"
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    var dir: URL!

    static let shipped: ContentBundle = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return Checker.check(try! ContentFiles.read(directory: root.appendingPathComponent("Content"), displayRoot: "Content"),
                             today: nil).bundle
    }()

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("shape-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    var seed: UInt64 {
        ProcessInfo.processInfo.environment["PATHWAYS_SHAPE_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64(UInt32.max))
    }

    /// Random walks, grouped by how many questions they answer, keeping only groups with different answers.
    func walksByLength(count: Int, rng: inout SplitMix64) -> [Int: [RandomWalk]] {
        var groups: [Int: [RandomWalk]] = [:]
        for _ in 0..<count {
            let walk = RandomWalk(Self.shipped, rng: &rng)
            groups[walk.session.answers.count, default: []].append(walk)
        }
        return groups.filter { Set($0.value.map(\.session.answers)).count > 1 }
    }

    /// Many cases in one store: every case's rows look the same as those of any other case of its length class.
    func testEveryCaseOfALengthClassLooksTheSameInTheFile() throws {
        let seed = self.seed
        print("AttackerShapeTests: seed \(seed) (PATHWAYS_SHAPE_SEED=\(seed) replays it)")
        var rng = SplitMix64(seed: seed)
        let groups = walksByLength(count: 40, rng: &rng)
        XCTAssertFalse(groups.isEmpty, "seed \(seed): no two walks of the same length with different answers")
        let path = dir.appendingPathComponent("cases.sqlite").path
        let store = try CaseStore(path: path, passphrase: Self.passphrase)
        var codes: [Int: [(CaseCode, RandomWalk)]] = [:]
        for (length, walks) in groups {
            for walk in walks {
                let recorder = try CaseRecorder.start(in: store, for: walk.session, locale: "en", clock: { self.now })
                if !walk.notes.isEmpty { try store.saveNotes(walk.notes, for: recorder.code, now: now) }
                codes[length, default: []].append((recorder.code, walk))
            }
        }
        let file = try StoreShape.Reader(path: path)
        for (length, cases) in codes.sorted(by: { $0.key < $1.key }) {
            let shapes = try cases.map { try file.shape(ofCase: $0.0.value) }
            for (i, shape) in shapes.enumerated().dropFirst() where shape != shapes[0] {
                XCTFail("""
                    seed \(seed): two cases of \(length) answers look different in the file: \
                    \(StoreShape.difference(shapes[0], shape))
                    first: \(cases[0].1.describe)
                    other: \(cases[i].1.describe)
                    """)
                break
            }
        }
    }

    /// Two stores filled with walks of the same lengths in the same order, with different answers and notes:
    /// the two files cannot be told apart (same tables, rows, lengths, plain values and file size).
    func testTwoStoresOfDifferentAnswersCannotBeToldApart() throws {
        let seed = self.seed
        print("AttackerShapeTests: seed \(seed) (PATHWAYS_SHAPE_SEED=\(seed) replays it)")
        var rng = SplitMix64(seed: seed)
        let pairs = walksByLength(count: 40, rng: &rng).values.compactMap { walks -> (RandomWalk, RandomWalk)? in
            guard let other = walks.dropFirst().first(where: { $0.session.answers != walks[0].session.answers }) else { return nil }
            return (walks[0], other)
        }
        XCTAssertFalse(pairs.isEmpty, "seed \(seed): no two walks of the same length with different answers")
        var shapes: [StoreShape] = []
        for side in 0..<2 {
            let path = dir.appendingPathComponent("store-\(side).sqlite").path
            let store = try CaseStore(path: path, passphrase: Self.passphrase)
            for pair in pairs {
                let walk = side == 0 ? pair.0 : pair.1
                let recorder = try CaseRecorder.start(in: store, for: walk.session, locale: "en", clock: { self.now })
                try store.saveNotes(walk.notes, for: recorder.code, now: now)
            }
            shapes.append(try StoreShape.Reader(path: path).wholeFile(caseCodes: Set(try store.list().map(\.code.value))))
        }
        XCTAssertEqual(shapes[0], shapes[1], "seed \(seed): the two stores differ: \(StoreShape.difference(shapes[0], shapes[1]))")
    }
}

/// A walk of a bundle with random answers (some declined) and random notes.
struct RandomWalk {
    var session: Session
    var notes: String

    init(_ bundle: ContentBundle, rng: inout SplitMix64) {
        var s = Session(bundle: bundle, today: nil)
        walking: for _ in 0..<500 {
            switch s.position {
            case .question(let id, _):
                guard let q = bundle.question(id) else { break walking }
                var tries = 0
                while tries < 10 {
                    tries += 1
                    if (try? s.answer(Self.answer(to: q, rng: &rng))) != nil { break }
                }
                if tries >= 10 { break walking }
            case .outcome:
                if Int.random(in: 0..<10, using: &rng) < 2 || !s.continuePastOutcome() { break walking }
            case .stuck:
                break walking
            }
        }
        session = s
        let words = ["call back", "Tuesday", "prefers morning visits", "interpreter needed", "see legal clinic", "follow up"]
        notes = (0..<Int.random(in: 0...12, using: &rng)).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }
            .joined(separator: " ")
    }

    static func answer(to q: Question, rng: inout SplitMix64) -> Answer {
        if q.sensitive && Int.random(in: 0..<5, using: &rng) == 0 { return .declined }
        switch q.kind {
        case .singleChoice, .yesNoUnsure:
            return .value(.option(q.options[Int.random(in: 0..<q.options.count, using: &rng)].id))
        case .multipleChoice:
            let picked = q.options.filter { _ in Bool.random(using: &rng) }.map(\.id)
            return .value(.options(picked.isEmpty ? [q.options[0].id] : picked))
        case .number:
            return .value(.number(Double(Int.random(in: 0...99, using: &rng))))
        case .date:
            return .value(.date(Day("20\(Int.random(in: 10...26, using: &rng))-0\(Int.random(in: 1...9, using: &rng))-1\(Int.random(in: 0...9, using: &rng))")!))
        case .text:
            return .value(.text(String(repeating: "x", count: Int.random(in: 1...40, using: &rng))))
        }
    }

    var describe: String {
        session.answers.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.short($0.value))" }.joined(separator: " ")
            + ", notes: \(notes.count) characters"
    }

    static func short(_ answer: Answer) -> String {
        switch answer {
        case .declined: return "declined"
        case .value(.option(let o)): return o
        case .value(.options(let os)): return os.joined(separator: "+")
        case .value(.number(let n)): return "\(n)"
        case .value(.date(let d)): return d.description
        case .value(.text(let t)): return "text(\(t.count))"
        }
    }
}

/// What someone with the file and no key can see: for each table, its rows in stored order, and for each
/// value its type and length, and the value itself when it is plain (text or a number) — except the case
/// code, which the case list shows by design, and long hex text (digests, whose value says nothing).
struct StoreShape: Equatable {
    struct Value: Equatable, CustomStringConvertible {
        var type: String
        var length: Int
        var plain: String?
        var description: String { "\(type)(\(length))" + (plain.map { "=\($0)" } ?? "") }
    }
    var tables: [String: [[Value]]]
    var fileSize: Int?

    static func difference(_ a: StoreShape, _ b: StoreShape) -> String {
        if a.fileSize != b.fileSize { return "file size \(a.fileSize ?? 0) vs \(b.fileSize ?? 0)" }
        for name in Set(a.tables.keys).union(b.tables.keys).sorted() {
            let x = a.tables[name] ?? [], y = b.tables[name] ?? []
            if x.count != y.count { return "table \(name): \(x.count) rows vs \(y.count)" }
            for (i, (r, s)) in zip(x, y).enumerated() where r != s {
                return "table \(name), row \(i + 1): \(r) vs \(s)"
            }
        }
        return "no difference"
    }

    struct Reader {
        let queue: DatabaseQueue
        let path: String

        init(path: String) throws {
            self.path = path
            var config = Configuration()
            config.readonly = true
            queue = try DatabaseQueue(path: path, configuration: config)
        }

        func tableNames(_ db: Database) throws -> [String] {
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }

        func rows(_ db: Database, _ table: String) throws -> [[DatabaseValue]] {
            try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { row in row.databaseValues.map { $0 } }
        }

        static func value(_ v: DatabaseValue, codes: Set<String>) -> Value {
            switch v.storage {
            case .null: return Value(type: "null", length: 0, plain: nil)
            case .int64(let i): return Value(type: "integer", length: 8, plain: "\(i)")
            case .double(let d): return Value(type: "real", length: 8, plain: "\(d)")
            case .string(let s):
                if codes.contains(s) { return Value(type: "text", length: s.utf8.count, plain: "CODE") }
                let digest = s.count >= 32 && s.allSatisfy(\.isHexDigit)
                return Value(type: "text", length: s.utf8.count, plain: digest ? nil : s)
            case .blob(let data): return Value(type: "blob", length: data.count, plain: nil)
            }
        }

        /// The rows of every table that name the case's code, in stored order.
        func shape(ofCase code: String) throws -> StoreShape {
            try queue.read { db in
                var tables: [String: [[Value]]] = [:]
                for table in try tableNames(db) {
                    tables[table] = try rows(db, table)
                        .filter { $0.contains { if case .string(let s) = $0.storage { return s == code } else { return false } } }
                        .map { $0.map { Self.value($0, codes: [code]) } }
                }
                return StoreShape(tables: tables, fileSize: nil)
            }
        }

        /// Every row of every table, and the size of the store's files.
        func wholeFile(caseCodes: Set<String>) throws -> StoreShape {
            let tables = try queue.read { db in
                var tables: [String: [[Value]]] = [:]
                for table in try tableNames(db) {
                    // Rows in stored order, but with the random codes replaced, the codes' own order says nothing.
                    tables[table] = try rows(db, table).map { $0.map { Self.value($0, codes: caseCodes) } }
                }
                return tables
            }
            let size = ["", "-wal", "-journal"].reduce(0) { total, suffix in
                total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
            }
            return StoreShape(tables: tables, fileSize: size)
        }
    }
}
