import PathwaysEngine

/// What every mode shares: the content, the languages, the terminal's size and what the backend offers.
public struct UIContext: Sendable {
    /// The content on screen.
    public internal(set) var bundle: ContentBundle
    /// The flow's shape, for "step k of about n".
    public internal(set) var metrics: FlowMetrics
    /// The language shown (the first column in the bilingual view).
    public var locale: String
    /// The other language shown beside the first in the bilingual view.
    public var secondLocale: String
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
        self.secondLocale = bundle.info.locales.first { $0 != first } ?? first
        self.width = width
        self.height = height
    }

    /// The smallest window the screens are made for.
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// English ↔ français (the next locale of the bundle), keeping the place.
    mutating func switchLanguage() {
        let locales = bundle.info.locales
        guard let i = locales.firstIndex(of: locale) else { return }
        locale = locales[(i + 1) % locales.count]
        secondLocale = locales.first { $0 != locale } ?? locale
    }

    /// Sets the language to one of the bundle's (a reopened case's), else keeps the current one.
    mutating func use(locale new: String) {
        guard bundle.info.locales.contains(new) else { return }
        locale = new
        secondLocale = bundle.info.locales.first { $0 != new } ?? new
    }

    /// A new bundle (the preview reloaded its files).
    mutating func replace(bundle new: ContentBundle) {
        bundle = new
        metrics = FlowMetrics(bundle: new)
        if !new.info.locales.contains(locale) { use(locale: new.info.defaultLocale) }
    }
}
