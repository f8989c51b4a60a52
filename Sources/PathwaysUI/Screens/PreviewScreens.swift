import PathwaysEngine

/// The content editor's screens: the checker's diagnostics, one diagnostic with its lines, and the
/// status line that names the current node and where it is written.
extension Screens {
    func diagnosticsList(_ width: Int) -> ScreenView {
        var body: [BodyLine] = []
        let diagnostics = state.preview?.diagnostics ?? []
        if diagnostics.isEmpty { body.append(BodyLine([Span(t(.noDiagnostics), .muted)])) }
        for (i, d) in diagnostics.enumerated() {
            let style = d.severity == .error ? Style(.error, bold: true) : Style(.possible, bold: true)
            for l in Wrap.lines([Span("\(d.location.file):\(d.location.line): ", .muted), Span(d.severity.rawValue + ": ", style), Span(d.message)], width: width - 2) {
                body.append(BodyLine(l, target: .diagnosticEntry(i)))
            }
        }
        return ScreenView(header: header(t(.diagnosticsTitle)), body: body, keys: [.keyMove, .keyChoose, .keyClose, .keyQuickExit])
    }

    func diagnosticDetail(_ i: Int, _ width: Int) -> ScreenView {
        var body: [BodyLine] = []
        guard let p = state.preview, p.diagnostics.indices.contains(i) else { return diagnosticsList(width) }
        let d = p.diagnostics[i]
        for l in Wrap.lines(d.formatted, Style(d.severity == .error ? .error : .possible, bold: true), width: width) { body.append(BodyLine(l)) }
        if let hint = d.hint { for l in Wrap.lines("hint: " + hint, .muted, width: width) { body.append(BodyLine(l)) } }
        body.append(BodyLine([]))
        for line in p.excerpts[i] ?? [] {
            let isTarget = line.hasPrefix(String(format: "%4d", d.location.line) + " ")
            body.append(BodyLine([Span(TextWidth.prefix(line, fitting: width), isTarget ? Style(.normal, bold: true) : .plain)]))
            if isTarget {
                body.append(BodyLine([Span(String(repeating: " ", count: min(width - 1, 5 + max(0, d.location.column - 1))) + "^", Style(.error, bold: true))]))
            }
        }
        return ScreenView(header: header(t(.diagnosticsTitle)), body: body, keys: [.keyScroll, .keyClose, .keyQuickExit])
    }

    /// The preview's status line: the jump prompt, a message, or the current node and its source.
    func previewStatus() -> StyledLine? {
        guard let p = state.preview else { return nil }
        if let jump = p.jump { return [Span(t(.jumpIDPrompt) + jump + "▏", Style(.normal, bold: true))] }
        if let message = p.message { return [Span(message, .error)] }
        guard let s = state.session else { return nil }
        let node = s.currentNode
        let place = bundle.question(node)?.location ?? bundle.outcome(node)?.location
        return [Span("\(t(.nodeLabel)) \(node)" + (place.map { " · \($0.file):\($0.line)" } ?? ""), .muted)]
    }
}
