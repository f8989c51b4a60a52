/// Parses the condition language: `status in [a, b] and not (age < 18 or abuse is declined)`.
public struct ConditionParser {
    static let keywords: Set<String> = ["and", "or", "not", "in", "has", "any", "all", "is", "true", "false",
                                        "answered", "declined", "unanswered"]
    static let maxDepth = 64

    private var tokens: [ConditionToken]
    private var position = 0
    private var depth = 0

    /// Parses a whole condition or throws a syntax error with its offset.
    public static func parse(_ text: String) throws(ConditionSyntaxError) -> Condition {
        var parser = ConditionParser(tokens: try ConditionLexer.tokens(text))
        guard parser.peek.kind != .end else {
            throw ConditionSyntaxError(message: "the condition is empty", offset: 0)
        }
        let condition = try parser.parseOr()
        guard parser.peek.kind == .end else {
            throw ConditionSyntaxError(message: "expected 'and', 'or' or the end of the condition, found \(parser.peek.display)",
                                       offset: parser.peek.offset)
        }
        return condition
    }

    private init(tokens: [ConditionToken]) { self.tokens = tokens }

    private var peek: ConditionToken { tokens[position] }
    private mutating func advance() -> ConditionToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }
    private func isWord(_ word: String) -> Bool { peek.kind == .word(word) }
    private func isSymbol(_ symbol: String) -> Bool { peek.kind == .symbol(symbol) }

    private mutating func parseOr() throws(ConditionSyntaxError) -> Condition {
        var parts = [try parseAnd()]
        while isWord("or") { _ = advance(); parts.append(try parseAnd()) }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> Condition {
        var parts = [try parseUnary()]
        while isWord("and") { _ = advance(); parts.append(try parseUnary()) }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    private mutating func parseUnary() throws(ConditionSyntaxError) -> Condition {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
            throw ConditionSyntaxError(message: "the condition is nested too deeply", offset: peek.offset)
        }
        if isWord("not") {
            _ = advance()
            return .not(try parseUnary())
        }
        if isSymbol("(") {
            let open = advance()
            let inner = try parseOr()
            guard isSymbol(")") else {
                throw ConditionSyntaxError(message: "the '(' at offset \(open.offset + 1) has no matching ')'", offset: peek.offset)
            }
            _ = advance()
            return inner
        }
        if isWord("true") { _ = advance(); return .constant(true) }
        if isWord("false") { _ = advance(); return .constant(false) }
        return try parseAtom()
    }

    private mutating func parseAtom() throws(ConditionSyntaxError) -> Condition {
        let token = advance()
        guard case .word(let name) = token.kind, !Self.keywords.contains(name) else {
            throw ConditionSyntaxError(message: "expected a question id, found \(token.display)", offset: token.offset)
        }
        let ref = QuestionRef(name: name, offset: token.offset)
        switch peek.kind {
        case .symbol(let s) where ComparisonOperator(rawValue: s) != nil:
            _ = advance()
            return .compare(ref, ComparisonOperator(rawValue: s)!, try parseLiteral())
        case .word("in"):
            _ = advance()
            return .member(ref, negated: false, try parseList())
        case .word("not"):
            _ = advance()
            guard isWord("in") else {
                throw ConditionSyntaxError(message: "expected 'in' after 'not' here (as in 'q not in [a, b]')", offset: peek.offset)
            }
            _ = advance()
            return .member(ref, negated: true, try parseList())
        case .word("has"):
            _ = advance()
            if isWord("any") || isWord("all") {
                let mode: HasMode = advance().kind == .word("any") ? .any : .all
                return .has(ref, mode, try parseList())
            }
            guard !isSymbol("[") else {
                throw ConditionSyntaxError(message: "write 'has any [...]' or 'has all [...]' before a list", offset: peek.offset)
            }
            return .has(ref, .one, [try parseLiteral()])
        case .word("is"):
            _ = advance()
            var negated = false
            if isWord("not") { _ = advance(); negated = true }
            let word = advance()
            guard case .word(let w) = word.kind, let status = AnswerStatus(rawValue: w) else {
                throw ConditionSyntaxError(message: "expected 'answered', 'declined' or 'unanswered' after 'is'", offset: word.offset)
            }
            return negated ? .not(.status(ref, status)) : .status(ref, status)
        default:
            return .isYes(ref)
        }
    }

    private mutating func parseList() throws(ConditionSyntaxError) -> [LiteralNode] {
        guard isSymbol("[") else {
            throw ConditionSyntaxError(message: "expected a list such as [a, b], found \(peek.display)", offset: peek.offset)
        }
        _ = advance()
        var items = [try parseLiteral()]
        while isSymbol(",") { _ = advance(); items.append(try parseLiteral()) }
        guard isSymbol("]") else {
            throw ConditionSyntaxError(message: "expected ',' or ']' in the list, found \(peek.display)", offset: peek.offset)
        }
        _ = advance()
        return items
    }

    private mutating func parseLiteral() throws(ConditionSyntaxError) -> LiteralNode {
        let token = advance()
        switch token.kind {
        case .word(let w) where !Self.keywords.contains(w): return LiteralNode(value: .word(w), offset: token.offset)
        case .number(let n): return LiteralNode(value: .number(n), offset: token.offset)
        case .date(let d): return LiteralNode(value: .date(d), offset: token.offset)
        case .string(let s): return LiteralNode(value: .string(s), offset: token.offset)
        default:
            throw ConditionSyntaxError(message: "expected a value (an option id, number, date or quoted text), found \(token.display)",
                                       offset: token.offset)
        }
    }
}

extension ConditionToken {
    /// How the token reads in a message.
    var display: String {
        switch kind {
        case .word(let w): return "'\(w)'"
        case .number(let n): return "'\(Question.show(n))'"
        case .date(let d): return "'\(d)'"
        case .string(let s): return "\"\(s)\""
        case .symbol(let s): return "'\(s)'"
        case .end: return "the end of the condition"
        }
    }
}
