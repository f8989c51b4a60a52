import Foundation
import PathwaysEngine
import PathwaysStore
import PathwaysTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The case records survive `kill -9` at any moment and two terminals on one store: once the next question
/// (or the results) has been shown, the answer before it is on disk, with its value, and the store opens.
///
/// The live `pathways --plain` is driven one typed line at a time, as a person (or a screen reader bridge)
/// would: a line is *confirmed* when the next "Step N of about M" line, or the results, appear. Set
/// `PATHWAYS_CRASH_SEED` to replay the random choices of a run (the seed is printed).
final class CrashSafetyTests: XCTestCase {
    static let passphrase = "crash safety test passphrase"

    /// How the crash tests read the child's output: a pipe, as a script or screen-reader bridge would
    /// (see `testQuestionsReachAPipeWhileTheProgramWaitsForAnAnswer`); `.terminal` gives it a pseudo-terminal.
    static let outputChannel: LivePathways.Channel = .pipe

    /// Kills in the random test (at least 50), and how many children run at once on the shared store.
    static let killCount = 50
    static let lanes = 3

    /// The shipped scenarios the tests walk: outcomes, declined questions, several sections and branches.
    static let scenarioIDs = ["family-violence-sponsorship", "declines-sensitive-questions", "refused-claim-with-child",
                              "seasonal-worker-left-farm", "unaccompanied-minor-ontario", "immediate-danger", "student-in-yukon"]

    static let plans: [String: ScenarioPlan] = {
        let bundle = PlainModeTests.shipped
        var out: [String: ScenarioPlan] = [:]
        for s in bundle.scenarios { out[s.id] = ScenarioPlan(s, in: bundle) }
        return out
    }()

    var dir: URL!

    override func setUpWithError() throws {
        // A child killed while we write to its standard input must give EPIPE here, not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("pathways-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    func plan(_ id: String) throws -> ScenarioPlan {
        try XCTUnwrap(Self.plans[id], "no shipped scenario '\(id)'")
    }

    func start(_ arguments: [String], channel: LivePathways.Channel = CrashSafetyTests.outputChannel,
               passphrase: String? = CrashSafetyTests.passphrase) throws -> LivePathways {
        try LivePathways(arguments: arguments, passphrase: passphrase, channel: channel, directory: dir)
    }

    // MARK: The pipe itself

    /// A program driven through pipes must show each question before it waits for the answer; otherwise a
    /// driver cannot know when an answer was taken (and saved).
    func testQuestionsReachAPipeWhileTheProgramWaitsForAnAnswer() throws {
        let child = try start(["--plain", "--no-store"], channel: .pipe, passphrase: nil)
        defer { child.stop() }
        let shown = child.waitUntil(8) { Transcript($0).prompts >= 1 }
        XCTAssertTrue(shown, """
            `pathways --plain` with standard output on a pipe showed nothing in 8 s while waiting for the first \
            answer (\(child.output.byteCount) bytes arrived; it printed everything only at exit): its output is \
            block-buffered, so a program or screen-reader bridge reading the pipe never sees the question. \
            Flush standard output after each prompt (e.g. setvbuf(stdout, nil, _IOLBF, 0) at start, or fflush in \
            PlainDriver's write).
            """)
        child.type("quit")
        XCTAssertTrue(child.waitForExit(10), "pathways did not quit")
    }

    // MARK: kill -9 at random moments

