import Foundation
import PathwaysTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PathwaysEngine

/// Robustness: the loader and the checker are fed mutated, truncated and garbage content files, and random
/// condition strings. Nothing may crash or hang, and a mutation that must break the bundle must be reported.
///
/// Every case is built from (seed, case index) alone, so any failure replays on its own:
///
///     ROBUSTNESS_SEED=<hex> ROBUSTNESS_CASE=<index> swift test --filter RobustnessTests/testMutatedContentFiles
///     ROBUSTNESS_SEED=<hex> ROBUSTNESS_CASE=<index> swift test --filter RobustnessTests/testRandomConditionStrings
///
/// `ROBUSTNESS_TRACE=1` prints every case before it runs. If the process crashes, the cases that were running
/// are printed (on Linux) before the runtime's own crash report; a case still running after 20 seconds is
/// printed as a possible hang.
///
/// Known engine hangs are kept out of the random cases and reproduced by the skipped `testRegression_*`
/// methods at the end (run them with `ROBUSTNESS_RUN_KNOWN_FAILURES=1`).
final class RobustnessTests: XCTestCase {
    static let today = Day("2026-11-23")
    static let contentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../Content").standardizedFileURL
    static let seed: UInt64 = ProcessInfo.processInfo.environment["ROBUSTNESS_SEED"]
        .flatMap { UInt64($0.hasPrefix("0x") ? String($0.dropFirst(2)) : $0, radix: 16) } ?? 0x2026_1123_5EED
    static let onlyCase: Int? = ProcessInfo.processInfo.environment["ROBUSTNESS_CASE"].flatMap { Int($0) }
    static let trace = ProcessInfo.processInfo.environment["ROBUSTNESS_TRACE"] == "1"
    static let runKnownFailures = ProcessInfo.processInfo.environment["ROBUSTNESS_RUN_KNOWN_FAILURES"] == "1"
    static var seedText: String { "0x" + String(seed, radix: 16) }

    /// How many cases of each kind. The must-diagnose kinds alone make more than 500 bundles.
    static let filePlan: [(MutationKind, Int)] = [
        (.garbageBytes, 25), (.invalidUTF8, 25), (.truncateMidUTF8, 25), (.nulByte, 15), (.emptyOrComments, 20),
        (.wrongShape, 35), (.extremeShape, ExtremeShapes.all.count), (.deleteRequiredKey, 65),
        (.truncateAfterRequiredKey, 36), (.misspellKey, 65), (.corruptReference, 75), (.scalarToCollection, 50),
        (.duplicateKey, 35), (.duplicateItem, 25),
        (.truncateRandom, 10), (.deleteLine, 6), (.duplicateLine, 6), (.swapLines, 6), (.byteFlip, 6),
        (.insertYAMLSyntax, 10), (.reindent, 6), (.editProse, 6),
    ]
    /// Scenarios only add diagnostics about themselves, yet each costs as much to load as a pathway; every
    /// case checks the whole bundle with this many of them (plus the one being mutated, if any).
    static let scenariosPerCase = 2
    static let conditionCount = 540

    static func withFewerScenarios(_ files: ContentFiles) -> ContentFiles {
        var out = files
        let scenarios = files.files.keys.filter { BundleLoader.role(of: $0) == .scenario }.sorted()
        for path in scenarios.dropFirst(scenariosPerCase) { out.files[path] = nil }
        return out
    }

    static func seedBundle() throws -> ContentFiles {
        let files = try ContentFiles.read(directory: contentURL, displayRoot: "Content")
        XCTAssertNotNil(files.files["bundle.yaml"], "the shipped bundle should be at \(contentURL.path)")
        return files
    }

    // MARK: - Mutated content files

