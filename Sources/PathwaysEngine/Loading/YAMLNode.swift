/// A YAML node as content files use it: text, lists and mappings, each knowing where it starts. Every
/// scalar is kept as written text; content gives meaning to values, YAML does not.
indirect enum Node {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// A place in a file, 1-based, columns in characters (as libyaml counts them).
    struct Mark: Hashable {
        var line: Int
        var column: Int
    }

    struct Scalar {
        enum Style { case any, plain, singleQuoted, doubleQuoted, literal, folded }
        var string: String
        var style: Style
        var mark: Mark
        /// Where the scalar ends (after a closing quote).
        var end: Mark? = nil

        /// The scalar as written, quotes included, when it sits on one line of `source`.
        func raw(in source: SourceText) -> String? {
            guard let end, end.line == mark.line else { return nil }
            return source.text(line: mark.line, from: mark.column, to: end.column)
        }
    }

    enum CollectionStyle { case any, block, flow }

    /// Key–value pairs in the order written.
    struct Mapping: Swift.Sequence {
        typealias Element = (key: Node, value: Node)
        typealias Iterator = IndexingIterator<[Element]>
        var pairs: [Element]
        var style: CollectionStyle
        var mark: Mark

        func makeIterator() -> Iterator { pairs.makeIterator() }
        var count: Int { pairs.count }
        var keys: [Node] { pairs.map(\.key) }
        /// The value under a text key.
        subscript(key: String) -> Node? { pairs.first { $0.key.scalar?.string == key }?.value }
    }

    struct Sequence: RandomAccessCollection {
        var items: [Node]
        var style: CollectionStyle
        var mark: Mark

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(i: Int) -> Node { items[i] }
    }

    var mark: Mark? {
        switch self {
        case .scalar(let s): return s.mark
        case .mapping(let m): return m.mark
        case .sequence(let s): return s.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }
}
