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
    func t(_ key: UIText) -> String { Words(bundle, locale: locale)[key] }

    public func list() -> String {
        var out = [t(.trainingBanner), ""]
        for s in bundle.scenarios where s.training != nil {
            out.append("\(s.id): " + content.plain(s.title))
            if let p = s.persona { out.append("    " + content.plain(p)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public func walkthrough(_ id: String) -> String? {
        guard let training = TrainingCase(id, in: bundle, today: today) else { return nil }
        var context = UIContext(bundle: bundle, width: 80, height: 24, locale: locale)
        context.today = today
        let screens = Screens(context, width: 76)
        var out = [t(.trainingBanner), "", content.plain(training.scenario.title)]
        var w = Walkthrough(scenario: id)
        w.revealed = true
        for step in 0...training.lastStep {
            w.step = step
            let view = screens.walkthrough(w, notesHidden: !includeNotes)
            out.append("")
            out.append(view.header.last.map { $0.map(\.text).joined() } ?? "")
            for line in view.body { out.append(line.line.map(\.text).joined()) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