    func testMutatedContentFiles() throws {
        let base = try Self.seedBundle()
        let started = Date()
        let baseline = Checker.check(base, today: Self.today)
        let tally = DiagnosticTally(baseline.diagnostics)
        print("RobustnessTests: seed \(Self.seedText); seed bundle: \(base.files.count) files, \(baseline.diagnostics.count) diagnostics; "
              + "each case checks it with \(Self.scenariosPerCase) scenarios of \(base.files.keys.filter { BundleLoader.role(of: $0) == .scenario }.count)")
        for d in baseline.diagnostics.prefix(10) { print("  baseline: \(d.formatted)") }

        var cases: [(index: Int, kind: MutationKind, ordinal: Int)] = []
        for (kind, count) in Self.filePlan {
            for ordinal in 0..<count { cases.append((cases.count, kind, ordinal)) }
        }
        if let only = Self.onlyCase { cases = cases.filter { $0.index == only } }

        let seed = Self.seed
        let core = Self.withFewerScenarios(base)
        let run: @Sendable (Int, MutationKind, Int) -> FileOutcome = { index, kind, ordinal in
            var rng = SplitMix64.stream(seed: seed, label: 1, index: index)
            guard let m = Mutations.make(kind, &rng, base: base, checked: core, ordinal: ordinal) else {
                return FileOutcome(index: index, kind: kind, mutation: nil)
            }
            if RobustnessTests.trace { print("case #\(index) \(kind) \(m.path): \(m.detail)") }
            let label = "seed \(RobustnessTests.seedText) case #\(index) \(kind.rawValue) \(m.path): \(m.detail)"
            InFlight.shared.begin(label)
            defer { InFlight.shared.end(label) }
            var files = core
            files.files[m.path] = m.bytes
            let t0 = Date()
            let checked = Checker.check(files, today: RobustnessTests.today)
            let fresh = tally.fresh(in: checked.diagnostics)
            var outcome = FileOutcome(index: index, kind: kind, mutation: m)
            outcome.seconds = Date().timeIntervalSince(t0)
            outcome.total = checked.diagnostics.count
            outcome.fresh = fresh.count
            outcome.freshInFile = fresh.filter { $0.location.file == files.displayPath(m.path) }.count
            outcome.freshCodes = Set(fresh.map(\.code.rawValue))
            return outcome
        }
        let watchdog = InFlight.shared.startWatchdog()
        defer { watchdog.stop() }
        // Extreme shapes (deep nesting, megabyte lines) run on the main thread, with its large stack.
        let serial = cases.filter { $0.kind == .extremeShape }
        let parallel = cases.filter { $0.kind != .extremeShape }
        var outcomes = serial.map { run($0.index, $0.kind, $0.ordinal) }
        outcomes += ParallelRunner.map(parallel) { run($0.index, $0.kind, $0.ordinal) }
        outcomes.sort { $0.index < $1.index }

        var failures = 0
        for o in outcomes {
            guard let m = o.mutation else {
                XCTFail("seed \(Self.seedText) case #\(o.index) \(o.kind): the mutation found nothing to mutate in any file")
                continue
            }
            if o.kind.mustDiagnose && o.fresh == 0 {
                failures += 1
                if failures <= 25 {
                    XCTFail("""
                        seed \(Self.seedText) case #\(o.index): no new diagnostic for a mutation that breaks the bundle
                          kind: \(o.kind.rawValue)   file: \(m.path)   mutation: \(m.detail)
                          excerpt: \(m.excerpt)
                          diagnostics: \(o.total), all already in the seed bundle's
                        """)
                }
            }
        }

        if failures > 25 { XCTFail("seed \(Self.seedText): \(failures - 25) more mutations that break the bundle got no new diagnostic") }
        print("RobustnessTests: mutated bundles per kind (cases / with a new diagnostic / with one in the mutated file / slowest check; codes):")
        var mustCases = 0, mustDiagnosed = 0, mayCases = 0, mayDiagnosed = 0
        for (kind, _) in Self.filePlan {
            let of = outcomes.filter { $0.kind == kind && $0.mutation != nil }
            guard !of.isEmpty else { continue }
            let diagnosed = of.filter { $0.fresh > 0 }.count
            let inFile = of.filter { $0.freshInFile > 0 }.count
            let slowest = of.map(\.seconds).max() ?? 0
            var codes: [String: Int] = [:]
            for o in of { for c in o.freshCodes { codes[c, default: 0] += 1 } }
            let common = codes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4).map { "\($0.key)×\($0.value)" }
            print("  \(kind.mustDiagnose ? "must" : "may ") \(kind.rawValue.padding(toLength: 26, withPad: " ", startingAt: 0)) \(of.count) / \(diagnosed) / \(inFile) / "
                  + String(format: "%.2f s; ", slowest) + common.joined(separator: " "))
            if kind.mustDiagnose { mustCases += of.count; mustDiagnosed += diagnosed } else { mayCases += of.count; mayDiagnosed += diagnosed }
        }
        if Self.onlyCase == nil {
            XCTAssertGreaterThanOrEqual(mustCases, 500, "at least 500 mutated bundles must be of a kind that always breaks the bundle")
        }
        let elapsed = Date().timeIntervalSince(started)
        print("RobustnessTests summary (files): seed \(Self.seedText), \(mustCases + mayCases) mutated bundles checked, no crash; "
              + "must-diagnose \(mustDiagnosed)/\(mustCases), may-be-valid \(mayDiagnosed)/\(mayCases) with new diagnostics; "
              + String(format: "%.1f s", elapsed))
    }

    // MARK: - Random condition strings

    func testRandomConditionStrings() throws {
        let started = Date()
        let base = try Self.seedBundle()
        let setup = try XCTUnwrap(ConditionBase(base), "no pathway in the seed bundle has an eligibility 'when:' to replace")
        let baseline = Checker.check(setup.files, today: Self.today)
        let bundle = baseline.bundle
        print("RobustnessTests: conditions go into \(setup.target) line \(setup.whenLine + 1), in a bundle of \(setup.files.files.count) files "
              + "(\(baseline.diagnostics.count) diagnostics before; typed questions \(setup.typedQuestionsInFlow ? "in" : "not in") the flow)")
        let vocabulary = ConditionVocabulary(bundle)
        let extremes = ConditionGenerator.extremeStrings(vocabulary)
        let targetDisplay = setup.files.displayPath(setup.target)

        var indices = Array(0..<Self.conditionCount)
        if let only = Self.onlyCase { indices = indices.filter { $0 == only } }
        let seed = Self.seed
        let run: @Sendable (Int) -> ConditionOutcome = { index in
            var rng = SplitMix64.stream(seed: seed, label: 2, index: index)
            let (text, mode) = ConditionGenerator.make(index, &rng, vocabulary, extremes: extremes)
            var o = ConditionOutcome(index: index, mode: mode, text: text)
            let label = "seed \(RobustnessTests.seedText) condition #\(index) (\(mode)): \(Show.text(text, limit: 200))"
            if RobustnessTests.trace { print(label) }
            InFlight.shared.begin(label)
            defer { InFlight.shared.end(label) }

            // 1. The parser: a condition, or an error whose offset lies within the text.
            let (parsed, error) = ConditionText.parse(text, at: SourceLocation(file: "condition", line: 1, column: 1))
            o.parsed = error == nil
            if let error {
                if error.offset < 0 || error.offset > text.count {
                    o.problems.append("error offset \(error.offset) is outside the text (\(text.count) characters): \(error.message)")
                }
                if parsed.parsed != nil { o.problems.append("an error and a parsed condition at once") }
                if error.message.isEmpty { o.problems.append("an error without a message") }
            } else if parsed.parsed == nil {
                o.problems.append("neither a parsed condition nor an error")
            }

            // 2. The checker, with the text as a pathway's eligibility condition.
            var files = setup.files
            files.files[setup.target] = setup.replacingCondition(with: text)
            let t0 = Date()
            let checked = Checker.check(files, today: RobustnessTests.today)
            o.seconds = Date().timeIntervalSince(t0)
            let syntax = checked.diagnostics.filter { $0.code == .conditionSyntax && $0.location.file == targetDisplay }
            // The loader keeps a scalar's text exactly as libyaml read it (a stray U+FEFF included).
            let loaded = checked.bundle.pathway(setup.pathwayID)?.eligibility.first?.condition.text
            let expected = text
            let expectedError = error
            if loaded != expected {
                o.problems.append("harness: the pathway's condition read back as \(loaded.map { Show.text($0, limit: 80) } ?? "nothing")")
            } else if let expectedError, syntax.isEmpty {
                o.problems.append("the parse failed (\(expectedError.message)) but the checker reported no condition-syntax error")
            } else if expectedError == nil && !syntax.isEmpty {
                o.problems.append("the parse succeeded but the checker reported: \(syntax[0].formatted)")
            }

            // 3. The evaluator, against a few answer maps; Kleene logic must hold.
            if let condition = parsed.parsed {
                let evaluator = ConditionEvaluator(bundle: bundle, today: nil)
                for answers in AnswerMaps.make(for: condition, vocabulary, &rng) {
                    let t = evaluator.evaluate(condition, answers.lookup)
                    let negated = evaluator.evaluate(.not(condition), answers.lookup)
                    let withTrue = evaluator.evaluate(.and([condition, .constant(true)]), answers.lookup)
                    let withFalse = evaluator.evaluate(.or([condition, .constant(false)]), answers.lookup)
                    if negated != !t || withTrue != t || withFalse != t {
                        o.problems.append("evaluator (\(answers.name)): c=\(t) not c=\(negated) c and true=\(withTrue) c or false=\(withFalse)")
                    }
                    o.evaluations += 1
                }
            }
            return o
        }
        let watchdog = InFlight.shared.startWatchdog()
        defer { watchdog.stop() }
        let outcomes = ParallelRunner.map(indices, run).sorted { $0.index < $1.index }

        var failures = 0
        for o in outcomes where !o.problems.isEmpty {
            failures += 1
            if failures <= 25 {
                XCTFail("""
                    seed \(Self.seedText) condition #\(o.index) (\(o.mode)) in \(setup.target):
                      \(o.problems.joined(separator: "\n  "))
                      text: \(Show.text(o.text, limit: 300)) (\(o.text.count) characters)
                    """)
            }
        }
        if failures > 25 { XCTFail("seed \(Self.seedText): \(failures - 25) more condition strings with problems") }
        let parsedCount = outcomes.filter(\.parsed).count
        print("RobustnessTests: condition strings per mode (cases / parsed / rejected with a diagnostic / slowest check):")
        for mode in ConditionGenerator.Mode.allCases {
            let of = outcomes.filter { $0.mode == mode }
            guard !of.isEmpty else { continue }
            let p = of.filter(\.parsed).count
            print("  \(mode.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(of.count) / \(p) / \(of.count - p) / \(String(format: "%.2f", of.map(\.seconds).max() ?? 0)) s")
        }
        for slow in outcomes.sorted(by: { $0.seconds > $1.seconds }).prefix(3) {
            print("  slow: condition #\(slow.index) \(String(format: "%.2f", slow.seconds)) s: \(Show.text(slow.text, limit: 80))")
        }
        print("RobustnessTests summary (conditions): seed \(Self.seedText), \(outcomes.count) condition strings, \(parsedCount) parsed, "
              + "\(outcomes.count - parsedCount) rejected, \(outcomes.map(\.evaluations).reduce(0, +)) evaluations, "
              + "\(failures) failures, no crash; " + String(format: "%.1f s", Date().timeIntervalSince(started)))
    }

    // MARK: - Known engine failures, reduced to minimal inputs

    /// A date in year 9999 crashed the checker: `Day.adding(days:)` went through `Day(ordinal:)`, which
    /// force-unwrapped `Day(year: y + 1, month: 1, day: 1)` while looking for the year, and year 10000 is nil.
    /// `Satisfiability.domain` adds ±1 day to every date literal of a date question, so the condition
    /// `arrived_on > 9999-12-30` on a flow branch was enough. Found by this test; fixed in da3c7cf.
    func testRegression_dateInYear9999() throws {
        XCTAssertEqual(Day("9999-12-30")!.adding(days: 1), Day("9999-12-31"))
        XCTAssertEqual(Day("9999-06-02")!.adding(days: -1), Day("9999-06-01"))
        for condition in ["arrived_on > 9999-12-30", "arrived_on = 9999-12-31", "arrived_on <= 0001-01-01", "arrived_on > 2025-12-30"] {
            let checked = Checker.check(Self.minimalBundle(flowCondition: condition), today: Self.today)
            XCTAssertFalse(checked.hasErrors, condition + ": " + checked.diagnostics.map(\.formatted).joined(separator: "\n"))
        }
    }

    /// `GlossaryMarkup.pieces` was quadratic: for every unclosed `[[` it scanned to the end for `]]`
    /// (32,000 `[` took ~130 s). It now remembers that no `]]` follows.
    func testRegression_glossaryMarkupUnclosedBrackets() throws {
        let text = String(repeating: "[", count: 200_000)
        var files = Self.minimalBundle(flowCondition: "arrived_on > 2025-12-30")
        files.files["questions.yaml"] = Array("questions:\n  - id: arrived_on\n    kind: date\n    prompt: \"\(text)\"\n".utf8)
        let checked = Checker.check(files, today: Self.today)
        XCTAssertFalse(checked.hasErrors, checked.diagnostics.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(GlossaryMarkup.pieces(text).count, 1)
    }

    /// A mapping key that is an alias of a nested anchor was hashed fully expanded by Yams' duplicate-key
    /// check, so a 500-byte file took hours. The loader now refuses the first anchor or alias it meets.
    func testRegression_aliasExpansionInMappingKey() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<9 {
            yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "? *a8\n: x\n"
        var files = Self.minimalBundle(flowCondition: "arrived_on > 2025-12-30")
        files.files["glossary.yaml"] = Array(yaml.utf8)
        let checked = Checker.check(files, today: Self.today)
        XCTAssertTrue(checked.diagnostics.contains { $0.location.file == files.displayPath("glossary.yaml") })
    }

    /// A small valid bundle with one date question whose flow branch tests `flowCondition`.
    static func minimalBundle(flowCondition: String) -> ContentFiles {
        let files: [String: String] = [
            "bundle.yaml": """
                id: regression
                title: Regression
                version: 1.0.0
                locales: [en]
                default_locale: en
                reviewed_on: 2026-11-20
                review_interval_days: 180

                """,
            "questions.yaml": """
                questions:
                  - id: arrived_on
                    kind: date
                    prompt: When did the person arrive?

                """,
            "flow.yaml": """
                start: arrived_on
                nodes:
                  arrived_on:
                    next:
                      - if: "\(flowCondition)"
                        go: later
                      - go: done

                """,
            "outcomes.yaml": """
                outcomes:
                  - id: later
                    title: Later
                  - id: done
                    title: Done

                """,
        ]
        return ContentFiles(files: files.mapValues { Array($0.utf8) }, displayRoot: "regression")
    }
}

// MARK: - Seeded random numbers

/// SplitMix64: small, fast, and the same on every platform and Swift version (it does not go through the
/// standard library's `random(in:using:)`), so a case replays from its seed and index.
extension SplitMix64 {
    /// An independent generator for one case of one test.
    static func stream(seed: UInt64, label: UInt64, index: Int) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (label &* 0xD1B5_4A32_D192_ED03) ^ (UInt64(truncatingIfNeeded: index) &* 0xA24B_AED4_963E_E407))
        return SplitMix64(seed: mixer.next())
    }

    /// 0..<n.
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
    mutating func letters(_ count: Int) -> String {
        String((0..<count).map { _ in Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(below(26)))) })
    }
}

// MARK: - Mutations

