import Foundation
import PathwaysEngine
#if canImport(Glibc)
import Glibc
#endif

/// A referral summary for printing, as the interface writes it beside the store.
public struct Summary: Sendable {
    public var markdown: String
    public var text: String
    public var withAnswers: Bool
    public var withNotes: Bool
    /// What else tells this file apart in its name, such as `handout-es` for the person's handout (letters,
    /// digits and dashes).
    public var kind: String?

    public init(markdown: String, text: String, withAnswers: Bool, withNotes: Bool, kind: String? = nil) {
        self.markdown = markdown
        self.text = text
        self.withAnswers = withAnswers
        self.withNotes = withNotes
        self.kind = kind
    }
}

/// Summaries written by the interface go into `exports/` beside the store, are recorded in their case and
/// are deleted with it. They are plain files: the caseworker is told so.
extension CaseStore {
    /// The folder beside the store that holds the summaries.
    public var exportsFolder: String {
        let folder = (path as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "." : folder) + "/exports"
    }

    /// Writes `summary` as `CODE-DAY[-with-answers][-with-notes].md` and `.txt`; returns the paths written. The
    /// names are recorded in the case first, so a crash in between leaves a name without a file, never a
    /// file nobody will delete. Nothing is written through a symbolic link.
    public func writeSummary(_ summary: Summary, for code: CaseCode, now: Date) throws -> [String] {
        let day = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(secondsFromGMT: 0) ?? .current, formatOptions: [.withFullDate])
        let base = ExportName.base(for: code, day: day, withAnswers: summary.withAnswers, withNotes: summary.withNotes)
            + (summary.kind.map { "-" + $0 } ?? "")
        let files = [(base + ".md", summary.markdown), (base + ".txt", summary.text)]
        try modify(code, now: now) { doc in
            for (name, _) in files where !doc.exports.contains(name) { doc.exports.append(name) }
        }
        let folder = try SafeFile.openFolder(exportsFolder)
        defer { Glibc.close(folder) }
        for (name, text) in files {
            try SafeFile.replace(name, in: folder, with: Data(text.utf8), shownAs: exportsFolder + "/" + name)
        }
        return files.map { exportsFolder + "/" + $0.0 }
    }

    /// Removes the recorded summaries of these cases, and any other file in the folder that carries one of
    /// their codes (left by a crash, or by a record that no longer opens).
    func removeSummaries(of cases: [CaseCode: [String]]) {
        guard !cases.isEmpty, let folder = try? SafeFile.openFolder(exportsFolder, create: false) else { return }
        defer { Glibc.close(folder) }
        let present = SafeFile.names(in: folder)
        for (code, recorded) in cases {
            let leftovers = present.filter { ExportName.isValid($0, for: code) || ($0.hasPrefix("." + code.value + "-") && $0.hasSuffix(".part")) }
            for name in Set(recorded.filter { ExportName.isValid($0, for: code) }).union(leftovers) { SafeFile.remove(name, in: folder) }
        }
    }
}
