/// Searches for answers that make a condition true, to find branches and pathways no answers can reach.
///
/// Each question gets a small set of representative answers (its options, numbers either side of every
/// number the condition mentions, ...). The search assigns questions one at a time and prunes as soon as
/// three-valued evaluation says false, which Kleene logic makes safe: false with some answers still free
/// stays false whatever they turn out to be.
struct Satisfiability {
    let bundle: ContentBundle
    let evaluator: ConditionEvaluator
    /// The day `today` stands for in the search: date answers are tried around it.
    let referenceDay: Day
    /// Work limit per search; past it the answer is "unknown" and nothing is reported.
    var budget = 5_000

    init(bundle: ContentBundle, today: Day?) {
        self.bundle = bundle
        self.referenceDay = Satisfiability.referenceDay(today, bundle)
        self.evaluator = ConditionEvaluator(bundle: bundle, today: referenceDay)
    }

    /// The day searches take for `today`: the one given, else the bundle's review date, else a fixed day.
    static func referenceDay(_ today: Day?, _ bundle: ContentBundle) -> Day {
        today ?? bundle.info.reviewedOn ?? Day(year: 2000, month: 1, day: 1)!
    }

    /// `.yes` when some answers make it true, `.no` when none can, `.unknown` when the search gave up.
    func canBeTrue(_ condition: Condition, neverAnswered: Set<String> = []) -> Truth {
        var variables: [String] = []
        for ref in condition.questionRefs where !variables.contains(ref.name) {
            // A condition naming an unknown question is already an error; say nothing more about it.
            guard bundle.question(ref.name) != nil else { return .unknown }
            variables.append(ref.name)
        }
        let domains = variables.map { domain($0, in: condition, neverAnswered: neverAnswered) }
        var assignment: [String: AnswerState] = [:]
        var steps = 0
        var gaveUp = false

        func search(_ i: Int) -> Bool {
            steps += 1
            if steps > budget { gaveUp = true; return false }
            let t = evaluator.evaluate(condition) { assignment[$0] ?? .free }
            if t == .yes { return true }
            if t == .no || i == variables.count { return false }
            for value in domains[i] {
                assignment[variables[i]] = value
                if search(i + 1) { return true }
                if gaveUp { return false }
            }
            assignment[variables[i]] = nil
            return false
        }
        if search(0) { return .yes }
        return gaveUp ? .unknown : .no
    }

    /// Representative answers for one question, enough to decide every test the condition makes of it.
    func domain(_ id: String, in condition: Condition, neverAnswered: Set<String>) -> [AnswerState] {
        guard !neverAnswered.contains(id), let q = bundle.question(id) else { return [.unanswered] }
        // Real answers first: they satisfy most conditions, so the search usually ends at once.
        var values: [AnswerState] = []
        let literals = Self.literals(of: id, in: condition)
        switch q.kind {
        case .singleChoice, .yesNoUnsure:
            values += q.options.map { .value(.option($0.id)) }
        case .multipleChoice:
            var named: [String] = []
            for case .word(let w) in literals where !named.contains(w) && q.option(w) != nil { named.append(w) }
            if named.count > 10 { named = Array(named.prefix(10)) }
            let other = q.options.first { !named.contains($0.id) && !$0.unsure }?.id
            let unsure = q.options.first { $0.unsure }?.id
            for mask in 0..<(1 << named.count) {
                let chosen = named.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
                values.append(.value(.options(chosen)))
                if mask == 0 {
                    if let other { values.append(.value(.options([other]))) }
                    if let unsure { values.append(.value(.options([unsure]))) }
                }
            }
        case .number:
            var points: [Double] = []
            for case .number(let n) in literals { points += [n - 1, n - 0.5, n, n + 0.5, n + 1] }
            points.append(q.numberRules.min ?? 0)
            let rules = q.numberRules
            let valid = points.filter { n in
                n >= (rules.min ?? -.infinity) && n <= (rules.max ?? .infinity) && (!rules.integer || n.rounded() == n)
            }
            values += Array(Set(valid)).sorted().map { .value(.number($0)) }
        case .date:
            var days: [Day] = []
            for case .date(let d) in literals { days += [d.adding(days: -1), d, d.adding(days: 1)] }
            for d in Self.dateCandidates(of: id, in: condition, around: referenceDay) { days += [d.adding(days: -1), d, d.adding(days: 1)] }
            days.append(referenceDay)
            values += Array(Set(days)).sorted().map { .value(.date($0)) }
        case .text:
            var texts: [String] = []
            for literal in literals {
                if case .string(let s) = literal { texts.append(s) }
                if case .word(let s) = literal { texts.append(s) }
            }
            values += (Array(Set(texts)).sorted() + ["\u{1}other"]).map { .value(.text($0)) }
        }
        if q.sensitive { values.append(.declined) }
        values.append(.unanswered)
        return values
    }

    /// Days for a date question that sit on the edge of each date comparison it takes part in, taking
    /// `today` and any other date question as `reference`: for `first_entry + 1 year < today`, the day one
    /// year before the reference.
    static func dateCandidates(of id: String, in c: Condition, around reference: Day) -> [Day] {
        switch c {
        case .dateCompare(let a, _, let b):
            var out: [Day] = []
            // The other side's day; another question's answer is itself tried a day either side of the
            // reference, so the edge is looked for on each of those too.
            func others(_ t: DateTerm) -> [Day] {
                switch t.base {
                case .day(let d, _): return [t.value(from: d)]
                case .today: return [t.value(from: reference)]
                case .question: return [-1, 0, 1].map { t.value(from: reference.adding(days: $0)) }
                }
            }
            if a.question?.name == id { out += others(b).map(a.base(giving:)) }
            if b.question?.name == id { out += others(a).map(b.base(giving:)) }
            return out
        case .not(let inner): return dateCandidates(of: id, in: inner, around: reference)
        case .and(let cs), .or(let cs): return cs.flatMap { dateCandidates(of: id, in: $0, around: reference) }
        default: return []
        }
    }

    static func literals(of id: String, in c: Condition) -> [Literal] {
        switch c {
        case .constant, .isYes, .status, .dateCompare: return []
        case .compare(let q, _, let l): return q.name == id ? [l.value] : []
        case .member(let q, _, let ls), .has(let q, _, let ls): return q.name == id ? ls.map(\.value) : []
        case .not(let inner): return literals(of: id, in: inner)
        case .and(let cs), .or(let cs): return cs.flatMap { literals(of: id, in: $0) }
        }
    }
}
