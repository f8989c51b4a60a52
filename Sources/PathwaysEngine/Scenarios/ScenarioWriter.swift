/// Writes a session's answers and the assessment they lead to as a scenario file, ready for `pathways test`.
public enum ScenarioWriter {
    public static func yaml(id: String, title: String, session: Session) -> String {
        let a = session.assess()
        var out = ["# yaml-language-server: $schema=../schema/scenario.schema.json",
                   "# Recorded in the preview. Add a persona and check the expectations before relying on it.",
                   "id: \(id)", "title: \(quote(title))"]
        if let day = session.today { out.append("today: \(day)") }
        out.append("answers:")
        for stop in session.walk.stops {
            guard case .question(let q) = stop, let answer = session.walk.effective[q] else { continue }
            out.append("  \(q): \(value(answer))")
        }
        if session.walk.stops.isEmpty { out[out.count - 1] = "answers: {}" }
        out.append("expect:")
        if let o = a.outcome { out.append("  outcome: \(o)") }
        for (key, items) in [("recommended", a.recommended), ("possible", a.possible), ("not_applicable", a.notApplicable)] {
            out.append("  \(key): [" + items.map(\.id).joined(separator: ", ") + "]")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// An answer as it is written in a scenario or answers file.
    public static func value(_ a: Answer) -> String {
        switch a {
        case .declined: return "declined"
        case .value(.option(let o)): return word(o)
        case .value(.options(let os)): return "[" + os.map(word).joined(separator: ", ") + "]"
        case .value(.number(let n)): return Question.show(n)
        case .value(.date(let d)): return d.description
        case .value(.text(let t)): return quote(t)
        }
    }

    /// An option id, quoted when YAML or the answers reader would take it for something else.
    static func word(_ s: String) -> String {
        Double(s) != nil || Day(s) != nil || s == "declined" ? quote(s) : s
    }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n") + "\""
    }
}
