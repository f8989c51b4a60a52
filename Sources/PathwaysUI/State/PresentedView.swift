import Foundation
import PathwaysEngine

/// What the room's view of a presentation shows, as the facilitator's console last said: the case and step,
/// whether the answer is revealed, a changed answer, the pathway or glossary opened. It holds no note, so
/// the room cannot show one. Sent as one line of JSON; a room checks every field against its own content.
public struct PresentedView: Codable, Hashable, Sendable {
    /// A changed answer, as words that fit the question.
    public struct SharedAnswer: Codable, Hashable, Sendable {
        public var question: String
        /// option, options, number, date, text or declined.
        public var kind: String
        public var values: [String]
    }

    /// The content's hash: a room with other content says so instead of showing something else.
    public var content: String
    public var locale: String
    public var bilingual: Bool
    /// The second column's language (with four languages, the worker's alone does not say which).
    public var clientLocale: String?
    /// The case walked through; nil: the list of cases.
    public var scenario: String?
    public var listCursor: Int
    public var step: Int
    public var revealed: Bool
    public var whatIf: SharedAnswer?
    /// The selected item on the step (a pathway of the results).
    public var cursor: Int
    /// A pathway's detail open over the results.
    public var detail: String?
    /// The glossary open (its terms), or one term.
    public var glossary: [String]?
    public var term: String?

    /// Lines longer than this are not read.
    public static let maxBytes = 16 * 1024

    public func line() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// One line from a console, checked before use (a room trusts nothing it reads).
    public static func read(_ line: Data) -> PresentedView? {
        guard line.count <= maxBytes, !JSONDepth.exceeds(line, 6) else { return nil }
        return try? JSONDecoder().decode(PresentedView.self, from: line)
    }
}

extension PresentedView.SharedAnswer {
    init(question: String, answer: Answer) {
        self.question = question
        switch answer {
        case .declined: kind = "declined"; values = []
        case .value(.option(let o)): kind = "option"; values = [o]
        case .value(.options(let os)): kind = "options"; values = os
        case .value(.number(let n)): kind = "number"; values = [Question.show(n)]
        case .value(.date(let d)): kind = "date"; values = [d.description]
        case .value(.text(let t)): kind = "text"; values = [t]
        }
    }

    /// The answer, if it fits the question.
    func answer(in bundle: ContentBundle) -> Answer? {
        guard let q = bundle.question(question), values.count <= 64 else { return nil }
        let raw: Answer
        switch (kind, values.first) {
        case ("declined", _): raw = .declined
        case ("option", let v?): raw = .value(.option(v))
        case ("options", _): raw = .value(.options(values))
        case ("number", let v?): guard let n = Double(v) else { return nil }; raw = .value(.number(n))
        case ("date", let v?): guard let d = Day(v) else { return nil }; raw = .value(.date(d))
        case ("text", let v?): raw = .value(.text(String(v.prefix(1000))))
        default: return nil
        }
        guard case .success(let a) = q.validate(raw) else { return nil }
        return a
    }
}

extension UIState {
    /// What the console shows the room now; nil outside a console.
    public var presentedView: PresentedView? {
        guard case .training(let t) = activeMode, t.audience == .console else { return nil }
        var v = PresentedView(content: context.bundle.stamp.hash, locale: context.locale, bilingual: context.bilingual,
                              clientLocale: context.clientLocale, scenario: nil,
                              listCursor: t.listPlace.cursor, step: 0, revealed: false, whatIf: nil, cursor: 0, detail: nil, glossary: nil, term: nil)
        if case .walkthrough(let w) = t.stage {
            v.scenario = w.scenario
            v.step = w.step
            v.revealed = w.revealed
            v.whatIf = w.whatIf.map { PresentedView.SharedAnswer(question: $0.question, answer: $0.answer) }
            v.cursor = w.choosing == nil ? w.place.cursor : 0
            for o in t.overlays {
                switch o {
                case .pathway(let id, _): v.detail = id
                case .glossary(let terms, let all, _): v.glossary = all ? context.bundle.glossary.map(\.id) : terms
                case .term(let id, _): v.term = id
                default: break
                }
            }
        }
        return v
    }

