/// How a group of trainees answered one training case, from their result files: per key decision, per
/// "what next" question and per question, how many were right and the wrong answers given most often.
public struct GroupResults: Sendable {
    /// One thing the trainees answered: how many answered it, how many were right, and the wrong answers
    /// with how many gave each, most common first.
    public struct Tally: Sendable, Hashable {
        public var id: String
        public var answered: Int
        public var right: Int
        public var wrong: [(answer: String, count: Int)]

        public static func == (a: Tally, b: Tally) -> Bool {
            a.id == b.id && a.answered == b.answered && a.right == b.right && a.wrong.map(\.answer) == b.wrong.map(\.answer) && a.wrong.map(\.count) == b.wrong.map(\.count)
        }
        public func hash(into h: inout Hasher) { h.combine(id); h.combine(answered); h.combine(right) }
    }

    public var scenario: String
    /// The labels the trainees chose, in the order their files were read.
    public var labels: [String]
    public var keyDecisions: [Tally]
    public var whatNext: [Tally]
    public var answers: [Tally]
    public var pathways: [Tally]

    /// The records of one case, grouped; records of other cases are left out.
    public init(scenario: String, records: [QuizRecord]) {
        let mine = records.filter { $0.scenario == scenario }
        self.scenario = scenario
        labels = mine.map(\.label)
        keyDecisions = Self.tally(mine.map(\.keyDecisions))
        whatNext = Self.tally(mine.map(\.whatNext))
        answers = Self.tally(mine.map(\.answers))
        pathways = Self.tally(mine.map(\.pathways))
    }

    /// The cases the records are about, in the order first met.
    public static func cases(in records: [QuizRecord]) -> [String] {
        var out: [String] = []
        for r in records where !out.contains(r.scenario) { out.append(r.scenario) }
        return out
    }

    /// The wrong answers most often given across questions and key decisions: (item id, answer, count).
    public var commonMistakes: [(id: String, answer: String, count: Int)] {
        var seen = Set<String>()
        var out: [(id: String, answer: String, count: Int)] = []
        for t in keyDecisions + answers {
            for w in t.wrong where seen.insert(t.id + "\u{0}" + w.answer).inserted { out.append((t.id, w.answer, w.count)) }
        }
        return out.sorted { ($0.count, $1.id) > ($1.count, $0.id) }
    }

    static func tally(_ lists: [[QuizRecord.Item]]) -> [Tally] {
        var order: [String] = []
        var answered: [String: Int] = [:], right: [String: Int] = [:], wrong: [String: [String: Int]] = [:]
        for list in lists {
            for item in list {
                if answered[item.id] == nil { order.append(item.id) }
                answered[item.id, default: 0] += 1
                if item.right { right[item.id, default: 0] += 1 } else { wrong[item.id, default: [:]][item.answer ?? "—", default: 0] += 1 }
            }
        }
        return order.map { id in
            let w = (wrong[id] ?? [:]).map { (answer: $0.key, count: $0.value) }.sorted { ($0.count, $1.answer) > ($1.count, $0.answer) }
            return Tally(id: id, answered: answered[id] ?? 0, right: right[id] ?? 0, wrong: w)
        }
    }
}
