import PathwaysEngine

/// The order in which the conversation asks the questions: the flow's sections in order, then any
/// question in no section in the order of the files. Lists of questions (set-aside answers) follow it,
/// not the order the files happen to be read in.
struct ConversationOrder {
    private let rank: [String: Int]

    init(_ bundle: ContentBundle) {
        var rank: [String: Int] = [:]
        for id in bundle.flow.sections.flatMap(\.questions).map(\.id) + bundle.flow.nodeOrder + bundle.questions.map(\.id)
        where rank[id] == nil {
            rank[id] = rank.count
        }
        self.rank = rank
    }

    func sorted(_ ids: [String]) -> [String] {
        ids.sorted { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
    }
}
