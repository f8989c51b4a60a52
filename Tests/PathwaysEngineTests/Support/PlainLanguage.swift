import Foundation
@testable import PathwaysEngine

/// The Flesch-Kincaid grade of English sentences, with a syllable count that needs no word list:
/// vowel groups, less a silent ending. `Scripts/reading-level` writes out the same count (heuristic_grade)
/// beside textstat's, so the two can be compared.
enum PlainLanguage {
    /// Syllables in one word; a hyphenated word counts each part, a number counts one.
    static func syllables(_ word: String) -> Int {
        var total = 0
        for part in word.lowercased().split(separator: "-", omittingEmptySubsequences: false) {
            let letters = String(part.unicodeScalars.filter { $0.isASCII && CharacterSet.lowercaseLetters.contains($0) })
            guard !letters.isEmpty else {
                if part.contains(where: \.isNumber) { total += 1 }
                continue
            }
            guard letters.count > 3 else { total += 1; continue }
            var w = letters.replacingOccurrences(of: "(?:[^laeiouy]es|ed|[^laeiouy]e)$", with: "", options: .regularExpression)
            w = w.replacingOccurrences(of: "^y", with: "", options: .regularExpression)
            let groups = (try? NSRegularExpression(pattern: "[aeiouy]{1,2}"))?
                .numberOfMatches(in: w, range: NSRange(w.startIndex..., in: w)) ?? 1
            total += max(1, groups)
        }
        return total
    }

    /// The grade of one sentence: 0.39 × words + 11.8 × syllables per word − 15.59.
    static func grade(_ sentence: String) -> Double {
        let words = sentence.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
        guard !words.isEmpty else { return 0 }
        let syllables = words.reduce(0) { $0 + Self.syllables(String($1)) }
        return 0.39 * Double(words.count) + 11.8 * Double(syllables) / Double(words.count) - 15.59
    }

    /// Sentences: split after . ! or ? when a capital, a digit, a quote or a bracket follows.
    static func sentences(_ text: String) -> [String] {
        let marked = text.replacingOccurrences(of: #"(?<=[.!?])\s+(?=[A-Z0-9"“(])"#, with: "\u{1}", options: .regularExpression)
        return marked.split(separator: "\u{1}").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.contains(where: \.isLetter) }
    }

    /// A text as the reader sees it: glossary marks as their words, computed dates as a date, spaces single.
    static func plain(_ text: String, bundle: ContentBundle) -> String {
        let dated = ComputedDates.render(text, unknown: "2027-04-30") { _ in Day(year: 2027, month: 4, day: 30) }
        let words = GlossaryMarkup.render(dated, bundle: bundle, locale: "en")
        return words.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
