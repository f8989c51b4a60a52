import Foundation
import PathwaysEngine
import PathwaysUI

/// Writes what trainer mode asks for into the folders the trainer named, and nowhere else: a trainee's quiz
/// result (`--results DIR`) and a training case draft (`--drafts DIR`). A file is never overwritten and never
/// written through a link.
final class TrainingFolders: TrainingOutputs {
    let results: String?
    let drafts: String?

    init(results: String?, drafts: String?) throws {
        for folder in [results, drafts].compactMap({ $0 }) {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
                throw CLIError("no folder '\(folder)': make it first (the facilitator names it)")
            }
        }
        self.results = results
        self.drafts = drafts
    }

    func saveResult(_ record: QuizRecord) -> SavedFile {
        guard let results else { return .noFolder }
        let slug = record.label.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let name = "result-\(record.scenario)-\(String(slug))-\(Self.randomSuffix()).json"
        return Self.write(record.json(), to: results, name: name)
    }

    func saveDraft(_ draft: TrainingDraft, bundle: ContentBundle) -> SavedFile {
        guard let drafts else { return .noFolder }
        let id = "draft-" + Self.stamp()
        let yaml = TrainingSkeleton.yaml(id: id, draft: draft, bundle: bundle)
        return Self.write(Data(yaml.utf8), to: drafts, name: id + ".yaml")
    }

    /// Creates `name` in `folder` (never replacing a file, never through a link).
    static func write(_ data: Data, to folder: String, name: String) -> SavedFile {
        let path = (folder as NSString).appendingPathComponent(name)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .notWritten(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let written = data.withUnsafeBytes { raw in Foundation.write(fd, raw.baseAddress, data.count) }
        guard written == data.count else {
            let reason = written < 0 ? String(cString: strerror(errno)) : "only \(written) of \(data.count) bytes written"
            unlink(path)
            return .notWritten(path: path, reason: reason)
        }
        return .saved(path: path)
    }

    /// The time of day as YYYYMMDD-HHMMSS (UTC), for a draft's id.
    static func stamp() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return f.string(from: Date())
    }

    static func randomSuffix() -> String {
        let letters = Array("abcdefghijkmnpqrstuvwxyz23456789")
        return String((0..<6).map { _ in letters[Int.random(in: 0..<letters.count)] })
    }
}
