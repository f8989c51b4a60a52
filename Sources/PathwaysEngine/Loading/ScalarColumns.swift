/// Where each character of a scalar's text sits in its source line. Conditions count offsets in
/// characters of the text as read; an editor's columns count what is written, and the two part ways after
/// a YAML escape (`\"` is two columns, one character) or a character made of several code points.
enum ScalarColumns {
    /// Column offsets from the text's first character (after an opening quote), one for each character
    /// offset from 0 to the count; nil when they equal the character offsets.
    /// `raw`: the scalar as written (quotes included), when it sits on one line.
    static func offsets(_ scalar: Node.Scalar, raw: String?) -> [Int]? {
        // Most conditions are plain ASCII with nothing escaped: the offsets are the columns.
        let quoted = scalar.style == .doubleQuoted || scalar.style == .singleQuoted
        if !scalar.string.utf8.contains(where: { $0 >= 0x80 || (quoted && ($0 == 0x22 || $0 == 0x27 || $0 == 0x5C || $0 < 0x20)) }) {
            return nil
        }
        // Code points before each character of the text.
        var points = [0]
        points.reserveCapacity(scalar.string.count + 1)
        for c in scalar.string { points.append(points[points.count - 1] + c.unicodeScalars.count) }
        var columns = points
        if scalar.style == .doubleQuoted || scalar.style == .singleQuoted, let raw {
            let written = Array(raw.unicodeScalars.dropFirst())  // after the opening quote
            // The source column of each code point of the text: escapes and doubled quotes are longer.
            var at: [Int] = []
            var i = 0
            while i < written.count, at.count < points[points.count - 1] {
                at.append(i)
                if scalar.style == .doubleQuoted, written[i] == "\\", i + 1 < written.count {
                    switch written[i + 1] {
                    case "x": i += 4
                    case "u": i += 6
                    case "U": i += 10
                    default: i += 2
                    }
                } else if scalar.style == .singleQuoted, written[i] == "'", i + 1 < written.count, written[i + 1] == "'" {
                    i += 2
                } else {
                    i += 1
                }
            }
            at.append(i)
            columns = points.map { $0 < at.count ? at[$0] : $0 }
        }
        return columns == Array(0..<columns.count) ? nil : columns
    }
}
