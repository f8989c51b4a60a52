import Foundation

/// The names of the summaries written for a case: `KQ7-M2P-2026-12-01.md` and `.txt`, with `-with-answers`
/// and `-with-notes` when they hold those, so one kind never silently replaces another.
enum ExportName {
    static let extensions = ["md", "txt"]

    static func base(for code: CaseCode, day: String, withAnswers: Bool, withNotes: Bool) -> String {
        code.value + "-" + day + (withAnswers ? "-with-answers" : "") + (withNotes ? "-with-notes" : "")
    }

    /// A name Pathways could have written for this case: its code first, plain letters, digits and dashes,
    /// one of the two extensions. Anything else is never written, and never deleted, by the store.
    static func isValid(_ name: String, for code: CaseCode) -> Bool {
        guard name.utf8.count <= 100, name.hasPrefix(code.value + "-"),
              let dot = name.lastIndex(of: "."), extensions.contains(String(name[name.index(after: dot)...])) else { return false }
        return name[..<dot].unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
