/// Reads one YAML mapping key by key, reporting wrong types, missing keys and unknown keys with locations.
struct MappingReader {
    let sink: DiagnosticSink
    let location: SourceLocation
    /// What the mapping describes, for messages: "a question", "an option".
    let what: String
    private var pairs: [(key: String, keyNode: Node, value: Node)] = []
    /// Where each key first appears in `pairs`, for large mappings only (the flow's nodes), so reading them
    /// stays linear; a small mapping is searched in place, which is cheaper than building a table.
    private var firstIndex: [String: Int]?
    private var allowed: [String] = []
    private static let smallMapping = 16
    /// A `{…}` flow mapping: its plain values end at ',' or '}'.
    let isFlow: Bool

    /// Reads `node` as a mapping; reports and returns nil when it is something else.
    init?(_ node: Node, _ sink: DiagnosticSink, what: String) {
        self.sink = sink
        self.location = sink.location(of: node)
        self.what = what
        guard case .mapping(let mapping) = node else {
            sink.report(.wrongType, at: sink.location(of: node), "expected \(what) as a mapping of keys to values, found \(node.kindName)")
            return nil
        }
        isFlow = mapping.style == .flow
        let count = mapping.count
        pairs.reserveCapacity(count)
        if count > MappingReader.smallMapping { firstIndex = [:] }
        for (key, value) in mapping {
            guard case .scalar(let k) = key else {
                sink.report(.wrongType, at: sink.location(of: key), "a key must be plain text, found \(key.kindName)")
                continue
            }
            if firstIndex != nil, firstIndex?[k.string] == nil { firstIndex?[k.string] = pairs.count }
            pairs.append((k.string, key, value))
        }
    }

    /// The value under `key`, if present; marks the key as known.
    mutating func node(_ key: String, required: Bool = false) -> Node? {
        if !allowed.contains(key) { allowed.append(key) }
        if let index = index(of: key) {
            let pair = pairs[index]
            if case .scalar(let s) = pair.value, s.style == .plain, ["", "~", "null"].contains(s.string) {
                if required { sink.report(.missingKey, at: sink.location(of: pair.keyNode), "'\(key)' has no value") }
                return nil
            }
            return pair.value
        }
        if required { sink.report(.missingKey, at: location, "\(what) needs '\(key)'") }
        return nil
    }

    /// Where the key itself is written, if present.
    func keyLocation(_ key: String) -> SourceLocation? {
        index(of: key).map { sink.location(of: pairs[$0].keyNode) }
    }

    private func index(of key: String) -> Int? {
        if let firstIndex { return firstIndex[key] }
        return pairs.firstIndex { $0.key == key }
    }

    /// A scalar text value with its location.
    mutating func string(_ key: String, required: Bool = false) -> (String, SourceLocation)? {
        guard let node = node(key, required: required) else { return nil }
        return Read.string(node, sink, what: "'\(key)'")
    }

    /// An identifier: letters, digits, '_' and '-'.
    mutating func id(_ key: String = "id", required: Bool = true) -> (String, SourceLocation)? {
        guard let (text, location) = string(key, required: required) else { return nil }
        guard Read.isIdentifier(text) else {
            sink.report(.invalidValue, at: location, "'\(text)' is not a valid id",
                        hint: "use letters, digits, '_' and '-', starting with a letter")
            return nil
        }
        return (text, location)
    }

    mutating func reference(_ key: String, required: Bool = false) -> Reference? {
        string(key, required: required).map { Reference($0.0, at: $0.1) }
    }

    mutating func bool(_ key: String) -> Bool {
        guard let (text, location) = string(key) else { return false }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            sink.report(.wrongType, at: location, "'\(key)' must be true or false, found '\(text)'")
            return false
        }
    }

    mutating func number(_ key: String) -> Double? {
        guard let (text, location) = string(key) else { return nil }
        guard let n = Double(text), n.isFinite else {
            sink.report(.wrongType, at: location, "'\(key)' must be a number, found '\(text)'")
            return nil
        }
        return n
    }

    mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard let (text, location) = string(key, required: required) else { return nil }
        guard let day = Day(text) else {
            sink.report(.invalidValue, at: location, "'\(text)' is not a date; write it as YYYY-MM-DD, such as 2026-11-20")
            return nil
        }
        return day
    }

    mutating func localized(_ key: String, required: Bool = false) -> LocalizedText? {
        guard let node = node(key, required: required) else { return nil }
        return Read.localized(node, sink, inFlow: isFlow)
    }

    mutating func condition(_ key: String, required: Bool = false) -> ConditionText? {
        guard let node = node(key, required: required) else { return nil }
        return Read.condition(node, sink)
    }

    mutating func date(_ key: String, required: Bool = false) -> DateText? {
        guard let node = node(key, required: required) else { return nil }
        return Read.date(node, sink)
    }

    /// A whole number, reported when it is not one.
    mutating func integer(_ key: String) -> Int? {
        guard let n = number(key) else { return nil }
        guard n.rounded() == n, abs(n) < 1_000_000 else {
            sink.report(.wrongType, at: keyLocation(key) ?? location, "'\(key)' must be a whole number")
            return nil
        }
        return Int(n)
    }

    /// The items of a list value (an absent key is an empty list).
    mutating func list(_ key: String, required: Bool = false) -> [Node] {
        guard let node = node(key, required: required) else { return [] }
        return Read.list(node, sink, what: "'\(key)'")
    }

    mutating func references(_ key: String) -> [Reference] {
        list(key).compactMap { item in Read.string(item, sink, what: "an id in '\(key)'").map { Reference($0.0, at: $0.1) } }
    }

    mutating func facts(_ key: String) -> [Fact] {
        list(key).compactMap { Read.fact($0, sink) }
    }

    /// Reports every key that no read asked for, suggesting the closest known key.
    func finish() {
        var seen = Set<String>()
        for pair in pairs where !allowed.contains(pair.key) {
            guard seen.insert(pair.key).inserted else { continue }
            sink.report(.unknownKey, at: sink.location(of: pair.keyNode),
                        "unknown key '\(pair.key)' in \(what)" + DidYouMean.phrase(for: pair.key, among: allowed),
                        hint: "known keys: " + allowed.joined(separator: ", "))
        }
    }

    /// All keys and values, for free-form mappings such as answers.
    var entries: [(key: String, keyNode: Node, value: Node)] { pairs }
}
