/// Lays text out for printing: lines of at most `width` columns, pages of `height` lines each with a header
/// and a footer, a form feed after every page. A block (a step, a paragraph and its heading) is moved whole
/// to the next page when it would be split and fits on one.
struct HandoutPages {
    static let width = 80
    static let height = 60

    private(set) var blocks: [[String]] = []

    /// A block of lines kept together where they can be; each text is wrapped to the width, after `lead`
    /// on its first line and as many spaces on the next.
    mutating func block(_ lines: [(text: String, lead: String)]) {
        var out: [String] = []
        for (text, lead) in lines { out += Self.wrap(text, lead: lead) }
        blocks.append(out)
    }

    mutating func block(_ text: String, lead: String = "") { block([(text, lead)]) }

    /// Lines to write on, for a worksheet.
    mutating func space(_ count: Int, lead: String = "  ") {
        blocks.append(Array(repeating: lead + String(repeating: "_", count: Self.width - lead.count - 2), count: count))
    }

    mutating func blank() { blocks.append([""]) }

    static func wrap(_ text: String, lead: String) -> [String] {
        let hang = String(repeating: " ", count: TextWidth.of(lead))
        var out: [String] = []
        for (i, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let first = i == 0 ? lead : hang
            let lines = Wrap.lines([Span(String(paragraph))], width: width - TextWidth.of(hang), firstWidth: width - TextWidth.of(first))
            for (k, l) in lines.enumerated() { out.append((k == 0 ? first : hang) + l.map(\.text).joined()) }
            if lines.isEmpty { out.append("") }
        }
        return out.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    /// The pages: `header` on top of each, `footer(page, pages)` at its foot, form feeds between them and
    /// after the last.
    func render(header: [String], footer: (Int, Int) -> String) -> String {
        let top = header.map { Self.wrap($0, lead: "") }.flatMap { $0 } + [""]
        // The footer wraps like the rest, so nothing of it is cut (its widest form: the last page's number).
        let footerLines = Self.wrap(footer(99, 99), lead: "").count
        let room = Self.height - top.count - 1 - footerLines
        var pages: [[String]] = [[]]
        for var block in blocks {
            // A blank line at the top of a page says nothing.
            if pages[pages.count - 1].isEmpty, block == [""] { continue }
            if pages[pages.count - 1].count + block.count > room, block.count <= room, !pages[pages.count - 1].isEmpty {
                pages.append([])
                if block == [""] { continue }
            }
            while !block.isEmpty {
                let free = room - pages[pages.count - 1].count
                if free <= 0 { pages.append([]); continue }
                pages[pages.count - 1] += block.prefix(free)
                block.removeFirst(min(free, block.count))
            }
        }
        let count = pages.count
        return pages.enumerated().map { i, lines in
            let body = top + lines
            let foot = Self.wrap(footer(i + 1, count), lead: "")
            let padding = Array(repeating: "", count: max(0, Self.height - foot.count - body.count))
            return (body + padding + foot).joined(separator: "\n") + "\n\u{0C}"
        }.joined()
    }
}
