import CLibYAML

/// Builds a `Node` tree straight from libyaml's events. Content files use a small part of YAML, so this
/// refuses what they never need (anchors, aliases, tags, several documents, nesting deeper than
/// `InputLimits.nestingDepth`) and reports a repeated key at the repeat; everything else is libyaml's own
/// reading. It stops at the first event past the depth limit, so deep nesting costs no more than shallow.
enum YAMLComposer {
    enum Failure: Error {
        /// libyaml could not read the text: its problem, where, and the construct it was in.
        case syntax(problem: String, at: Node.Mark, context: (text: String, at: Node.Mark)?)
        /// Bytes libyaml refuses before reading any YAML (control characters, say), and the byte offset.
        case reader(problem: String, offset: Int)
        case duplicateKey(String, at: Node.Mark, first: Node.Mark)
        case anchor(at: Node.Mark)
        case alias(at: Node.Mark)
        case secondDocument(at: Node.Mark)
        /// An explicit tag (`!!str`, `!name`): content gives values their meaning, so tags would be dropped.
        case tag(String, at: Node.Mark)
        /// Lists and mappings nested deeper than `InputLimits.nestingDepth`.
        case tooDeep(at: Node.Mark)
    }

    /// One collection being built. A class, so appending to it never copies what it already holds.
    private final class Open {
        let mark: Node.Mark
        let style: Node.CollectionStyle
        let isMapping: Bool
        var items: [Node] = []
        var pairs: [(key: Node, value: Node)] = []
        var pendingKey: Node?
        /// The mapping's text keys so far, to find a repeat: searched in place while few, then indexed.
        var keys: [(text: String, mark: Node.Mark)] = []
        var keyIndex: [String: Node.Mark]?

        /// Where `key` was first written in this mapping, if it was; records it otherwise.
        func firstMark(ofRepeated key: String, at mark: Node.Mark) -> Node.Mark? {
            if let index = keyIndex {
                if let first = index[key] { return first }
                keyIndex?[key] = mark
                return nil
            }
            if let first = keys.first(where: { $0.text == key }) { return first.mark }
            keys.append((key, mark))
            if keys.count > 16 { keyIndex = Dictionary(keys.map { ($0.text, $0.mark) }, uniquingKeysWith: { a, _ in a }) }
            return nil
        }

        init(mapping: Bool, style: Node.CollectionStyle, mark: Node.Mark) {
            self.isMapping = mapping
            self.style = style
            self.mark = mark
        }

        var node: Node {
            isMapping ? .mapping(Node.Mapping(pairs: pairs, style: style, mark: mark))
                      : .sequence(Node.Sequence(items: items, style: style, mark: mark))
        }
    }

    /// The document's root, or nil for an empty file.
    static func compose(_ bytes: [UInt8]) throws(Failure) -> Node? {
        guard !bytes.isEmpty else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw .reader(problem: "out of memory", offset: 0) }
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
            guard let top = stack.last else { root = node; return nil }
            if !top.isMapping {
                top.items.append(node)
            } else if let key = top.pendingKey {
                top.pairs.append((key, node))
                top.pendingKey = nil
            } else {
                if case .scalar(let key) = node, let first = top.firstMark(ofRepeated: key.string, at: key.mark) {
                    return .duplicateKey(key.string, at: key.mark, first: first)
                }
                top.pendingKey = node
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
                if let tag = s.tag { return .failure(.tag(String(cString: tag), at: at)) }
                let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
                let scalar = Node.Scalar(string: text, style: style(s.style), mark: at, end: mark(event.end_mark))
                if let f = finished(.scalar(scalar)) { return .failure(f) }
            case YAML_SEQUENCE_START_EVENT:
                if event.data.sequence_start.anchor != nil { return .failure(.anchor(at: at)) }
                if let tag = event.data.sequence_start.tag { return .failure(.tag(String(cString: tag), at: at)) }
                if stack.count >= InputLimits.nestingDepth { return .failure(.tooDeep(at: at)) }
                let flow = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                stack.append(Open(mapping: false, style: flow ? .flow : .block, mark: at))
            case YAML_MAPPING_START_EVENT:
                if event.data.mapping_start.anchor != nil { return .failure(.anchor(at: at)) }
                if let tag = event.data.mapping_start.tag { return .failure(.tag(String(cString: tag), at: at)) }
                if stack.count >= InputLimits.nestingDepth { return .failure(.tooDeep(at: at)) }
                let flow = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                stack.append(Open(mapping: true, style: flow ? .flow : .block, mark: at))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let open = stack.popLast() else { continue }
                if let f = finished(open.node) { return .failure(f) }
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
        if parser.error == YAML_READER_ERROR || parser.error == YAML_MEMORY_ERROR {
            return .reader(problem: problem, offset: Int(parser.problem_offset))
        }
        let context = parser.context.map { (text: String(cString: $0), at: mark(parser.context_mark)) }
        return .syntax(problem: problem, at: mark(parser.problem_mark), context: context)
    }
}
