/// How deeply a JSON text nests, counted before it is parsed, so a hostile file cannot drive a parser deep.
public enum JSONDepth {
    /// True when objects and arrays nest deeper than `limit` (brackets inside strings do not count).
    public static func exceeds(_ bytes: some Sequence<UInt8>, _ limit: Int) -> Bool {
        var depth = 0, inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return false
    }
}
