/// The id, version and content hash that identify exactly which content produced an assessment.
public struct BundleStamp: Hashable, Sendable, Codable {
    public var id: String
    public var version: String
    public var hash: String

    public init(id: String, version: String, hash: String) {
        self.id = id
        self.version = version
        self.hash = hash
    }
}

/// A whole content bundle: everything the engine needs, in content order.
public struct ContentBundle: Sendable {
    public var info: BundleInfo
    public var questions: [Question]
    public var flow: Flow
    public var outcomes: [Outcome]
    public var pathways: [Pathway]
    public var referrals: [Referral]
    public var sources: [Source]
    public var glossary: [GlossaryTerm]
    public var scenarios: [Scenario]
    /// A SHA-256 over the bundle's files, so an assessment names the exact content behind it.
    public var hash: String
    /// Locale → string id → hash of the source text each translation was made from (translations.yaml).
    public var translationSources: [String: [String: String]] = [:]
    /// The program's words in each locale (strings/*.yaml).
    public var strings = StringCatalog()
    /// Content texts kept in a file per locale (locales/*.yaml), by string id; already merged into the texts.
    public var localeTexts = StringCatalog()

    /// Question id → its place in `questions` (the order editors wrote them in).
    public let questionIndex: [String: Int]
    let outcomeIndex: [String: Int]
    let pathwayIndex: [String: Int]
    let referralIndex: [String: Int]
    let sourceIndex: [String: Int]
    let termIndex: [String: Int]
    let sectionIndex: [String: Int]

    public init(info: BundleInfo, questions: [Question], flow: Flow, outcomes: [Outcome], pathways: [Pathway],
                referrals: [Referral], sources: [Source], glossary: [GlossaryTerm], scenarios: [Scenario],
                hash: String) {
        self.info = info
        self.questions = questions
        self.flow = flow
        self.outcomes = outcomes
        self.pathways = pathways
        self.referrals = referrals
        self.sources = sources
        self.glossary = glossary
        self.scenarios = scenarios
        self.hash = hash
        func index<T>(_ items: [T], _ id: (T) -> String) -> [String: Int] {
            var result: [String: Int] = [:]
            for (i, item) in items.enumerated() where result[id(item)] == nil { result[id(item)] = i }
            return result
        }
        questionIndex = index(questions, \.id)
        outcomeIndex = index(outcomes, \.id)
        pathwayIndex = index(pathways, \.id)
        referralIndex = index(referrals, \.id)
        sourceIndex = index(sources, \.id)
        termIndex = index(glossary, \.id)
        var sections: [String: Int] = [:]
        for (i, section) in flow.sections.enumerated() {
            for q in section.questions where sections[q.id] == nil { sections[q.id] = i }
        }
        sectionIndex = sections
    }

    public var stamp: BundleStamp { BundleStamp(id: info.id, version: info.version, hash: hash) }

    /// The bundle with the program's words of `base` beneath its own (for a bundle without strings files).
    public func withStrings(under base: StringCatalog) -> ContentBundle {
        var b = self
        b.strings = strings.layered(over: base)
        LocaleFiles.applyBuiltInOptions(b.strings, to: &b)
        return b
    }

    public func question(_ id: String) -> Question? { questionIndex[id].map { questions[$0] } }
    public func outcome(_ id: String) -> Outcome? { outcomeIndex[id].map { outcomes[$0] } }
    public func pathway(_ id: String) -> Pathway? { pathwayIndex[id].map { pathways[$0] } }
    public func referral(_ id: String) -> Referral? { referralIndex[id].map { referrals[$0] } }
    public func source(_ id: String) -> Source? { sourceIndex[id].map { sources[$0] } }
    public func term(_ id: String) -> GlossaryTerm? { termIndex[id].map { glossary[$0] } }

    /// The section a question belongs to, if any.
    public func section(of question: String) -> Section? {
        sectionIndex[question].map { flow.sections[$0] }
    }
}