enum MutationKind: String, CaseIterable, Sendable {
    // The file, or the bundle, is broken whatever the random choices: a diagnostic is required.
    case garbageBytes, invalidUTF8, truncateMidUTF8, nulByte, emptyOrComments, wrongShape, extremeShape
    case deleteRequiredKey, truncateAfterRequiredKey, misspellKey, corruptReference, scalarToCollection
    case duplicateKey, duplicateItem
    // These may leave a valid bundle (a comment line moved, a word of a prompt changed...): no crash is required.
    case truncateRandom, deleteLine, duplicateLine, swapLines, byteFlip, insertYAMLSyntax, reindent, editProse

    var mustDiagnose: Bool {
        switch self {
        case .truncateRandom, .deleteLine, .duplicateLine, .swapLines, .byteFlip, .insertYAMLSyntax, .reindent, .editProse:
            return false
        default:
            return true
        }
    }
}

struct FileMutation: Sendable {
    var path: String
    var bytes: [UInt8]
    var detail: String
    var excerpt: String
}

struct FileOutcome: Sendable {
    var index: Int
    var kind: MutationKind
    var mutation: FileMutation?
    var total = 0
    var fresh = 0
    var freshInFile = 0
    var freshCodes: Set<String> = []
    var seconds = 0.0

    init(index: Int, kind: MutationKind, mutation: FileMutation?) {
        self.index = index
        self.kind = kind
        self.mutation = mutation
    }
}

/// Diagnostics of the seed bundle, counted by file, code and message (not line: a mutation shifts lines).
struct DiagnosticTally: Sendable {
    var counts: [String: Int] = [:]

    init(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { counts[Self.key(d), default: 0] += 1 }
    }

    static func key(_ d: Diagnostic) -> String { "\(d.location.file)|\(d.code.rawValue)|\(d.message)" }

    /// The diagnostics beyond those the seed bundle already had.
    func fresh(in diagnostics: [Diagnostic]) -> [Diagnostic] {
        var left = counts
        return diagnostics.filter { d in
            let k = Self.key(d)
            if let n = left[k], n > 0 { left[k] = n - 1; return false }
            return true
        }
    }
}

/// Makes one mutated file of the bundle.
enum Mutations {
    typealias Role = BundleLoader.FileRole

    /// Mutates one file of `base`; `checked` holds the other files the bundle will be checked with.
    static func make(_ kind: MutationKind, _ rng: inout SplitMix64, base: ContentFiles, checked: ContentFiles, ordinal: Int) -> FileMutation? {
        let paths = base.files.keys.filter { BundleLoader.role(of: $0) != nil }.sorted()
        guard !paths.isEmpty else { return nil }
        if kind == .extremeShape {
            let shapes = ExtremeShapes.all
            let shape = shapes[ordinal % shapes.count]
            let path = rng.pick(paths)
            let bytes = shape.make()
            return FileMutation(path: path, bytes: bytes, detail: "replaced by \(shape.name)", excerpt: Show.bytes(bytes, around: 0))
        }
        // Try random files until one has something this kind can mutate; then, so that a bundle with many
        // files of one kind (scenarios) cannot leave a case with nothing, every file in turn.
        for i in 0..<(60 + paths.count) {
            let path = i < 60 ? rng.pick(paths) : paths[i - 60]
            let bytes = base.files[path]!
            let role = BundleLoader.role(of: path)!
            if let (out, detail, focus) = apply(kind, &rng, bytes: bytes, path: path, role: role, checked: checked), out != bytes {
                return FileMutation(path: path, bytes: out, detail: detail, excerpt: Show.bytes(out, around: focus))
            }
        }
        return nil
    }

    typealias Output = (bytes: [UInt8], detail: String, focus: Int)

    static func apply(_ kind: MutationKind, _ rng: inout SplitMix64, bytes: [UInt8], path: String, role: Role,
                      checked: ContentFiles) -> Output? {
        switch kind {
        case .garbageBytes: return garbage(&rng)
        case .invalidUTF8: return invalidUTF8(&rng, bytes)
        case .truncateMidUTF8: return truncateMidUTF8(&rng, bytes)
        case .nulByte:
            let at = rng.int(0...bytes.count)
            return (Array(bytes[..<at]) + [0] + Array(bytes[at...]), "a NUL byte inserted at byte \(at)", at)
        case .emptyOrComments:
            let texts = ["", "\n", "   \n\n\t\n", "# only a comment\n", "# one\n\n  # two\n# three", "---\n", "---\n...\n",
                         "--- # a comment\n", "\u{FEFF}", "\r\n\r\n", "\n# the rest was deleted\n"]
            let text = rng.pick(texts)
            return (Array(text.utf8), "replaced by \(Show.text(text, limit: 40))", 0)
        case .wrongShape: return wrongShape(&rng, bytes: bytes, path: path, role: role, checked: checked)
        case .extremeShape: return nil
        case .truncateRandom:
            guard !bytes.isEmpty else { return nil }
            let at = rng.below(bytes.count)
            return (Array(bytes[..<at]), "truncated at byte \(at) of \(bytes.count)", max(0, at - 1))
        case .byteFlip:
            guard !bytes.isEmpty else { return nil }
            var out = bytes
            var at: [Int] = []
            for _ in 0..<rng.int(1...4) {
                let i = rng.below(out.count)
                out[i] ^= UInt8(rng.int(1...255))
                at.append(i)
            }
            return (out, "bytes flipped at \(at)", at[0])
        default:
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            let y = YAMLLines(text)
            guard let (lines, detail, focusLine) = lineMutation(kind, &rng, y, role: role) else { return nil }
            let out = Array(lines.text.utf8)
            return (out, detail, lines.byteOffset(ofLine: max(0, min(focusLine, lines.lines.count - 1))))
        }
    }

    // MARK: Byte-level

    static func garbage(_ rng: inout SplitMix64) -> Output {
        let length = rng.pick([1, 2, 16, 300, 4096, rng.int(1...2000)])
        var out = (0..<length).map { _ in rng.byte() }
        out[rng.below(length)] = 0xFF  // never valid in UTF-8
        return (out, "\(length) random bytes", 0)
    }

