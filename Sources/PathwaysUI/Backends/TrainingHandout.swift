import PathwaysEngine

/// Training cases as plain text: the list, and a whole walkthrough for a handout or a screen reader.
public struct TrainingHandout {
    public let bundle: ContentBundle
    public let locale: String
    public let includeNotes: Bool
    /// The day for training cases that give no `today:` of their own.
    public let today: Day?

    public init(bundle: ContentBundle, locale: String, includeNotes: Bool, today: Day? = nil) {
        self.bundle = bundle
        self.locale = locale
        self.includeNotes = includeNotes
        self.today = today
    }

    var content: ContentText { ContentText(bundle: bundle, locale: locale) }
    func t(_ key: UIText) -> String { key.text(locale) }

    public func list() -> String {
        var out = [t(.trainingBanner), ""]
        for s in bundle.scenarios where s.training != nil {
            out.append("\(s.id): " + content.plain(s.title))
            if let p = s.persona { out.append("    " + content.plain(p)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public func walkthrough(_ id: String) -> String? {
        var state = UIState.training(bundle: bundle, locale: locale)
        state.today = today
        guard bundle.scenarios.contains(where: { $0.id == id && $0.training != nil }) else { return nil }
        state.openWalkthrough(id)
        state.training?.notesHidden = !includeNotes
        let steps = (state.trainingCase?.questions.count ?? 0) + 1
        var out = [t(.trainingBanner), "", content.plain(bundle.scenarios.first { $0.id == id }?.title)]
        for step in 0...steps {
            state.training?.step = step
            state.training?.revealed = true
            let view = Screens(state).view(width: 76)
            out.append("")
            out.append(view.header.last.map { $0.map(\.text).joined() } ?? "")
            for line in view.body { out.append(line.line.map(\.text).joined()) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
