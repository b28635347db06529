import Foundation

/// A compiled `pattern`, matched with ECMA-262-like semantics: unanchored search,
/// Unicode-scalar matching, ASCII-only `\d` and `\w`, and `$` matching only at the end.
struct CompiledPattern: @unchecked Sendable {
    // `Regex` is not declared Sendable, but a compiled regex is immutable and its lazily
    // lowered program is initialised atomically, so sharing it across threads is safe.
    let source: String
    let regex: Regex<AnyRegexOutput>

    init?(_ source: String) {
        guard let regex = try? Regex(source) else { return nil }
        self.source = source
        self.regex = regex.matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters()
    }

    func matches(_ string: String) -> Bool {
        ((try? regex.firstMatch(in: string)) ?? nil) != nil
    }
}

/// The JSON Schema primitive types, as a bit set.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1 << 0)
    static let boolean = TypeSet(rawValue: 1 << 1)
    static let object = TypeSet(rawValue: 1 << 2)
    static let array = TypeSet(rawValue: 1 << 3)
    static let number = TypeSet(rawValue: 1 << 4)
    static let string = TypeSet(rawValue: 1 << 5)
    static let integer = TypeSet(rawValue: 1 << 6)

    static let names: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .string: return contains(.string)
        case .array: return contains(.array)
        case .object: return contains(.object)
        case .number: return contains(.number) || (contains(.integer) && value.isInteger)
        }
    }

    var description: String {
        TypeSet.names.filter { contains($0.1) }.map(\.0).joined(separator: " or ")
    }
}

/// One compiled (sub)schema. Children are indices into `JSONSchema.nodes`, so
/// recursive `$ref`s need no reference cycles.
///
/// A class so that validation reads fields without copying the whole node; it is
/// only mutated by `SchemaCompiler` before the owning `JSONSchema` exists, and is
/// immutable afterwards, hence `@unchecked Sendable`.
final class SchemaNode: @unchecked Sendable {
    /// The JSON Pointer of this schema inside the schema document.
    var location: String
    /// For boolean schemas: `true` accepts everything, `false` nothing.
    var boolean: Bool?

    var types: TypeSet?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?
    var hasConst = false

    // Objects
    var properties: [(name: String, node: Int)] = []
    var propertyIndex: [String: Int] = [:]
    var required: [String] = []
    var additionalProperties: Int?
    var minProperties: Int?
    var maxProperties: Int?

    // Arrays
    var prefixItems: [Int] = []
    var items: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    // Strings
    var pattern: CompiledPattern?
    var minLength: Int?
    var maxLength: Int?

    // Numbers
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?

    // Applicators
    var ref: Int?
    var refText: String?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ifNode: Int?
    var thenNode: Int?
    var elseNode: Int?

    init(location: String) {
        self.location = location
    }
}

/// Turns a schema document into `SchemaNode`s, reporting unsupported or malformed schemas.
struct SchemaCompiler {
    /// Keywords that change validation in 2020-12 but that this validator does not implement.
    /// Rather than silently ignore them (and accept instances it should reject), compilation fails.
    static let unsupported: Set<String> = [
        "patternProperties", "propertyNames", "dependentRequired", "dependentSchemas", "dependencies",
        "contains", "minContains", "maxContains", "unevaluatedProperties", "unevaluatedItems",
        "$dynamicRef", "$recursiveRef", "additionalItems",
    ]

    let root: OrderedJSON
    var nodes: [SchemaNode] = []
    var byLocation: [String: Int] = [:]

    init(root: OrderedJSON) {
        self.root = root
    }

    func fail(_ location: String, _ message: String) -> SchemaError {
        SchemaError(kind: .invalidSchema, message: message, schemaPath: location)
    }

    /// Compiles the schema at `location` (memoised, so shared and recursive references compile once).
    mutating func compile(_ schema: OrderedJSON, at location: String) throws(SchemaError) -> Int {
        if let existing = byLocation[location] { return existing }
        let index = nodes.count
        nodes.append(SchemaNode(location: location))
        byLocation[location] = index
        let node = try build(schema, at: location)
        nodes[index] = node
        return index
    }

