import PathwaysEngine

/// What a case is for, which decides what is recorded and where q leads.
public enum CasePurpose: Hashable, Sendable {
    /// A caseworker's case: recorded, when the records are on.
    case record
    /// A trainee answering a training case: nothing recorded; the end shows the comparison.
    case quiz(scenario: String)
    /// The content editor trying the bundle: nothing recorded.
    case preview
}

/// What is typed or ticked on the current question before Enter.
struct AnswerEntry: Hashable, Sendable {
    var input = ""
    var ticked: [String] = []
    var problem: InputProblem?
}

/// A case being walked: the session, the question or results under everything, and what is open over them.
public struct CaseMode: Sendable {
    /// The answers and where the worker is.
    public internal(set) var session: Session
    /// A real case, a quiz or the preview.
    public let purpose: CasePurpose
    /// The place on the question, and on the results at an outcome.
    var questionPlace = Place()
    var resultsPlace = Place()
    var entry = AnswerEntry()
    var overlays: [Overlay] = []
    /// A change from the review or the results, until the worker is back there.
    var change: ChangeFlow?
    /// The case's code in the records, once its first answer is saved.
    public internal(set) var caseCode: String?
    /// The caseworker's notes, as last saved.
    public internal(set) var notes = ""
    /// Shown after reopening a case whose content changed, until the next answer.
    var notice: [String] = []
    /// Saving failed: the worker must know the answer is not kept.
    var recordError: String?
    /// Said once, until the next key (such as where a summary was written).
    var flash: String?
    /// q leaves the case (to the training list, or to the start screen) instead of quitting the program.
    var quitLeaves = false

    init(session: Session, purpose: CasePurpose) {
        self.session = session
        self.purpose = purpose
        prepareEntry()
    }

    var bundle: ContentBundle { session.bundle }

    /// The question on screen under any overlay, if the case is at a question.
    var question: Question? {
        guard case .question(let id, _) = session.position else { return nil }
        return bundle.question(id)
    }

    /// The screen showing: the innermost whole-screen overlay, else the question or the results.
    var screenID: ScreenID {
        if let top = overlays.topScreen, let id = top.overlay.screenID { return id }
        return question == nil ? .results : .question
    }

    /// The place of the screen showing.
    var place: Place {
        get {
            if let top = overlays.topScreen { return top.overlay.place ?? Place() }
            return question == nil ? resultsPlace : questionPlace
        }
        set {
            if let top = overlays.topScreen {
                overlays[top.index].place = newValue
            } else if question == nil {
                resultsPlace = newValue
            } else {
                questionPlace = newValue
            }
        }
    }

    /// True when a case with these answers would be left unfinished or unsaved by quitting.
    var quitNeedsConfirmation: Bool {
        if case .quiz = purpose { return false }
        if overlays.contains(where: { if case .notes(let e) = $0 { return e.isChanged } else { return false } }) { return true }
        return !session.answers.isEmpty
    }

    /// Puts the cursor and inputs on the answer already given, so going back shows it.
    mutating func prepareEntry() {
        entry = AnswerEntry()
        questionPlace = Place()
        guard case .question(let id, let current) = session.position, let q = bundle.question(id) else { return }
        switch current {
        case .value(.option(let o))?: questionPlace.cursor = q.options.firstIndex { $0.id == o } ?? 0
        case .value(.options(let os))?: entry.ticked = os
        case .value(.number(let n))?: entry.input = Question.show(n)
        case .value(.date(let d))?: entry.input = d.description
        case .value(.text(let t))?: entry.input = t
        case .declined?: questionPlace.cursor = q.kind.hasOptions ? q.options.count : 1
        case nil: break
        }
    }

    /// Ticks or unticks an option of a tick-all question; an exclusive option ("None of these") clears the
    /// others, and any other clears the exclusive ones.
    mutating func toggle(_ id: String) {
        guard let q = question, let option = q.option(id) else { return }
        entry.problem = nil
        if let i = entry.ticked.firstIndex(of: id) {
            entry.ticked.remove(at: i)
        } else if option.exclusive {
            entry.ticked = [id]
        } else {
            entry.ticked.removeAll { q.option($0)?.exclusive == true }
            entry.ticked.append(id)
        }
    }
}
