import Foundation

/// A compiled JSON Schema (a subset of draft 2020-12) that checks JSON values.
///
/// Supported keywords: `type` (including `integer` = a number with no fractional
/// part), `enum`, `const`, `properties`, `required`, `additionalProperties`,
/// `minProperties`, `maxProperties`, `prefixItems`, `items`, `minItems`,
/// `maxItems`, `uniqueItems`, `pattern`, `minLength`, `maxLength` (counted in
/// Unicode code points), `minimum`, `maximum`, `exclusiveMinimum`,
/// `exclusiveMaximum`, `multipleOf`, `allOf`, `anyOf`, `oneOf`, `not`,
/// `if`/`then`/`else`, `$defs`, and `$ref` to the same document (`#`,
/// `#/$defs/NAME`, or any `#/json/pointer`). Boolean schemas `true` and
/// `false` are allowed anywhere a schema is.
///
/// Annotation keywords (`$schema`, `$id`, `title`, `description`, `$comment`,
/// `examples`, `default`, `format`, …) are ignored. Keywords that would
/// constrain instances but are not implemented (`patternProperties`,
/// `contains`, `unevaluatedProperties`, remote `$ref`s, …) make the schema fail
/// to compile with ``SchemaError/Kind/invalidSchema`` rather than being
/// silently ignored.
///
/// `pattern` uses ECMA-262-like semantics: unanchored search, ASCII-only `\d`
/// and `\w`, and `$` matching only at the very end of the string.
///
/// The schema is compiled once; `validate` is thread-safe and can be called
/// concurrently.
public struct JSONSchema: Sendable {
    let nodes: [SchemaNode]
    let rootNode: Int

    /// Compiles a schema from JSON text (UTF-8).
    ///
    /// Throws ``SchemaError/Kind/malformedJSON`` if `data` is not JSON and
    /// ``SchemaError/Kind/invalidSchema`` if it is not a supported schema.
    public init(data: Data) throws(SchemaError) {
        try self.init(ordered: JSONValue.parseOrdered(data))
    }

    /// Compiles the schema stored in a file.
    ///
    /// Throws ``SchemaError/Kind/unreadable`` if the file cannot be read, and
    /// otherwise behaves like ``init(data:)``.
    public init(contentsOf url: URL) throws(SchemaError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SchemaError(kind: .unreadable, message: "\(url.path): \(error.localizedDescription)")
        }
        try self.init(data: data)
    }

    /// Compiles a schema given as an already-parsed value (object key order, and
    /// so the order of reported violations, follows the sorted keys).
    public init(_ schema: JSONValue) throws(SchemaError) {
        try self.init(ordered: OrderedJSON(sortingKeysOf: schema))
    }

    init(ordered root: OrderedJSON) throws(SchemaError) {
        var compiler = SchemaCompiler(root: root)
        rootNode = try compiler.compile(root, at: "")
        nodes = compiler.nodes
    }

    /// Checks a value; returns every violation found, or `[]` if it is valid.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        var run = ValidationRun(nodes: nodes, quick: false)
        run.check(rootNode, instance)
        return run.violations
    }

    /// True if the value is valid; faster than `validate(_:).isEmpty` because it stops at the first failure.
    public func isValid(_ instance: JSONValue) -> Bool {
        var run = ValidationRun(nodes: nodes, quick: true)
        run.check(rootNode, instance)
        return run.violations.isEmpty
    }

    /// Parses one JSON text (typically one JSONL line) and checks it.
    ///
    /// A line that is not valid JSON yields exactly one violation with path `""`
    /// and keyword `"json"`, whose message gives the line and column of the error.
    public func validate(jsonLine: some StringProtocol) -> [SchemaViolation] {
        validate(data: Data(jsonLine.utf8))
    }

    /// Parses one JSON document from UTF-8 bytes and checks it; like ``validate(jsonLine:)``.
    public func validate(data: Data) -> [SchemaViolation] {
        do {
            return validate(try JSONValue.parse(data))
        } catch {
            return [SchemaViolation(path: "", keyword: "json", message: error.description)]
        }
    }
}

extension OrderedJSON {
    /// Converts a ``JSONValue``, ordering each object's keys by code-point order.
    public init(sortingKeysOf value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(OrderedJSON.init(sortingKeysOf:)))
        case .object(let o):
            self = .object(o.keys.sorted().map { Member(key: $0, value: OrderedJSON(sortingKeysOf: o[$0]!)) })
        }
    }
}

// MARK: - Validation

