/// One answer of a draft, in the order the case asks it.
public struct DraftAnswer: Hashable, Sendable {
    public var question: String
    public var answer: Answer
}

/// What a training case skeleton is made from: a walkthrough (its persona and the answers shown, a changed
/// one included) or a walk in the preview.
public struct TrainingDraft: Hashable, Sendable {
    /// The training case it was made from, if any.
    public var basedOn: String?
    public var persona: LocalizedText?
    public var learningGoals: [LocalizedText]
    public var answers: [DraftAnswer]
    public var today: Day?

    /// A draft of a training case with these answers (in the order its walk asks them).
    public init(case scenario: Scenario, bundle: ContentBundle, answers: [String: Answer], today: Day?) {
        basedOn = scenario.id
        persona = scenario.persona
        learningGoals = scenario.training?.learningGoals ?? []
        self.today = today
        let walk = FlowWalker(bundle: bundle, today: today).walk(answers: answers, continueWhenAnswered: true)
        self.answers = walk.stops.compactMap { stop in
            guard case .question(let q) = stop, let a = walk.effective[q] else { return nil }
            return DraftAnswer(question: q, answer: a)
        }
    }

    /// A draft of the answers of a walk in the preview.
    public init(session: Session) {
        basedOn = nil
        persona = nil
        learningGoals = []
        today = session.today
        answers = session.walk.stops.compactMap { stop in
            guard case .question(let q) = stop, let a = session.walk.effective[q] else { return nil }
            return DraftAnswer(question: q, answer: a)
        }
    }
}

/// Writes a training case skeleton: persona, answers and what they lead to, a step per question with empty
/// prompts and notes, and empty key decisions and learning points, so a facilitator fills in words, not YAML.
public enum TrainingSkeleton {
    public static func yaml(id: String, draft: TrainingDraft, bundle: ContentBundle) -> String {
        var answers: [String: Answer] = [:]
        for a in draft.answers { answers[a.question] = a.answer }
        let walk = FlowWalker(bundle: bundle, today: draft.today).walk(answers: answers, continueWhenAnswered: true)
        let a = Assessor(bundle: bundle, today: draft.today).assess(walk)
        let q = ScenarioWriter.quote
        func localized(_ t: LocalizedText?, indent: String, placeholder: [String: String]) -> [String] {
            let texts = t?.texts ?? placeholder
            return bundle.info.locales.map { indent + "\($0): " + q(texts[$0] ?? texts[bundle.info.defaultLocale] ?? "") }
        }
        var out = ["# yaml-language-server: $schema=../schema/training.schema.json",
                   "# A training case draft" + (draft.basedOn.map { " made from the walkthrough of '\($0)'" } ?? " saved in the preview") + ".",
                   "# Fill in: the persona (fictional: no real person), each step's discussion prompt and notes (nothing",
                   "# in 'notes' or 'discussion' may give the case's answer away: that goes in 'after_reveal'), the key",
                   "# decisions, 'what next' questions and learning points. Then run: pathways check",
                   "id: \(id)", "title:"]
        out += localized(nil, indent: "  ", placeholder: ["en": "A new training case", "fr": "Un nouveau cas de formation"])
        out.append("persona:")
        out += localized(draft.persona, indent: "  ", placeholder: ["en": "Write a short fictional persona here.", "fr": "Écrivez ici un court personnage fictif."])
        if draft.learningGoals.isEmpty {
            out.append("learning_goals: []")
        } else {
            out.append("learning_goals:")
            for g in draft.learningGoals {
                out += localized(g, indent: "    ", placeholder: [:]).enumerated().map { $0.offset == 0 ? "  - " + $0.element.dropFirst(4) : $0.element }
            }
        }
        if let day = draft.today { out.append("today: \(day)") }
        out.append(walk.stops.isEmpty ? "answers: {}" : "answers:")
        var asked: [String] = []
        for stop in walk.stops {
            guard case .question(let id) = stop, let answer = walk.effective[id] else { continue }
            asked.append(id)
            out.append("  \(id): \(ScenarioWriter.value(answer))")
        }
        out.append("expect:")
        if let o = a.outcome { out.append("  outcome: \(o)") }
        for (key, items) in [("recommended", a.recommended), ("possible", a.possible), ("not_applicable", a.notApplicable)] {
            out.append("  \(key): [" + items.map(\.id).joined(separator: ", ") + "]")
        }
        out.append(asked.isEmpty ? "steps: {}" : "steps:")
        for id in asked {
            out += ["  \(id):", "    discussion:", "    notes:", "    after_reveal:"]
        }
        out += ["results:", "  discussion:", "  notes:", "  after_reveal:",
                "key_decisions: []", "what_next: []", "learning_points: []"]
        return out.joined(separator: "\n") + "\n"
    }
}