    static let invalidSequences: [[UInt8]] = [
        [0xFF], [0xFE], [0xC3], [0x80], [0xBF, 0xBF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ]

    static func invalidUTF8(_ rng: inout SplitMix64, _ bytes: [UInt8]) -> Output? {
        for _ in 0..<10 {
            let seq = rng.pick(invalidSequences)
            let at = rng.int(0...bytes.count)
            let out = Array(bytes[..<at]) + seq + Array(bytes[at...])
            if String(validating: out, as: UTF8.self) == nil {
                return (out, "invalid UTF-8 \(seq.map { Show.hex($0) }.joined(separator: " ")) inserted at byte \(at)", at)
            }
        }
        return nil
    }

    static func truncateMidUTF8(_ rng: inout SplitMix64, _ bytes: [UInt8]) -> Output? {
        let cuts = bytes.indices.filter { bytes[$0] & 0xC0 == 0x80 }
        guard !cuts.isEmpty else { return nil }
        let at = rng.pick(cuts)
        let out = Array(bytes[..<at])
        guard String(validating: out, as: UTF8.self) == nil else { return nil }
        return (out, "truncated at byte \(at), inside a UTF-8 sequence", max(0, at - 1))
    }

    // MARK: Whole-file shapes

    static let scalars = ["x", "42", "-3.5", "true", "null", "~", "\"quoted\"", "'single'", "2025-02-04", "yes", "''", "[]", "{}"]

    static func flowValue(_ rng: inout SplitMix64, depth: Int) -> String {
        if depth == 0 || rng.chance(35) { return rng.chance(30) ? rng.letters(rng.int(1...8)) : rng.pick(scalars) }
        let n = rng.int(0...4)
        if rng.chance(50) {
            return "[" + (0..<n).map { _ in flowValue(&rng, depth: depth - 1) }.joined(separator: ", ") + "]"
        }
        return "{" + (0..<n).map { _ in "k_\(rng.letters(3)): " + flowValue(&rng, depth: depth - 1) }.joined(separator: ", ") + "}"
    }

    static func wrongShape(_ rng: inout SplitMix64, bytes: [UInt8], path: String, role: Role, checked: ContentFiles) -> Output? {
        let text: String
        let what: String
        switch rng.below(9) {
        case 0:
            text = rng.pick(scalars + [rng.letters(12), "\"multi\n  line\"", "|\n  a block\n"])
            what = "a scalar document"
        case 1:
            text = flowValue(&rng, depth: 3).replacingOccurrences(of: "{", with: "[").replacingOccurrences(of: "}", with: "]") + "\n"
            what = "a flow list"
        case 2:
            text = (0..<rng.int(1...5)).map { _ in rng.chance(50) ? "- " + flowValue(&rng, depth: 2) : "- k_\(rng.letters(2)): 1\n  k_\(rng.letters(3)): x" }
                .joined(separator: "\n") + "\n"
            what = "a block list"
        case 3:
            text = (0..<rng.int(1...6)).map { _ in "k_\(rng.letters(4)): " + flowValue(&rng, depth: 3) }.joined(separator: "\n") + "\n"
            what = "a mapping of unknown keys"
        case 4:
            let first = YAMLLines(String(decoding: bytes, as: UTF8.self)).lines.first { $0.isKey && $0.indent == 0 }?.key ?? "id"
            text = "\(first): " + rng.pick(["42", "{k_a: 1}", "true", "[[], {}]", "\"\"", "!!binary aGVsbG8="]) + "\n"
            what = "only its first key, with a wrong value"
        case 5:
            // Another file of the checked bundle: its items then appear twice, or in the wrong kind of file.
            let others = checked.files.keys.filter { $0 != path && BundleLoader.role(of: $0) != nil }.sorted()
            guard !others.isEmpty else { return nil }
            let other = rng.pick(others)
            guard checked.files[other]! != bytes else { return nil }
            return (checked.files[other]!, "replaced by the content of \(other)", 0)
        case 6:
            text = rng.pick(["---\nk_a: 1\n---\nk_b: 2\n", "--- [a]\n--- [b]\n", "%YAML 1.2\n---\nk_a: 1\n", "%TAG ! tag:x,2000:\n--- !a 1\n"])
            what = "several documents or directives"
        case 7:
            text = rng.pick(["&a [*a]\n", "*undefined\n", "k_a: &x 1\nk_b: *y\n", "!!map {k_a: 1}\n", "!!seq [a]\n", "!custom x\n",
                             "!!int abc\n", "? [k]\n: v\n", "? {k: v}\n: v\n", "<<: {k_a: 1}\n", "k_a: !!float x\n"])
            what = "tags, anchors and aliases"
        default:
            text = "k_\(rng.letters(3)):\n" + (0..<rng.int(1...4)).map { i in
                String(repeating: "  ", count: i + 1) + "k_\(rng.letters(2)): " + flowValue(&rng, depth: 1)
            }.joined(separator: "\n") + "\n"
            what = "nested block mappings of unknown keys"
        }
        return (Array(text.utf8), "replaced by \(what): \(Show.text(text, limit: 60))", 0)
    }

    // MARK: Line-level

    typealias LineOutput = (lines: YAMLLines, detail: String, focusLine: Int)

    static let schemaKeys: Set<String> = [
        "id", "title", "version", "locales", "default_locale", "reviewed_on", "review_interval_days", "disclaimer",
        "start", "sections", "questions", "nodes", "next", "if", "go", "kind", "prompt", "help", "sensitive", "ask_when",
        "options", "label", "unsure", "min", "max", "integer", "unit", "outcomes", "urgent", "message", "show_first",
        "continue_to", "summary", "eligibility", "when", "met", "not_met", "cautions", "text", "verify", "sources", "steps",
        "documents", "fees", "duration", "referrals", "name", "description", "phone", "text_number", "url", "citation",
        "date", "terms", "term", "definition", "persona", "answers", "expect", "outcome", "recommended", "possible",
        "not_applicable", "unanswered", "notes",
    ]
    static let referenceListKeys: Set<String> = ["questions", "show_first", "referrals", "sources", "recommended", "possible",
                                                 "not_applicable", "unanswered"]
    static let conditionKeys: Set<String> = ["when", "if", "ask_when"]
    static let listValuedKeys: Set<String> = referenceListKeys.union(["locales", "sections", "options", "eligibility", "cautions",
                                                                     "steps", "documents", "fees", "duration", "terms", "outcomes"])

    /// Whether the loader requires `key` here (a missing one is always reported).
    static func isRequired(_ key: String, parent: String?, grandparent: String?, role: Role) -> Bool {
        switch role {
        case .bundle:
            return parent == nil && ["id", "title", "version", "locales", "default_locale", "reviewed_on"].contains(key)
        case .flow:
            if parent == nil { return key == "start" || key == "nodes" }
            if parent == "sections" { return key == "id" || key == "title" }
            if parent == "next" { return key == "go" }
            return key == "next" && grandparent == "nodes"
        case .questions:
            if parent == nil { return key == "questions" }
            if parent == "questions" { return ["id", "kind", "prompt"].contains(key) }
            return parent == "options" && (key == "id" || key == "label")
        case .outcomes:
            return parent == nil ? key == "outcomes" : parent == "outcomes" && (key == "id" || key == "title")
        case .pathway:
            if parent == nil { return key == "id" || key == "title" }
            if parent == "eligibility" { return key == "when" }
            return key == "text" && ["cautions", "steps", "documents", "fees", "duration"].contains(parent ?? "")
        case .referrals:
            return parent == nil ? key == "referrals" : parent == "referrals" && (key == "id" || key == "name")
        case .sources:
            return parent == nil ? key == "sources" : parent == "sources" && ["id", "title", "date"].contains(key)
        case .glossary:
            return parent == nil ? key == "terms" : parent == "terms" && ["id", "term", "definition"].contains(key)
        case .scenario:
            return parent == nil && ["id", "title", "answers", "expect"].contains(key)
        case .training:
            return parent == nil && ["id", "title", "persona", "answers", "expect", "learning_goals", "learning_points"].contains(key)
        case .translations:
            return false
        }
    }

    static func requiredKeyLines(_ y: YAMLLines, role: Role) -> [Int] {
        y.lines.indices.filter { i in
            guard y.lines[i].isKey, let key = y.lines[i].key else { return false }
            return isRequired(key, parent: y.parentKey(i), grandparent: y.parent(i).flatMap { y.parentKey($0) }, role: role)
        }
    }

    static func randomID(_ rng: inout SplitMix64) -> String { "zq" + rng.letters(6) }

    static func misspell(_ key: String, _ rng: inout SplitMix64) -> String {
        for _ in 0..<20 {
            var c = Array(key)
            let i = rng.below(c.count)
            switch rng.below(5) {
            case 0 where c.count > 1 && i + 1 < c.count: c.swapAt(i, i + 1)
            case 1 where c.count > 1: c.remove(at: i)
            case 2: c.insert(c[i], at: i)
            case 3: c[i] = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(rng.below(26))))
            default: c.append(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(rng.below(26)))))
            }
            let s = String(c)
            if s != key, !schemaKeys.contains(s), let first = s.first, first.isLetter || first == "_" { return s }
        }
        return key + "x"
    }

    static func lineMutation(_ kind: MutationKind, _ rng: inout SplitMix64, _ y: YAMLLines, role: Role) -> LineOutput? {
        var y = y
        let n = y.lines.count
        switch kind {
        case .deleteRequiredKey:
            let candidates = requiredKeyLines(y, role: role)
            guard !candidates.isEmpty else { return nil }
            let i = rng.pick(candidates)
            let line = y.lines[i]
            let end = y.valueEnd(i)
            if line.dash {
                y.lines[i].text = String(repeating: " ", count: line.indent) + "-"
                y.lines.removeSubrange((i + 1)..<end)
            } else {
                y.lines.removeSubrange(i..<end)
            }
            return (y, "deleted the required key '\(line.key!)' (line \(i + 1)) and its value", i)

        case .truncateAfterRequiredKey:
            let candidates = requiredKeyLines(y, role: role)
            guard !candidates.isEmpty else { return nil }
            let i = rng.pick(candidates)
            let line = y.lines[i]
            let cut = Array(line.text.utf8).prefix(line.keyColumn + line.key!.utf8.count + 1)
            y.lines[i].text = String(decoding: cut, as: UTF8.self)
            y.lines.removeSubrange((i + 1)...)
            return (y, "truncated right after '\(line.key!):' on line \(i + 1)", i)

        case .misspellKey:
            let candidates = y.lines.indices.filter { i in
                guard y.lines[i].isKey, let key = y.lines[i].key, schemaKeys.contains(key) else { return false }
                return !["answers", "notes", "nodes"].contains(y.parentKey(i) ?? "")
            }
            guard !candidates.isEmpty else { return nil }
            let i = rng.pick(candidates)
            let key = y.lines[i].key!
            let wrong = misspell(key, &rng)
            y.replace(line: i, range: y.lines[i].keyRange, with: wrong)
            return (y, "renamed the key '\(key)' to '\(wrong)' on line \(i + 1)", i)

        case .corruptReference:
            let spots = referenceSpots(y, role: role)
            guard !spots.isEmpty else { return nil }
            let spot = rng.pick(spots)
            let old = String(decoding: Array(y.lines[spot.line].text.utf8)[spot.range], as: UTF8.self)
            let new = randomID(&rng)
            y.replace(line: spot.line, range: spot.range, with: new)
            return (y, "replaced the \(spot.what) '\(old)' with '\(new)' on line \(spot.line + 1)", spot.line)

        case .scalarToCollection:
            let candidates = y.lines.indices.filter { i in
                let l = y.lines[i]
                guard l.isKey, let first = l.value.first else { return false }
                return !"[{>|&*!#".contains(first)
            }
            guard !candidates.isEmpty else { return nil }
            let i = rng.pick(candidates)
            let line = y.lines[i]
            // An empty list or mapping can be valid where a list is expected (or for a multiple-choice answer).
            let listLike = listValuedKeys.contains(line.key!) || ["answers", "notes"].contains(y.parentKey(i) ?? "")
            let replacement = listLike ? "{x_1: zq}"
                : rng.pick(["[zq, zr]", "{x_1: zq}", "[]", "{}", "\n" + String(repeating: " ", count: line.keyColumn + 2) + "- zq"])
            y.replace(line: i, range: line.valueRange, with: replacement)
            return (y, "replaced the value of '\(line.key!)' (\(Show.text(line.value, limit: 30))) with \(Show.text(replacement, limit: 30)) on line \(i + 1)", i)

        case .duplicateKey:
            let candidates = y.lines.indices.filter { i in
                y.lines[i].isKey && !y.lines[i].value.isEmpty && !">|".contains(y.lines[i].value.first!) && y.valueEnd(i) == i + 1
            }
            guard !candidates.isEmpty else { return nil }
            let i = rng.pick(candidates)
            let line = y.lines[i]
            let copy = String(repeating: " ", count: line.keyColumn) + line.key! + ": " + rng.pick([line.value, "zq"])
            y.lines.insert(YAMLLine(copy), at: i + 1)
            y.analyse()
            return (y, "the key '\(line.key!)' of line \(i + 1) written twice", i + 1)

        case .duplicateItem:
            let owners: Set<String> = ["questions", "outcomes", "referrals", "sources", "terms", "sections", "options"]
            let candidates = y.lines.indices.filter { i in
                y.lines[i].isKey && y.lines[i].dash && y.lines[i].key == "id" && owners.contains(y.parentKey(i) ?? "")
            }
            guard !candidates.isEmpty else { return nil }
            let i = rng.pick(candidates)
            let end = y.itemEnd(i)
            let copy = Array(y.lines[i..<end])
            y.lines.insert(contentsOf: copy, at: end)
            y.analyse()
            return (y, "the item with '\(y.lines[i].value)' (lines \(i + 1)–\(end)) written twice", end)

        case .deleteLine:
            guard n > 1 else { return nil }
            let i = rng.below(n)
            let old = y.lines.remove(at: i)
            return (y, "deleted line \(i + 1): \(Show.text(old.text, limit: 50))", max(0, i - 1))

        case .duplicateLine:
            let i = rng.below(n)
            y.lines.insert(y.lines[i], at: i)
            return (y, "duplicated line \(i + 1): \(Show.text(y.lines[i].text, limit: 50))", i)

        case .swapLines:
            guard n > 2 else { return nil }
            let comments = y.lines.indices.filter { y.lines[$0].comment }
            var a = rng.below(n), b = rng.chance(50) ? min(n - 1, a + 1) : rng.below(n)
            if comments.count >= 2 && rng.chance(25) { a = rng.pick(comments); b = rng.pick(comments) }
            guard a != b else { return nil }
            y.lines.swapAt(a, b)
            return (y, "swapped lines \(a + 1) and \(b + 1)", min(a, b))

        case .insertYAMLSyntax:
            let tokens = [":", ": ", "- ", "[", "]", "{", "}", "&anchor ", "*alias ", "!!tag ", "!!int ", "!!binary ", "\t", "\0",
                          "#", "|", ">", "'", "\"", "%", "@", "`", "? ", ",", "*", "&", "!", "\n- ", "\n  ", ": {", "<<: *a", "\\"]
            let i = rng.below(n)
            let chars = Array(y.lines[i].text)
            let at = rng.int(0...chars.count)
            let token = rng.pick(tokens)
            y.lines[i].text = String(chars[..<at]) + token + String(chars[at...])
            return (y, "inserted \(Show.text(token, limit: 10)) at line \(i + 1) column \(at + 1)", i)

        case .reindent:
            let candidates = y.lines.indices.filter { !y.lines[$0].blank }
            guard !candidates.isEmpty else { return nil }
            let i = rng.pick(candidates)
            let end = rng.chance(50) && y.lines[i].isKey ? y.valueEnd(i) : i + 1
            let shift = rng.pick([-4, -2, -1, 1, 2, 3, 4, 0])
            for j in i..<end where !y.lines[j].blank {
                let t = y.lines[j].text
                let indent = y.lines[j].indent
                if shift == 0 {
                    y.lines[j].text = "\t" + String(t.dropFirst(min(indent, 2)))
                } else if shift < 0 {
                    y.lines[j].text = String(t.dropFirst(min(indent, -shift)))
                } else {
                    y.lines[j].text = String(repeating: " ", count: shift) + t
                }
            }
            return (y, "indentation of lines \(i + 1)–\(end) changed by \(shift == 0 ? "a tab" : String(shift))", i)

        case .editProse:
            let candidates = y.lines.indices.filter { i in
                let l = y.lines[i]
                return (l.prose && !l.blank) || (l.isKey && (l.key == "en" || l.key == "fr") && !l.value.isEmpty)
            }
            guard !candidates.isEmpty else { return nil }
            let i = rng.pick(candidates)
            let words = YAMLLines.tokenRanges(Array(y.lines[i].text.utf8), from: y.lines[i].isKey ? y.lines[i].valueStart : 0)
                .filter { $0.count >= 3 }
            guard !words.isEmpty else { return nil }
            y.replace(line: i, range: rng.pick(words), with: rng.pick(["lorem", "ipsum", "placeholder", "changed"]))
            return (y, "changed a word of the text on line \(i + 1)", i)

        default:
            return nil
        }
    }

    /// Places that name another item: flow targets, id lists, condition words, glossary marks, answer keys.
    static func referenceSpots(_ y: YAMLLines, role: Role) -> [(line: Int, range: Range<Int>, what: String)] {
        var spots: [(Int, Range<Int>, String)] = []
        for (i, l) in y.lines.enumerated() {
            let u = Array(l.text.utf8)
            // Glossary marks, in any text the checker reads as text (sources hold titles and citations, not text).
            var j = role == .sources ? u.count : 0
            while j + 2 < u.count {
                if u[j] == UInt8(ascii: "["), u[j + 1] == UInt8(ascii: "[") {
                    var k = j + 2
                    while k < u.count, YAMLLines.isIDByte(u[k]) { k += 1 }
                    if k > j + 2, k < u.count, u[k] == UInt8(ascii: "]") || u[k] == UInt8(ascii: "|") {
                        spots.append((i, (j + 2)..<k, "glossary term"))
                    }
                    j = k
                } else {
                    j += 1
                }
            }
            guard l.structural else { continue }
            let parent = y.parentKey(i)
            if let key = l.key {
                let tokens = YAMLLines.tokenRanges(u, from: l.valueStart)
                if ["start", "go", "continue_to", "next"].contains(key) || (key == "outcome" && parent == "expect") {
                    if let first = tokens.first, !l.value.hasPrefix("["), !l.value.hasPrefix("{") { spots.append((i, first, "'\(key)' target")) }
                } else if referenceListKeys.contains(key), l.value.hasPrefix("["),
                          key != "questions" || parent == "sections", key != "referrals" || role == .pathway {
                    spots += tokens.map { (i, $0, "id in '\(key)'") }
                } else if conditionKeys.contains(key) {
                    let outside = YAMLLines.outsideQuotedText(u, from: l.valueStart)
                    spots += tokens.filter { r in
                        guard outside.contains(r.lowerBound) else { return false }
                        let word = String(decoding: u[r], as: UTF8.self)
                        return !ConditionParser.keywords.contains(word) && !(word.first?.isNumber ?? true)
                    }.map { (i, $0, "word of the condition") }
                }
                if (role == .scenario && (parent == "answers" || parent == "notes")) || (role == .flow && parent == "nodes") {
                    spots.append((i, l.keyRange, "question id '\(key)' as a key under '\(parent!)'"))
                }
            } else if l.dash, let parent, referenceListKeys.contains(parent), parent != "questions" || role == .flow {
                if let first = YAMLLines.tokenRanges(u, from: l.indent + 2).first { spots.append((i, first, "id in '\(parent)'")) }
            }
        }
        return spots
    }
}

