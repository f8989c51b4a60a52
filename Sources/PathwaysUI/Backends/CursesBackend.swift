import CursesShim
import Foundation
import PathwaysEngine

/// Draws frames with ncursesw and turns terminal keys into events. The only code here that touches
/// the terminal; everything it shows comes from `Renderer.frame`.
public enum CursesBackend {
    /// Runs the interface until the worker quits. Returns the process exit status (0 after a quick exit
    /// too: the screen and scrollback are wiped and the caller ends the process). With a keeper, every
    /// confirmed answer is committed before the next frame, and `lockAfter` seconds idle lock the screen.
    /// `openPreview`, when given, opens the content folder the start screen offers to preview. `training`
    /// writes trainees' results and case drafts where the trainer said; `link` joins a presentation's console
    /// and room's view.
    public static func run(_ initial: UIState, color: Bool, keeper: CaseKeeper? = nil, lockAfter: Double = 300,
                           preview: PreviewSource? = nil, openPreview: (() -> PreviewSource?)? = nil,
                           training: TrainingOutputs? = nil, link: PresentLink? = nil) -> Int32 {
        let hasColor = pw_start(color ? 1 : 0)
        guard hasColor >= 0 else {
            FileHandle.standardError.write(Data("pathways: this terminal cannot be used full-screen; try --plain\n".utf8))
            return 1
        }
        let palette = Palette(color: hasColor == 1)
        palette.install()
        var wiped = false
        defer { if wiped { pw_stop_wiped() } else { pw_stop() } }
        var state = initial
        state.recordsAvailable = keeper != nil
        state.previewAvailable = openPreview != nil
        _ = state.handle(.resize(width: Int(pw_cols()), height: Int(pw_rows())))
        var source = preview
        var lastFrame: Frame?
        var lastInput = Date()
        var keys = KeyReader()
        let started = Date()
        // Whatever ends the loop, a console tells its rooms and removes its socket.
        defer { link?.finish(wipe: wiped) }
        while true {
            if let link {
                state.tick(seconds: Int(Date().timeIntervalSince(started)))
                for event in link.poll() {
                    switch event {
                    case .view(let v): state.follow(v)
                    case .rooms(let n): state.roomsConnected(n)
                    case .ended(let wipe):
                        // The console has ended: so does its room's view, blank after a quick exit.
                        if wipe { pw_wipe_terminal(); wiped = true }
                        return 0
                    }
                }
                link.publish(state.presentedView)
            }
            let frame = Renderer.frame(state)
            if frame != lastFrame {
                draw(frame, palette)
                lastFrame = frame
            }
            // Wake once a second to notice an idle screen (four times a second in preview, to see saved files;
            // sooner while a number is being typed); the clock and the disk are read here, never in the state.
            let waitMs: Int32 = state.waitsForPause ? 600 : (link != nil ? 100 : (source == nil ? 1000 : 250))
            let event = keys.next(timeout: waitMs)
            if let reload = source?.poll() {
                state.reloaded(bundle: reload.bundle, diagnostics: reload.diagnostics, excerpts: reload.excerpts, notes: reload.notes)
            }
            guard let event else {
                if state.waitsForPause {
                    _ = state.handle(.pause)
                } else if keeper != nil, state.locksWhenIdle, Date().timeIntervalSince(lastInput) >= lockAfter {
                    state.lock()
                    // The store drops what it can until the passphrase is typed again.
                    keeper?.lock()
                }
                continue
            }
            lastInput = Date()
            for effect in state.handle(event) {
                switch effect {
                case .quit:
                    return 0
                case .wipeTerminal:
                    pw_wipe_terminal()
                    wiped = true
                    lastFrame = nil
                case .forget:
                    keeper?.forget()
                case .openPreview:
                    if let opened = openPreview?(), let first = opened.poll() {
                        source = opened
                        state.openedPreview(first)
                    } else {
                        state.previewUnavailable(state.context.words[.previewHow])
                    }
                case .previewRequest(.recordScenario):
                    if let source, let session = state.session { state.recordedScenario(source.recordScenario(session)) }
                case .training(.saveDraft(let draft)):
                    if let source, state.preview != nil {
                        state.trainingSaved(source.recordTrainingCase(draft, bundle: state.bundle))
                    } else if let training {
                        state.trainingSaved(training.saveDraft(draft, bundle: state.bundle), saved: .draftSaved, noFolder: .draftsNeedFolder)
                    }
                case .training(.saveResult(let record)):
                    if let training { state.trainingSaved(training.saveResult(record), saved: .resultSaved, noFolder: .resultsNeedFolder) }
                default:
                    Effects.perform(effect, on: &state, keeper: keeper)
                }
            }
            // A preview opened from the start screen stops being watched once it is left.
            if preview == nil, source != nil, state.preview == nil { source = nil }
        }
    }