/// One validation pass: walks the instance alongside the compiled schema,
/// tracking the instance path lazily so that valid data costs no string building.
struct ValidationRun {
    enum PathComponent {
        case key(String)
        case index(Int)
    }

    /// Deepest allowed nesting of schema evaluations (guards against `$ref` loops).
    static let maxDepth = 512

    let nodes: [SchemaNode]
    /// Stop at the first violation (used for `anyOf`, `oneOf`, `not`, `if`, `isValid`).
    let quick: Bool
    var violations: [SchemaViolation] = []
    var path: [PathComponent] = []
    var depth = 0

    init(nodes: [SchemaNode], quick: Bool) {
        self.nodes = nodes
        self.quick = quick
    }

    var done: Bool { quick && !violations.isEmpty }

    var pointer: String {
        var s = ""
        for c in path {
            switch c {
            case .key(let k): s = JSONPointer.appending(s, key: k)
            case .index(let i): s = JSONPointer.appending(s, index: i)
            }
        }
        return s
    }

    mutating func report(_ keyword: String, _ message: String) {
        if quick && !violations.isEmpty { return }
        violations.append(SchemaViolation(path: pointer, keyword: keyword, message: message))
    }

    /// Runs `node` on `value` in a separate, quick pass; true if it passes.
    func passes(_ node: Int, _ value: JSONValue) -> Bool {
        var sub = ValidationRun(nodes: nodes, quick: true)
        sub.depth = depth
        sub.check(node, value)
        return sub.violations.isEmpty
    }

    /// Runs `node` on `value` in a separate, full pass; returns the violations (paths relative to here).
    func violations(of node: Int, _ value: JSONValue) -> [SchemaViolation] {
        var sub = ValidationRun(nodes: nodes, quick: false)
        sub.depth = depth
        sub.path = path
        sub.check(node, value)
        return sub.violations
    }

    mutating func check(_ index: Int, _ value: JSONValue) {
        if done { return }
        let node = nodes[index]
        if let boolean = node.boolean {
            if !boolean { report("false", "no value is allowed here") }
            return
        }
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth {
            report("$ref", "schema nesting deeper than \(Self.maxDepth) levels (a $ref loop?)")
            return
        }

        if let types = node.types, !types.admits(value) {
            report("type", "expected \(types.description), found \(describeType(value))")
        }
        if let values = node.enumValues, !values.contains(value) {
            report("enum", "\(brief(value)) is not one of \(brief(.array(values), limit: 120))")
        }
        if node.hasConst, let expected = node.constValue, expected != value {
            report("const", "expected \(brief(expected)), found \(brief(value))")
        }
        if done { return }

        switch value {
        case .object(let members): checkObject(node, members)
        case .array(let elements): checkArray(node, elements)
        case .string(let s): checkString(node, s)
        case .number(let n): checkNumber(node, n)
        default: break
        }
        if done { return }

        if let ref = node.ref { check(ref, value) }
        for child in node.allOf {
            check(child, value)
            if done { return }
        }
        if !node.anyOf.isEmpty { checkAnyOf(node, value) }
        if !node.oneOf.isEmpty { checkOneOf(node, value) }
        if let not = node.not, passes(not, value) {
            report("not", "value must not match the schema at #\(nodes[not].location)")
        }
        if let ifNode = node.ifNode {
            if passes(ifNode, value) {
                if let then = node.thenNode { check(then, value) }
            } else if let elseNode = node.elseNode {
                check(elseNode, value)
            }
        }
    }

    mutating func checkObject(_ node: SchemaNode, _ members: [String: JSONValue]) {
        for name in node.required where members[name] == nil {
            report("required", "missing required property \"\(name)\"")
            if done { return }
        }
        if let min = node.minProperties, members.count < min {
            report("minProperties", "object has \(members.count) properties, fewer than the minimum \(min)")
        }
        if let max = node.maxProperties, members.count > max {
            report("maxProperties", "object has \(members.count) properties, more than the maximum \(max)")
        }
        for (name, child) in node.properties {
            guard let member = members[name] else { continue }
            path.append(.key(name))
            check(child, member)
            path.removeLast()
            if done { return }
        }
        if let additional = node.additionalProperties {
            for name in members.keys.sorted() where node.propertyIndex[name] == nil {
                path.append(.key(name))
                if nodes[additional].boolean == false {
                    report("additionalProperties", "property \"\(name)\" is not allowed")
                } else {
                    check(additional, members[name]!)
                }
                path.removeLast()
                if done { return }
            }
        }
    }

