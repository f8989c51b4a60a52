/// A named part of the conversation, for progress display ("Safety", "Status", ...).
public struct Section: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var questions: [Reference]
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, questions: [Reference], location: SourceLocation) {
        self.id = id
        self.title = title
        self.questions = questions
        self.location = location
    }
}

/// One way out of a flow node: taken when its condition holds, or always when it has none.
public struct NextRule: Hashable, Sendable {
    public var condition: ConditionText?
    public var target: Reference

    public init(condition: ConditionText?, target: Reference) {
        self.condition = condition
        self.target = target
    }
}

/// A question's place in the flow: where to go after it.
public struct FlowNode: Hashable, Sendable {
    public var question: String
    /// Tried in order; the first whose condition is true wins. The last has no condition: the default.
    public var next: [NextRule]
    public var location: SourceLocation

    public init(question: String, next: [NextRule], location: SourceLocation) {
        self.question = question
        self.next = next
        self.location = location
    }

    /// The unconditional rule, if the node has one.
    public var defaultRule: NextRule? { next.last(where: { $0.condition == nil }) }
}

/// The conversation as a graph of question nodes that ends at outcomes.
public struct Flow: Hashable, Sendable {
    public var start: Reference
    public var sections: [Section]
    /// Question id → node, in file order.
    public var nodes: [String: FlowNode]
    public var nodeOrder: [String]
    public var location: SourceLocation

    public init(start: Reference, sections: [Section], nodes: [FlowNode], location: SourceLocation) {
        self.start = start
        self.sections = sections
        self.nodes = [:]
        self.nodeOrder = []
        for node in nodes where self.nodes[node.question] == nil {
            self.nodes[node.question] = node
            self.nodeOrder.append(node.question)
        }
        self.location = location
    }
}

/// An end point of the flow; urgent ones are early exits such as "call 911 now".
public struct Outcome: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var message: LocalizedText?
    public var urgent: Bool
    /// Pathways to list first when the walk ends here.
    public var showFirst: [Reference]
    /// The worker may go on with the conversation from this question.
    public var continueTo: Reference?
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, message: LocalizedText? = nil, urgent: Bool = false,
                showFirst: [Reference] = [], continueTo: Reference? = nil, location: SourceLocation) {
        self.id = id
        self.title = title
        self.message = message
        self.urgent = urgent
        self.showFirst = showFirst
        self.continueTo = continueTo
        self.location = location
    }
}
