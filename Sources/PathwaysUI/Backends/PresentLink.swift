import Foundation
import PathwaysEngine

/// What a presentation's link reports to the backend.
public enum PresentEvent: Hashable, Sendable {
    /// The room's view: what the console shows now.
    case view(PresentedView)
    /// The console: how many room views are connected.
    case rooms(Int)
    /// The room's view: the console has ended (after a quick exit, the room wipes its screen too).
    case ended(wipe: Bool)
}

/// The link between the facilitator's console and the room's view of one walkthrough. The state stays pure:
/// the backend hands the link what the console shows and the room what the link heard.
public protocol PresentLink: AnyObject {
    /// What happened since the last call, at once (never waits).
    func poll() -> [PresentEvent]
    /// The console sends what it shows when it changed (and to a room that has just connected); a room sends nothing.
    func publish(_ view: PresentedView?)
    /// The program ends: the console tells the rooms (to wipe their screen after a quick exit), then removes
    /// its socket and folder.
    func finish(wipe: Bool)
}

/// What trainer mode writes at a trainee's or facilitator's request: only into folders they named. The
/// interface says what happened, in the worker's language.
public protocol TrainingOutputs: AnyObject {
    /// Writes a quiz result for the group.
    func saveResult(_ record: QuizRecord) -> SavedFile
    /// Writes a training case skeleton.
    func saveDraft(_ draft: TrainingDraft, bundle: ContentBundle) -> SavedFile
}

/// What became of a file trainer mode was asked to write.
public enum SavedFile: Equatable, Sendable {
    case saved(path: String)
    case notWritten(path: String, reason: String)
    /// No folder was named for it at start-up.
    case noFolder
}

/// One line between console and room: what to show, or that the presentation has ended.
struct PresentMessage: Codable, Hashable, Sendable {
    var view: PresentedView?
    /// The console ended; `wipe` after a quick exit.
    var end: Bool?
    var wipe: Bool?

    func line() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// One line read from the other side, which is trusted for nothing: size and nesting are limited first.
    static func read(_ line: Data) -> PresentMessage? {
        guard line.count <= PresentedView.maxBytes, !JSONDepth.exceeds(line, 6) else { return nil }
        return try? JSONDecoder().decode(PresentMessage.self, from: line)
    }
}
