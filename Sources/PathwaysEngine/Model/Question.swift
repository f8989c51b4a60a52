/// What kind of answer a question takes.
public enum QuestionKind: String, Sendable, Hashable, CaseIterable {
    case singleChoice = "single_choice"
    case multipleChoice = "multiple_choice"
    case yesNoUnsure = "yes_no_unsure"
    case number
    case date
    case text

    /// Kinds whose answers are option ids.
    public var hasOptions: Bool { self == .singleChoice || self == .multipleChoice || self == .yesNoUnsure }
}

/// One choice of a single- or multiple-choice question.
public struct AnswerOption: Hashable, Sendable {
    public var id: String
    public var label: LocalizedText
    public var help: LocalizedText?
    /// Choosing it means "we don't know": conditions on the question become unknown.
    public var unsure: Bool
    public var location: SourceLocation

    public init(id: String, label: LocalizedText, help: LocalizedText? = nil, unsure: Bool = false,
                location: SourceLocation) {
        self.id = id
        self.label = label
        self.help = help
        self.unsure = unsure
        self.location = location
    }
}

/// Limits on a number answer.
public struct NumberRules: Hashable, Sendable {
    public var min: Double?
    public var max: Double?
    public var integer: Bool
    public var unit: LocalizedText?

    public init(min: Double? = nil, max: Double? = nil, integer: Bool = false, unit: LocalizedText? = nil) {
        self.min = min
        self.max = max
        self.integer = integer
        self.unit = unit
    }
}

/// A question the caseworker asks, as written in `questions/*.yaml`.
public struct Question: Hashable, Sendable {
    public var id: String
    public var kind: QuestionKind
    public var prompt: LocalizedText
    public var help: LocalizedText?
    /// The person may decline: "prefer not to say" is offered.
    public var sensitive: Bool
    /// Asked only when this holds; otherwise skipped.
    public var askWhen: ConditionText?
    public var options: [AnswerOption]
    public var numberRules: NumberRules
    public var location: SourceLocation

    public init(id: String, kind: QuestionKind, prompt: LocalizedText, help: LocalizedText? = nil,
                sensitive: Bool = false, askWhen: ConditionText? = nil, options: [AnswerOption] = [],
                numberRules: NumberRules = NumberRules(), location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.help = help
        self.sensitive = sensitive
        self.askWhen = askWhen
        self.options = kind == .yesNoUnsure ? Question.yesNoUnsureOptions(at: location) : options
        self.numberRules = numberRules
        self.location = location
    }

    /// The option with this id, if any.
    public func option(_ id: String) -> AnswerOption? { options.first { $0.id == id } }

    /// The built-in options of a yes/no/unsure question.
    static func yesNoUnsureOptions(at location: SourceLocation) -> [AnswerOption] {
        [
            AnswerOption(id: "yes", label: LocalizedText(["en": "Yes", "fr": "Oui"]), location: location),
            AnswerOption(id: "no", label: LocalizedText(["en": "No", "fr": "Non"]), location: location),
            AnswerOption(id: "unsure", label: LocalizedText(["en": "Not sure", "fr": "Ne sait pas"]), unsure: true,
                   location: location),
        ]
    }
}
