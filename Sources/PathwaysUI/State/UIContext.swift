import PathwaysEngine

/// What every mode shares: the content, the languages, the terminal's size and what the backend offers.
public struct UIContext: Sendable {
    /// The content on screen.
    public internal(set) var bundle: ContentBundle
    /// The flow's shape, for "step k of about n".
    public internal(set) var metrics: FlowMetrics
    /// The worker's language: every screen, its keys and the reasons (the first column in the two-language view).
    public var locale: String
    /// The person's language, shown beside the worker's in the two-language view: what they read.
    public var clientLocale: String
    /// The second column's language (the person's).
    public var secondLocale: String { clientLocale }
    /// Both languages side by side.
    public var bilingual = false
    /// The terminal's size in cells.
    public var width: Int
    public var height: Int
    /// Case records are on: cases can be resumed and every answer is saved.
    public var recordsAvailable = false
    /// A content folder can be previewed from the start screen.
    public var previewAvailable = false
    /// The day cases are assessed on, given by the program's edge (the clock there); nil: no day known.
    public var today: Day?

    /// The context for a bundle at a size, in `locale` (the bundle's default when nil or unknown).
    public init(bundle: ContentBundle, width: Int, height: Int, locale: String?) {
        self.bundle = bundle
        self.metrics = FlowMetrics(bundle: bundle)
        let first = locale.flatMap { bundle.info.locales.contains($0) ? $0 : nil } ?? bundle.info.defaultLocale
        self.locale = first
        self.clientLocale = bundle.info.locales.first { $0 != first } ?? first
        self.width = width
        self.height = height
    }

    /// The smallest window the screens are made for.
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The worker's language goes to the next locale of the bundle, keeping the place. When it reaches the
    /// person's language the two swap, so the columns always show two languages (English ↔ français as before).
    mutating func switchLanguage() {
        let locales = bundle.info.locales
        guard let i = locales.firstIndex(of: locale) else { return }
        let next = locales[(i + 1) % locales.count]
        if next == clientLocale { clientLocale = locale }
        locale = next
    }

    /// The person's language goes to the next locale that is not the worker's, and the two-language view opens.
    mutating func switchClientLanguage() {
        let others = bundle.info.locales.filter { $0 != locale }
        guard !others.isEmpty else { return }
        let i = others.firstIndex(of: clientLocale).map { ($0 + 1) % others.count } ?? 0
        clientLocale = others[i]
        bilingual = true
    }

    /// The locale `switchLanguage` and `switchClientLanguage` would go to next (for the key hints).
    var nextLocale: String {
        let locales = bundle.info.locales
        return locales[((locales.firstIndex(of: locale) ?? 0) + 1) % locales.count]
    }
    var nextClientLocale: String {
        let others = bundle.info.locales.filter { $0 != locale }
        guard !others.isEmpty else { return clientLocale }
        return others[((others.firstIndex(of: clientLocale) ?? -1) + 1) % others.count]
    }

    /// Sets the worker's language to one of the bundle's (a reopened case's), else keeps the current one.
    mutating func use(locale new: String) {
        guard bundle.info.locales.contains(new) else { return }
        if new == clientLocale { clientLocale = bundle.info.locales.first { $0 != new } ?? new }
        locale = new
    }

    /// Sets the person's language and opens the two-language view (`--client-lang`); unknown or the same
    /// as the worker's: nothing changes.
    public mutating func use(clientLocale new: String) {
        guard bundle.info.locales.contains(new), new != locale else { return }
        clientLocale = new
        bilingual = true
    }

    /// The worker's words: a missing one is taken from the bundle's default locale, marked.
    var words: Words { Words(bundle.strings, locale: locale, fallbacks: [bundle.info.defaultLocale]) }

    /// The words in `locale`: in the person's column a missing word is taken from the worker's language.
    func words(in locale: String) -> Words {
        Words(bundle.strings, locale: locale, fallbacks: locale == self.locale ? [bundle.info.defaultLocale] : [self.locale, bundle.info.defaultLocale])
    }

    /// Whether the screens must say the translation has not been checked: its language is on screen and is
    /// declared `review: unreviewed`.
    var unreviewedOnScreen: [String] {
        let shown = bilingual ? [locale, clientLocale] : [locale]
        return shown.filter { bundle.info.declaration(of: $0).review.needsNotice }
    }

    /// A new bundle (the preview reloaded its files).
    mutating func replace(bundle new: ContentBundle) {
        bundle = new
        metrics = FlowMetrics(bundle: new)
        if !new.info.locales.contains(locale) { use(locale: new.info.defaultLocale) }
        if !new.info.locales.contains(clientLocale) || clientLocale == locale {
            clientLocale = new.info.locales.first { $0 != locale } ?? locale
        }
    }
}
