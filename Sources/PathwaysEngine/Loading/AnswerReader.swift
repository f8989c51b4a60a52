/// Reads answers written as YAML (question id → answer), as in scenarios and `pathways assess` files.
enum AnswerReader {
    static func answers(_ node: Node, _ sink: DiagnosticSink) -> [WrittenAnswer] {
        guard case .mapping(let mapping) = node else {
            sink.report(.wrongType, at: sink.location(of: node), "answers must be a mapping of question id to answer, found \(node.kindName)")
            return []
        }
        var result: [WrittenAnswer] = []
        for (key, value) in mapping {
            guard case .scalar(let k) = key else {
                sink.report(.wrongType, at: sink.location(of: key), "a question id must be plain text")
                continue
            }
            guard let answer = answer(value, sink) else { continue }
            result.append(WrittenAnswer(question: Reference(k.string, at: sink.location(of: key)), answer: answer,
                                        location: sink.location(of: value)))
        }
        return result
    }

    /// An answer as written; it is typed against its question later (`declined`, an option, a list, a number...).
    static func answer(_ node: Node, _ sink: DiagnosticSink) -> Answer? {
        switch node {
        case .scalar(let s):
            let text = s.string
            let quoted = s.style == .singleQuoted || s.style == .doubleQuoted
            if !quoted && text == "declined" { return .declined }
            if !quoted, let n = Double(text), n.isFinite, text.first != "+" { return .value(.number(n)) }
            if !quoted, let d = Day(text) { return .value(.date(d)) }
            if !quoted && Read.isIdentifier(text) { return .value(.option(text)) }
            return .value(.text(text))
        case .sequence(let items):
            var ids: [String] = []
            for item in items {
                guard case .scalar(let s) = item else {
                    sink.report(.wrongType, at: sink.location(of: item), "a list answer holds option ids, found \(item.kindName)")
                    return nil
                }
                ids.append(s.string)
            }
            return .value(.options(ids))
        default:
            sink.report(.wrongType, at: sink.location(of: node), "an answer is an option id, a list, a number, a date, text or 'declined'; found \(node.kindName)")
            return nil
        }
    }
}
