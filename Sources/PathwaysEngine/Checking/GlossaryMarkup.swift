/// Glossary marks in text: `[[id]]` shows the term, `[[id|words]]` shows the words.
public enum GlossaryMarkup {
    /// One piece of marked-up text: plain words, or words linked to a glossary term.
    public enum Piece: Hashable, Sendable {
        case plain(String)
        case term(id: String, shown: String?)
    }

    /// Splits text into plain pieces and glossary marks, with each mark's offset.
    public static func pieces(_ text: String) -> [(piece: Piece, offset: Int)] {
        // Most text has no marks: say so without splitting it into characters.
        guard text.utf8.contains(UInt8(ascii: "[")) else { return text.isEmpty ? [] : [(.plain(text), 0)] }
        var out: [(Piece, Int)] = []
        let chars = Array(text)
        var i = 0, plainStart = 0
        // The next "]]" at or after a position, found once and reused, so unclosed "[[" cost nothing more.
        var nextClose = -1
        func close(after start: Int) -> Int? {
            if nextClose >= start { return nextClose }
            if nextClose == Int.max { return nil }
            var j = start
            while j + 1 < chars.count {
                if chars[j] == "]" && chars[j + 1] == "]" { nextClose = j; return j }
                j += 1
            }
            nextClose = Int.max
            return nil
        }
        while i + 1 < chars.count {
            guard chars[i] == "[", chars[i + 1] == "[" else { i += 1; continue }
            guard let end = close(after: i + 2) else { break }
            if plainStart < i { out.append((.plain(String(chars[plainStart..<i])), plainStart)) }
            let inner = String(chars[(i + 2)..<end])
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            out.append((.term(id: parts[0].trimmingSpaces, shown: parts.count > 1 ? String(parts[1]) : nil), i))
            i = end + 2
            plainStart = i
        }
        if plainStart < chars.count { out.append((.plain(String(chars[plainStart...])), plainStart)) }
        return out
    }

    /// The text as a reader sees it: marks replaced by their words (or the term in `locale`).
    public static func render(_ text: String, bundle: ContentBundle, locale: String) -> String {
        pieces(text).map { piece, _ in
            switch piece {
            case .plain(let s): return s
            case .term(let id, let shown):
                return shown ?? bundle.term(id)?.term.resolve(locale, fallback: bundle.info.defaultLocale) ?? id
            }
        }.joined()
    }
}

extension Substring {
    var trimmingSpaces: String {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
