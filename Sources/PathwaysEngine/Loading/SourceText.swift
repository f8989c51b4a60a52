/// A file's bytes, kept while it is read, with the start of each line found on first use.
final class SourceText {
    let bytes: [UInt8]
    private var lineStarts: [Int]?

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Columns `from` up to (not including) `to` of a line, all 1-based and counted in Unicode scalars as
    /// libyaml counts them.
    func text(line: Int, from: Int, to: Int) -> String? {
        if lineStarts == nil {
            var starts = [0]
            for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
            lineStarts = starts
        }
        guard let starts = lineStarts, line >= 1, line <= starts.count, from >= 1, to >= from else { return nil }
        // Step over scalars: a UTF-8 continuation byte never starts one.
        func advance(_ from: Int, scalars: Int) -> Int {
            var at = from, left = scalars
            while at < bytes.count && left > 0 {
                at += 1
                while at < bytes.count && bytes[at] & 0xC0 == 0x80 { at += 1 }
                left -= 1
            }
            return at
        }
        let start = advance(starts[line - 1], scalars: from - 1)
        let end = advance(start, scalars: to - from)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
