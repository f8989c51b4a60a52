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
    static let symbols = ["!=", "<=", ">=", "==", "=", "<", ">", "(", ")", "[", "]", ",", "+", "-"]

    /// The text as one code per character: its ASCII value, or 0x80 for any other character (never part
    /// of a word, number or symbol). Offsets count characters, as editors' columns do.
    private struct Units {
        let codes: [UInt8]
        private let bytes: [UInt8]?      // ASCII text: the bytes are the characters
        private let chars: [Character]?  // otherwise

        init(_ text: String) {
            let utf8 = Array(text.utf8)
            // "\r\n" is one character, so text with a carriage return takes the character path too.
            if !utf8.contains(where: { $0 >= 0x80 || $0 == 0x0D }) {
                codes = utf8; bytes = utf8; chars = nil
            } else {
                let chars = Array(text)
                codes = chars.map { $0.asciiValue ?? 0x80 }
                self.chars = chars; bytes = nil
            }
        }

        var count: Int { codes.count }
        subscript(i: Int) -> UInt8 { codes[i] }
        func text(_ range: Range<Int>) -> String {
            if let bytes { return String(decoding: bytes[range], as: UTF8.self) }
            return String(chars![range])
        }
    }

    static func tokens(_ text: String) throws(ConditionSyntaxError) -> [ConditionToken] {
        let u = Units(text)
        var result: [ConditionToken] = []
        var i = 0
        func isWordStart(_ c: UInt8) -> Bool { c == UInt8(ascii: "_") || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z")) }
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        func isWordChar(_ c: UInt8) -> Bool { isWordStart(c) || isDigit(c) || c == UInt8(ascii: "-") }
        while i < u.count {
            let c = u[i]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { i += 1; continue }
            let start = i
            if isWordStart(c) {
                while i < u.count, isWordChar(u[i]) { i += 1 }
                result.append(ConditionToken(kind: .word(u.text(start..<i)), offset: start))
            } else if isDigit(c) || (c == UInt8(ascii: "-") && i + 1 < u.count && isDigit(u[i + 1])) {
                i += 1
                while i < u.count, isDigit(u[i]) || u[i] == UInt8(ascii: ".") || u[i] == UInt8(ascii: "-") { i += 1 }
                let word = u.text(start..<i)
                if let day = Day(word) {
                    result.append(ConditionToken(kind: .date(day), offset: start))
                } else if let n = Double(word), n.isFinite {
                    result.append(ConditionToken(kind: .number(n), offset: start))
                } else {
                    throw ConditionSyntaxError(message: "'\(word)' is not a number or a date (YYYY-MM-DD)", offset: start)
                }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                i += 1
                while i < u.count, u[i] != c { i += 1 }
                guard i < u.count else {
                    throw ConditionSyntaxError(message: "this quoted text has no closing \(Character(Unicode.Scalar(c)))", offset: start)
                }
                result.append(ConditionToken(kind: .string(u.text((start + 1)..<i)), offset: start))
                i += 1
            } else if let symbol = symbols.first(where: { matches($0, u, at: i) }) {
                i += symbol.utf8.count
                result.append(ConditionToken(kind: .symbol(symbol == "==" ? "=" : symbol), offset: start))
            } else {
                throw ConditionSyntaxError(message: "unexpected character '\(u.text(i..<(i + 1)))'", offset: start)
            }
        }
        result.append(ConditionToken(kind: .end, offset: u.count))
        return result
    }

    private static func matches(_ symbol: String, _ u: Units, at i: Int) -> Bool {
        var j = i
        for b in symbol.utf8 {
            guard j < u.count, u[j] == b else { return false }
            j += 1
        }
        return true
    }
}