    func testKillNineAtRandomMomentsNeverLosesAConfirmedAnswer() throws {
        let began = Date()
        let seed = ProcessInfo.processInfo.environment["PATHWAYS_CRASH_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64(UInt32.max))
        print("CrashSafetyTests: seed \(seed) (PATHWAYS_CRASH_SEED=\(seed) replays the same choices)")
        let plans = try Self.scenarioIDs.map(plan)
        let storePath = dir.appendingPathComponent("cases.sqlite").path
        let context = KillContext(storePath: storePath, directory: dir, plans: plans, seed: seed)

        // Iteration 0: the brand-new store is killed while it is being created and the key derived.
        let first = context.run(iteration: 0, lane: 0, verifier: nil, forced: .starting)
        context.reports.add(first)

        // The store must open cleanly after that; it is also what checks every later iteration.
        let t0 = Date()
        let verifier: CaseStore
        do {
            verifier = try CaseStore(path: storePath, passphrase: Self.passphrase)
        } catch {
            return XCTFail("seed \(seed): the store does not open after a kill during its creation: \(error)\n\(first.describe())")
        }
        let openSeconds = Date().timeIntervalSince(t0)
        print("CrashSafetyTests: opening the store (scrypt key derivation) took \(String(format: "%.2f", openSeconds)) s in-process")
        if let code = first.code, let cc = CaseCode(code) {
            do { first.record(verify: try verifier.load(cc)) } catch {
                XCTFail("seed \(seed), iteration 0: case \(code) was shown but cannot be loaded: \(error)")
            }
        }

        // Iterations 1…: several children at once on the same store, each making a new case.
        // (Threads of their own: a lane mostly waits on its child, and GCD would run no more lanes than cores.)
        let counter = Counter(1)
        let done = DispatchSemaphore(value: 0)
        for lane in 0..<Self.lanes {
            Thread {
                while true {
                    let i = counter.next()
                    guard i < Self.killCount else { break }
                    context.reports.add(context.run(iteration: i, lane: lane, verifier: verifier, forced: nil))
                }
                done.signal()
            }.start()
        }
        for _ in 0..<Self.lanes { done.wait() }

        // Afterwards: a fresh open, every case loads, every confirmed answer is still there.
        let reports = context.reports.all
        do {
            let reopened = try CaseStore(path: storePath, passphrase: Self.passphrase)
            let listed = try reopened.list()
            let listedCodes = Set(listed.map(\.code.value))
            for summary in listed {
                do { _ = try reopened.load(summary.code) } catch {
                    XCTFail("seed \(seed): case \(summary.code) is listed but does not load after the kills: \(error)")
                }
            }
            for r in reports {
                guard let code = r.code else { continue }
                guard listedCodes.contains(code), let cc = CaseCode(code) else {
                    XCTFail("seed \(seed), iteration \(r.iteration): case \(code) is missing from the list at the end"); continue
                }
                if let record = try? reopened.load(cc) {
                    let late = r.plan.problems(in: record, confirmed: r.confirmed, written: r.written)
                    for p in late { XCTFail("seed \(seed), iteration \(r.iteration) (\(r.plan.id), case \(code)), at the end: \(p)") }
                }
            }
            print("CrashSafetyTests: the store holds \(listed.count) cases after the kills")
        } catch {
            XCTFail("seed \(seed): the store does not open cleanly after \(reports.count) kills: \(error)")
        }

        for r in reports where !r.problems.isEmpty {
            XCTFail("seed \(seed): " + r.describe())
        }
        let byMoment = Dictionary(grouping: reports, by: \.moment).mapValues(\.count)
        let midWrite = reports.filter { $0.written > $0.confirmed }.count
        let beforeCode = reports.filter { $0.code == nil }.count
        let midOutput = reports.filter { $0.moment == .midOutput && !$0.outputAtRest }.count
        let savedUnconfirmed = reports.filter { $0.unconfirmedSaved == true }.count
        let confirmedAnswers = reports.reduce(0) { $0 + $1.plan.answered(by: $1.confirmed).count }
        print("""
            CrashSafetyTests: \(reports.count) kills (\(Self.lanes) at a time on one store), seed \(seed), \(String(format: "%.1f", Date().timeIntervalSince(began))) s: \
            \(midWrite) mid-write (line typed, its next question not yet shown; its answer already stored in \(savedUnconfirmed)), \
            \(midOutput) mid-output, \
            \(beforeCode) before the case code was shown; moments \(KillMoment.allCases.map { "\($0.rawValue) \(byMoment[$0] ?? 0)" }.joined(separator: ", ")); \
            \(confirmedAnswers) confirmed answers checked, \(reports.filter { !$0.problems.isEmpty }.count) iterations with problems
            """)
        XCTAssertGreaterThanOrEqual(reports.count, 50)
    }

    // MARK: Two terminals at once

    func testTwoTerminalsOnOneStoreAtOnceKeepEveryAnswerOfBoth() throws {
        let storePath = dir.appendingPathComponent("cases.sqlite").path
        let plans = [try plan("family-violence-sponsorship"), try plan("student-in-yukon")]
        // Both start at the same moment on a store that does not exist yet.
        let children = try plans.map { _ in try start(["--plain", "--store", storePath]) }
        defer { children.forEach { $0.stop() } }
        for (c, p) in zip(children, plans) {
            guard c.waitUntil(60, { Transcript($0).prompts >= 1 }) else {
                return XCTFail("\(p.id): no first question within 60 s\n\(c.describe())")
            }
        }
        // Interleaved: each types its next line right after the other, then both must show their next question.
        for i in 0..<plans.map(\.lines.count).max()! {
            for (c, p) in zip(children, plans) where i < p.lines.count { c.type(p.lines[i]) }
            for (c, p) in zip(children, plans) where i < p.lines.count {
                guard c.waitUntil(30, { Transcript($0).prompts >= i + 2 }) else {
                    return XCTFail("\(p.id): line \(i + 1) '\(p.lines[i])' was not confirmed within 30 s\n\(c.describe())")
                }
            }
        }
        // Each case has its code from its first answer.
        let codes = children.map { Transcript($0.output.text).code }
        XCTAssertNotNil(codes[0]); XCTAssertNotNil(codes[1])
        XCTAssertNotEqual(codes[0], codes[1])
        for c in children { c.type("quit") }
        for (c, p) in zip(children, plans) {
            XCTAssertTrue(c.waitForExit(20), "\(p.id): pathways did not quit\n\(c.describe())")
            XCTAssertEqual(c.process.terminationStatus, 0, "\(p.id)\n\(c.describe())")
            for problem in Transcript(c.output.text).problems { XCTFail("\(p.id): \(problem)\n\(c.describe())") }
        }
        let store = try CaseStore(path: storePath, passphrase: Self.passphrase)
        XCTAssertEqual(Set(try store.list().map(\.code.value)), Set(codes.compactMap { $0 }))
        for (code, p) in zip(codes, plans) {
            guard let code, let cc = CaseCode(code) else { continue }
            let record = try store.load(cc)
            for problem in p.problems(in: record, confirmed: p.lines.count, written: p.lines.count) {
                XCTFail("\(p.id), case \(code): \(problem)")
            }
            XCTAssertEqual(record.answers.count, p.answered(by: p.lines.count).count, "\(p.id)")
        }
    }

    func testTwoTerminalsOnTheSameCaseKeepEachOthersAnswers() throws {
        let storePath = dir.appendingPathComponent("cases.sqlite").path
        let p = try plan("family-violence-sponsorship")
        XCTAssertTrue(p.questions.allSatisfy { $0 != nil }, "this test needs a scenario without an early exit")
        let bundle = PlainModeTests.shipped
        let first = try start(["--plain", "--store", storePath])
        defer { first.stop() }
        guard first.waitUntil(60, { Transcript($0).prompts >= 1 }) else {
            return XCTFail("no first question within 60 s\n\(first.describe())")
        }
        // The first terminal answers the first half; the case (and its code) exists from the first answer.
        let half = p.lines.count / 2
        var firstPrompts = 1
        for i in 0..<half {
            first.type(p.lines[i])
            firstPrompts += 1
            guard first.waitUntil(30, { [firstPrompts] in Transcript($0).prompts >= firstPrompts }) else {
                return XCTFail("line \(i + 1) not confirmed\n\(first.describe())")
            }
        }
        guard let code = Transcript(first.output.text).code else {
            return XCTFail("no case code after the first answers\n\(first.describe())")
        }
        // The second terminal reopens the case and answers the second half, while the first goes back and
        // changes two of its earlier answers (latest first, so the earlier ones keep their place in the list).
        let second = try start(["--plain", "--store", storePath, "--resume", code])
        defer { second.stop() }
        guard second.waitUntil(60, { Transcript($0).prompts >= 1 }) else {
            return XCTFail("the resumed case shows no question within 60 s\n\(second.describe())")
        }
        var changes: [(n: Int, question: String, line: String, answer: Answer)] = []
        for j in stride(from: half - 1, through: 1, by: -1) where changes.count < 2 {
            guard let id = p.questions[j], let q = bundle.question(id), q.kind == .singleChoice || q.kind == .yesNoUnsure,
                  let other = q.options.enumerated().first(where: { .value(.option($0.element.id)) != p.answers[id] })
            else { continue }
            changes.append((n: j + 1, question: id, line: String(other.offset + 1), answer: .value(.option(other.element.id))))
        }
        XCTAssertEqual(changes.count, 2, "the scenario should have two earlier choice questions to change")
        let firstLines = changes.flatMap { ["change \($0.n)", $0.line] }
        let secondLines = Array(p.lines[half...])
        var secondPrompts = 1
        for i in 0..<max(firstLines.count, secondLines.count) {
            if i < secondLines.count { second.type(secondLines[i]); secondPrompts += 1 }
            if i < firstLines.count { first.type(firstLines[i]); firstPrompts += 1 }
            guard second.waitUntil(30, { [secondPrompts] in Transcript($0).prompts >= secondPrompts }) else {
                return XCTFail("second terminal: line \(i + 1) not confirmed\n\(second.describe())")
            }
            guard first.waitUntil(30, { [firstPrompts] in Transcript($0).prompts >= firstPrompts }) else {
                return XCTFail("first terminal: line \(i + 1) not confirmed\n\(first.describe())")
            }
        }
        for c in [first, second] {
            // The first terminal's case is unfinished in its memory, so quit asks once more.
            c.type("quit\nquit")
            XCTAssertTrue(c.waitForExit(20), "pathways did not quit\n\(c.describe())")
            XCTAssertEqual(c.process.terminationStatus, 0, c.describe())
            for problem in Transcript(c.output.text).problems { XCTFail(problem + "\n" + c.describe()) }
        }
        let store = try CaseStore(path: storePath, passphrase: Self.passphrase)
        XCTAssertEqual(try store.list().map(\.code.value), [code])
        let record = try store.load(try XCTUnwrap(CaseCode(code)))
        var overrides: [String: Answer] = [:]
        for c in changes { overrides[c.question] = c.answer }
        for problem in p.problems(in: record, confirmed: p.lines.count, written: p.lines.count, overrides: overrides) {
            XCTFail("case \(code): \(problem)")
        }
        XCTAssertEqual(record.answers.count, p.answered(by: p.lines.count).count)
    }
}

// MARK: - Scenarios as typed lines

/// A shipped scenario as the lines a person types, with the question each line answers.
struct ScenarioPlan: Sendable {
    let id: String
    let lines: [String]
    /// The question each line answers; nil for `continue` past an early exit.
    let questions: [String?]
    let answers: [String: Answer]

