/// What a piece of text means on screen; the backend turns it into colour or, without colour, attributes.
public enum Role: Hashable, Sendable {
    case normal, title, heading, muted, urgent, recommended, possible, notApplicable, error, term, banner
}

/// How a cell is drawn. Meaning is never carried by colour alone: the text always says it too.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let title = Style(.title, bold: true)
    public static let heading = Style(.heading, bold: true)
    public static let muted = Style(.muted)
    public static let selected = Style(.normal, reverse: true)
    public static let error = Style(.error, bold: true)
    public static let term = Style(.term, underline: true)
}

/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of styled text.
public typealias StyledLine = [Span]
