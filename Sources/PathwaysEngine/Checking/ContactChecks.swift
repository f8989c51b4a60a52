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
            // The order does not matter: diagnostics are sorted for display.
            for (locale, value) in text.texts where ContactScan.mayHoldContact(value) {
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

    /// Whether a text holds a digit, or a dot followed by a letter or digit ("example.org"): without either
    /// it holds no number or address, and most texts are skipped on this one pass over their bytes.
    static func mayHoldContact(_ text: String) -> Bool {
        var previousDot = false
        for c in text.utf8 {
            if c >= 0x30 && c <= 0x39 { return true }
            if previousDot && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { return true }
            previousDot = c == 0x2E
        }
        return false
    }

    /// Phone-shaped tokens (dash-separated digit groups that form a phone number, or 6 digits or more in a
    /// row) and addresses (http(s)://…, www.…, or a name ending in .ca, .com, .org or .net). A scan of the
    /// UTF-8 bytes: every text of the bundle goes through it, and most hold neither.
    public static func contacts(in text: String) -> [Found] {
        var utf8 = text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8)
        utf8.append(0)  // a sentinel: nothing below reads past the end
        let b = utf8, n = utf8.count - 1
        func digit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func letter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        func label(_ c: UInt8) -> Bool { letter(c) || digit(c) || c == 0x2D }
        /// A byte that continues a word: so a match must not start right after one. (Non-ASCII counts.)
        func wordByte(_ c: UInt8) -> Bool { letter(c) || digit(c) || c == 0x5F || c >= 0x80 }
        func string(_ from: Int, _ to: Int) -> String { String(decoding: b[from..<to], as: UTF8.self) }
        /// Offsets count Unicode scalars, as columns do: every byte that does not continue a sequence.
        func scalarOffset(_ byte: Int) -> Int { b[0..<byte].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        var out: [Found] = []
        var i = 0
        while i < n {
            let c = b[i]
            if digit(c) && (i == 0 || !(digit(b[i - 1]) || b[i - 1] == 0x2D)) {
                var j = i
                while j < n && (digit(b[j]) || b[j] == 0x2D) { j += 1 }
                var end = j
                while end > i && b[end - 1] == 0x2D { end -= 1 }
                let token = string(i, end)
                // Not the digits of an address such as 211ontario.ca.
                let inWord = (letter(b[j]) || b[j] == 0x2E) && label(b[j + 1])
                if !inWord && (token.hasASCII("-") ? ContactFormat.isPhone(token) : end - i >= 6) {
                    out.append(Found(text: token, offset: scalarOffset(i), isPhone: true))
                    i = j
                    continue
                }
                if !inWord { i = j; continue }
            }
            // An address: found from its first dot ("www.", ".ca"), then widened to where it starts.
            if c == 0x2E && i > 0 && label(b[i - 1]) && label(b[i + 1]) {
                var start = i
                while start > 0 && (label(b[start - 1]) || b[start - 1] == 0x2E) { start -= 1 }
                var j = i
                while j < n && (label(b[j]) || b[j] == 0x2E) { j += 1 }
                var hostEnd = j
                while hostEnd > start && b[hostEnd - 1] == 0x2E { hostEnd -= 1 }
                let host = string(start, hostEnd).lowercased()
                var from = start
                var scheme = false
                for s in ["https://", "http://"] where from >= s.utf8.count && string(from - s.utf8.count, from).lowercased() == s {
                    from -= s.utf8.count
                    scheme = true
                    break
                }
                let labels = host.split(separator: ".")
                let known = scheme || (host.hasPrefix("www.") && labels.count >= 3)
                    || (labels.count >= 2 && ["ca", "com", "org", "net"].contains(String(labels.last ?? "")))
                guard known, from == 0 || !wordByte(b[from - 1]) else { i = max(j, i + 1); continue }
                var end = hostEnd
                if scheme {
                    end = hostEnd
                    while end < n && !(b[end] == 0x20 || b[end] == 0x0A || b[end] == 0x09 || b[end] == 0x0D || b[end] == 0x29 || b[end] == 0x5D) { end += 1 }
                } else if b[end] == 0x2F {
                    while end < n && !(b[end] == 0x20 || b[end] == 0x0A || b[end] == 0x09 || b[end] == 0x0D || b[end] == 0x29 || b[end] == 0x5D || b[end] == 0x2C || b[end] == 0x3B) { end += 1 }
                }
                while end > from && (b[end - 1] == 0x2E || b[end - 1] == 0x2C) { end -= 1 }
                out.append(Found(text: string(from, end), offset: scalarOffset(from), isPhone: false))
                i = max(end, i + 1)
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