    init(_ scenario: Scenario, in bundle: ContentBundle) {
        id = scenario.id
        answers = ScenarioRunner.answers(scenario.answers, in: bundle)
        let walk = FlowWalker(bundle: bundle, today: nil).walk(answers: answers, continueWhenAnswered: true)
        questions = walk.stops.map { if case .question(let q) = $0 { return q } else { return nil } }
        lines = PlainModeTests.typedLines(for: scenario, in: bundle)
        precondition(lines.count == questions.count)
    }

    /// The questions answered by the first `n` lines.
    func answered(by n: Int) -> [String] { questions.prefix(n).compactMap { $0 } }

    /// What is wrong with a stored case whose first `confirmed` lines were confirmed and `written` were typed:
    /// a confirmed answer missing or different, or an answer that was never given.
    func problems(in record: CaseRecord, confirmed: Int, written: Int, overrides: [String: Answer] = [:]) -> [String] {
        var out: [String] = []
        let sure = answered(by: confirmed)
        for q in sure {
            let want = overrides[q] ?? answers[q]!
            guard let got = record.answers[q] else {
                out.append("LOST: the confirmed answer to '\(q)' (\(want)) is not in the store"); continue
            }
            if got != want { out.append("WRONG: the answer to '\(q)' is \(got), expected \(want)") }
        }
        let typed = Set(answered(by: written))
        for (q, got) in record.answers.sorted(by: { $0.key < $1.key }) where !sure.contains(q) {
            if !typed.contains(q) {
                out.append("EXTRA: an answer to '\(q)' (\(got)) is stored but was never typed")
            } else if got != (overrides[q] ?? answers[q]) {
                out.append("WRONG: the unconfirmed answer to '\(q)' is \(got), expected \(String(describing: overrides[q] ?? answers[q]))")
            }
        }
        return out
    }
}

/// What a child printed, read the way the tests need it.
struct Transcript {
    /// Complete lines only: a line cut short by a kill is not counted.
    let lines: [String]

