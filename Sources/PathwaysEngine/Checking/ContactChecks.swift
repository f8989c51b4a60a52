/// Phone numbers and web addresses written in a text must be declared in the referral directory, each
/// with a source: a number a caseworker dials has to be one somebody checked.
enum ContactChecks {
    static func undeclared(_ b: ContentBundle) -> [Diagnostic] {
        var numbers = Set<String>(), addresses = Set<String>()
        for r in b.referrals {
            for n in [r.phone, r.textNumber].compactMap({ $0 }) { numbers.insert(n.filter(\.isNumber)) }
            if let u = r.url { addresses.insert(ContactScan.normalised(u)) }
        }
        var out: [Diagnostic] = []
        for text in ContentWalk.texts(b) {
            for (locale, value) in text.texts.sorted(by: { $0.key < $1.key }) {
                // Most texts hold neither digits nor dots: skip them without splitting.
                guard value.utf8.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }) else { continue }
                for found in ContactScan.contacts(in: value) {
                    let declared = found.isPhone ? numbers.contains(found.text.filter(\.isNumber)) : addresses.contains(ContactScan.normalised(found.text))
                    guard !declared else { continue }
                    let what = found.isPhone ? "the number" : "the web address"
                    out.append(Diagnostic(.undeclaredContact, at: text.location(of: locale, offset: found.offset) ?? b.info.location,
                                          "\(what) '\(found.text)' is not in referrals.yaml",
                                          hint: "declare it in referrals.yaml (as phone:, text_number: or url: of a referral, with its sources), so it is checked like every other contact"))
                }
            }
        }
        return out
    }
}

/// Finds phone numbers and web addresses in prose.
public enum ContactScan {
    public struct Found: Equatable, Sendable {
        public var text: String
        /// Where it starts, in Unicode scalars from the start of the text (as columns are counted).
        public var offset: Int
        public var isPhone: Bool
    }

    /// Phone-shaped tokens (dash-separated digit groups that form a phone number, or 6 digits or more in a
    /// row) and addresses (http(s)://…, www.…, or a name ending in .ca, .com, .org or .net).
    public static func contacts(in text: String) -> [Found] {
        let scalars = Array(text.unicodeScalars)
        var out: [Found] = []
        var i = 0
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        func isLabel(_ s: Unicode.Scalar) -> Bool { s.isASCII && (s.properties.isAlphabetic || isDigit(s) || s == "-") }
        func isWordChar(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || isDigit(s) || s == "_" }
        while i < scalars.count {
            let c = scalars[i]
            let startsWord = i == 0 || !isWordChar(scalars[i - 1])
            if isDigit(c) && (i == 0 || !(isDigit(scalars[i - 1]) || scalars[i - 1] == "-")) {
                var j = i
                while j < scalars.count && (isDigit(scalars[j]) || scalars[j] == "-") { j += 1 }
                var end = j
                while end > i && scalars[end - 1] == "-" { end -= 1 }
                let token = String(String.UnicodeScalarView(scalars[i..<end]))
                // Not the digits of an address such as 211ontario.ca.
                let inWord = j < scalars.count && (scalars[j].properties.isAlphabetic || scalars[j] == ".") && j + 1 < scalars.count && isLabel(scalars[j + 1])
                if !inWord && (token.contains("-") ? ContactFormat.isPhone(token) : token.count >= 6) {
                    out.append(Found(text: token, offset: i, isPhone: true))
                    i = j
                    continue
                }
            }
            if startsWord && isLabel(c) {
                let rest = String(String.UnicodeScalarView(scalars[i...].prefix(8))).lowercased()
                var j = i
                if rest.hasPrefix("http://") || rest.hasPrefix("https://") {
                    while j < scalars.count && !(scalars[j].properties.isWhitespace || scalars[j] == ")" || scalars[j] == "]") { j += 1 }
                } else {
                    while j < scalars.count && (isLabel(scalars[j]) || scalars[j] == ".") { j += 1 }
                    let host = String(String.UnicodeScalarView(scalars[i..<j])).lowercased()
                    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
                    let www = host.hasPrefix("www.") && labels.count >= 3
                    let known = labels.count >= 2 && ["ca", "com", "org", "net"].contains(labels.last.map(String.init) ?? "")
                    guard www || known || (host.hasSuffix(".") && ["ca", "com", "org", "net"].contains(String(labels.dropLast().last ?? ""))) else {
                        i = max(j, i + 1)
                        continue
                    }
                    // An address may go on with a path.
                    if j < scalars.count && scalars[j] == "/" {
                        while j < scalars.count && !(scalars[j].properties.isWhitespace || [")", "]", ",", ";"].contains(scalars[j])) { j += 1 }
                    }
                }
                while j > i && (scalars[j - 1] == "." || scalars[j - 1] == ",") { j -= 1 }
                out.append(Found(text: String(String.UnicodeScalarView(scalars[i..<j])), offset: i, isPhone: false))
                i = j
                continue
            }
            i += 1
        }
        return out
    }

    /// An address without its scheme, "www." and closing slashes, in lower case: how two are compared.
    public static func normalised(_ url: String) -> String {
        var u = url.lowercased()
        for prefix in ["https://", "http://", "www."] where u.hasPrefix(prefix) { u.removeFirst(prefix.count) }
        while u.hasSuffix("/") { u.removeLast() }
        return u
    }
}