    private mutating func build(_ schema: OrderedJSON, at location: String) throws(SchemaError) -> SchemaNode {
        let node = SchemaNode(location: location)
        let members: [OrderedJSON.Member]
        switch schema {
        case .bool(let b):
            node.boolean = b
            return node
        case .object(let m):
            members = m
        default:
            throw fail(location, "a schema must be an object or a boolean")
        }

        for member in members {
            let key = member.key
            let value = member.value
            let here = JSONPointer.appending(location, key: key)
            if SchemaCompiler.unsupported.contains(key) {
                throw fail(here, "keyword \"\(key)\" is not supported by this validator")
            }
            if try applyValueKeyword(key, value, into: node, at: here) { continue }
            if try applyObjectKeyword(key, value, into: node, at: here) { continue }
            if try applyArrayKeyword(key, value, into: node, at: here) { continue }
            if try applySubschemaKeyword(key, value, into: node, at: here) { continue }
            // $schema, $id, $anchor, title, description, $comment, examples, default,
            // format (an annotation in 2020-12), and anything unknown: ignored.
        }
        // `then` / `else` without `if` have no effect, per the specification.
        if node.ifNode == nil {
            node.thenNode = nil
            node.elseNode = nil
        }
        return node
    }

    /// Applies a keyword about the instance value itself (type, enum, const, string and number bounds);
    /// false when `key` is not one of them.
    private mutating func applyValueKeyword(_ key: String, _ value: OrderedJSON, into node: SchemaNode, at here: String)
        throws(SchemaError) -> Bool
    {
        switch key {
        case "type":
            node.types = try parseTypes(value, at: here)
        case "enum":
            guard case .array(let values) = value else { throw fail(here, "\"enum\" must be an array") }
            node.enumValues = values.map(\.unordered)
        case "const":
            node.constValue = value.unordered
            node.hasConst = true
        case "pattern":
            guard case .string(let source) = value else { throw fail(here, "\"pattern\" must be a string") }
            guard let compiled = CompiledPattern(source) else {
                throw fail(here, "\"pattern\" is not a valid regular expression: \(source)")
            }
            node.pattern = compiled
        case "minLength":
            node.minLength = try nonNegativeInteger(value, key, at: here)
        case "maxLength":
            node.maxLength = try nonNegativeInteger(value, key, at: here)
        case "minimum":
            node.minimum = try number(value, key, at: here)
        case "maximum":
            node.maximum = try number(value, key, at: here)
        case "exclusiveMinimum":
            node.exclusiveMinimum = try number(value, key, at: here)
        case "exclusiveMaximum":
            node.exclusiveMaximum = try number(value, key, at: here)
        case "multipleOf":
            let n = try number(value, key, at: here)
            guard n > 0 else { throw fail(here, "\"multipleOf\" must be greater than 0") }
            node.multipleOf = n
        default:
            return false
        }
        return true
    }

    /// Applies a keyword about object instances (properties, required, property counts);
    /// false when `key` is not one of them.
    private mutating func applyObjectKeyword(_ key: String, _ value: OrderedJSON, into node: SchemaNode, at here: String)
        throws(SchemaError) -> Bool
    {
        switch key {
        case "properties":
            guard case .object(let props) = value else { throw fail(here, "\"properties\" must be an object") }
            for prop in props {
                let child = try compile(prop.value, at: JSONPointer.appending(here, key: prop.key))
                node.properties.append((prop.key, child))
                node.propertyIndex[prop.key] = child
            }
        case "required":
            guard case .array(let names) = value else {
                throw fail(here, "\"required\" must be an array of strings")
            }
            var seen = Set<String>()
            for name in names {
                guard case .string(let s) = name else { throw fail(here, "\"required\" must be an array of strings") }
                guard seen.insert(s).inserted else { throw fail(here, "\"required\" lists \"\(s)\" twice") }
                node.required.append(s)
            }
        case "additionalProperties":
            node.additionalProperties = try compile(value, at: here)
        case "minProperties":
            node.minProperties = try nonNegativeInteger(value, key, at: here)
        case "maxProperties":
            node.maxProperties = try nonNegativeInteger(value, key, at: here)
        default:
            return false
        }
        return true
    }

    /// Applies a keyword about array instances (prefixItems, items, item counts, uniqueItems);
    /// false when `key` is not one of them.
    private mutating func applyArrayKeyword(_ key: String, _ value: OrderedJSON, into node: SchemaNode, at here: String)
        throws(SchemaError) -> Bool
    {
        switch key {
        case "prefixItems":
            guard case .array(let schemas) = value, !schemas.isEmpty else {
                throw fail(here, "\"prefixItems\" must be a non-empty array of schemas")
            }
            for (i, s) in schemas.enumerated() {
                node.prefixItems.append(try compile(s, at: JSONPointer.appending(here, index: i)))
            }
        case "items":
            if case .array = value {
                throw fail(here, "\"items\" must be a single schema in draft 2020-12 (use \"prefixItems\" for tuples)")
            }
            node.items = try compile(value, at: here)
        case "minItems":
            node.minItems = try nonNegativeInteger(value, key, at: here)
        case "maxItems":
            node.maxItems = try nonNegativeInteger(value, key, at: here)
        case "uniqueItems":
            guard case .bool(let b) = value else { throw fail(here, "\"uniqueItems\" must be a boolean") }
            node.uniqueItems = b
        default:
            return false
        }
        return true
    }

