/// How many terminal columns text takes: 0 for combining marks, 2 for wide (CJK, emoji), else 1.
public enum TextWidth {
    public static func of(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        return of(first)
    }

    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        // Printable ASCII is one column: no need for the Unicode tables (the profile's top entry).
        if v >= 0x20 && v < 0x7f { return 1 }
        if v == 0 { return 0 }
        if v < 32 || (0x7f..<0xa0).contains(v) { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(v) { return 2 }
        return 1
    }

    public static func of(_ s: String) -> Int {
        // Text that is all printable ASCII, nearly all of it, is one column a byte.
        var columns = 0
        for byte in s.utf8 {
            guard byte >= 0x20 && byte < 0x7f else { return s.reduce(0) { $0 + of($1) } }
            columns += 1
        }
        return columns
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115f).contains(v) || (0x2e80...0x303e).contains(v) || (0x3041...0x33ff).contains(v)
            || (0x3400...0x4dbf).contains(v) || (0x4e00...0x9fff).contains(v) || (0xa000...0xa4cf).contains(v)
            || (0xac00...0xd7a3).contains(v) || (0xf900...0xfaff).contains(v) || (0xfe30...0xfe4f).contains(v)
            || (0xff00...0xff60).contains(v) || (0xffe0...0xffe6).contains(v) || (0x1f300...0x1f64f).contains(v)
            || (0x1f900...0x1f9ff).contains(v) || (0x20000...0x3fffd).contains(v)
    }

    /// The longest prefix of `s` that fits in `columns`.
    public static func prefix(_ s: String, fitting columns: Int) -> String {
        var out = "", used = 0
        for c in s {
            let w = of(c)
            if used + w > columns { break }
            out.append(c)
            used += w
        }
        return out
    }
}