    init(_ text: String) {
        var all = text.components(separatedBy: "\n")
        all.removeLast()  // the unfinished line (empty when the text ends with a newline)
        lines = all
    }

    /// The case code from "Case XXX-XXX. Do not type names.", once that line was shown.
    var code: String? {
        for line in lines where line.hasPrefix("Case ") && line.hasSuffix(". Do not type names.") {
            return String(line.dropFirst(5).prefix(7))
        }
        return nil
    }

    static func isStep(_ line: String) -> Bool {
        line.range(of: #"(^|— )Step [0-9]+ of about [0-9]+$"#, options: .regularExpression) != nil
    }

    static let resultsEnd = "Type 'detail N' for steps, documents, fees, contacts and sources."

    /// Questions and results shown: the first question, then one for each accepted line.
    var prompts: Int { lines.filter { Self.isStep($0) || $0 == Self.resultsEnd }.count }

    /// Lines that mean an answer was not saved or a typed line was not taken.
    var problems: [String] {
        lines.filter {
            $0.hasPrefix("NOT SAVED") || $0.hasPrefix("Please type") || $0.hasPrefix("This question cannot be declined")
                || $0.hasPrefix("There is nothing to continue") || $0.hasPrefix("Type 'results', 'detail N'")
        }.map { "the program said: \($0)" }
    }

    /// The last thing shown is the end of a question (its options or hint) or of the results.
    var atRest: Bool {
        guard let last = lines.last(where: { !$0.isEmpty }) else { return false }
        return last.range(of: #"^  [0-9]+\. "#, options: .regularExpression) != nil || last.hasPrefix("Type the numbers")
            || last == "Information, not legal advice."
    }
}

// MARK: - The random kills

enum KillMoment: String, CaseIterable, Sendable {
    /// While the program starts: opening or creating the store, deriving the key, creating the case.
    case starting
    /// Right after a line was typed, before (or just as) its answer is saved and the next question shown.
    case afterTyping
    /// While the program waits for the next line.
    case idle
    /// As soon as the program starts printing what follows a typed line.
    case midOutput
}

/// One kill and what was found in the store afterwards.
final class KillReport: @unchecked Sendable {
    let iteration: Int, lane: Int, plan: ScenarioPlan, moment: KillMoment
    var code: String?
    var written = 0, confirmed = 0
    var outputAtRest = true
    var problems: [String] = []
    var output = "", stderr = ""
    var seconds = 0.0
    var killDetail = ""

    init(iteration: Int, lane: Int, plan: ScenarioPlan, moment: KillMoment) {
        self.iteration = iteration; self.lane = lane; self.plan = plan; self.moment = moment
    }

    /// For a kill between typing a line and seeing it confirmed: whether its answer had reached the store.
    var unconfirmedSaved: Bool?

    func record(verify record: CaseRecord) {
        problems += plan.problems(in: record, confirmed: confirmed, written: written)
        if written > confirmed, let q = plan.questions[written - 1] { unconfirmedSaved = record.answers[q] != nil }
    }

    func describe() -> String {
        """
        iteration \(iteration) (lane \(lane)), scenario \(plan.id), killed \(moment.rawValue) \(killDetail), case \(code ?? "not shown"), \
        \(written) lines typed, \(confirmed) confirmed, \(String(format: "%.2f", seconds)) s
        typed: \(plan.lines.prefix(written).joined(separator: " | "))
        problems:
          \(problems.joined(separator: "\n  "))
        output (last 1500 characters):
        \(output.suffix(1500))
        stderr: \(stderr.suffix(800))
        """
    }
}

final class ReportList: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [KillReport] = []
    func add(_ r: KillReport) { lock.lock(); reports.append(r); lock.unlock() }
    var all: [KillReport] { lock.lock(); defer { lock.unlock() }; return reports.sorted { $0.iteration < $1.iteration } }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int
    init(_ start: Int) { value = start }
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value - 1 }
}


/// Runs one kill iteration: start, type some lines, kill at the chosen moment, check the store.
final class KillContext: @unchecked Sendable {
    let storePath: String
    let directory: URL
    let plans: [ScenarioPlan]
    let seed: UInt64
    let reports = ReportList()
    private let lock = NSLock()
    /// Running estimates (seconds) of how long start-up and one answer take, to aim the kills.
    private var startup = 3.0, answer = 0.03