// MARK: - Extreme shapes

struct ExtremeShape: Sendable {
    var name: String
    var make: @Sendable () -> [UInt8]
}

enum ExtremeShapes {
    static let all: [ExtremeShape] = [
        ExtremeShape(name: "10,000 nested flow lists [[[...]]]") {
            Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)
        },
        ExtremeShape(name: "10,000 unclosed '['") { Array(String(repeating: "[", count: 10_000).utf8) },
        ExtremeShape(name: "10,000 nested block lists '- - - ... x'") { Array((String(repeating: "- ", count: 10_000) + "x\n").utf8) },
        ExtremeShape(name: "10,000 nested flow mappings {a: {a: ...}}") {
            Array((String(repeating: "{a: ", count: 10_000) + "b" + String(repeating: "}", count: 10_000)).utf8)
        },
        ExtremeShape(name: "1,500 nested indented block lists") {
            Array((0..<1_500).map { String(repeating: " ", count: $0) + "-" }.joined(separator: "\n").utf8) + Array(" x\n".utf8)
        },
        ExtremeShape(name: "1,500 nested block mappings") {
            Array((0..<1_500).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n").utf8) + Array(" x\n".utf8)
        },
        ExtremeShape(name: "a single line of 1,000,000 letters") { Array(repeating: UInt8(ascii: "a"), count: 1_000_000) },
        ExtremeShape(name: "id: followed by 1,000,000 letters") { Array("id: ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 1_000_000) + [10] },
        ExtremeShape(name: "100,000 lines '- x'") { Array(String(repeating: "- x\n", count: 100_000).utf8) },
        ExtremeShape(name: "10,000 unknown keys") { Array((0..<10_000).map { "k\($0): v" }.joined(separator: "\n").utf8) },
        ExtremeShape(name: "10,000 aliases of one anchor") {
            Array(("a: &a [x, y]\nb: [" + Array(repeating: "*a", count: 10_000).joined(separator: ", ") + "]\n").utf8)
        },
        ExtremeShape(name: "a line of 50,000 ': - '") { Array(String(repeating: ": - ", count: 50_000).utf8) },
        ExtremeShape(name: "200 KB of random printable ASCII") {
            var rng = SplitMix64(seed: 7)
            return (0..<200_000).map { _ in UInt8(32 + rng.below(95)) }
        },
        ExtremeShape(name: "a mapping of 20,000 duplicate keys") { Array(String(repeating: "id: x\n", count: 20_000).utf8) },
    ]
}

// MARK: - A YAML file as lines

struct YAMLLine {
    var text: String
    var indent = 0
    var dash = false
    var key: String?
    var keyColumn = 0
    var valueStart = 0
    var value = ""
    var blank = false
    var comment = false
    /// Text inside a block scalar, or a continuation line of a multi-line scalar.
    var prose = false
    var parent: Int?

    init(_ text: String) { self.text = text }

    var structural: Bool { !blank && !comment && !prose }
    var isKey: Bool { structural && key != nil }
    var keyRange: Range<Int> { keyColumn..<(keyColumn + (key?.utf8.count ?? 0)) }
    var valueRange: Range<Int> { valueStart..<text.utf8.count }

    /// Reads indentation, `- `, `key:` and the inline value (ASCII only: keys and indentation are ASCII).
    mutating func analyse() {
        let u = Array(text.utf8)
        var i = 0
        while i < u.count, u[i] == 0x20 { i += 1 }
        indent = i
        dash = false; key = nil; keyColumn = i; valueStart = u.count; value = ""
        blank = u[i...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        comment = !blank && u[i] == UInt8(ascii: "#")
        prose = false
        parent = nil
        guard !blank, !comment else { return }
        if u[i] == UInt8(ascii: "-"), i + 1 == u.count || u[i + 1] == 0x20 {
            dash = true
            i += 1
            while i < u.count, u[i] == 0x20 { i += 1 }
        }
        keyColumn = i
        guard i < u.count, YAMLLines.isLetter(u[i]) || u[i] == UInt8(ascii: "_") else { return }
        var k = i
        while k < u.count, YAMLLines.isIDByte(u[k]) { k += 1 }
        guard k < u.count, u[k] == UInt8(ascii: ":"), k + 1 == u.count || u[k + 1] == 0x20 else { return }
        key = String(decoding: u[i..<k], as: UTF8.self)
        var v = k + 1
        while v < u.count, u[v] == 0x20 { v += 1 }
        valueStart = v
        value = String(decoding: u[v...], as: UTF8.self)
    }
}

struct YAMLLines {
    var lines: [YAMLLine]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { YAMLLine(String($0)) }
        analyse()
    }

    var text: String { lines.map(\.text).joined(separator: "\n") }

    /// Classifies every line and finds each structural line's parent key line.
    mutating func analyse() {
        for i in lines.indices { lines[i].analyse() }
        var blockColumn: Int?
        for i in lines.indices {
            if let b = blockColumn {
                if lines[i].blank || lines[i].indent > b { lines[i].prose = true; continue }
                blockColumn = nil
            }
            let l = lines[i]
            if l.blank || l.comment { continue }
            if l.key != nil {
                if l.value.hasPrefix(">") || l.value.hasPrefix("|") { blockColumn = l.keyColumn }
                continue
            }
            if !l.dash { lines[i].prose = true }
        }
        var stack: [Int] = []
        for i in lines.indices where lines[i].structural {
            while let top = stack.last, lines[top].keyColumn >= lines[i].indent { stack.removeLast() }
            lines[i].parent = stack.last
            if lines[i].key != nil { stack.append(i) }
        }
    }

    func parent(_ i: Int) -> Int? { lines[i].parent }
    func parentKey(_ i: Int) -> String? { lines[i].parent.flatMap { lines[$0].key } }

    /// The end (exclusive) of a key's value: the lines below it that are more indented, or blank, or prose
    /// (and a list written at the key's own indentation).
    func valueEnd(_ i: Int) -> Int {
        let column = lines[i].keyColumn
        var j = i + 1
        while j < lines.count {
            let l = lines[j]
            if l.blank || l.prose || l.indent > column || (l.comment && l.indent > column) || (!lines[i].dash && l.dash && l.indent == column) {
                j += 1
            } else {
                break
            }
        }
        while j > i + 1, lines[j - 1].blank { j -= 1 }
        return j
    }

    /// The end (exclusive) of the list item that starts at line `i`.
    func itemEnd(_ i: Int) -> Int {
        var j = i + 1
        while j < lines.count, lines[j].blank || lines[j].prose || lines[j].indent > lines[i].indent { j += 1 }
        while j > i + 1, lines[j - 1].blank { j -= 1 }
        return j
    }

    func byteOffset(ofLine i: Int) -> Int {
        lines[..<i].reduce(0) { $0 + $1.text.utf8.count + 1 }
    }

    mutating func replace(line i: Int, range: Range<Int>, with new: String) {
        let u = Array(lines[i].text.utf8)
        lines[i].text = String(decoding: u[..<range.lowerBound], as: UTF8.self) + new + String(decoding: u[range.upperBound...], as: UTF8.self)
        analyse()
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    static func isIDByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    /// Offsets of a condition value that are outside text quoted inside the condition (the value's own YAML
    /// quotes, at its ends, do not count).
    static func outsideQuotedText(_ u: [UInt8], from start: Int) -> Set<Int> {
        var lo = start, hi = u.count
        while hi > lo, u[hi - 1] == 0x20 { hi -= 1 }
        if hi - lo >= 2, u[lo] == u[hi - 1], u[lo] == UInt8(ascii: "\"") || u[lo] == UInt8(ascii: "'") { lo += 1; hi -= 1 }
        var out = Set<Int>()
        var quote: UInt8?
        for i in lo..<hi {
            if let q = quote {
                if u[i] == q { quote = nil }
            } else if u[i] == UInt8(ascii: "\"") || u[i] == UInt8(ascii: "'") {
                quote = u[i]
            } else {
                out.insert(i)
            }
        }
        return out
    }

    /// Runs of id characters (letters, digits, '_', '-') starting with a letter, digit or '_', from `start`.
    static func tokenRanges(_ u: [UInt8], from start: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = start
        while i < u.count {
            if isIDByte(u[i]) && u[i] != UInt8(ascii: "-") {
                var k = i
                while k < u.count, isIDByte(u[k]) { k += 1 }
                out.append(i..<k)
                i = k
            } else {
                i += 1
            }
        }
        return out
    }
}

// MARK: - Condition strings

struct ConditionOutcome: Sendable {
    var index: Int
    var mode: ConditionGenerator.Mode
    var text: String
    var parsed = false
    var problems: [String] = []
    var evaluations = 0
    var seconds = 0.0
}

/// A small bundle for condition strings: the shipped bundle's questions, flow and outcomes, three extra
/// questions of the typed kinds (number, date, text), and one pathway whose first eligibility `when:` is
/// replaced by each string.
struct ConditionBase: Sendable {
    var files: ContentFiles
    var target: String
    var pathwayID: String
    var lines: [String]
    var whenLine: Int
    var whenPrefix: String
    var typedQuestionsInFlow: Bool

    static let typedQuestions = """
        questions:
          - id: robust_number
            kind: number
            prompt: {en: How old is the person?, fr: Quel âge a la personne?}
            min: 0
            max: 120
            integer: true
          - id: robust_day
            kind: date
            prompt: {en: When did the person arrive?, fr: Quand la personne est-elle arrivée?}
          - id: robust_text
            kind: text
            sensitive: true
            prompt: {en: Anything else?, fr: Autre chose?}

        """

    init?(_ base: ContentFiles) {
        var chosen: (path: String, y: YAMLLines, line: Int)?
        let pathways = base.files.keys.filter { BundleLoader.role(of: $0) == .pathway }.sorted()
        for path in ["pathways/crisis-988.yaml"] + pathways {
            guard let bytes = base.files[path], let text = String(validating: bytes, as: UTF8.self) else { continue }
            let y = YAMLLines(text)
            if let i = y.lines.indices.first(where: { y.lines[$0].isKey && y.lines[$0].key == "when" && y.parentKey($0) == "eligibility" }),
               y.lines.indices.first(where: { y.lines[$0].isKey && y.lines[$0].key == "id" && y.lines[$0].indent == 0 }) != nil {
                chosen = (path, y, i)
                break
            }
        }
        guard let chosen else { return nil }
        target = chosen.path
        pathwayID = chosen.y.lines.first { $0.isKey && $0.key == "id" && $0.indent == 0 }!.value
        lines = chosen.y.lines.map(\.text)
        whenLine = chosen.line
        whenPrefix = String(decoding: Array(lines[whenLine].utf8)[..<chosen.y.lines[whenLine].valueStart], as: UTF8.self)

        var kept: [String: [UInt8]] = [:]
        for (path, bytes) in base.files {
            switch BundleLoader.role(of: path) {
            case .bundle, .flow, .outcomes, .questions: kept[path] = bytes
            case .pathway where path == target: kept[path] = bytes
            default: break
            }
        }
        kept["questions/robustness-typed.yaml"] = Array(Self.typedQuestions.utf8)
        // Put the typed questions first in the flow, so the checker's search assigns them too.
        typedQuestionsInFlow = false
        if let flow = kept["flow.yaml"].flatMap({ String(validating: $0, as: UTF8.self) }) {
            var y = YAMLLines(flow)
            let start = y.lines.firstIndex { $0.isKey && $0.indent == 0 && $0.key == "start" }
            let nodes = y.lines.firstIndex { $0.isKey && $0.indent == 0 && $0.key == "nodes" }
            if let start, let nodes, y.valueEnd(nodes) == y.lines.count || y.lines[y.valueEnd(nodes)...].allSatisfy({ $0.blank || $0.comment }),
               let child = y.lines[(nodes + 1)...].first(where: { $0.isKey }), child.indent > 0 {
                let first = y.lines[start].value
                let pad = String(repeating: " ", count: child.indent)
                y.lines[start].text = "start: robust_number"
                var text = y.text
                if !text.hasSuffix("\n") { text += "\n" }
                text += "\(pad)robust_number:\n\(pad)\(pad)next: robust_day\n\(pad)robust_day:\n\(pad)\(pad)next: robust_text\n"
                    + "\(pad)robust_text:\n\(pad)\(pad)next: \(first)\n"
                kept["flow.yaml"] = Array(text.utf8)
                typedQuestionsInFlow = true
            }
        }
        files = ContentFiles(files: kept, displayRoot: base.displayRoot)
    }

    /// The target pathway with its first eligibility condition replaced by `condition`.
    func replacingCondition(with condition: String) -> [UInt8] {
        var copy = lines
        copy[whenLine] = whenPrefix + YAMLQuote.doubleQuoted(condition)
        return Array(copy.joined(separator: "\n").utf8)
    }
}

enum YAMLQuote {
    /// A YAML double-quoted scalar that reads back as exactly `s`.
    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            default:
                if u.value >= 0x20 && u.value < 0x7F {
                    out.unicodeScalars.append(u)
                } else if u.value <= 0xFF {
                    out += "\\x" + Show.hex(UInt8(u.value))
                } else if u.value <= 0xFFFF {
                    out += "\\u" + Show.hex(UInt8(u.value >> 8)) + Show.hex(UInt8(u.value & 0xFF))
                } else {
                    out += "\\U" + String(u.value, radix: 16, uppercase: true).leftPadded(to: 8)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

/// Question ids, kinds and options the generator draws from.
struct ConditionVocabulary: Sendable {
    struct Q: Sendable {
        var id: String
        var kind: QuestionKind
        var options: [String]
        var sensitive: Bool
    }
    var questions: [Q]
    var optionIDs: [String]

    init(_ bundle: ContentBundle) {
        questions = bundle.questions.map { Q(id: $0.id, kind: $0.kind, options: $0.options.map(\.id), sensitive: $0.sensitive) }
        if questions.isEmpty { questions = [Q(id: "in_danger", kind: .yesNoUnsure, options: ["yes", "no", "unsure"], sensitive: false)] }
        optionIDs = Array(Set(questions.flatMap(\.options))).sorted()
        if optionIDs.isEmpty { optionIDs = ["yes", "no"] }
    }
}

enum ConditionGenerator {
    enum Mode: String, CaseIterable, Sendable {
        case extreme, wellFormed, wrongTypes, corrupted, tokenSoup, charSoup, deepNesting
    }

    static let keywords = ["and", "or", "not", "in", "has", "any", "all", "is", "declined", "answered", "unanswered", "true", "false"]
    static let symbols = ["(", ")", "[", "]", ",", "=", "!=", "<", "<=", ">", ">=", "=="]
    static let numbers = ["0", "18", "-1", "3.5", "120", "1e5", "007", "1.2.3", "-0", "99999999999999999999", "0.000001", "1-"]
    static let dates = ["2025-02-04", "2024-02-29", "2023-02-29", "2025-13-01", "1900-01-01", "2100-12-31", "0001-01-01",
                        "9999-12-31", "9999-06-01", "2025-2-4", "2025-02-04-01"]
    static let strings = ["\"text\"", "'x'", "\"unclosed", "'", "\"\"", "\"with ] and ( inside\"", "'don''t'", "\"é😀\""]
    static let junk = ["!", "@", "#", "$", "%", "^", "&", "&&", "||", "*", "+", "~", "`", "{", "}", ";", "?", "\\", "/", "→", "é",
                       "😀", "\u{0301}", "\u{00A0}", "\0", "\n", "\t", "\r\n", "\u{2028}", "\u{FEFF}", ":", "- ", "[[", "]]", "|"]

    static func make(_ index: Int, _ rng: inout SplitMix64, _ v: ConditionVocabulary, extremes: [String]) -> (String, Mode) {
        if index < extremes.count { return (extremes[index], .extreme) }
        let roll = rng.below(100)
        switch roll {
        case 0..<30: return (expression(&rng, v, depth: 3, wrong: false).joined(separator: " "), .wellFormed)
        case 30..<42: return (expression(&rng, v, depth: 2, wrong: true).joined(separator: " "), .wrongTypes)
        case 42..<72:
            var tokens = expression(&rng, v, depth: 3, wrong: rng.chance(30))
            for _ in 0..<rng.int(1...3) { corrupt(&tokens, &rng, v) }
            return (join(tokens, &rng), .corrupted)
        case 72..<84:
            let tokens = (0..<rng.int(1...30)).map { _ in anyToken(&rng, v) }
            return (join(tokens, &rng), .tokenSoup)
        case 84..<92:
            let alphabet = Array(" ()[],=!<>\"'-_.0123456789abcdefghijklmnopqrstuvwxyz") + junk.flatMap { Array($0) }
            return (String((0..<rng.int(0...80)).map { _ in rng.pick(alphabet) }), .charSoup)
        default:
            let depth = rng.int(30...90)
            var inner = expression(&rng, v, depth: 1, wrong: false).joined(separator: " ")
            for _ in 0..<depth {
                inner = rng.pick(["(\(inner))", "not \(inner)", "not (\(inner))", "(\(inner) and true)", "(\(inner)"])
            }
            return (inner, .deepNesting)
        }
    }

    static func join(_ tokens: [String], _ rng: inout SplitMix64) -> String {
        var out = ""
        for t in tokens { out += (out.isEmpty ? "" : rng.pick([" ", " ", " ", "", "  ", "\t"])) + t }
        return out
    }

    static func anyToken(_ rng: inout SplitMix64, _ v: ConditionVocabulary) -> String {
        switch rng.below(8) {
        case 0, 1: return rng.pick(v.questions).id
        case 2: return rng.pick(v.optionIDs)
        case 3: return rng.pick(keywords)
        case 4: return rng.pick(symbols)
        case 5: return rng.pick(numbers + dates)
        case 6: return rng.pick(strings)
        default: return rng.pick(junk)
        }
    }

    static func corrupt(_ tokens: inout [String], _ rng: inout SplitMix64, _ v: ConditionVocabulary) {
        let i = rng.below(tokens.count + 1)
        switch rng.below(6) {
        case 0 where !tokens.isEmpty: tokens.remove(at: min(i, tokens.count - 1))
        case 1: tokens.insert(anyToken(&rng, v), at: i)
        case 2 where tokens.count > 1: tokens.swapAt(min(i, tokens.count - 2), min(i, tokens.count - 2) + 1)
        case 3 where !tokens.isEmpty: tokens.insert(tokens[min(i, tokens.count - 1)], at: i)
        case 4: tokens.insert(rng.pick(["(", ")", "[", "]"]), at: i)
        default: tokens.insert(rng.pick(junk), at: i)
        }
    }

    /// A condition as tokens. `wrong` picks operators and values that do not fit the question's kind.
    static func expression(_ rng: inout SplitMix64, _ v: ConditionVocabulary, depth: Int, wrong: Bool) -> [String] {
        if depth == 0 || rng.chance(40) { return atom(&rng, v, wrong: wrong) }
        switch rng.below(4) {
        case 0: return ["not"] + expression(&rng, v, depth: depth - 1, wrong: wrong)
        case 1: return ["("] + expression(&rng, v, depth: depth - 1, wrong: wrong) + [")"]
        case 2: return expression(&rng, v, depth: depth - 1, wrong: wrong) + ["and"] + expression(&rng, v, depth: depth - 1, wrong: wrong)
        default: return expression(&rng, v, depth: depth - 1, wrong: wrong) + ["or"] + expression(&rng, v, depth: depth - 1, wrong: wrong)
        }
    }

    static func list(_ rng: inout SplitMix64, _ items: [String]) -> [String] {
        let chosen = (0..<rng.int(1...3)).map { _ in rng.pick(items) }
        return ["["] + Array(chosen.map { [$0] }.joined(separator: [","])) + ["]"]
    }

    static func atom(_ rng: inout SplitMix64, _ v: ConditionVocabulary, wrong: Bool) -> [String] {
        let q = rng.pick(v.questions)
        if rng.chance(10) { return [rng.pick(["true", "false"])] }
        if rng.chance(12) { return [q.id, "is"] + (rng.chance(30) ? ["not"] : []) + [rng.pick(["answered", "declined", "unanswered"])] }
        let options = wrong || q.options.isEmpty ? v.optionIDs + ["zz_not_an_option"] : q.options
        let kind = wrong ? rng.pick(QuestionKind.allCases) : q.kind
        switch kind {
        case .yesNoUnsure:
            switch rng.below(4) {
            case 0: return [q.id]
            case 1: return [q.id, rng.pick(["=", "!="]), rng.pick(wrong ? options : ["yes", "no", "unsure"])]
            case 2: return [q.id, "in"] + list(&rng, wrong ? options : ["yes", "no", "unsure"])
            default: return [q.id, "not", "in"] + list(&rng, options)
            }
        case .singleChoice:
            switch rng.below(3) {
            case 0: return [q.id, rng.pick(["=", "!="]), rng.pick(options)]
            case 1: return [q.id, "in"] + list(&rng, options)
            default: return [q.id, "not", "in"] + list(&rng, options)
            }
        case .multipleChoice:
            switch rng.below(3) {
            case 0: return [q.id, "has", rng.pick(options)]
            case 1: return [q.id, "has", "any"] + list(&rng, options)
            default: return [q.id, "has", "all"] + list(&rng, options)
            }
        case .number: return [q.id, rng.pick(["<", "<=", ">", ">=", "=", "!="]), rng.pick(["0", "17", "18", "65", "120", "-3", "2.5"])]
        case .date: return [q.id, rng.pick(["<", "<=", ">", ">=", "=", "!="]), rng.pick(["2025-02-04", "2024-02-29", "0001-01-01", "9999-12-31"])]
        case .text: return [q.id, rng.pick(["=", "!="]), rng.pick(["\"abc\"", "'x y'", "\"\""])]
        }
    }

    static func extremeStrings(_ v: ConditionVocabulary) -> [String] {
        let yesNo = v.questions.first { $0.kind == .yesNoUnsure }?.id ?? "in_danger"
        let choice = v.questions.first { $0.kind == .singleChoice }
        let many = v.questions.first { $0.kind == .multipleChoice }
        let all = v.questions.map { q -> String in
            switch q.kind {
            case .yesNoUnsure: return "\(q.id) != no"
            case .singleChoice: return "\(q.id) in [\(q.options.prefix(2).joined(separator: ", "))]"
            case .multipleChoice: return "\(q.id) has any [\(q.options.prefix(2).joined(separator: ", "))]"
            case .number: return "\(q.id) >= 18"
            case .date: return "\(q.id) < 2025-02-04"
            case .text: return "\(q.id) != \"x\""
            }
        }
        return [
            "", " ", "\t\n", "\0", "()", "[]", "and", "not", "(", ")",
            String(repeating: "(", count: 10_000),
            String(repeating: ")", count: 10_000),
            String(repeating: "(", count: 10_000) + yesNo + String(repeating: ")", count: 10_000),
            String(repeating: "not ", count: 10_000) + yesNo,
            String(repeating: "[", count: 10_000),
            String(repeating: "(", count: 62) + yesNo + String(repeating: ")", count: 62),
            String(repeating: "(", count: 63) + yesNo + String(repeating: ")", count: 63),
            String(repeating: "(", count: 64) + yesNo + String(repeating: ")", count: 64),
            String(repeating: "(", count: 65) + yesNo + String(repeating: ")", count: 65),
            String(repeating: "not ", count: 63) + yesNo,
            String(repeating: "not ", count: 64) + yesNo,
            "\(yesNo) = yes" + String(repeating: " or \(yesNo) = yes", count: 1_000),
            // Longer conjunctions over many questions work (each check costs 20,000 evaluations of the whole
            // condition) but take seconds: 20 copies of this one (13 KB) take ~11 s in a debug build.
            Array(repeating: all.joined(separator: " and "), count: 2).joined(separator: " and "),
            Array(repeating: "(" + all.joined(separator: " or ") + ")", count: 10).joined(separator: " and "),
            "robust_number = 0" + (1...300).map { " or robust_number = \($0)" }.joined(),
            String(repeating: "a", count: 100_000),
            "\"" + String(repeating: "x", count: 50_000) + "\"",
            "\(yesNo) = \"" + String(repeating: "x", count: 50_000) + "\"",
            "\(yesNo) = " + String(repeating: "9", count: 10_000),
            "robust_number < " + String(repeating: "9", count: 400),
            "robust_number < 1" + String(repeating: "0", count: 308),
            "robust_day > 2100-12-31 or robust_day < 0001-01-02",
            "robust_day > 9999-12-30 and robust_day < 9999-12-31",
            "robust_day = 2024-02-29 and robust_day != 2023-02-28",
            "robust_text = \"\" or robust_text is declined",
            "\(choice?.id ?? yesNo) in [" + Array(repeating: choice?.options.first ?? "yes", count: 3_000).joined(separator: ", ") + "]",
            "\(many?.id ?? yesNo) has all [" + (many?.options ?? ["yes"]).joined(separator: ", ") + "]",
            "\(many?.id ?? yesNo) has [" + (many?.options.first ?? "yes") + "]",
            "\(yesNo) and",
            "\(yesNo) = yes or (\(yesNo) = no",
            "\(yesNo) is not",
            "\(yesNo) is maybe",
            "\(yesNo) not yes",
            "\(yesNo) == yes",
            "\(yesNo) = yes\0",
            "\(yesNo)\r\n= yes",
            "e\u{301}",
            String(repeating: "😀", count: 1_000),
            "\(yesNo) = yes " + String(repeating: "\u{0301}", count: 100),
        ]
    }
}

/// Answer maps to evaluate a parsed condition against.
enum AnswerMaps {
    struct Map {
        var name: String
        var answers: [String: AnswerState]
        var otherwise: AnswerState
        func lookup(_ id: String) -> AnswerState { answers[id] ?? otherwise }
    }

    static func make(for condition: Condition, _ v: ConditionVocabulary, _ rng: inout SplitMix64) -> [Map] {
        var maps = [
            Map(name: "all unanswered", answers: [:], otherwise: .unanswered),
            Map(name: "all declined", answers: [:], otherwise: .declined),
            Map(name: "all free", answers: [:], otherwise: .free),
        ]
        for round in 0..<2 {
            var random: [String: AnswerState] = [:]
            for q in v.questions {
                random[q.id] = randomAnswer(q, &rng)
            }
            maps.append(Map(name: "random answers \(round + 1)", answers: random, otherwise: .unanswered))
        }
        // Answers made from the condition's own values, so comparisons meet both matching and mismatched types.
        var fromLiterals: [String: AnswerState] = [:]
        for ref in condition.questionRefs {
            let literals = Satisfiability.literals(of: ref.name, in: condition)
            guard let literal = literals.isEmpty ? nil : rng.pick(literals) else { continue }
            switch literal {
            case .word(let w): fromLiterals[ref.name] = .value(rng.pick([.option(w), .options([w]), .text(w)]))
            case .number(let n): fromLiterals[ref.name] = .value(rng.chance(80) ? .number(n) : .text(String(n)))
            case .date(let d): fromLiterals[ref.name] = .value(rng.chance(80) ? .date(d) : .number(Double(d.year)))
            case .string(let s): fromLiterals[ref.name] = .value(.text(s))
            }
        }
        maps.append(Map(name: "answers from the condition's values", answers: fromLiterals, otherwise: .unanswered))
        return maps
    }

    static func randomAnswer(_ q: ConditionVocabulary.Q, _ rng: inout SplitMix64) -> AnswerState {
        let roll = rng.below(100)
        if roll < 10 { return .unanswered }
        if roll < 18 { return .declined }
        if roll < 22 { return .free }
        switch q.kind {
        case .singleChoice, .yesNoUnsure:
            return .value(.option(q.options.isEmpty ? "yes" : rng.pick(q.options)))
        case .multipleChoice:
            return .value(.options(q.options.filter { _ in rng.chance(40) }))
        case .number:
            return .value(.number(Double(rng.int(-5...130)) + (rng.chance(20) ? 0.5 : 0)))
        case .date:
            return .value(.date(Day(year: rng.int(1990...2030), month: rng.int(1...12), day: rng.int(1...28))!))
        case .text:
            return .value(.text(rng.pick(["abc", "x y", "", "é"])))
        }
    }
}

// MARK: - Running cases

/// Runs cases on every core (each case is independent; the engine's values are immutable) and keeps order.
enum ParallelRunner {
    static func map<T, R: Sendable>(_ items: [T], _ body: (T) -> R) -> [R] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, items.count))
        let box = ResultBox<R>(count: items.count)
        withoutActuallyEscaping(body) { body in
            let unsafeBody = UnsafeSendable(body)
            let unsafeItems = UnsafeSendable(items)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let i = box.take() {
                    box.store(i, unsafeBody.value(unsafeItems.value[i]))
                }
            }
        }
        return box.results.map { $0! }
    }
}

struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

final class ResultBox<R>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var results: [R?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < results.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ i: Int, _ r: R) {
        lock.lock(); defer { lock.unlock() }
        results[i] = r
    }
}

