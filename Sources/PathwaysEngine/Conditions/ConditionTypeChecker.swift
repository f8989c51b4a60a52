/// Checks a parsed condition against the bundle's questions: names, options and types.
struct ConditionTypeChecker {
    let bundle: ContentBundle
    let questionIDs: [String]

    init(bundle: ContentBundle) {
        self.bundle = bundle
        self.questionIDs = bundle.questions.map(\.id)
    }

    func check(_ text: ConditionText) -> [Diagnostic] {
        guard let condition = text.parsed else { return [] }
        var out: [Diagnostic] = []
        visit(condition, text, &out)
        return out
    }

    private func visit(_ c: Condition, _ text: ConditionText, _ out: inout [Diagnostic]) {
        func at(_ offset: Int) -> SourceLocation { text.location(at: offset) }
        func question(_ ref: QuestionRef) -> Question? {
            if let q = bundle.question(ref.name) { return q }
            out.append(Diagnostic(.unknownQuestion, at: at(ref.offset),
                "unknown question '\(ref.name)'" + DidYouMean.phrase(for: ref.name, among: questionIDs)))
            return nil
        }
        func typeError(_ ref: QuestionRef, _ message: String, hint: String? = nil) {
            out.append(Diagnostic(.conditionType, at: at(ref.offset), message, hint: hint))
        }
        func checkOptions(_ q: Question, _ literals: [LiteralNode]) {
            for literal in literals {
                guard case .word(let w) = literal.value else {
                    out.append(Diagnostic(.conditionType, at: at(literal.offset),
                        "'\(q.id)' is answered with an option, not \(literal.value.kindName)",
                        hint: "options of '\(q.id)': " + q.options.map(\.id).joined(separator: ", ")))
                    continue
                }
                if q.option(w) == nil {
                    out.append(Diagnostic(.unknownOption, at: at(literal.offset),
                        "'\(w)' is not an option of '\(q.id)'" + DidYouMean.phrase(for: w, among: q.options.map(\.id)),
                        hint: "options of '\(q.id)': " + q.options.map(\.id).joined(separator: ", ")))
                }
            }
        }
        switch c {
        case .constant: break
        case .dateCompare(let a, _, let b):
            checkDate(a, at: at, &out)
            checkDate(b, at: at, &out)
            if a.question == nil && b.question == nil, !c.readsToday {
                out.append(Diagnostic(.fixedDateComparison, at: at(a.base.offset),
                    "'\(a) … \(b)' compares two fixed dates, so it is always true or always false",
                    hint: "compare a date question or 'today' with a date"))
            }
        case .not(let inner): visit(inner, text, &out)
        case .and(let cs), .or(let cs): cs.forEach { visit($0, text, &out) }
        case .status(let ref, let status):
            guard let q = question(ref) else { return }
            if status == .declined && !q.sensitive {
                typeError(ref, "'\(q.id)' is not sensitive, so it can never be declined",
                          hint: "mark the question 'sensitive: true', or remove this test")
            }
            if status == .unsure && !q.options.contains(where: \.unsure) {
                out.append(Diagnostic(.noUnsureOption, at: at(ref.offset),
                    "'\(q.id)' has no \"Not sure\" option, so it can never be answered unsure",
                    hint: q.kind.hasOptions
                        ? "add an option with 'unsure: true', or remove this test"
                        : "'is unsure' works with yes_no_unsure questions and choice questions that have an option marked 'unsure: true'"))
            }
        case .isYes(let ref):
            guard let q = question(ref) else { return }
            if q.kind != .yesNoUnsure {
                typeError(ref, "'\(q.id)' is a \(q.kind.rawValue) question, so it cannot stand alone as true or false",
                          hint: q.kind.hasOptions ? "compare it, as in '\(q.id) = \(q.options.first?.id ?? "option")'" : "compare it with a value")
            }
        case .compare(let ref, let op, let literal):
            guard let q = question(ref) else { return }
            switch q.kind {
            case .singleChoice, .yesNoUnsure:
                if op != .equal && op != .notEqual {
                    typeError(ref, "options of '\(q.id)' can only be compared with = or !=")
                } else {
                    checkOptions(q, [literal])
                }
            case .multipleChoice:
                typeError(ref, "'\(q.id)' takes several options; use 'has'",
                          hint: "as in '\(q.id) has \(q.options.first?.id ?? "option")'")
            case .number:
                if case .number = literal.value {} else {
                    typeError(ref, "'\(q.id)' is a number question, so it is compared with a number, not \(literal.value.kindName)")
                }
            case .date:
                if case .date = literal.value {} else {
                    let other = literal.value.word.flatMap { bundle.question($0) }
                    typeError(ref, "'\(q.id)' is a date question, so it is compared with a date (YYYY-MM-DD), not \(literal.value.kindName)",
                              hint: other?.kind == .date ? "to compare two date answers use <, <=, > or >=, or write '\(other!.id) + 0 days'"
                                  : "write a date such as 2025-06-03, or 'today'")
                }
            case .text:
                if op != .equal && op != .notEqual {
                    typeError(ref, "text answers can only be compared with = or !=")
                } else if case .string = literal.value {} else {
                    typeError(ref, "'\(q.id)' is a text question, so compare it with quoted text")
                }
            }
        case .member(let ref, _, let literals):
            guard let q = question(ref) else { return }
            if q.kind == .singleChoice || q.kind == .yesNoUnsure {
                checkOptions(q, literals)
            } else if q.kind == .multipleChoice {
                typeError(ref, "'\(q.id)' takes several options; use 'has any [...]'")
            } else {
                typeError(ref, "'in' works with choice questions; '\(q.id)' is a \(q.kind.rawValue) question")
            }
        case .has(let ref, _, let literals):
            guard let q = question(ref) else { return }
            if q.kind == .multipleChoice {
                checkOptions(q, literals)
            } else {
                typeError(ref, "'has' works with multiple_choice questions; '\(q.id)' is a \(q.kind.rawValue) question",
                          hint: q.kind.hasOptions ? "use '\(q.id) = option' or '\(q.id) in [a, b]'" : nil)
            }
        }
    }
}

extension ConditionTypeChecker {
    /// Checks a date term: its question must exist and take a date. `at` places an offset of the term's text.
    func checkDate(_ term: DateTerm, at: (Int) -> SourceLocation, _ out: inout [Diagnostic]) {
        guard let ref = term.question else { return }
        guard let q = bundle.question(ref.name) else {
            out.append(Diagnostic(.unknownQuestion, at: at(ref.offset),
                "unknown question '\(ref.name)'" + DidYouMean.phrase(for: ref.name, among: questionIDs)))
            return
        }
        if q.kind != .date {
            out.append(Diagnostic(.conditionType, at: at(ref.offset),
                "'\(q.id)' is a \(q.kind.rawValue) question, so it has no date to compare or add to",
                hint: "use a date question, 'today' or a date such as 2025-06-03"))
        }
    }

    /// Checks a date written on its own (a deadline's `date:`).
    func check(_ date: DateText) -> [Diagnostic] {
        guard let term = date.parsed else { return [] }
        var out: [Diagnostic] = []
        checkDate(term, at: { date.location(at: $0) }, &out)
        return out
    }
}

extension Literal {
    var kindName: String {
        switch self {
        case .word(let w): return "the word '\(w)'"
        case .number(let n): return "the number \(Question.show(n))"
        case .date(let d): return "the date \(d)"
        case .string(let s): return "the text \"\(s)\""
        }
    }
}
