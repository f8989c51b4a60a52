import XCTest
import PathwaysTestSupport
@testable import PathwaysEngine

/// A session carries its walk on from the question that changed instead of walking from the start. These
/// tests drive sessions with random keys (answers, going back, changing earlier answers, early exits,
/// forgetting) and check after every step that the session is exactly what a walk from the start gives.
final class IncrementalWalkTests: XCTestCase {
    func testTheStarterBundleMatchesAFullWalkAfterEveryStep() throws {
        try drive(StarterBundle.load(), seeds: 0..<150, steps: 60)
    }

    func testTheShippedBundleMatchesAFullWalkAfterEveryStep() throws {
        let bundle = Checker.check(try ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content"), today: nil).bundle
        try drive(bundle, seeds: 0..<150, steps: 80)
    }

    func testALongBranchingFlowWithSkipsAndEarlyExitsMatchesAFullWalk() throws {
        let seen = try drive(Synthetic.bundle(questions: 60, broken: false), seeds: 0..<40, steps: 150)
        // The random keys must have reached what this test is about, or it proves little.
        XCTAssertGreaterThan(seen.skips, 0, "questions skipped by ask_when")
        XCTAssertGreaterThan(seen.exitsPassed, 0, "early exits passed")
        XCTAssertGreaterThan(seen.earlierChanges, 0, "earlier answers changed")
        XCTAssertGreaterThan(seen.returned, 0, "set-aside answers back on the path")
    }

    func testAFlowWithCyclesAndDeadEndsMatchesAFullWalk() throws {
        let seen = try drive(Synthetic.bundle(questions: 40, broken: true), seeds: 0..<40, steps: 100)
        XCTAssertGreaterThan(seen.stuck, 0, "walks that end stuck")
    }

    func testAnsweringAtTheEndKeepsTheStopsAlreadyWalked() throws {
        var s = Session(bundle: try Synthetic.bundle(questions: 20, broken: false), today: nil)
        s.give(.option("yes"))
        let before = s.walk
        s.give(.option("a"))
        XCTAssertEqual(Array(s.walk.stops.prefix(before.stops.count)), before.stops)
        XCTAssertEqual(s.walk, FlowWalker(bundle: s.bundle, today: nil).walk(answers: s.answers, continued: s.continued))
    }

    func testRewalkingFromAStopThatCannotBeCarriedOnStartsAgain() throws {
        let bundle = try Synthetic.bundle(questions: 40, broken: true)
        let walker = FlowWalker(bundle: bundle, today: nil)
        // q0 has no rule for "yes": the walk ends stuck on a question it has answered.
        let answers: [String: Answer] = ["q0": .value(.option("yes"))]
        var trail = walker.trail(answers: answers, continued: [])
        XCTAssertEqual(trail.walk.end, .stuck("q0"))
        walker.rewalk(&trail, from: trail.walk.stops.count, answers: answers, continued: [])
        XCTAssertEqual(trail.walk, walker.walk(answers: answers))
    }

    // MARK: Driving a session

    struct Seen {
        var skips = 0, exitsPassed = 0, earlierChanges = 0, returned = 0, stuck = 0
    }

    @discardableResult
    func drive(_ bundle: ContentBundle, seeds: Range<UInt64>, steps: Int,
               file: StaticString = #filePath, line: UInt = #line) throws -> Seen {
        let walker = FlowWalker(bundle: bundle, today: nil)
        let metrics = FlowMetrics(bundle: bundle)
        var seen = Seen()
        for seed in seeds {
            var rng = SplitMix64(seed: seed)
            var s = Session(bundle: bundle, today: nil, metrics: metrics)
            var log: [String] = []
            for _ in 0..<steps {
                let asideBefore = s.setAside
                log.append(step(&s, &rng, &seen))
                let context = "seed \(seed), keys: \(log.joined(separator: ", "))"
                guard expectFullWalk(s, walker: walker, metrics: metrics, context, file: file, line: line) else { return seen }
                if asideBefore.keys.contains(where: { s.walk.effective[$0] != nil }) { seen.returned += 1 }
                if !s.walk.skipped.isEmpty { seen.skips += 1 }
                if s.walk.stops.contains(where: { if case .outcome = $0 { return true } else { return false } }) { seen.exitsPassed += 1 }
                if case .stuck = s.walk.end { seen.stuck += 1 }
            }
        }
        return seen
    }

    /// One random key, as a caseworker might press it; returns what it did, for the failure message.
    func step(_ s: inout Session, _ rng: inout SplitMix64, _ seen: inout Seen) -> String {
        let roll = Int.random(in: 0..<100, using: &rng)
        switch s.position {
        case .outcome(let id) where roll < 60:
            return s.continuePastOutcome() ? "continue past \(id)" : "no way past \(id)"
        case .question(let id, let current) where roll < 70:
            guard let q = s.bundle.question(id) else { return "no question \(id)" }
            let answer = randomAnswer(q, &rng)
            if s.index < s.walk.stops.count, current != answer { seen.earlierChanges += 1 }
            do { try s.answer(answer) } catch { return "refused \(id) = \(answer)" }
            return "\(id) = \(answer)"
        default:
            break
        }
        switch roll % 10 {
        case 0, 1, 2, 3:
            return s.back() ? "back" : "back (at the start)"
        case 4, 5, 6:
            let asked = s.walk.stops.compactMap { stop -> String? in if case .question(let q) = stop { return q } else { return nil } }
            guard let q = asked.randomElement(using: &rng) else { return "nothing to change" }
            s.goTo(question: q)
            return "go to \(q)"
        case 7, 8:
            s.resume()
            return "resume"
        default:
            if Int.random(in: 0..<20, using: &rng) == 0 {
                s.forgetAll()
                return "forget all"
            }
            return "nothing"
        }
    }

    /// A valid answer from a small set, so that answers repeat and paths come back.
    func randomAnswer(_ q: Question, _ rng: inout SplitMix64) -> Answer {
        if q.sensitive && Int.random(in: 0..<6, using: &rng) == 0 { return .declined }
        switch q.kind {
        case .singleChoice, .yesNoUnsure:
            return .value(.option(q.options.randomElement(using: &rng)!.id))
        case .multipleChoice:
            let picked = q.options.filter { _ in Bool.random(using: &rng) }.map(\.id)
            return .value(.options(picked.isEmpty ? [q.options[0].id] : picked))
        case .number:
            let lo = Int(q.numberRules.min ?? 0), hi = max(lo, Int(q.numberRules.max ?? Double(lo + 100)))
            let picks = [lo, hi, (lo + hi) / 2, lo + 1, min(hi, 17), min(hi, 18), min(hi, 30)].filter { $0 >= lo && $0 <= hi }
            return .value(.number(Double(picks.randomElement(using: &rng)!)))
        case .date:
            return .value(.date(Day(["2020-01-15", "2024-06-30", "2026-11-01"].randomElement(using: &rng)!)!))
        case .text:
            return .value(.text(["x", "y"].randomElement(using: &rng)!))
        }
    }

    /// The session equals one rebuilt from its answers by a walk from the start, placed at the same stop.
    func expectFullWalk(_ s: Session, walker: FlowWalker, metrics: FlowMetrics, _ context: String,
                        file: StaticString, line: UInt) -> Bool {
        let full = walker.walk(answers: s.answers, continued: s.continued)
        guard s.walk == full else {
            XCTFail("incremental walk \(s.walk) differs from the full walk \(full) — \(context)", file: file, line: line)
            return false
        }
        var rebuilt = Session(bundle: s.bundle, answers: s.answers, continued: s.continued, today: nil, metrics: metrics)
        while rebuilt.index > s.index, rebuilt.back() {}
        let done = s.walk.stops.prefix(s.index).filter { if case .question = $0 { return true } else { return false } }.count
        let remaining = s.bundle.flow.nodes[s.currentNode] != nil ? (metrics.longestRemaining[s.currentNode] ?? 1) : 0
        let step = remaining > 0 ? done + 1 : done
        let progress = Progress(step: step, estimatedTotal: max(step, done + remaining), section: s.bundle.section(of: s.currentNode))
        let stops = s.stops
        let same = rebuilt.index == s.index && rebuilt.position == s.position && rebuilt.stops == stops
            && rebuilt.setAside == s.setAside && s.progress == progress
            && s.bundle.questions.allSatisfy { s.reaches(question: $0.id) == stops.contains(.question($0.id)) }
        XCTAssertTrue(same, "the session differs from one rebuilt from its answers — \(context)", file: file, line: line)
        return same
    }
}

/// A made-up bundle with a long branching flow: yes/no/unsure, choice, number and sensitive tick-all
/// questions; jumps forward; `ask_when` on earlier answers; early exits that can be passed. `broken` adds
/// jumps back (cycles) and nodes with no default rule (dead ends), as content with checker errors has.
enum Synthetic {
    static func bundle(questions n: Int, broken: Bool) throws -> ContentBundle {
        var questions = "questions:\n"
        var nodes = "nodes:\n"
        var outcomes = "outcomes:\n  - {id: done, title: {en: Results, fr: Résultats}}\n"
        func q(_ i: Int) -> String { i < n ? "q\(i)" : "done" }
        for i in 0..<n {
            let prompt = "prompt: {en: Question \(i)?, fr: Question \(i)?}"
            // Some questions are asked only when an earlier yes/no question (every fourth one) was answered yes.
            let askWhen = i % 8 == 6 ? ", ask_when: \"q\(i - 2) = yes\"" : i % 12 == 7 ? ", ask_when: \"q\(i - 7) = yes\"" : ""
            switch i % 4 {
            case 0:
                questions += "  - {id: q\(i), kind: yes_no_unsure, \(prompt)\(askWhen)}\n"
                let exit = "exit\(i)"
                outcomes += "  - {id: \(exit), urgent: true, title: {en: Stop \(i), fr: Arrêt \(i)}, continue_to: \(q(i + 1))}\n"
                if broken && i % 8 == 0 {
                    nodes += "  q\(i): {next: [{if: \"q\(i) = unsure\", go: \(exit)}, {if: \"q\(i) = no\", go: \(q(i + 2))}]}\n"
                } else {
                    nodes += "  q\(i): {next: [{if: \"q\(i) = unsure\", go: \(exit)}, {if: \"q\(i) = no\", go: \(q(i + 2))}, {go: \(q(i + 1))}]}\n"
                }
            case 1:
                questions += "  - {id: q\(i), kind: single_choice, \(prompt)\(askWhen), options: [{id: a, label: {en: A, fr: A}}, {id: b, label: {en: B, fr: B}}, {id: c, label: {en: C, fr: C}}]}\n"
                let back = broken && i >= 5 ? q(i - 4) : q(i + 3)
                nodes += "  q\(i): {next: [{if: \"q\(i) = a\", go: \(q(i + 1))}, {if: \"q\(i) = b\", go: \(back)}, {go: \(q(i + 2))}]}\n"
            case 2:
                questions += "  - {id: q\(i), kind: number, min: 0, max: 40, integer: true, \(prompt)\(askWhen)}\n"
                nodes += "  q\(i): {next: [{if: \"q\(i) > 17\", go: \(q(i + 2))}, {go: \(q(i + 1))}]}\n"
            default:
                questions += "  - {id: q\(i), kind: multiple_choice, sensitive: true, \(prompt)\(askWhen), options: [{id: x, label: {en: X, fr: X}}, {id: y, label: {en: Y, fr: Y}}]}\n"
                nodes += "  q\(i): {next: \(q(i + 1))}\n"
            }
        }
        let ids = (0..<n).map { "q\($0)" }.joined(separator: ", ")
        let flow = "start: q0\nsections:\n  - {id: all, title: {en: All, fr: Tout}, questions: [\(ids)]}\n" + nodes
        let bundleInfo = """
            id: synthetic
            title: {en: Synthetic, fr: Synthétique}
            version: 0.1.0
            locales: [en, fr]
            default_locale: en
            reviewed_on: 2026-11-20
            review_interval_days: 180
            disclaimer: {en: Not legal advice., fr: Pas un avis juridique.}

            """
        let files = ["bundle.yaml": bundleInfo, "questions/all.yaml": questions, "flow.yaml": flow, "outcomes.yaml": outcomes]
        let checked = Checker.check(ContentFiles(files: files.mapValues { Array($0.utf8) }, displayRoot: "synthetic"), today: nil)
        // The broken bundle has errors on purpose; the sound one must load with every question in its flow.
        if !broken { XCTAssertFalse(checked.hasErrors, checked.diagnostics.map(\.formatted).joined(separator: "\n")) }
        XCTAssertEqual(checked.bundle.questions.count, n)
        XCTAssertEqual(checked.bundle.flow.nodes.count, n)
        return checked.bundle
    }
}