/// The cases running right now: printed if the process crashes, and by a watchdog if one runs for long.
final class InFlight: @unchecked Sendable {
    static let shared = InFlight()
    private let lock = NSLock()
    private var running: [String: (start: Date, reported: Bool)] = [:]

    private init() { CrashReport.install() }

    func begin(_ label: String) {
        lock.lock(); defer { lock.unlock() }
        running[label] = (Date(), false)
        CrashReport.set(Array(running.keys))
    }

    func end(_ label: String) {
        lock.lock(); defer { lock.unlock() }
        running[label] = nil
        CrashReport.set(Array(running.keys))
    }

    /// Labels running for more than `seconds`, each reported once.
    func overdue(after seconds: Double) -> [String] {
        lock.lock(); defer { lock.unlock() }
        var out: [String] = []
        for (label, entry) in running where !entry.reported && Date().timeIntervalSince(entry.start) > seconds {
            running[label]!.reported = true
            out.append(label)
        }
        return out
    }

    final class Watchdog: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }
        func stop() { lock.lock(); stopped = true; lock.unlock() }
    }

    func startWatchdog() -> Watchdog {
        let dog = Watchdog()
        let thread = Thread { [self] in
            while !dog.isStopped {
                Thread.sleep(forTimeInterval: 0.5)
                for label in self.overdue(after: 20) {
                    print("RobustnessTests: still running after 20 s, a possible hang: \(label)")
                }
            }
        }
        thread.start()
        return dog
    }
}

