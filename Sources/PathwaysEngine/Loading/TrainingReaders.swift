/// Reads the parts of a training case beyond a scenario: goals, steps, results, key decisions, "what next"
/// questions and learning points.
enum TrainingReaders {
    /// Limits that keep a hostile file from building a huge walkthrough.
    static let maxMinutes = 240
    static let maxOptions = 12

    static func notes(_ r: inout MappingReader, _ sink: DiagnosticSink) -> TrainingNotes {
        let goals = r.list("learning_goals", required: true).compactMap { Read.localized($0, sink) }
        var steps: [TrainingStep] = []
        if let n = r.node("steps"), var sr = MappingReader(n, sink, what: "the steps") {
            for entry in sr.entries {
                _ = sr.node(entry.key)
                if let step = step(entry.value, Reference(entry.key, at: sink.location(of: entry.keyNode)), sink) { steps.append(step) }
            }
        }
        let results = r.node("results").flatMap { node in
            step(node, Reference("results", at: sink.location(of: node)), sink, what: "the results step")
        }
        let decisions = r.list("key_decisions").compactMap { keyDecision($0, sink) }
        let whatNext = r.list("what_next").compactMap { whatNextQuestion($0, sink) }
        let points = r.list("learning_points", required: true).compactMap { Read.localized($0, sink) }
        return TrainingNotes(learningGoals: goals, steps: steps, results: results, keyDecisions: decisions,
                             whatNext: whatNext, learningPoints: points)
    }

    static func step(_ node: Node, _ question: Reference, _ sink: DiagnosticSink, what: String? = nil) -> TrainingStep? {
        guard var er = MappingReader(node, sink, what: what ?? "the step '\(question.id)'") else { return nil }
        if let old = er.keyLocation("note") {
            // The one note of older files was shown before the reveal: say where its parts go now.
            _ = er.node("note")
            sink.report(.unknownKey, at: old, "'note' is now split in two: 'notes' (for the facilitator before the reveal) and 'after_reveal'",
                        hint: "move what would give the case's answer away to 'after_reveal'; a question for the room goes in 'discussion'")
        }
        let discussion = er.localized("discussion")
        let notes = er.localized("notes")
        let after = er.localized("after_reveal")
        var minutes: Int?
        if let m = er.integer("minutes") {
            if m < 1 || m > maxMinutes {
                sink.report(.invalidValue, at: er.keyLocation("minutes") ?? er.location, "'minutes' must be from 1 to \(maxMinutes), found \(m)")
            } else {
                minutes = m
            }
        }
        er.finish()
        return TrainingStep(question: question, discussion: discussion, notes: notes, afterReveal: after, minutes: minutes)
    }

    static func keyDecision(_ node: Node, _ sink: DiagnosticSink) -> KeyDecision? {
        guard var kr = MappingReader(node, sink, what: "a key decision") else { return nil }
        let question = kr.reference("question")
        let pathway = kr.reference("pathway")
        let accept = kr.references("accept")
        let why = kr.localized("why")
        kr.finish()
        let location = sink.location(of: node)
        switch (question, pathway) {
        case (let q?, nil): return KeyDecision(subject: .question(q), accept: accept, why: why, location: location)
        case (nil, let p?): return KeyDecision(subject: .pathway(p), accept: accept, why: why, location: location)
        case (nil, nil):
            sink.report(.missingKey, at: location, "a key decision needs 'question' (an answer that decides the case) or 'pathway' (where a pathway lands)")
        case (_?, _?):
            sink.report(.invalidValue, at: location, "a key decision is about one thing: give 'question' or 'pathway', not both",
                        hint: "write two key decisions")
        }
        return nil
    }

    static func whatNextQuestion(_ node: Node, _ sink: DiagnosticSink) -> WhatNextQuestion? {
        guard var wr = MappingReader(node, sink, what: "a 'what next' question") else { return nil }
        let prompt = wr.localized("prompt", required: true)
        var options: [WhatNextOption] = []
        let items = wr.list("options", required: true)
        if items.count > maxOptions, let first = items.first {
            sink.report(.invalidValue, at: sink.location(of: first), "a 'what next' question has at most \(maxOptions) options, found \(items.count)")
        }
        for item in items.prefix(maxOptions) {
            guard var or = MappingReader(item, sink, what: "an option of a 'what next' question") else { continue }
            let label = or.localized("label", required: true)
            let correct = or.bool("correct")
            let explanation = or.localized("explanation")
            or.finish()
            if let label { options.append(WhatNextOption(label: label, correct: correct, explanation: explanation, location: sink.location(of: item))) }
        }
        wr.finish()
        guard let prompt else { return nil }
        return WhatNextQuestion(prompt: prompt, options: options, location: sink.location(of: node))
    }
}