    /// Applies a keyword that combines or references subschemas (allOf/anyOf/oneOf, not, if/then/else, $defs, $ref);
    /// false when `key` is not one of them.
    private mutating func applySubschemaKeyword(_ key: String, _ value: OrderedJSON, into node: SchemaNode, at here: String)
        throws(SchemaError) -> Bool
    {
        switch key {
        case "allOf", "anyOf", "oneOf":
            guard case .array(let schemas) = value, !schemas.isEmpty else {
                throw fail(here, "\"\(key)\" must be a non-empty array of schemas")
            }
            var children: [Int] = []
            for (i, s) in schemas.enumerated() {
                children.append(try compile(s, at: JSONPointer.appending(here, index: i)))
            }
            switch key {
            case "allOf": node.allOf = children
            case "anyOf": node.anyOf = children
            default: node.oneOf = children
            }
        case "not":
            node.not = try compile(value, at: here)
        case "if":
            node.ifNode = try compile(value, at: here)
        case "then":
            node.thenNode = try compile(value, at: here)
        case "else":
            node.elseNode = try compile(value, at: here)
        case "$defs", "definitions":
            guard case .object(let defs) = value else { throw fail(here, "\"\(key)\" must be an object") }
            for def in defs {
                _ = try compile(def.value, at: JSONPointer.appending(here, key: def.key))
            }
        case "$ref":
            guard case .string(let ref) = value else { throw fail(here, "\"$ref\" must be a string") }
            node.refText = ref
            node.ref = try resolve(ref, at: here)
        default:
            return false
        }
        return true
    }

    private func parseTypes(_ value: OrderedJSON, at location: String) throws(SchemaError) -> TypeSet {
        func one(_ name: String) throws(SchemaError) -> TypeSet {
            guard let t = TypeSet.names.first(where: { $0.0 == name }) else {
                throw fail(location, "unknown type \"\(name)\"")
            }
            return t.1
        }
        switch value {
        case .string(let name):
            return try one(name)
        case .array(let names) where !names.isEmpty:
            var set: TypeSet = []
            for n in names {
                guard case .string(let name) = n else { throw fail(location, "\"type\" must list strings") }
                let t = try one(name)
                if set.contains(t) { throw fail(location, "\"type\" lists \"\(name)\" twice") }
                set.insert(t)
            }
            return set
        default:
            throw fail(location, "\"type\" must be a string or a non-empty array of strings")
        }
    }

    private func nonNegativeInteger(_ value: OrderedJSON, _ key: String, at location: String) throws(SchemaError)
        -> Int
    {
        guard case .number(let n) = value, n >= 0, n.rounded(.towardZero) == n, let i = Int(exactly: n) else {
            throw fail(location, "\"\(key)\" must be a non-negative integer")
        }
        return i
    }

    private func number(_ value: OrderedJSON, _ key: String, at location: String) throws(SchemaError) -> Double {
        guard case .number(let n) = value else { throw fail(location, "\"\(key)\" must be a number") }
        return n
    }

    /// Resolves a same-document reference: `#`, `#/$defs/NAME`, or any `#/json/pointer`.
    private mutating func resolve(_ ref: String, at location: String) throws(SchemaError) -> Int {
        guard ref.hasPrefix("#") else {
            throw fail(location, "only same-document references (\"#\", \"#/$defs/NAME\") are supported, not \"\(ref)\"")
        }
        let fragment = String(ref.dropFirst())
        guard let decoded = fragment.removingPercentEncoding, let tokens = JSONPointer.tokens(decoded) else {
            throw fail(location, "\"$ref\" \"\(ref)\" is not a JSON Pointer fragment")
        }
        var target = root
        var pointer = ""
        for token in tokens {
            let next: OrderedJSON?
            switch target {
            case .object: next = target[token]
            case .array:
                if let i = Int(token), String(i) == token { next = target[i] } else { next = nil }
            default: next = nil
            }
            guard let next else { throw fail(location, "\"$ref\" \"\(ref)\" does not resolve to anything") }
            target = next
            pointer = JSONPointer.appending(pointer, key: token)
        }
        return try compile(target, at: pointer)
    }
}