/// On Linux, prints the running cases when a fatal signal arrives, then hands the signal back to the
/// runtime's own handler (which prints the backtrace).
enum CrashReport {
    #if os(Linux)
    static let capacity = 8 * 1024
    nonisolated(unsafe) static let buffer: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        p.initialize(repeating: sigaction(), count: 65)
        return p
    }()
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    static func install() {
        _ = buffer
        for sig in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                let header = "\nRobustnessTests: the process crashed while running:\n"
                _ = header.withCString { write(2, $0, strlen($0)) }
                _ = write(2, CrashReport.buffer, strlen(CrashReport.buffer))
                _ = write(2, "\n", 1)
                _ = sigaction(sig, CrashReport.previous + Int(sig), nil)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_ONSTACK)
            _ = sigaction(sig, &action, previous + Int(sig))
        }
    }

    /// Copies the running labels into the buffer the signal handler prints (called under InFlight's lock).
    static func set(_ labels: [String]) {
        let text = labels.map { "  " + $0.prefix(400) }.joined(separator: "\n")
        let bytes = Array(text.utf8.prefix(capacity - 1))
        for (i, b) in bytes.enumerated() { buffer[i] = CChar(bitPattern: b) }
        buffer[bytes.count] = 0
    }
    #else
    static func install() {}
    static func set(_ labels: [String]) {}
    #endif
}

