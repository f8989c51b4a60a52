import Foundation
import PathwaysEngine

/// What the preview asks the backend to do beyond the usual effects.
public enum PreviewRequest: Hashable, Sendable {
    /// Save the current answers and their assessment as a new scenario file.
    case recordScenario
}

extension UIState {
    /// Starts the content editor's preview on a bundle, with the checker's diagnostics.
    public static func preview(bundle: ContentBundle, diagnostics: [Diagnostic], excerpts: [Int: [String]],
                               width: Int = 80, height: Int = 24) -> UIState {
        var s = UIState(bundle: bundle, width: width, height: height)
        var p = PreviewState()
        p.diagnostics = diagnostics
        p.excerpts = excerpts
        p.broken = diagnostics.hasErrors
        s.preview = p
        s.session = Session(bundle: bundle, today: s.today, metrics: s.metrics)
        s.showQuestionOrResults()
        return s
    }

    /// The files changed. With errors, the last good bundle stays and the diagnostics show; without, the new
    /// bundle replaces it and the answers are replayed where their questions still exist.
    public mutating func reloaded(bundle newBundle: ContentBundle, diagnostics: [Diagnostic], excerpts: [Int: [String]]) {
        guard var p = preview else { return }
        p.diagnostics = diagnostics
        p.excerpts = excerpts
        p.reloads += 1
        p.broken = diagnostics.hasErrors
        preview = p
        guard !diagnostics.hasErrors else { return }
        let old = session
        bundle = newBundle
        metrics = FlowMetrics(bundle: newBundle)
        var kept: [String: Answer] = [:]
        for (id, answer) in old?.answers ?? [:] {
            guard let q = newBundle.question(id), case .success(let a) = q.validate(answer) else { continue }
            kept[id] = a
        }
        var s = Session(bundle: newBundle, answers: kept, continued: old?.continued ?? [], today: today, metrics: metrics)
        if let node = old?.currentNode, newBundle.question(node) != nil { s.goTo(question: node) }
        session = s
        if screen == .question || screen == .results { showQuestionOrResults() }
        keepSelectionVisible()
    }

    /// Keys only the preview has; nil when the key is not one of them.
    mutating func handlePreview(_ key: Key) -> [Effect]? {
        guard var p = preview else { return nil }
        if var typed = p.jump {
            switch key {
            case .char(let c): typed.append(c); p.jump = typed
            case .backspace: if !typed.isEmpty { typed.removeLast() }; p.jump = typed
            case .enter:
                p.jump = nil
                preview = p
                jump(to: typed)
                return []
            default: p.jump = nil
            }
            preview = p
            return []
        }
        // Letters go into a text field, so there only the function keys work.
        if isTypingInPreview, case .char = key { return nil }
        switch key {
        case .char(":"), .function(7):
            p.jump = ""
            p.message = nil
            preview = p
            return []
        case .char("d"), .function(6):
            guard screen != .diagnostics else { return [] }
            previous.append(screen)
            screen = .diagnostics
            cursor = 0
            scroll = 0
            return []
        case .char("w"), .function(8):
            return [.previewRequest(.recordScenario)]
        default:
            return nil
        }
    }

    private var isTypingInPreview: Bool {
        guard let q = currentQuestion, !q.kind.hasOptions else { return false }
        return true
    }

    /// Goes to a question on the current path, or opens a pathway, by id.
    mutating func jump(to id: String) {
        let id = id.trimmingCharacters(in: .whitespaces)
        if bundle.question(id) != nil {
            if session?.goTo(question: id) == true {
                previous = []
                showQuestionOrResults()
            } else {
                preview?.message = "'\(id)' is not on the path of the current answers"
            }
        } else if bundle.pathway(id) != nil {
            previous = [screen]
            screen = .pathway(id)
            scroll = 0
        } else {
            let known = bundle.questions.map(\.id) + bundle.pathways.map(\.id)
            preview?.message = "no question or pathway '\(id)'" + DidYouMean.phrase(for: id, among: known)
        }
    }

    /// The backend's report after writing a scenario file.
    public mutating func recordedScenario(_ message: String) { preview?.message = message }
}
