import Foundation
import PathwaysEngine

/// What the preview asks the backend to do beyond the usual effects.
public enum PreviewRequest: Hashable, Sendable {
    /// Save the current answers and their assessment as a new scenario file.
    case recordScenario
}

extension PreviewMode {
    static func start(bundle: ContentBundle, metrics: FlowMetrics, today: Day?, diagnostics: [Diagnostic], excerpts: [Int: [String]],
                      notes: [String] = []) -> PreviewMode {
        var checker = PreviewState()
        checker.notes = notes
        checker.diagnostics = diagnostics
        checker.excerpts = excerpts
        checker.broken = diagnostics.hasErrors
        return PreviewMode(work: CaseMode(session: Session(bundle: bundle, today: today, metrics: metrics), purpose: .preview), checker: checker)
    }
}

extension UIState {
    func shown(_ p: PreviewMode) -> Shown { Shown(context) { $0.previewView(p) } }

    mutating func handlePreview(_ key: Key, _ p: inout PreviewMode) -> Reaction {
        p.message = nil
        if p.askingSaveAs {
            p.askingSaveAs = false
            switch key {
            case .char("w"), .function(8): return .effects([.previewRequest(.recordScenario)])
            case .char("t"): return .effects([.training(.saveDraft(TrainingDraft(session: p.work.session)))])
            default: return .done
            }
        }
        switch p.work.overlays.last {
        case .jumpToID(var typed)?:
            switch key {
            case .char(let c):
                if typed.count < 200 { typed.append(c) }
                p.work.overlays[p.work.overlays.count - 1] = .jumpToID(typed)
            case .backspace, .delete:
                if !typed.isEmpty { typed.removeLast() }
                p.work.overlays[p.work.overlays.count - 1] = .jumpToID(typed)
            case .enter:
                p.work.overlays.removeLast()
                jump(to: typed, &p)
            default:
                p.work.overlays.removeLast()
            }
            return .done
        case .diagnostics(var place)?:
            let s = shown(p)
            if let free = navigate(key, &place, s) {
                p.work.overlays[p.work.overlays.count - 1] = .diagnostics(place)
                return Reaction(freeScroll: free)
            }
            switch key {
            case .enter, .char(" "):
                let items = s.view.items
                if items.indices.contains(place.cursor), case .diagnosticEntry(let i) = items[place.cursor] {
                    p.work.overlays.append(.diagnostic(i, Place()))
                }
                return .done
            case .escape, .left, .backspace, .delete, .char("d"), .function(6):
                p.work.overlays.removeLast()
                return .done
            default:
                break
            }
        default:
            break
        }
        // On a typed answer letters go into the field, so there only the function keys work.
        let typing = p.work.overlays.topScreen == nil && p.work.question.map { !$0.kind.hasOptions } == true
        let letter: Bool = { if case .char = key { return true } else { return false } }()
        if !(typing && letter) {
            switch key {
            case .char(":"), .function(7):
                p.work.overlays.append(.jumpToID(""))
                return .done
            case .char("d"), .function(6):
                if case .diagnostics = p.work.overlays.last { return .done }
                p.work.overlays.append(.diagnostics(Place()))
                return .done
            case .char("w"), .function(8):
                // At the end of a walk it can also become a training case draft.
                if p.work.overlays.isEmpty, case .outcome = p.work.session.position {
                    p.askingSaveAs = true
                    return .done
                }
                return .effects([.previewRequest(.recordScenario)])
            case .char("q") where p.fromStart:
                return leavePreview(p)
            default:
                break
            }
        }
        let r = handleCase(key, &p.work)
        if r.leave && p.fromStart { return leavePreview(p) }
        return Reaction(effects: r.effects, freeScroll: r.freeScroll)
    }

    /// Back to the start screen, on the bundle the interface was opened with.
    private mutating func leavePreview(_ p: PreviewMode) -> Reaction {
        if let home = p.home { context.replace(bundle: home) }
        return Reaction(next: .start(StartMode()))
    }

    /// Goes to a question on the current path, or opens a pathway, by id.
    private func jump(to raw: String, _ p: inout PreviewMode) {
        let id = raw.trimmingCharacters(in: .whitespaces)
        let bundle = p.work.bundle
        if bundle.question(id) != nil {
            if p.work.session.goTo(question: id) {
                p.work.overlays = []
                p.work.change = nil
                p.work.prepareEntry()
            } else {
                p.message = "'\(id)' is not on the path of the current answers"
            }
        } else if bundle.pathway(id) != nil {
            p.work.overlays.append(.pathway(id, Place()))
        } else {
            let known = bundle.questions.map(\.id) + bundle.pathways.map(\.id)
            p.message = "no question or pathway '\(id)'" + DidYouMean.phrase(for: id, among: known)
        }
    }
}