    init(storePath: String, directory: URL, plans: [ScenarioPlan], seed: UInt64) {
        self.storePath = storePath; self.directory = directory; self.plans = plans; self.seed = seed
    }

    private func estimates() -> (startup: Double, answer: Double) { lock.lock(); defer { lock.unlock() }; return (startup, answer) }
    private func learn(startup s: Double? = nil, answer a: Double? = nil) {
        lock.lock(); defer { lock.unlock() }
        if let s { startup = startup * 0.7 + s * 0.3 }
        if let a { answer = answer * 0.8 + a * 0.2 }
    }

    func run(iteration: Int, lane: Int, verifier: CaseStore?, forced: KillMoment?) -> KillReport {
        var rng = SplitMix64(seed: seed ^ (UInt64(iteration) &* 0xD1B5_4A32_D192_ED03))
        let plan = plans[Int.random(in: 0..<plans.count, using: &rng)]
        let roll = Double.random(in: 0..<1, using: &rng)
        let moment = forced ?? (roll < 0.12 ? .starting : roll < 0.5 ? .afterTyping : roll < 0.75 ? .idle : .midOutput)
        let report = KillReport(iteration: iteration, lane: lane, plan: plan, moment: moment)
        let began = Date()
        let child: LivePathways
        do {
            child = try LivePathways(arguments: ["--plain", "--store", storePath], passphrase: CrashSafetyTests.passphrase,
                                     channel: CrashSafetyTests.outputChannel, directory: directory)
        } catch {
            report.problems.append("could not start pathways: \(error)")
            return report
        }
        let est = estimates()
        func hang(_ what: String) { report.problems.append("HANG: \(what)") }
        drive: do {
            if moment == .starting {
                let delay = Double.random(in: 0...(est.startup * 1.1), using: &rng)
                report.killDetail = String(format: "%.0f ms after launch", delay * 1000)
                Thread.sleep(forTimeInterval: delay)
                break drive
            }
            guard child.waitUntil(60, { Transcript($0).prompts >= 1 }) else { hang("no first question within 60 s"); break drive }
            learn(startup: Date().timeIntervalSince(began))
            let target = moment == .idle ? Int.random(in: 0...plan.lines.count, using: &rng) : Int.random(in: 0..<plan.lines.count, using: &rng)
            for i in 0..<target {
                let t = Date()
                child.type(plan.lines[i])
                report.written += 1
                guard child.waitUntil(30, { Transcript($0).prompts >= i + 2 }) else {
                    hang("line \(i + 1) '\(plan.lines[i])' not confirmed within 30 s"); break drive
                }
                learn(answer: Date().timeIntervalSince(t))
            }
            switch moment {
            case .afterTyping:
                let delay = Double.random(in: 0...est.answer, using: &rng)
                child.type(plan.lines[target])
                report.written += 1
                report.killDetail = String(format: "%.1f ms after typing line %d", delay * 1000, target + 1)
                Thread.sleep(forTimeInterval: delay)
            case .idle:
                let delay = Double.random(in: 0...0.2, using: &rng)
                report.killDetail = String(format: "%.0f ms after ", delay * 1000)
                    + (target == 0 ? "the first question was shown" : "line \(target) was confirmed")
                Thread.sleep(forTimeInterval: delay)
            case .midOutput:
                let before = child.output.byteCount
                child.type(plan.lines[target])
                report.written += 1
                report.killDetail = "at the first output after typing line \(target + 1)"
                let deadline = Date().addingTimeInterval(30)
                while child.output.byteCount == before && Date() < deadline { usleep(100) }
                if child.output.byteCount == before { hang("no output within 30 s after line \(target + 1)") }
            case .starting:
                break
            }
        }
        let wasRunning = child.process.isRunning
        child.killNine()
        if !child.waitForExit(20) { hang("still running 20 s after SIGKILL") }
        child.finishReading()
        report.seconds = Date().timeIntervalSince(began)
        report.output = child.output.text
        report.stderr = child.stderrText
        if child.process.isRunning {
            // Already reported as a hang; the child's exit status cannot be read yet.
        } else if !wasRunning {
            report.problems.append("the program had already ended before the kill (status \(child.process.terminationStatus))")
        } else if child.process.terminationReason != .uncaughtSignal || child.process.terminationStatus != SIGKILL {
            report.problems.append("the program did not die from SIGKILL (status \(child.process.terminationStatus))")
        }
        let transcript = Transcript(report.output)
        report.code = transcript.code
        report.outputAtRest = transcript.atRest
        report.problems += transcript.problems
        // Every question or result shown after the first stands for one line saved before it was printed.
        let shown = max(0, transcript.prompts - 1)
        if shown > report.written { report.problems.append("\(shown) answers shown as taken but only \(report.written) lines typed") }
        report.confirmed = min(shown, report.written)
        if let verifier {
            do { _ = try verifier.list() } catch { report.problems.append("CORRUPT: the case list cannot be read: \(error)") }
            if let code = report.code {
                if let cc = CaseCode(code) {
                    do { report.record(verify: try verifier.load(cc)) } catch {
                        report.problems.append("LOST: case \(code) was shown but cannot be loaded: \(error)")
                    }
                } else {
                    report.problems.append("'\(code)' is not a case code")
                }
            }
        }
        return report
    }
}

// MARK: - A live `pathways` process

/// What a child writes to its standard output, collected on a background thread.
final class LiveOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var ended = false
    private var stop = false

