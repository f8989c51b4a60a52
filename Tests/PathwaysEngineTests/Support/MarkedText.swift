/// Text with position markers, so a fixture states where a diagnostic must point by writing `⟨⟩` (or a named
/// `⟨name⟩`) right where it belongs, instead of a hand-counted line and column that rots when the text changes.
struct MarkedText {
    /// The text with every marker removed: what the engine reads.
    var text: String
    /// Each marker's 1-based line and column in `text`, in order of appearance.
    var markers: [(name: String, line: Int, column: Int)]

    static let open: Unicode.Scalar = "⟨"
    static let close: Unicode.Scalar = "⟩"

    /// Strips the markers from `marked`. Columns count Unicode scalars, as libYAML (and so Yams' marks) does,
    /// so a marker after "é" or "’" lands where the engine's locations do.
    init(_ marked: String) {
        var output = String.UnicodeScalarView()
        var markers: [(String, Int, Int)] = []
        var line = 1, column = 1
        var scalars = marked.unicodeScalars.makeIterator()
        var previousWasCR = false
        while let s = scalars.next() {
            if s == Self.open {
                var name = String.UnicodeScalarView()
                while let n = scalars.next(), n != Self.close { name.append(n) }
                markers.append((String(name), line, column))
                continue
            }
            output.append(s)
            switch s {
            case "\n":
                // "\r\n" is one line break, already counted at the "\r".
                if !previousWasCR { line += 1 }
                column = 1
            case "\r":
                line += 1
                column = 1
            default:
                column += 1
            }
            previousWasCR = s == "\r"
        }
        self.text = String(output)
        self.markers = markers
    }
}
