import Foundation
import PathwaysEngine

/// What a case's screens show above them: the caseworker's case line, or the training or preview banner.
enum Chrome {
    case caseworker
    case training(Audience)
    case preview(PreviewState)
}

/// Builds each screen from the state: pure functions, so every screen can be tested as text. One `Screens`
/// builds in one locale at one column width (the bilingual view builds twice).
struct Screens {
    let context: UIContext
    let width: Int
    let locale: String
    /// This builds the person's column of the two-language view: what only the worker reads is left blank,
    /// and a missing text is taken from the worker's language, marked.
    let forClient: Bool
    var bundle: ContentBundle { context.bundle }
    var words: Words { context.words(in: locale) }
    var content: ContentText { ContentText(bundle: bundle, locale: locale, fallbacks: words.fallbacks) }
    func t(_ key: UIText) -> String { words[key] }

    init(_ context: UIContext, width: Int, locale: String? = nil, forClient: Bool = false) {
        self.context = context
        self.width = width
        self.locale = locale ?? context.locale
        self.forClient = forClient
    }

    /// A body for this column (see `forClient`).
    func newBody() -> Body { Body(width: width, forClient: forClient) }

    /// The screen of a mode.
    func view(of mode: Mode) -> ScreenView {
        switch mode {
        case .start(let s): return startView(s)
        case .caseWork(let c): return caseView(c, chrome: .caseworker)
        case .training(let t): return trainingView(t)
        case .preview(let p): return previewView(p)
        case .locked(let l): return view(of: l.suspended)
        case .tooSmall(let t): return view(of: t.suspended)
        case .closed: return ScreenView(header: [], body: [], keys: [])
        }
    }

    /// Key hints; those that name a language name the one the key goes to next ("l français").
    func hints(_ keys: UIText...) -> [KeyHint] {
        keys.flatMap { key -> [KeyHint] in
            switch key {
            case .keyLanguage, .keyLanguageF: return [KeyHint(key, words.name(of: context.nextLocale))]
            case .keyClientLanguage, .keyClientLanguageF:
                // With two languages, b already shows the other one: no key to choose the person's.
                guard bundle.info.locales.count > 2 else { return [] }
                return [KeyHint(key, words.name(of: context.nextClientLocale))]
            default: return [KeyHint(key)]
            }
        }
    }

    // MARK: Header

    /// "Pathways [EN] FR — Title": the language indicator comes first so it is never cut off.
    func header(_ title: String, chrome: Chrome = .caseworker) -> [StyledLine] {
        switch chrome {
        case .preview(let p):
            let status = p.broken ? t(.previewBroken) : "\(bundle.info.id) \(bundle.info.version) · reload \(p.reloads)"
            return [plainHeader(title), [Span(" " + t(.previewBanner) + " ", Style(.banner, bold: true, reverse: true)),
                                         Span(" " + status, p.broken ? Style.error : .muted)]]
        case .training(let audience):
            // Training keeps a banner on every screen, so nobody mistakes a fictional case for a real one; the
            // console says it is not for the projector.
            var banner: StyledLine = [Span(" " + t(.trainingBanner) + " ", Style(.banner, bold: true, reverse: true))]
            if audience == .console { banner.append(Span(" " + t(.consoleBanner), Style(.urgent, bold: true))) }
            if audience == .room { banner.append(Span(" " + t(.roomView), .muted)) }
            return [banner, plainHeader(title)]
        case .caseworker:
            return [plainHeader(title)]
        }
    }

    func plainHeader(_ title: String) -> StyledLine {
        var languages = bundle.info.locales.map { $0 == locale ? "[\($0.uppercased())]" : $0.uppercased() }.joined(separator: " ")
        if context.bilingual { languages = context.locale.uppercased() + " | " + context.clientLocale.uppercased() }
        return [Span(t(.appName), .title), Span(" " + languages, .muted)] + (title.isEmpty ? [] : [Span(" — " + title, .title)])
    }
}

extension UIState {
    /// The view of the screen showing, for tests.
    func view(width: Int = 200) -> ScreenView { Screens(context, width: width).view(of: mode) }
}
