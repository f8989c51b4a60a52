import ArgumentParser
import Foundation
import PathwaysEngine
import PathwaysUI

/// `pathways preview [DIR]`: the interface on a bundle folder, reloading it when a file is saved.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Preview a content bundle in the interface, reloading it within a second of every save.",
        discussion: "d: the checker's diagnostics · ':' then an id: go to a question or pathway · w: save the answers as a scenario")

    @Argument(help: "The bundle folder (default: ./Content when there is one, else the built-in bundle).")
    var directory: String?

    @Flag(help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @OptionGroup var options: ContentOptions

    func run() throws {
        let folder = try options.folder(positional: directory)
        let source = FolderPreview(folder: folder.url, display: folder.display, writable: !folder.builtIn)
        guard let first = source.poll() else { throw CLIError("no content folder at '\(folder.display)'") }
        guard !shouldUseLineMode(plain: false) else {
            // No terminal to draw on: say what the checker says, as `pathways check` would.
            printDiagnostics(first.diagnostics) { print($0) }
            for note in first.notes { print("note: " + note) }
            throw CLIError("the preview needs a terminal")
        }
        var state = UIState.preview(bundle: first.bundle, diagnostics: first.diagnostics, excerpts: first.excerpts, notes: first.notes)
        state.today = Clock.today()
        let status = CursesBackend.run(state, color: colorWanted(noColor: noColor), keeper: nil, preview: source)
        if status != 0 { throw ExitCode(status) }
    }
}

/// Watches a bundle folder: a reload whenever the files' hash changes; never throws on a broken file.
final class FolderPreview: PreviewSource {
    /// The start screen's "Content preview": `./Content` when the folder Pathways was started in has a
    /// bundle there, else nil (the start screen then says how to preview a folder).
    static func startScreenOffer(folder: String = "Content") -> (() -> PreviewSource?)? {
        guard FileManager.default.fileExists(atPath: folder + "/bundle.yaml") else { return nil }
        return { FolderPreview(folder: URL(fileURLWithPath: folder), display: folder) }
    }

    let folder: URL
    let display: String
    /// False for the built-in bundle, which a recorded scenario must not be written into.
    let writable: Bool
    private var lastHash: String?

    init(folder: URL, display: String, writable: Bool = true) {
        self.folder = folder
        self.display = display
        self.writable = writable
    }

    func poll() -> PreviewReload? {
        guard let files = try? ContentFiles.read(directory: folder, displayRoot: display) else { return nil }
        let hash = files.hash
        guard hash != lastHash else { return nil }
        lastHash = hash
        let checked = ProgramStrings.complete(Checker.check(files, today: Clock.today()))
        // Files that do not parse come first already, and what only follows from them is held back.
        let diagnostics = checked.diagnostics
        var excerpts: [Int: [String]] = [:]
        for (i, d) in diagnostics.enumerated() {
            let root = display.hasSuffix("/") ? display : display + "/"
            let rel = d.location.file.hasPrefix(root) ? String(d.location.file.dropFirst(root.count)) : d.location.file
            guard let bytes = files.files[rel], let text = String(validating: bytes, as: UTF8.self) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let from = max(1, d.location.line - 3), to = min(lines.count, d.location.line + 3)
            guard from <= to else { continue }
            excerpts[i] = (from...to).map { String(format: "%4d ", $0) + lines[$0 - 1] }
        }
        return PreviewReload(bundle: checked.bundle, diagnostics: diagnostics, excerpts: excerpts, notes: checked.withheld.map(\.note))
    }

    /// A training case skeleton of the walk, as `training/draft-YYYYMMDD-HHMMSS.yaml` in the previewed folder.
    func recordTrainingCase(_ draft: TrainingDraft, bundle: ContentBundle) -> String {
        let dir = folder.appendingPathComponent("training")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let id = "draft-" + TrainingFolders.stamp()
        // The preview speaks to content editors, in the editors' English of every other preview message.
        switch TrainingFolders.write(Data(TrainingSkeleton.yaml(id: id, draft: draft, bundle: bundle).utf8), to: dir.path, name: id + ".yaml") {
        case .saved: return "saved training/\(id).yaml: fill in the persona, prompts and notes"
        case .notWritten(let path, let reason): return "could not write \(path): \(reason)"
        case .noFolder: return "this preview cannot save training cases"
        }
    }

    func recordScenario(_ session: Session) -> String {
        guard writable else { return "this is the built-in bundle: open a content folder (pathways preview DIR) to save scenarios" }
        let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!,
                                                formatOptions: [.withFullDate, .withTime]).replacingOccurrences(of: ":", with: "")
        let id = "recorded-" + stamp.lowercased()
        let dir = folder.appendingPathComponent("scenarios")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent(id + ".yaml")
        let text = ScenarioWriter.yaml(id: id, title: "Recorded in preview \(stamp)", session: session)
        do {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return "saved scenarios/\(id).yaml"
        } catch {
            return "could not save the scenario: \(error.localizedDescription)"
        }
    }
}
