/// Parses the condition language: `status in [a, b] and not (age < 18 or abuse is declined)`.
public struct ConditionParser {
    static let keywords: Set<String> = ["and", "or", "not", "in", "has", "any", "all", "is", "true", "false",
                                        "answered", "declined", "unanswered", "today"]
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

    /// Parses a date on its own, as written in a deadline's `date:` or inside `{{ }}` in a text:
    /// `last_decision + 12 months`.
    public static func parseDate(_ text: String) throws(ConditionSyntaxError) -> DateTerm {
        var parser = ConditionParser(tokens: try ConditionLexer.tokens(text))
        guard parser.peek.kind != .end else {
            throw ConditionSyntaxError(message: "the date is empty", offset: 0)
        }
        let term = try parser.parseDateTerm()
        guard parser.peek.kind == .end else {
            throw ConditionSyntaxError(message: "expected '+', '-' or the end of the date, found \(parser.peek.display)",
                                       offset: parser.peek.offset)
        }
        return term
    }

    private init(tokens: [ConditionToken]) { self.tokens = tokens }
    private var next: ConditionToken { tokens[min(position + 1, tokens.count - 1)] }

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
        // A comparison that starts with a date or `today`, or with a date question and a shift.
        switch peek.kind {
        case .date, .word("today"): return try parseDateComparison()
        case .word(let w) where !Self.keywords.contains(w) && Self.startsShift(next): return try parseDateComparison()
        default: break
        }
        let token = advance()
        guard case .word(let name) = token.kind, !Self.keywords.contains(name) else {
            throw ConditionSyntaxError(message: "expected a question id, found \(token.display)", offset: token.offset)
        }
        let ref = QuestionRef(name: name, offset: token.offset)
        switch peek.kind {
        case .symbol(let s) where ComparisonOperator(rawValue: s) != nil:
            _ = advance()
            let op = ComparisonOperator(rawValue: s)!
            if rightSideIsDateTerm(ordering: op != .equal && op != .notEqual) {
                return .dateCompare(DateTerm(base: .question(ref)), op, try parseDateTerm())
            }
            return .compare(ref, op, try parseLiteral())
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
                throw ConditionSyntaxError(message: "expected 'answered', 'declined', 'unanswered' or 'unsure' after 'is'", offset: word.offset)
            }
            return negated ? .not(.status(ref, status)) : .status(ref, status)
        default:
            return .isYes(ref)
        }
    }

    /// `a op b` where both sides are date terms.
    private mutating func parseDateComparison() throws(ConditionSyntaxError) -> Condition {
        let left = try parseDateTerm()
        guard case .symbol(let s) = peek.kind, let op = ComparisonOperator(rawValue: s) else {
            throw ConditionSyntaxError(message: "expected a comparison such as '<' or '>=' after the date '\(left)', found \(peek.display)",
                                       offset: peek.offset)
        }
        _ = advance()
        return .dateCompare(left, op, try parseDateTerm())
    }

    /// Whether the value after a comparison is a date term rather than a plain literal: `today`, anything
    /// followed by a shift, or (after an ordering such as '<') another question.
    private func rightSideIsDateTerm(ordering: Bool) -> Bool {
        switch peek.kind {
        case .word("today"): return true
        case .date: return Self.startsShift(next)
        case .word(let w) where !Self.keywords.contains(w): return ordering || Self.startsShift(next)
        default: return false
        }
    }

    /// A token that begins `+ 1 year`, `- 3 days` or `-3 days`.
    private static func startsShift(_ token: ConditionToken) -> Bool {
        switch token.kind {
        case .symbol("+"), .symbol("-"): return true
        case .number(let n): return n < 0
        default: return false
        }
    }

    /// A date question, `today` or a written date, then any number of `+ N unit` or `- N unit`.
    private mutating func parseDateTerm() throws(ConditionSyntaxError) -> DateTerm {
        let token = advance()
        var term: DateTerm
        switch token.kind {
        case .date(let d): term = DateTerm(base: .day(d, offset: token.offset))
        case .word("today"): term = DateTerm(base: .today(offset: token.offset))
        case .word(let w) where !Self.keywords.contains(w): term = DateTerm(base: .question(QuestionRef(name: w, offset: token.offset)))
        default:
            throw ConditionSyntaxError(message: "expected a date question, 'today' or a date (YYYY-MM-DD), found \(token.display)",
                                       offset: token.offset)
        }
        while Self.startsShift(peek) {
            let sign = advance()
            var negative = false
            let amountToken: ConditionToken
            if case .number = sign.kind {
                negative = true
                amountToken = sign
            } else {
                negative = sign.kind == .symbol("-")
                amountToken = advance()
            }
            guard case .number(let n) = amountToken.kind, n.rounded() == n else {
                throw ConditionSyntaxError(message: "expected a whole number of days, weeks, months or years after '\(negative ? "-" : "+")', found \(amountToken.display)",
                                           offset: amountToken.offset)
            }
            let magnitude = abs(n)
            guard (amountToken.kind == sign.kind ? n < 0 : n >= 0), magnitude <= Double(DateShift.maximumAmount) else {
                throw ConditionSyntaxError(message: "write the amount as a whole number from 0 to \(DateShift.maximumAmount)", offset: amountToken.offset)
            }
            let unitToken = advance()
            guard case .word(let u) = unitToken.kind, let unit = DateUnit(word: u) else {
                throw ConditionSyntaxError(message: "expected days, weeks, months or years after '\(Question.show(magnitude))', found \(unitToken.display)",
                                           offset: unitToken.offset)
            }
            term.shifts.append(DateShift(amount: (negative ? -1 : 1) * Int(magnitude), unit: unit, offset: sign.offset))
        }
        return term
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