    private func locked<T>(_ body: () -> T) -> T { lock.lock(); defer { lock.unlock() }; return body() }
    func append(_ chunk: ArraySlice<UInt8>) { locked { bytes.append(contentsOf: chunk) } }
    func end() { locked { ended = true } }
    var hasEnded: Bool { locked { ended } }
    func requestStop() { locked { stop = true } }
    var stopRequested: Bool { locked { stop } }
    var byteCount: Int { locked { bytes.count } }
    var text: String { String(decoding: locked { bytes }, as: UTF8.self).replacingOccurrences(of: "\r", with: "") }
}

/// `pathways` running with its standard input on a pipe the test writes lines to, and its standard output on
/// a pipe or a terminal read by a background thread.
final class LivePathways: @unchecked Sendable {
    enum Channel: Sendable { case pipe, terminal }

    let process = Process()
    let output = LiveOutput()
    let stderrURL: URL
    private let inputFD: Int32
    private let outputFD: Int32
    private var closed = false

    init(arguments: [String], passphrase: String?, channel: Channel, directory: URL) throws {
        let stdin = try Self.pipe()
        let out: (parent: Int32, child: Int32)
        switch channel {
        case .pipe:
            let p = try Self.pipe()
            out = (p.read, p.write)
        case .terminal:
            out = try Self.terminal()
        }
        stderrURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: stderrURL)
        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PATHWAYS_CONTENT")
        env.removeValue(forKey: "PATHWAYS_PASSPHRASE")
        env["SWIFT_BACKTRACE"] = "enable=no"
        if let passphrase { env["PATHWAYS_PASSPHRASE"] = passphrase }
        process.environment = env
        process.standardInput = FileHandle(fileDescriptor: stdin.read, closeOnDealloc: false)
        process.standardOutput = FileHandle(fileDescriptor: out.child, closeOnDealloc: false)
        process.standardError = errHandle
        defer {
            close(stdin.read)
            close(out.child)
            try? errHandle.close()
        }
        do {
            try process.run()
        } catch {
            close(stdin.write); close(out.parent)
            throw error
        }
        inputFD = stdin.write
        outputFD = out.parent
        let fd = outputFD, sink = output
        let reader = Thread {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            while !sink.stopRequested {
                pfd.revents = 0
                let r = poll(&pfd, 1, 20)
                if r < 0 { if errno == EINTR { continue }; break }
                if r == 0 { continue }
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 { sink.append(chunk[0..<n]); continue }
                if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                break  // end of file, or EIO once a terminal's last writer is gone
            }
            sink.end()
        }
        reader.start()
    }

    /// Types one line (and a newline). False when the program is no longer reading.
    @discardableResult
    func type(_ line: String) -> Bool {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(inputFD, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 { if errno == EINTR { continue }; return false }
            offset += n
        }
        return true
    }

    /// Waits until the output so far satisfies `condition`; false after `seconds`, or when the output ended without it.
    func waitUntil(_ seconds: Double, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var seen = -1
        while true {
            let ended = output.hasEnded
            let count = output.byteCount
            if count != seen {
                seen = count
                if condition(output.text) { return true }
            }
            if ended || Date() >= deadline { return false }
            usleep(500)
        }
    }

    func killNine() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    func waitForExit(_ seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() >= deadline { return false }
            usleep(1000)
        }
        return true
    }

    /// After the program ended: reads what is left of its output, then closes the descriptors.
    func finishReading() {
        guard !closed else { return }
        closed = true
        close(inputFD)
        let deadline = Date().addingTimeInterval(3)
        while !output.hasEnded && Date() < deadline { usleep(1000) }
        output.requestStop()
        let last = Date().addingTimeInterval(1)
        while !output.hasEnded && Date() < last { usleep(1000) }
        if output.hasEnded { close(outputFD) }  // else leave it open rather than pull it from under the reader
    }

    /// Ends the program if a test gave up on it, and cleans up.
    func stop() {
        killNine()
        _ = waitForExit(10)
        finishReading()
    }

    var stderrText: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    func describe() -> String {
        "output (last 2000 characters):\n\(output.text.suffix(2000))\nstderr: \(stderrText.suffix(800))"
    }

    /// C library functions that Swift's Glibc module does not declare (they sit behind feature macros).
    private enum LibC {
        nonisolated(unsafe) static let handle = dlopen(nil, RTLD_NOW)
        static func function<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
        typealias OpenPT = @convention(c) (Int32) -> Int32
        typealias FDCall = @convention(c) (Int32) -> Int32
        typealias PTSName = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
    }

    static func error() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }

    /// A pipe whose ends are closed on exec, so a child started at the same moment by another thread
    /// does not inherit them (and keep the pipe open).
    static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        if let pipe2 = LibC.function("pipe2", as: LibC.Pipe2.self) {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { throw error() }
        } else {
            #if canImport(Glibc)
            guard Glibc.pipe(&fds) == 0 else { throw error() }
            #else
            guard Darwin.pipe(&fds) == 0 else { throw error() }
            #endif
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }

    /// A pseudo-terminal: the parent reads the master, the child writes to the slave, with no "\r\n" translation.
    static func terminal() throws -> (parent: Int32, child: Int32) {
        guard let openpt = LibC.function("posix_openpt", as: LibC.OpenPT.self),
              let grantpt = LibC.function("grantpt", as: LibC.FDCall.self),
              let unlockpt = LibC.function("unlockpt", as: LibC.FDCall.self),
              let ptsname = LibC.function("ptsname_r", as: LibC.PTSName.self) else {
            throw POSIXError(.ENOSYS)
        }
        let master = openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw error() }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        var name = [CChar](repeating: 0, count: 256)
        guard grantpt(master) == 0, unlockpt(master) == 0, ptsname(master, &name, name.count) == 0 else {
            let e = error()
            close(master)
            throw e
        }
        let slave = open(String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { let e = error(); close(master); throw e }
        var t = termios()
        tcgetattr(slave, &t)
        t.c_oflag &= ~tcflag_t(OPOST)
        tcsetattr(slave, TCSANOW, &t)
        return (master, slave)
    }
}
