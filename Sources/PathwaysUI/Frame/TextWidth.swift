import CursesShim

/// How many terminal columns text takes, from glibc's `wcwidth` (its Unicode tables are kept up to date
/// with the C library, and ncurses places characters by the same function, so the frame and the terminal
/// agree): 0 for combining marks and joiners, 2 for wide characters (CJK, most emoji), else 1.
public enum TextWidth {
    /// A character as one cell group: the columns of all its scalars (a flag is two regional indicators of
    /// one column each; an accent adds nothing). Control characters count one column: the frame shows
    /// them as a replacement mark.
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        if scalars.count == 1, let first = scalars.first { return of(first) }
        var columns = 0
        for s in scalars { columns += isControl(s) ? 1 : of(s) }
        return columns
    }

    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        // Printable ASCII is one column: no call into the C library for nearly all text.
        if v >= 0x20 && v < 0x7f { return 1 }
        if isControl(s) { return 1 }
        // Latin-1 letters and signs (French accents) are one column, as wcwidth says too.
        if v >= 0xa0 && v < 0x300 { return 1 }
        return max(0, Int(pw_wcwidth(v)))
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

    /// C0 and C1 controls and DEL, which a terminal would act on instead of showing.
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7f..<0xa0).contains(s.value)
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