    static func draw(_ frame: Frame, _ palette: Palette) {
        pw_erase()
        for (y, row) in frame.rows.enumerated() {
            var x = 0
            while x < row.count {
                let style = row[x].style
                var text = ""
                let start = x
                while x < row.count, row[x].style == style {
                    text += row[x].text
                    x += 1
                }
                let trimmed = style == .plain ? String(text.reversed().drop { $0 == " " }.reversed()) : text
                if !trimmed.isEmpty {
                    let (attrs, pair) = palette.attributes(style)
                    pw_draw(Int32(y), Int32(start), trimmed, attrs, pair)
                }
            }
        }
        pw_refresh()
    }

}

/// Carries out the case-record effects for any backend.
enum Effects {
    static func perform(_ effect: Effect, on state: inout UIState, keeper: CaseKeeper?) {
        guard let keeper else { return }
        switch effect {
        case .record:
            guard let session = state.session else { return }
            do {
                try keeper.record(session, locale: state.locale)
                state.recorded(error: nil, code: keeper.caseCode)
            } catch {
                state.recorded(error: "\(error)", code: keeper.caseCode)
            }
        case .listCases: state.showCases(keeper.list())
        case .reopen(let code):
            do {
                state.reopened(try keeper.reopen(code, bundle: state.bundle), code: code)
            } catch {
                state.recorded(error: "\(error)", code: nil)
            }
        case .unlock(let passphrase): state.unlockResult(keeper.unlock(passphrase))
        case .closeCase: keeper.close()
        case .saveNotes(let text):
            guard let session = state.session else { return }
            do {
                try keeper.saveNotes(text, session: session, locale: state.locale)
                state.recorded(error: nil, code: keeper.caseCode)
            } catch {
                state.recorded(error: "\(error)", code: keeper.caseCode)
            }
        case .export(let withAnswers):
            guard let session = state.session else { return }
            do { state.exported(try keeper.export(session, locale: state.locale, includeAnswers: withAnswers)) } catch {
                state.exported("\(error)")
            }
        case .handout(let both):
            guard let session = state.session else { return }
            do {
                // The person's language is the second column's when both show, else the one on screen.
                let person = state.bilingual ? state.clientLocale : state.locale
                state.exported(try keeper.handout(session, locale: person, workerLocale: both && person != state.locale ? state.locale : nil,
                                                  wordsLocale: state.locale))
            } catch {
                state.exported("\(error)")
            }
        case .quit, .wipeTerminal, .forget, .previewRequest, .openPreview, .training: break
        }
    }
}

/// Colours and attributes for each role; without colour (or with NO_COLOR) attributes alone.
struct Palette {
    let color: Bool
    // Curses colour numbers.
    static let red: Int16 = 1, green: Int16 = 2, yellow: Int16 = 3, blue: Int16 = 4, cyan: Int16 = 6

    func install() {
        guard color else { return }
        pw_define_pair(1, Self.red, -1)
        pw_define_pair(2, Self.green, -1)
        pw_define_pair(3, Self.yellow, -1)
        pw_define_pair(4, Self.cyan, -1)
        pw_define_pair(5, Self.blue, -1)
    }

    func attributes(_ style: Style) -> (Int32, Int32) {
        var attrs: Int32 = 0
        if style.bold { attrs |= Int32(PW_BOLD) }
        if style.reverse { attrs |= Int32(PW_REVERSE) }
        if style.underline { attrs |= Int32(PW_UNDERLINE) }
        var pair: Int32 = 0
        switch style.role {
        case .urgent, .error: if color { pair = 1 } else { attrs |= Int32(PW_BOLD) }
        case .recommended: if color { pair = 2 }
        case .possible: if color { pair = 3 }
        case .title, .term: if color { pair = 4 }
        case .muted, .notApplicable: attrs |= Int32(PW_DIM)
        case .banner: attrs |= Int32(PW_BOLD)
        case .heading, .normal: break
        }
        return (attrs, pair)
    }
}
