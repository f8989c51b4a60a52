/// Readers for single YAML values, each reporting what is wrong where.
enum Read {
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
    }

    static func string(_ node: Node, _ sink: DiagnosticSink, what: String) -> (String, SourceLocation)? {
        guard case .scalar(let scalar) = node else {
            sink.report(.wrongType, at: sink.location(of: node), "\(what) must be text, found \(node.kindName)")
            return nil
        }
        return (scalar.string, sink.location(of: node))
    }

    static func list(_ node: Node, _ sink: DiagnosticSink, what: String) -> [Node] {
        guard case .sequence(let sequence) = node else {
            sink.report(.wrongType, at: sink.location(of: node), "\(what) must be a list (items starting with '- '), found \(node.kindName)")
            return []
        }
        return Array(sequence)
    }

    /// A plain string (the default locale) or a mapping of locale → text. `inFlow`: the text sits in a `{…}` mapping.
    static func localized(_ node: Node, _ sink: DiagnosticSink, inFlow: Bool = false) -> LocalizedText? {
        let location = sink.location(of: node)
        switch node {
        case .scalar(let scalar):
            var text = LocalizedText([sink.defaultLocale: scalar.string], location: location)
            text.places[sink.defaultLocale] = place(scalar, location, inFlow: inFlow, key: nil)
            text.form = .scalar(inFlow: inFlow)
            return text
        case .mapping(let mapping):
            var texts: [String: String] = [:]
            var places: [String: TextPlace] = [:]
            let flow = mapping.style == .flow || inFlow
            for (key, value) in mapping {
                guard case .scalar(let k) = key, case .scalar(let v) = value else {
                    sink.report(.wrongType, at: sink.location(of: value), "each translation must be a locale code and a text, such as 'fr: Bonjour'")
                    continue
                }
                guard isLocaleCode(k.string) else {
                    sink.report(.invalidValue, at: sink.location(of: key), "'\(k.string)' is not a locale code such as 'en' or 'fr'")
                    continue
                }
                texts[k.string] = v.string
                places[k.string] = place(v, sink.location(of: value), inFlow: flow, key: sink.location(of: key))
            }
            var text = LocalizedText(texts, location: location)
            text.places = places
            text.form = .mapping(flow: flow)
            return text
        default:
            sink.report(.wrongType, at: location, "expected text, or a mapping of locale to text, found \(node.kindName)")
            return nil
        }
    }

    /// Where a scalar's text starts (after an opening quote), and whether offsets in it are columns.
    static func place(_ scalar: Node.Scalar, _ location: SourceLocation, inFlow: Bool, key: SourceLocation?) -> TextPlace {
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        let singleLine = !scalar.string.hasASCII("\n") && scalar.style != .literal && scalar.style != .folded
            && !scalar.string.hasASCII("\\")
        let form: ScalarForm
        switch scalar.style {
        case .singleQuoted: form = .singleQuoted
        case .doubleQuoted: form = .doubleQuoted
        case .literal, .folded: form = .block
        default: form = .plain
        }
        return TextPlace(location: quoted ? location.advanced(by: 1) : location, exact: singleLine, form: form,
                         inFlow: inFlow, keyLocation: key)
    }

    static func isLocaleCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        // ASCII letters by value first: `isLetter` looks up Unicode properties, and every text reads its locales.
        func isLetter(_ c: Character) -> Bool {
            guard let a = c.asciiValue else { return c.isLetter }
            return a | 0x20 >= UInt8(ascii: "a") && a | 0x20 <= UInt8(ascii: "z")
        }
        return (1...2).contains(parts.count) && parts.allSatisfy { (2...3).contains($0.count) && $0.allSatisfy(isLetter) }
    }

    /// Localized text, or `{text, verify, sources}`.
    static func fact(_ node: Node, _ sink: DiagnosticSink) -> Fact? {
        if case .mapping(let mapping) = node, mapping.keys.contains(where: { $0.scalar?.string == "text" }) {
            guard var reader = MappingReader(node, sink, what: "a fact") else { return nil }
            let text = reader.localized("text", required: true)
            let verify = reader.bool("verify")
            let sources = reader.references("sources")
            reader.finish()
            return text.map { Fact(text: $0, verify: verify, sources: sources) }
        }
        return localized(node, sink).map { Fact(text: $0) }
    }

    /// A condition string, parsed; syntax errors are reported at the offending character.
    static func condition(_ node: Node, _ sink: DiagnosticSink) -> ConditionText? {
        guard case .scalar(let scalar) = node else {
            sink.report(.wrongType, at: sink.location(of: node), "a condition must be text such as \"status = visitor\", found \(node.kindName)")
            return nil
        }
        var location = sink.location(of: node)
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: location = location.advanced(by: 1)
        default: break
        }
        var (condition, error) = ConditionText.parse(scalar.string, at: location)
        let singleLine = !scalar.string.hasASCII("\n") && scalar.style != .literal && scalar.style != .folded
        if singleLine { condition.columns = ScalarColumns.offsets(scalar, raw: sink.source.flatMap { scalar.raw(in: $0) }) }
        if let error {
            sink.report(.conditionSyntax, at: singleLine ? condition.location(at: error.offset) : location,
                        "in condition '\(scalar.string)': \(error.message)",
                        hint: "conditions look like: status in [visitor, student] and not in_danger")
        }
        return condition
    }
}

extension Read {
    /// A date written on its own (`first_entry + 1 year`), parsed; syntax errors are reported where they are.
    static func date(_ node: Node, _ sink: DiagnosticSink) -> DateText? {
        guard case .scalar(let scalar) = node else {
            sink.report(.wrongType, at: sink.location(of: node), "a date must be text such as \"first_entry + 1 year\", found \(node.kindName)")
            return nil
        }
        var location = sink.location(of: node)
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: location = location.advanced(by: 1)
        default: break
        }
        var (date, error) = DateText.parse(scalar.string, at: location)
        let singleLine = !scalar.string.hasASCII("\n") && scalar.style != .literal && scalar.style != .folded
        if singleLine { date.columns = ScalarColumns.offsets(scalar, raw: sink.source.flatMap { scalar.raw(in: $0) }) }
        if let error {
            sink.report(.conditionSyntax, at: singleLine ? date.location(at: error.offset) : location,
                        "in date '\(scalar.string)': \(error.message)",
                        hint: "dates look like: last_decision + 12 months, first_entry + 1 year, today, 2025-06-03")
        }
        return date
    }

    /// A priority name: first, next or also.
    static func priority(_ node: Node, _ sink: DiagnosticSink) -> Priority? {
        guard let (text, location) = string(node, sink, what: "a priority") else { return nil }
        guard let p = Priority(rawValue: text) else {
            let names = Priority.allCases.map(\.rawValue)
            sink.report(.invalidValue, at: location, "unknown priority '\(text)'" + DidYouMean.phrase(for: text, among: names),
                        hint: "priorities: " + names.joined(separator: ", "))
            return nil
        }
        return p
    }
}

extension Node {
    /// How a node kind reads in a message.
    var kindName: String {
        switch self {
        case .scalar(let s): return s.string.isEmpty ? "nothing" : "the text '\(s.string.prefix(40))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}
