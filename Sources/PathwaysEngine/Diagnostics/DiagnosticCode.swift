/// Every kind of problem the loader and checker report. Codes are stable: tools and docs rely on them.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Codable {
    case yamlSyntax = "PW001"
    case wrongType = "PW002"
    case missingKey = "PW003"
    case unknownKey = "PW004"
    case duplicateID = "PW005"
    case unknownQuestion = "PW006"
    case unknownOption = "PW007"
    case unknownPathway = "PW008"
    case unknownReferral = "PW009"
    case unknownTerm = "PW010"
    case unknownNode = "PW011"
    case conditionSyntax = "PW012"
    case conditionType = "PW013"
    case missingTranslation = "PW014"
    case unreachableQuestion = "PW015"
    case unreachablePathway = "PW016"
    case flowCycle = "PW017"
    case deadEnd = "PW018"
    case missingSource = "PW019"
    case reviewOverdue = "PW020"
    case malformedPhone = "PW021"
    case malformedURL = "PW022"
    case unknownSource = "PW023"
    case invalidValue = "PW024"
    case noSection = "PW025"
    case invalidAnswer = "PW026"
    case strayFile = "PW027"
    case missingFile = "PW028"
    case branchNeverTaken = "PW029"
    case staleTranslation = "PW030"
    case sourceWithoutPublicationDate = "PW031"
    case misplacedComputedDate = "PW032"
    case fixedDateComparison = "PW033"
    case cautionShownEverywhere = "PW034"
    case scenarioWithoutDay = "PW035"
    case exclusiveOutsideTickAll = "PW040"
    case undeclaredContact = "PW045"
    case inputLimit = "PW046"
    /// `q is unsure` on a question that has no "Not sure" option, so the test could never be true.
    case noUnsureOption = "PW036"
    case unknownStringKey = "PW060"
    case missingProgramString = "PW061"
    case missingStringTranslation = "PW062"
    case localeFileProblem = "PW063"
    case placeholderMismatch = "PW064"

    /// Whether this code blocks a bundle from being used.
    public var severity: Severity {
        switch self {
        case .missingTranslation, .reviewOverdue, .strayFile, .branchNeverTaken, .noSection, .staleTranslation,
             .sourceWithoutPublicationDate, .fixedDateComparison, .cautionShownEverywhere, .scenarioWithoutDay,
             .unknownStringKey, .missingStringTranslation, .localeFileProblem:
            return .warning
        default: return .error
        }
    }

    /// A short name for the code, used in documentation and JSON.
    public var name: String {
        switch self {
        case .yamlSyntax: return "yaml-syntax"
        case .wrongType: return "wrong-type"
        case .missingKey: return "missing-key"
        case .unknownKey: return "unknown-key"
        case .duplicateID: return "duplicate-id"
        case .unknownQuestion: return "unknown-question"
        case .unknownOption: return "unknown-option"
        case .unknownPathway: return "unknown-pathway"
        case .unknownReferral: return "unknown-referral"
        case .unknownTerm: return "unknown-glossary-term"
        case .unknownNode: return "unknown-flow-node"
        case .conditionSyntax: return "condition-syntax"
        case .conditionType: return "condition-type"
        case .missingTranslation: return "missing-translation"
        case .unreachableQuestion: return "unreachable-question"
        case .unreachablePathway: return "unreachable-pathway"
        case .flowCycle: return "flow-cycle"
        case .deadEnd: return "dead-end"
        case .missingSource: return "missing-source"
        case .reviewOverdue: return "review-overdue"
        case .malformedPhone: return "malformed-phone"
        case .malformedURL: return "malformed-url"
        case .unknownSource: return "unknown-source"
        case .invalidValue: return "invalid-value"
        case .noSection: return "no-section"
        case .invalidAnswer: return "invalid-answer"
        case .strayFile: return "stray-file"
        case .missingFile: return "missing-file"
        case .branchNeverTaken: return "branch-never-taken"
        case .staleTranslation: return "stale-translation"
        case .sourceWithoutPublicationDate: return "source-without-publication-date"
        case .misplacedComputedDate: return "computed-date-misplaced"
        case .fixedDateComparison: return "fixed-date-comparison"
        case .cautionShownEverywhere: return "caution-shown-everywhere"
        case .scenarioWithoutDay: return "scenario-without-day"
        case .exclusiveOutsideTickAll: return "exclusive-outside-tick-all"
        case .undeclaredContact: return "undeclared-contact"
        case .inputLimit: return "input-limit"
        case .noUnsureOption: return "no-unsure-option"
        case .unknownStringKey: return "unknown-string-key"
        case .missingProgramString: return "missing-program-string"
        case .missingStringTranslation: return "missing-string-translation"
        case .localeFileProblem: return "locale-file-problem"
        case .placeholderMismatch: return "placeholder-mismatch"
        }
    }
}
