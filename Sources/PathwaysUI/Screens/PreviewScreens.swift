import PathwaysEngine

/// The content editor's screens: the case's screens with the preview's banner, the checker's diagnostics,
/// one diagnostic with its lines, and the status line that names the current node and where it is written.
extension Screens {
    func previewView(_ p: PreviewMode) -> ScreenView {
        var view = caseView(p.work, chrome: .preview(p.checker))
        view.keys.insert(contentsOf: hints(.keyDiagnostics, .keyJumpID, .keyRecord), at: min(1, view.keys.count))
        if let status = previewStatus(p) { view.status = status }
        return view
    }

    func diagnosticsList(_ chrome: Chrome) -> ScreenView {
        var body = newBody()
        let checker: PreviewState? = { if case .preview(let p) = chrome { return p } else { return nil } }()
        let diagnostics = checker?.diagnostics ?? []
        if diagnostics.isEmpty { body.add(t(.noDiagnostics), .muted) }
        for (i, d) in diagnostics.enumerated() {
            let style = d.severity == .error ? Style(.error, bold: true) : Style(.possible, bold: true)
            body.add([Span("\(d.location.file):\(d.location.line): ", .muted), Span(d.severity.rawValue + ": ", style), Span(d.message)],
                     target: .diagnosticEntry(i))
        }
        // What only follows from a file the checker could not read is counted, not listed.
        for note in checker?.notes ?? [] { body.add("note: " + note, .muted) }
        return ScreenView(header: header(t(.diagnosticsTitle), chrome: chrome), body: body.lines,
                          keys: hints(.keyQuickExit, .keyOpen, .keyClose, .keyMove))
    }

    func diagnosticDetail(_ i: Int, _ chrome: Chrome) -> ScreenView {
        guard case .preview(let p) = chrome, p.diagnostics.indices.contains(i) else { return diagnosticsList(chrome) }
        var body = newBody()
        let d = p.diagnostics[i]
        body.add(d.formatted, Style(d.severity == .error ? .error : .possible, bold: true))
        if let hint = d.hint { body.add("hint: " + hint, .muted) }
        body.blank()
        for line in p.excerpts[i] ?? [] {
            let isTarget = line.hasPrefix(String(format: "%4d", d.location.line) + " ")
            body.append([BodyLine([Span(TextWidth.prefix(line, fitting: width), isTarget ? Style(.normal, bold: true) : .plain)])])
            if isTarget {
                body.append([BodyLine([Span(String(repeating: " ", count: min(width - 1, 5 + max(0, d.location.column - 1))) + "^", Style(.error, bold: true))])])
            }
        }
        return ScreenView(header: header(t(.diagnosticsTitle), chrome: chrome), body: body.lines,
                          keys: hints(.keyQuickExit, .keyClose, .keyScroll))
    }

    /// The preview's status line: the jump prompt, a message, or the current node and its source.
    func previewStatus(_ p: PreviewMode) -> StyledLine? {
        if case .jumpToID(let typed)? = p.work.overlays.last { return [Span(t(.jumpIDPrompt) + typed + "▏", Style(.normal, bold: true))] }
        if let status = status(p.work) { return status }
        if p.askingSaveAs { return [Span(t(.saveAsWhich), Style(.normal, bold: true))] }
        if let message = p.message { return [Span(message, .error)] }
        let node = p.work.session.currentNode
        let place = bundle.question(node)?.location ?? bundle.outcome(node)?.location
        return [Span("\(t(.nodeLabel)) \(node)" + (place.map { " · \($0.file):\($0.line)" } ?? ""), .muted)]
    }
}
