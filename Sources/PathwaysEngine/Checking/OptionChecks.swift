/// Checks of the options of questions beyond their ids.
enum OptionChecks {
    /// `exclusive` ("cannot be ticked with another option") means something only on a tick-all question.
    static func exclusive(_ b: ContentBundle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for q in b.questions where q.kind != .multipleChoice {
            for o in q.options where o.exclusive {
                out.append(Diagnostic(.exclusiveOutsideTickAll, at: o.location,
                                      "the option '\(o.id)' is marked exclusive, but '\(q.id)' is a \(q.kind.rawValue) question, where only one option is chosen anyway",
                                      hint: "remove 'exclusive: true', or make '\(q.id)' a multiple_choice question"))
            }
        }
        return out
    }
}
