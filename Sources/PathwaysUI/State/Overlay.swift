/// Something opened over a mode's screen. The innermost gets the keys and Esc closes it, so nothing
/// under it can act unseen. Most are whole screens with their own place; the rest (`why`,
/// `confirmQuit`, the two jump prompts) add a few lines to the screen under them.
public enum Overlay: Hashable, Sendable {
    /// "Why we ask" under the question. Keys it does not take go on to the question.
    case why
    case review(Place)
    /// The results as they stand, over a question not yet answered.
    case results(Place)
    case pathway(String, Place)
    /// Terms marked on the screen it was opened from (`all`: every term of the bundle).
    case glossary(terms: [String], all: Bool, Place)
    case term(String, Place)
    case notes(NotesEditor)
    case savedCases([CaseListing], Place)
    case diagnostics(Place)
    case diagnostic(Int, Place)
    /// "Press q again to quit": q (or Ctrl-C) quits, Esc stays, any other key stays and acts.
    case confirmQuit
    /// Typing an id after ':' in the preview.
    case jumpToID(String)
    /// Typing a step number after 'j' in a walkthrough.
    case jumpToStep(String)
    /// The persona card of a quiz's case (its first screen, and p reopens it).
    case persona(Place)

    /// True for overlays drawn as a whole screen.
    var isScreen: Bool {
        switch self {
        case .why, .confirmQuit, .jumpToID, .jumpToStep: return false
        default: return true
        }
    }

    /// The overlay's place, for screens that list or scroll.
    var place: Place? {
        get {
            switch self {
            case .review(let p), .results(let p), .pathway(_, let p), .glossary(_, _, let p), .term(_, let p),
                 .savedCases(_, let p), .diagnostics(let p), .diagnostic(_, let p), .persona(let p):
                return p
            case .notes(let e):
                return Place(scroll: e.scroll)
            case .why, .confirmQuit, .jumpToID, .jumpToStep:
                return nil
            }
        }
        set {
            guard let p = newValue else { return }
            switch self {
            case .review: self = .review(p)
            case .results: self = .results(p)
            case .pathway(let id, _): self = .pathway(id, p)
            case .glossary(let terms, let all, _): self = .glossary(terms: terms, all: all, p)
            case .term(let id, _): self = .term(id, p)
            case .savedCases(let list, _): self = .savedCases(list, p)
            case .diagnostics: self = .diagnostics(p)
            case .diagnostic(let i, _): self = .diagnostic(i, p)
            case .persona: self = .persona(p)
            case .notes(var e):
                e.scroll = p.scroll
                self = .notes(e)
            case .why, .confirmQuit, .jumpToID, .jumpToStep: break
            }
        }
    }

    var screenID: ScreenID? {
        switch self {
        case .review: return .review
        case .results: return .results
        case .pathway(let id, _): return .pathway(id)
        case .glossary: return .glossary
        case .term(let id, _): return .term(id)
        case .notes: return .notes
        case .savedCases: return .cases
        case .diagnostics: return .diagnostics
        case .diagnostic(let i, _): return .diagnostic(i)
        case .persona: return .persona
        case .why, .confirmQuit, .jumpToID, .jumpToStep: return nil
        }
    }
}

extension Array where Element == Overlay {
    /// The innermost overlay drawn as a whole screen, with its index.
    var topScreen: (index: Int, overlay: Overlay)? {
        guard let i = lastIndex(where: \.isScreen) else { return nil }
        return (i, self[i])
    }

    /// The prompts and panels drawn on the screen under them (those after the innermost screen).
    var panels: ArraySlice<Overlay> {
        guard let top = topScreen else { return self[...] }
        return self[(top.index + 1)...]
    }

    func contains(panel: Overlay) -> Bool { panels.contains(panel) }
}
