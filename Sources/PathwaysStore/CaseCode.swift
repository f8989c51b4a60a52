/// A short random case code such as "KQ7-M2P": no names, easy to read aloud, no look-alike characters.
public struct CaseCode: Hashable, Sendable, CustomStringConvertible, Comparable {
    public let value: String
    static let alphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")

    /// A new code from the system's secure random source.
    public static func random() -> CaseCode {
        var rng = SystemRandomNumberGenerator()
        let chars = (0..<6).map { _ in alphabet[Int(rng.next(upperBound: UInt32(alphabet.count)))] }
        return CaseCode(unchecked: String(chars[0..<3]) + "-" + String(chars[3..<6]))
    }

    /// Accepts a code as typed: any case, with or without the dash.
    public init?(_ text: String) {
        let cleaned = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard cleaned.count == 6, cleaned.allSatisfy(CaseCode.alphabet.contains) else { return nil }
        value = String(cleaned.prefix(3)) + "-" + String(cleaned.suffix(3))
    }

    init(unchecked: String) { value = unchecked }

    public var description: String { value }
    public static func < (a: CaseCode, b: CaseCode) -> Bool { a.value < b.value }
}
