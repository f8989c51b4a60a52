/// Ways from a place in the flow to any outcome, for a search whose pathway is already sure to apply.
/// Remembered across pathways (one finder per worker thread): many pathways leave by the same ways.
final class WayOutFinder {
    enum Way {
        /// The first step of the way, for `answers(from:)`.
        case found(Int)
        case none
        case gaveUp
    }

    let moves: FlowMoves
    let budget: Int
    /// Solved states → their step. Steps are kept in arrays, so following a way out never hashes.
    private var solved: [FlowMoves.State: Int] = [:]
    private var dead = Set<FlowMoves.State>()
    private var stepNode: [String] = []
    private var stepAnswer: [Answer?] = []
    /// The next step, or -1 at an outcome.
    private var stepNext: [Int] = []

    init(moves: FlowMoves, budget: Int) {
        self.moves = moves
        self.budget = budget
    }

    func finish(from node: String, live: [String: Answer]) -> Way {
        var steps = 0
        var gaveUp = false
        func record(_ key: FlowMoves.State, _ node: String, _ answer: Answer?, _ next: Int) -> Int {
            stepNode.append(node)
            stepAnswer.append(answer)
            stepNext.append(next)
            solved[key] = stepNode.count - 1
            return stepNode.count - 1
        }
        func solve(_ node: String, _ live: [String: Answer]) -> Int? {
            let key = moves.state(node, live)
            if let step = solved[key] { return step }
            if dead.contains(key) { return nil }
            steps += 1
            if steps > budget { gaveUp = true; return nil }
            if moves.bundle.outcome(node) != nil { return record(key, node, nil, -1) }
            for move in moves.moves(from: node, live: live) {
                if let then = solve(move.next, move.live) { return record(key, node, move.answer, then) }
                if gaveUp { return nil }
            }
            dead.insert(key)
            return nil
        }
        guard let step = solve(node, live) else { return gaveUp ? .gaveUp : .none }
        return .found(step)
    }

    /// The answers on the way out from a step `finish` gave; only those to `questions`, when given.
    func answers(from start: Int, only questions: Set<String>? = nil) -> [String: Answer] {
        var out: [String: Answer] = [:]
        var step = start
        while step >= 0 {
            if let answer = stepAnswer[step], questions?.contains(stepNode[step]) ?? true { out[stepNode[step]] = answer }
            if let questions, out.count == questions.count { break }
            step = stepNext[step]
        }
        return out
    }
}
