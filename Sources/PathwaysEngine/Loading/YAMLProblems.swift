/// Turns a file that cannot be read as YAML into one diagnostic in plain words, placed where the mistake
/// is rather than where libyaml gave up: a tab, a ': ' inside a text, an indentation that matches nothing,
/// a quote or bracket left open, text after a closing quote. libyaml's own words are the last resort.
enum YAMLProblems {
    static func diagnostic(_ failure: YAMLComposer.Failure, file: String, bytes: [UInt8]) -> Diagnostic {
        func at(_ mark: Node.Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch failure {
        case .syntax(let problem, let mark, let context):
            let e = explain(problem: problem, at: mark, context: context, YAMLLines(bytes))
            return Diagnostic(.yamlSyntax, at: at(e.at), e.message, hint: e.hint)
        case .duplicateKey(let key, let mark, let first):
            return Diagnostic(.duplicateID, at: at(mark), "the key '\(key)' appears twice in one mapping",
                              hint: "it is first at \(first.line):\(first.column); keep one of the two")
        case .anchor(let mark):
            return Diagnostic(.yamlSyntax, at: at(mark), "a text that starts with '&' must be put in quotes",
                              hint: "YAML reads &name as an anchor, which content files do not use; write \"&…\"")
        case .alias(let mark):
            return Diagnostic(.yamlSyntax, at: at(mark), "a text that starts with '*' must be put in quotes",
                              hint: "YAML reads *name as an alias, which content files do not use; write \"*…\"")
        case .tag(let tag, let mark):
            return Diagnostic(.yamlSyntax, at: at(mark), "YAML tags such as '\(tag)' are not used in content files",
                              hint: "remove the tag: every value is read as text and given its meaning by the content; if the '!' belongs to the text, put the whole text in quotes")
        case .secondDocument(let mark):
            return Diagnostic(.yamlSyntax, at: at(mark), "a second YAML document ('---') in one file",
                              hint: "each content file holds one document; put the rest in a file of its own")
        case .tooDeep(let mark):
            return Diagnostic(.inputLimit, at: at(mark),
                              "lists and mappings are nested more than \(InputLimits.nestingDepth) levels deep here",
                              hint: "content needs only a few levels; look for a '[' or '{' that is never closed")
        case .reader(let problem, let offset):
            let mark = YAMLLines.mark(ofByte: offset, in: bytes)
            if problem.contains("control characters") {
                let lines = YAMLLines(bytes)
                let code = lines.character(at: mark).map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) } ?? "?"
                return Diagnostic(.yamlSyntax, at: at(mark), "an invisible control character (\(code)) in the text",
                                  hint: "delete it; it often comes from copying text out of another program")
            }
            return Diagnostic(.yamlSyntax, at: at(mark), "YAML: \(problem)")
        }
    }

    struct Explained {
        var at: Node.Mark
        var message: String
        var hint: String?
    }

    /// The most likely mistake behind libyaml's `problem` at `mark`.
    static func explain(problem: String, at mark: Node.Mark, context: (text: String, at: Node.Mark)?, _ lines: YAMLLines) -> Explained {
        if let tab = tab(problem: problem, at: mark, lines) { return tab }
        if let quote = openQuote(problem: problem, at: mark, context: context, lines) { return quote }
        let c = lines.character(at: mark)
        switch problem {
        case "mapping values are not allowed in this context":
            return colonOrIndent(at: mark, lines)
        case "did not find expected key", "did not find expected '-' indicator":
            if let after = textAfterClosing(at: mark, lines) { return after }
            return indentation(at: mark, context: context, lines)
        case "could not find expected ':'":
            let line = context?.at.line ?? mark.line
            return Explained(at: Node.Mark(line: line, column: lines.indentation(line) + 1),
                             message: "this line has no 'key:'",
                             hint: "in a mapping every line is 'key: value'; a list item starts with '- '; a line that goes on with the text above must be indented further than its key")
        case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
            let close: Unicode.Scalar = problem.hasSuffix("']'") ? "]" : "}"
            let open: Unicode.Scalar = close == "]" ? "[" : "{"
            if let start = context?.at, !balanced(lines.line(start.line), from: start.column, open: open, close: close) {
                return Explained(at: start, message: "the '\(open)' opened at \(start.line):\(start.column) is never closed",
                                 hint: "end the \(close == "]" ? "list" : "mapping") with '\(close)' on the same line, or put the whole text in quotes if the '\(open)' is part of it")
            }
            return Explained(at: mark, message: "inside \(open) \(close), a text with ': ' or ',' must be put in quotes",
                             hint: "write the text in double quotes, such as {en: \"Note: call first\", fr: …}")
        case "block sequence entries are not allowed in this context":
            return Explained(at: mark, message: "a '- ' list cannot start on the same line as its key",
                             hint: "put each '- ' item on a line of its own, below the key and indented further")
        case "found unknown escape character":
            return Explained(at: mark, message: "a backslash inside double quotes starts an escape, and this one is unknown",
                             hint: "write \\\\ for a backslash, or put the text in single quotes instead")
        case "did not find expected comment or line break":
            return Explained(at: mark, message: "after '|' or '>', the text starts on the next line",
                             hint: "move the text to the next line, indented further than its key")
        case "found character that cannot start any token":
            if let c, c == "@" || c == "`" || c == "%" {
                return Explained(at: mark, message: "a text cannot start with '\(c)' — put the whole text in quotes", hint: nil)
            }
        default:
            if problem.hasPrefix("did not find expected alphabetic or numeric character"), let context {
                let what: Unicode.Scalar = context.text.contains("alias") ? "*" : context.text.contains("anchor") ? "&" : "!"
                return Explained(at: context.at, message: "a text that starts with '\(what)' must be put in quotes",
                                 hint: "YAML gives '\(what)' at the start of a value a meaning of its own; write \"\(what)…\"")
            }
        }
        let opened = context.map { " (\($0.text.replacingAll("while parsing", with: "in").replacingAll("while scanning", with: "in")) that starts at \($0.at.line):\($0.at.column))" } ?? ""
        return Explained(at: mark, message: "YAML syntax: \(problem)\(opened)",
                         hint: "check the indentation and the ':' and '- ' on this line and the one before")
    }

    /// A tab in the indentation of this line or the one before: YAML indents with spaces only.
    static func tab(problem: String, at mark: Node.Mark, _ lines: YAMLLines) -> Explained? {
        let isTab = lines.character(at: mark) == "\t"
        guard isTab || problem.contains("tab") else { return nil }
        if isTab { return tabMessage(mark) }
        for n in [mark.line, mark.line - 1] {
            if let i = lines.line(n).prefix(while: { $0 == " " || $0 == "\t" }).firstIndex(of: "\t") {
                return tabMessage(Node.Mark(line: n, column: i + 1))
            }
        }
        return nil
    }

    static func tabMessage(_ at: Node.Mark) -> Explained {
        Explained(at: at, message: "a tab character — use spaces to indent",
                  hint: "YAML files are indented with spaces only; set your editor to insert spaces for the Tab key")
    }

    /// A quote left open: libyaml reached the end of the file inside it, or the quote swallowed the lines
    /// after it (they read as "key: value" lines) until some later quote closed it.
    static func openQuote(problem: String, at mark: Node.Mark, context: (text: String, at: Node.Mark)?, _ lines: YAMLLines) -> Explained? {
        func message(_ q: YAMLLines.Quoted) -> Explained {
            let closes = q.quote == "\"" ? "\"" : "'"
            return Explained(at: q.open, message: "the quote opened at \(q.open.line):\(q.open.column) is never closed",
                             hint: "end the text with \(closes) on the same line" + (q.quote == "'" ? "; an apostrophe inside '…' is written ''" : ""))
        }
        if let context, context.text.contains("quoted scalar"), problem.contains("end of stream") {
            return message(YAMLLines.Quoted(quote: lines.character(at: context.at) ?? "\"", open: context.at, close: nil))
        }
        let quoted = lines.quotedScalars(through: mark.line)
        guard let last = quoted.last(where: { $0.open.line < mark.line || ($0.open.line == mark.line && $0.open.column < mark.column) }),
              last.spansLines else { return nil }
        let endLine = last.close?.line ?? mark.line
        guard (last.open.line + 1...max(last.open.line + 1, endLine)).contains(where: { lines.looksLikeKey($0) }) else { return nil }
        return message(YAMLLines.Quoted(quote: last.quote, open: last.open, close: nil))
    }

    /// A ':' followed by a space inside a plain text, or a key indented so far that it reads as more of the
    /// text above it.
    static func colonOrIndent(at mark: Node.Mark, _ lines: YAMLLines) -> Explained {
        let line = lines.line(mark.line)
        let before = Array(line.prefix(max(0, mark.column - 1)))
        // "key: " (or "- ") earlier on the same line: the text began here, so its ': ' is the mistake.
        var start: Int?
        for i in before.indices where before[i] == ":" && i + 1 < before.count && before[i + 1] == " " {
            start = i + 2
            break
        }
        if start == nil, let dash = before.firstIndex(where: { $0 != " " }), before[dash] == "-", dash + 1 < before.count, before[dash + 1] == " " {
            start = dash + 2
        }
        if var s = start {
            while s < line.count && line[s] == " " { s += 1 }
            let text = lines.text(mark.line, from: s + 1).trimmingTrailingSpaces
            let quoted = text.hasASCII("\"") ? (text.hasASCII("'") ? nil : "'\(text)'") : "\"\(text)\""
            return Explained(at: Node.Mark(line: mark.line, column: s + 1),
                             message: "this text contains ': ' — put the whole text in quotes",
                             hint: quoted.map { "write it as \($0)" } ?? "YAML reads ': ' as the start of a value")
        }
        let keyColumn = lines.indentation(mark.line) + 1
        let key = lines.lead(mark.line)
        return Explained(at: Node.Mark(line: mark.line, column: keyColumn),
                         message: "'\(key)' is indented further than the line above, so it is read as more of the text before it",
                         hint: siblings(of: mark.line, lines) ?? "line it up with the key above it")
    }

    /// Text after the closing quote of a quoted scalar, or after the ']' or '}' of a text that began with one.
    static func textAfterClosing(at mark: Node.Mark, _ lines: YAMLLines) -> Explained? {
        let line = lines.line(mark.line)
        var i = mark.column - 2
        while i >= 0 && line[i] == " " { i -= 1 }
        guard i >= 0, i < line.count else { return nil }
        let closing = line[i]
        let quoted = lines.quotedScalars(through: mark.line).last { $0.close == Node.Mark(line: mark.line, column: i + 1) }
        if let quoted {
            if quoted.quote == "'" && i == mark.column - 2, let next = lines.character(at: mark), next.properties.isAlphabetic {
                return Explained(at: Node.Mark(line: mark.line, column: i + 1),
                                 message: "this apostrophe ends the text in '…' quotes",
                                 hint: "inside '…' write an apostrophe as two ('') — or put the whole text in double quotes instead")
            }
            return Explained(at: Node.Mark(line: mark.line, column: i + 1), message: "the text goes on after this closing quote",
                             hint: "put the whole text in quotes, or remove the quotes")
        }
        if closing == "]" || closing == "}" {
            let open: Unicode.Scalar = closing == "]" ? "[" : "{"
            guard let start = line.firstIndex(of: open) else { return nil }
            return Explained(at: Node.Mark(line: mark.line, column: start + 1),
                             message: "a text that starts with '\(open)' is read as a \(open == "[" ? "list" : "mapping") — put the whole text in quotes",
                             hint: nil)
        }
        return nil
    }

    /// A line whose indentation matches none of the lines it could belong with.
    static func indentation(at mark: Node.Mark, context: (text: String, at: Node.Mark)?, _ lines: YAMLLines) -> Explained {
        let n = mark.line
        let isItem = lines.line(n).drop { $0 == " " }.first == "-"
        let at = Node.Mark(line: n, column: lines.indentation(n) + 1)
        return Explained(at: at, message: isItem ? "this '- ' item is indented differently from the lines it belongs with"
                                                 : "this line is indented differently from the lines it belongs with",
                         hint: siblings(of: n, lines) ?? "line it up with the key or '- ' item it belongs with")
    }

    /// "line it up with 'kind' (column 5) to put it under 'id: a', or with '- id: a' (column 3) to put it
    /// beside it": the parent (the nearest line above indented less) and the parent's first child.
    static func siblings(of n: Int, _ lines: YAMLLines) -> String? {
        let indent = lines.indentation(n)
        var parent: Int?
        var child: Int?
        var k = n - 1
        while k >= 1 {
            if !lines.isBlank(k) {
                let i = lines.indentation(k)
                if i < indent { parent = k; break }
                child = k
            }
            k -= 1
        }
        var options: [String] = []
        // `child` ends as the first line under the parent: the one that set the children's column.
        if let child, lines.indentation(child) != indent {
            let under = parent.map { " to put it under '\(lines.lead($0))'" } ?? ""
            options.append("with '\(lines.lead(child))' (column \(lines.indentation(child) + 1))\(under)")
        }
        if let parent {
            // A "- " item's own column, or the parent key's, to sit beside it.
            let p = lines.indentation(parent)
            if p != indent { options.append("with '\(lines.lead(parent))' (column \(p + 1)) to put it beside it") }
        }
        guard !options.isEmpty else { return nil }
        return "line it up " + options.joined(separator: ", or ")
    }

    /// Whether the bracket opened at `column` of `line` is closed later on that line (outside quotes).
    static func balanced(_ line: [Unicode.Scalar], from column: Int, open: Unicode.Scalar, close: Unicode.Scalar) -> Bool {
        var depth = 0
        var quote: Unicode.Scalar?
        for c in line.dropFirst(max(0, column - 1)) {
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c } else if c == open { depth += 1 } else if c == close {
                depth -= 1
                if depth == 0 { return true }
            }
        }
        return false
    }
}

extension String {
    /// The text without spaces at its end.
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }

    /// Zeros in front, up to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
