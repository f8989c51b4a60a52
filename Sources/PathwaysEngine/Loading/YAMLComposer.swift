import CLibYAML

/// Builds a `Node` tree straight from libyaml's events. Content files use a small part of YAML, so this
/// refuses what they never need (anchors, aliases, several documents) and reports a repeated key at the
/// repeat; everything else is libyaml's own reading.
enum YAMLComposer {
    enum Failure: Error {
        /// libyaml could not read the text: its problem, where, and the construct it was in.
        case syntax(problem: String, at: Node.Mark, context: (text: String, at: Node.Mark)?)
        /// Bytes libyaml refuses before reading any YAML (control characters, say).
        case reader(problem: String)
        case duplicateKey(String, at: Node.Mark, first: Node.Mark)
        case anchor(at: Node.Mark)
        case alias(at: Node.Mark)
        case secondDocument(at: Node.Mark)
    }

    /// One collection being built.
    private enum Open {
        case sequence(Node.Sequence)
        case mapping(Node.Mapping, pendingKey: Node?, seen: [String: Node.Mark])
    }

    /// The document's root, or nil for an empty file.
    static func compose(_ bytes: [UInt8]) throws(Failure) -> Node? {
        guard !bytes.isEmpty else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw .reader(problem: "out of memory") }
        defer { yaml_parser_delete(&parser) }
        let result: Result<Node?, Failure> = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            return events(&parser)
        }
        return try result.get()
    }

    private static func events(_ parser: inout yaml_parser_t) -> Result<Node?, Failure> {
        var root: Node?
        var stack: [Open] = []
        var documents = 0
        var event = yaml_event_t()

        func finished(_ node: Node) -> Failure? {
            guard let top = stack.popLast() else { root = node; return nil }
            switch top {
            case .sequence(var s):
                s.items.append(node)
                stack.append(.sequence(s))
            case .mapping(var m, let key?, let seen):
                m.pairs.append((key, node))
                stack.append(.mapping(m, pendingKey: nil, seen: seen))
            case .mapping(let m, nil, var seen):
                if let text = node.scalar?.string, let at = node.mark {
                    if let first = seen[text] { return .duplicateKey(text, at: at, first: first) }
                    seen[text] = at
                }
                stack.append(.mapping(m, pendingKey: node, seen: seen))
            }
            return nil
        }

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(failure(parser)) }
            defer { yaml_event_delete(&event) }
            let at = mark(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { return .failure(.secondDocument(at: at)) }
            case YAML_ALIAS_EVENT:
                return .failure(.alias(at: at))
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                if s.anchor != nil { return .failure(.anchor(at: at)) }
                let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
                if let f = finished(.scalar(Node.Scalar(string: text, style: style(s.style), mark: at))) { return .failure(f) }
            case YAML_SEQUENCE_START_EVENT:
                if event.data.sequence_start.anchor != nil { return .failure(.anchor(at: at)) }
                let flow = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                stack.append(.sequence(Node.Sequence(items: [], style: flow ? .flow : .block, mark: at)))
            case YAML_MAPPING_START_EVENT:
                if event.data.mapping_start.anchor != nil { return .failure(.anchor(at: at)) }
                let flow = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                stack.append(.mapping(Node.Mapping(pairs: [], style: flow ? .flow : .block, mark: at), pendingKey: nil, seen: [:]))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let node: Node
                switch stack.popLast() {
                case .sequence(let s)?: node = .sequence(s)
                case .mapping(let m, _, _)?: node = .mapping(m)
                case nil: continue
                }
                if let f = finished(node) { return .failure(f) }
            default:
                break
            }
        }
    }

    private static func mark(_ m: yaml_mark_t) -> Node.Mark {
        Node.Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    private static func style(_ s: yaml_scalar_style_t) -> Node.Scalar.Style {
        switch s {
        case YAML_PLAIN_SCALAR_STYLE: return .plain
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .any
        }
    }

    private static func failure(_ parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "this is not valid YAML"
        if parser.error == YAML_READER_ERROR || parser.error == YAML_MEMORY_ERROR { return .reader(problem: problem) }
        let context = parser.context.map { (text: String(cString: $0), at: mark(parser.context_mark)) }
        return .syntax(problem: problem, at: mark(parser.problem_mark), context: context)
    }
}
