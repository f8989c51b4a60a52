/// What phone numbers and web addresses the tool can show without misleading anyone.
public enum ContactFormat {
    /// 911 and other short codes (3 to 6 digits, optionally with dashes: 9-8-8), or a North American
    /// number written 1-800-555-0100 or 800-555-0100.
    public static func isPhone(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        let digits = groups.joined()
        if groups.count == 1 { return (3...6).contains(digits.count) }
        if groups.allSatisfy({ $0.count == 1 }) { return (3...6).contains(digits.count) }
        let shape = groups.map(\.count)
        if shape == [3, 3, 4] { return true }
        if shape == [1, 3, 3, 4] { return groups[0] == "1" }
        return false
    }

    /// An http or https address with a host that has a dot, and no spaces.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = text.dropFirst(8) } else if lower.hasPrefix("http://") { rest = text.dropFirst(7) } else { return false }
        guard !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return false }
        let host = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }
            && (labels.last?.count ?? 0) >= 2
    }
}
