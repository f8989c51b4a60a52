/// A token of the condition language, with its offset in characters.
struct ConditionToken: Hashable {
    enum Kind: Hashable {
        case word(String)
        case number(Double)
        case date(Day)
        case string(String)
        case symbol(String)
        case end
    }
    var kind: Kind
    var offset: Int
}

/// Splits condition text into tokens.
enum ConditionLexer {
    static let symbols = ["!=", "<=", ">=", "==", "=", "<", ">", "(", ")", "[", "]", ","]

    static func tokens(_ text: String) throws(ConditionSyntaxError) -> [ConditionToken] {
        let chars = Array(text)
        var result: [ConditionToken] = []
        var i = 0
        // ASCII tests by value: Character's Unicode properties cost more than the rest of the lexer.
        func isWordStart(_ c: Character) -> Bool {
            guard let a = c.asciiValue else { return false }
            return a == UInt8(ascii: "_") || (a | 0x20 >= UInt8(ascii: "a") && a | 0x20 <= UInt8(ascii: "z"))
        }
        func isDigit(_ c: Character) -> Bool { c.asciiValue.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }
        func isWordChar(_ c: Character) -> Bool { isWordStart(c) || isDigit(c) || c == "-" }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if isWordStart(c) {
                while i < chars.count, isWordChar(chars[i]) { i += 1 }
                result.append(ConditionToken(kind: .word(String(chars[start..<i])), offset: start))
            } else if isDigit(c) || (c == "-" && i + 1 < chars.count && isDigit(chars[i + 1])) {
                i += 1
                while i < chars.count, isDigit(chars[i]) || chars[i] == "." || chars[i] == "-" { i += 1 }
                let word = String(chars[start..<i])
                if let day = Day(word) {
                    result.append(ConditionToken(kind: .date(day), offset: start))
                } else if let n = Double(word), n.isFinite {
                    result.append(ConditionToken(kind: .number(n), offset: start))
                } else {
                    throw ConditionSyntaxError(message: "'\(word)' is not a number or a date (YYYY-MM-DD)", offset: start)
                }
            } else if c == "\"" || c == "'" {
                i += 1
                while i < chars.count, chars[i] != c { i += 1 }
                guard i < chars.count else {
                    throw ConditionSyntaxError(message: "this quoted text has no closing \(c)", offset: start)
                }
                result.append(ConditionToken(kind: .string(String(chars[(start + 1)..<i])), offset: start))
                i += 1
            } else if let symbol = symbols.first(where: { matches($0, chars, at: i) }) {
                i += symbol.count
                result.append(ConditionToken(kind: .symbol(symbol == "==" ? "=" : symbol), offset: start))
            } else {
                throw ConditionSyntaxError(message: "unexpected character '\(c)'", offset: start)
            }
        }
        result.append(ConditionToken(kind: .end, offset: chars.count))
        return result
    }

    private static func matches(_ symbol: String, _ chars: [Character], at i: Int) -> Bool {
        var j = i
        for c in symbol {
            guard j < chars.count, chars[j] == c else { return false }
            j += 1
        }
        return true
    }
}