    mutating func checkArray(_ node: SchemaNode, _ elements: [JSONValue]) {
        if let min = node.minItems, elements.count < min {
            report("minItems", "array has \(count(elements.count, "item")), fewer than the minimum \(min)")
        }
        if let max = node.maxItems, elements.count > max {
            report("maxItems", "array has \(count(elements.count, "item")), more than the maximum \(max)")
        }
        for (i, element) in elements.enumerated() {
            let child: Int
            let keyword: String
            if i < node.prefixItems.count {
                child = node.prefixItems[i]
                keyword = "prefixItems"
            } else if let items = node.items {
                child = items
                keyword = "items"
            } else {
                break
            }
            path.append(.index(i))
            if nodes[child].boolean == false {
                report(keyword, "no item is allowed at index \(i)")
            } else {
                check(child, element)
            }
            path.removeLast()
            if done { return }
        }
        if node.uniqueItems {
            outer: for i in elements.indices {
                for j in elements.indices where j > i && elements[i] == elements[j] {
                    report("uniqueItems", "items \(i) and \(j) are equal")
                    break outer
                }
            }
        }
    }

    mutating func checkString(_ node: SchemaNode, _ s: String) {
        if node.minLength != nil || node.maxLength != nil {
            let length = s.unicodeScalars.count
            if let min = node.minLength, length < min {
                report("minLength", "string has \(count(length, "character")), fewer than the minimum \(min)")
            }
            if let max = node.maxLength, length > max {
                report("maxLength", "string has \(count(length, "character")), more than the maximum \(max)")
            }
        }
        if let pattern = node.pattern, !pattern.matches(s) {
            report("pattern", "\(brief(.string(s))) does not match the pattern \(pattern.source)")
        }
    }

    mutating func checkNumber(_ node: SchemaNode, _ n: Double) {
        let shown = JSONValue.formatNumber(n)
        if let min = node.minimum, n < min {
            report("minimum", "\(shown) is less than the minimum \(JSONValue.formatNumber(min))")
        }
        if let max = node.maximum, n > max {
            report("maximum", "\(shown) is greater than the maximum \(JSONValue.formatNumber(max))")
        }
        if let min = node.exclusiveMinimum, n <= min {
            report("exclusiveMinimum", "\(shown) is not greater than \(JSONValue.formatNumber(min))")
        }
        if let max = node.exclusiveMaximum, n >= max {
            report("exclusiveMaximum", "\(shown) is not less than \(JSONValue.formatNumber(max))")
        }
        if let m = node.multipleOf {
            let q = n / m
            if !q.isFinite || q.rounded(.towardZero) != q {
                report("multipleOf", "\(shown) is not a multiple of \(JSONValue.formatNumber(m))")
            }
        }
    }

    mutating func checkAnyOf(_ node: SchemaNode, _ value: JSONValue) {
        if node.anyOf.contains(where: { passes($0, value) }) { return }
        if quick {
            report("anyOf", "value matches none of the alternatives")
            return
        }
        report("anyOf", "value matches none of the alternatives: " + alternativesSummary(node.anyOf, value))
    }

    mutating func checkOneOf(_ node: SchemaNode, _ value: JSONValue) {
        var matching: [Int] = []
        for (i, child) in node.oneOf.enumerated() where passes(child, value) {
            matching.append(i)
            if matching.count > 1 { break }
        }
        if matching.count == 1 { return }
        if matching.isEmpty {
            if quick {
                report("oneOf", "value matches none of the alternatives")
            } else {
                report("oneOf", "value matches none of the alternatives: " + alternativesSummary(node.oneOf, value))
            }
        } else {
            report("oneOf", "value matches more than one alternative (\(matching.map(String.init).joined(separator: ", "))); expected exactly one")
        }
    }

    /// "[0] /x: expected string, found number; [1] …" — the first violation of each alternative.
    func alternativesSummary(_ alternatives: [Int], _ value: JSONValue) -> String {
        let here = pointer
        return alternatives.enumerated().map { i, child in
            guard let first = violations(of: child, value).first else { return "[\(i)] ok" }
            let at = first.path == here ? "" : String(first.path.dropFirst(here.count)) + ": "
            return "[\(i)] \(at)\(first.message)"
        }.joined(separator: "; ")
    }

    func describeType(_ value: JSONValue) -> String {
        switch value {
        case .number(let n): return value.isInteger ? "integer \(JSONValue.formatNumber(n))" : "number \(JSONValue.formatNumber(n))"
        case .bool(let b): return "boolean \(b)"
        case .string: return "string \(brief(value, limit: 40))"
        default: return value.typeName
        }
    }

    func brief(_ value: JSONValue, limit: Int = 60) -> String {
        let text = value.description
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }

    func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