// MARK: - Showing bytes and text in messages

enum Show {
    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// Bytes around `focus`, with line breaks as ⏎ and anything not printable ASCII as \xNN.
    static func bytes(_ bytes: [UInt8], around focus: Int, radius: Int = 60) -> String {
        let lo = max(0, min(focus, bytes.count) - radius), hi = min(bytes.count, focus + radius)
        var s = lo > 0 ? "…" : ""
        for b in bytes[lo..<hi] {
            switch b {
            case 0x0A: s += "⏎"
            case 0x20..<0x7F: s.append(Character(Unicode.Scalar(b)))
            default: s += "\\x" + hex(b)
            }
        }
        if hi < bytes.count { s += "…" }
        return s + " (\(bytes.count) bytes)"
    }

    static func text(_ text: String, limit: Int) -> String {
        var s = ""
        for u in text.unicodeScalars.prefix(limit) {
            switch u {
            case "\n": s += "\\n"
            case "\t": s += "\\t"
            case "\r": s += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value) || u.properties.generalCategory == .format
                    || u.properties.generalCategory == .nonspacingMark || u.value == 0x2028 {
                    s += "\\u{\(String(u.value, radix: 16))}"
                } else {
                    s.unicodeScalars.append(u)
                }
            }
        }
        let count = text.unicodeScalars.count
        return "\"" + s + (count > limit ? "…\" (\(count) scalars)" : "\"")
    }
}

