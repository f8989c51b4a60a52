import PathwaysEngine

/// The start screen, the saved cases, and the glossary opened from them.
extension Screens {
    func startView(_ s: StartMode) -> ScreenView {
        var view: ScreenView
        switch s.overlays.topScreen?.overlay {
        case .savedCases(let list, _)?: view = cases(list)
        case .glossary(let terms, let all, _)?: view = glossary(all ? bundle.glossary.map(\.id) : terms, all: all)
        case .term(let id, _)?: view = term(id)
        default: view = start()
        }
        if let flash = s.flash { view.status = [Span(flash, Style(.recommended, bold: true))] }
        return view
    }

    func start() -> ScreenView {
        var body = newBody()
        let info = bundle.info
        body.add(content.spans(info.title, .heading))
        let reviewed = info.reviewedOn.map { ", \(t(.reviewedOn)) \($0)" } ?? ""
        body.add("\(t(.contentVersion)) \(info.id) \(info.version)\(reviewed)", .muted)
        body.blank()
        let hasTraining = bundle.scenarios.contains { $0.training != nil }
        let items: [(MenuItem, String, String?)] = [
            (.newCase, t(.newCase), nil),
            (.resume, t(.resumeCase), context.recordsAvailable ? nil : t(.notYetAvailable)),
            (.training, t(.training), hasTraining ? nil : t(.noTrainingCases)),
            (.preview, t(.preview), context.previewAvailable ? t(.previewOfFolder) : t(.previewForEditors)),
            (.language, words(.language, words.name(of: locale), words.name(of: context.nextLocale)), nil),
            (.quit, t(.quit), nil),
        ]
        for (i, (item, label, aside)) in items.enumerated() {
            let available = item == .preview ? context.previewAvailable : aside == nil
            body.add([Span(label, available ? .plain : .muted)] + (aside.map { [Span(" " + $0, .muted)] } ?? []),
                     target: .menu(item), lead: [Span("\(i + 1). ", available ? .plain : .muted)])
        }
        body.blank()
        body.add(t(.notLegalAdvice) + " " + content.plain(info.disclaimer), .muted)
        return ScreenView(header: header(""), body: body.lines,
                          keys: [KeyHint(.keyQuickExit)] + KeyHint.numbers(items.count) + hints(.keyOpen, .keyMove, .keyLanguage, .keyBilingual, .keyClientLanguage, .keyQuit),
                          termTexts: [info.title, info.disclaimer])
    }

    func cases(_ list: [CaseListing]) -> ScreenView {
        var body = newBody()
        if list.isEmpty { body.add(t(.noSavedCases), .muted) }
        for c in list {
            let line = "\(c.code) · \(t(.updated)) \(c.updated) · \(t(.step)) \(c.step) \(t(.ofAbout)) \(c.estimatedTotal) · \(c.version)"
                + (c.contentChanged ? " " + t(.contentChanged) : "")
            body.add(line, target: .savedCase(c.code))
        }
        return ScreenView(header: header(t(.savedCases)), body: body.lines,
                          keys: hints(.keyQuickExit, .keyMove, .keyOpen, .keyClose, .keyLanguage))
    }
}