    /// The room's view takes what the console shows, when it fits this content; else it says why and keeps
    /// what it showed.
    public mutating func follow(_ v: PresentedView) {
        guard case .training(var t) = mode, t.audience == .room else { return }
        let bundle = context.bundle
        guard v.content == bundle.stamp.hash else {
            t.followProblem = context.words[.roomOtherContent]
            mode = .training(t)
            return
        }
        t.followProblem = nil
        t.following = true
        context.use(locale: v.locale)
        if let client = v.clientLocale { context.use(clientLocale: client) }
        context.bilingual = v.bilingual
        t.overlays = []
        if let id = v.scenario {
            guard let training = TrainingCase(id, in: bundle, today: context.today), (0...training.lastStep).contains(v.step) else {
                t.followProblem = context.words[.roomOtherContent]
                mode = .training(t)
                return
            }
            var w = Walkthrough(scenario: id)
            w.step = v.step
            w.revealed = v.revealed
            if let shared = v.whatIf, case .question(let q) = training.step(v.step), shared.question == q, let a = shared.answer(in: bundle) {
                w.whatIf = WhatIf(question: q, answer: a)
            }
            w.place = Place(cursor: max(0, min(v.cursor, 10_000)))
            t.stage = .walkthrough(w)
            if let d = v.detail, bundle.pathway(d) != nil { t.overlays.append(.pathway(d, Place())) }
            if let g = v.glossary?.prefix(500) { t.overlays.append(.glossary(terms: g.filter { bundle.term($0) != nil }, all: false, Place())) }
            if let term = v.term, bundle.term(term) != nil { t.overlays.append(.term(term, Place())) }
        } else {
            t.stage = .list
            t.listPlace = Place(cursor: max(0, min(v.listCursor, 10_000)))
        }
        mode = .training(t)
        fitToWindow()
        keepSelectionVisible()
    }

    /// The backend's clock, in seconds since the program started: the console's timer reads it.
    public mutating func tick(seconds: Int) {
        Self.updateTraining(in: &mode) { $0.clock = seconds }
    }

    /// How many room views are connected to the console now.
    public mutating func roomsConnected(_ n: Int) {
        Self.updateTraining(in: &mode) { $0.roomsConnected = n }
    }

    /// Where trainees' results and the facilitator's drafts can be written (set by the program's edge).
    public mutating func trainingFolders(results: Bool, drafts: Bool) {
        Self.updateTraining(in: &mode) {
            $0.canSaveResults = results
            $0.canSaveDrafts = drafts
        }
    }

    /// The backend's word after writing a result or a draft: shown once.
    /// What became of a file trainer mode wrote, said in the worker's language.
    public mutating func trainingSaved(_ outcome: SavedFile, saved: UIText, noFolder: UIText) {
        let w = context.words
        switch outcome {
        case .saved(let path): trainingSaved(w(saved, path))
        case .notWritten(let path, let reason): trainingSaved(w(.fileNotWritten, path, reason))
        case .noFolder: trainingSaved(w[noFolder])
        }
    }

    public mutating func trainingSaved(_ message: String) {
        Self.updateTraining(in: &mode) { $0.flash = message }
        if case .preview(var p) = mode {
            p.message = message
            mode = .preview(p)
        }
    }

    static func updateTraining(in mode: inout Mode, _ change: (inout TrainingMode) -> Void) {
        switch mode {
        case .training(var t):
            mode = .closed
            change(&t)
            mode = .training(t)
        case .locked(var l):
            updateTraining(in: &l.suspended, change)
            mode = .locked(l)
        case .tooSmall(var s):
            updateTraining(in: &s.suspended, change)
            mode = .tooSmall(s)
        default: break
        }
    }
}
