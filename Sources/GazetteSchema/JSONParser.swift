import Foundation

/// A JSON value that remembers the order of each object's keys, as they appeared in the text.
///
/// Produced by ``JSONValue/parseOrdered(_:)-(Data)``. Gazette's output contract
/// fixes the order of keys in every line; tests use ``keys`` to check it, and
/// ``unordered`` to hand the same value to ``JSONSchema/validate(_:)``.
public indirect enum OrderedJSON: Sendable, Equatable {
    /// One `"key": value` member of an object, in document order.
    public struct Member: Sendable, Equatable {
        /// The member's key.
        public var key: String
        /// The member's value.
        public var value: OrderedJSON

        /// Creates a member.
        public init(key: String, value: OrderedJSON) {
            self.key = key
            self.value = value
        }
    }

    /// JSON `null`.
    case null
    /// JSON `true` or `false`.
    case bool(Bool)
    /// A JSON number.
    case number(Double)
    /// A JSON string.
    case string(String)
    /// A JSON array.
    case array([OrderedJSON])
    /// A JSON object, members in document order.
    case object([Member])

    /// The object's keys in document order, or nil if this is not an object.
    public var keys: [String]? {
        if case .object(let members) = self { return members.map(\.key) }
        return nil
    }

    /// The value of the member named `key`, if this is an object that has it.
    public subscript(key: String) -> OrderedJSON? {
        if case .object(let members) = self { return members.first(where: { $0.key == key })?.value }
        return nil
    }

    /// The element at `index`, if this is an array long enough.
    public subscript(index: Int) -> OrderedJSON? {
        if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
        return nil
    }

    /// The same value with key order dropped, ready for ``JSONSchema/validate(_:)``.
    public var unordered: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .array(let a): return .array(a.map(\.unordered))
        case .object(let members):
            var dict: [String: JSONValue] = [:]
            dict.reserveCapacity(members.count)
            for m in members { dict[m.key] = m.value.unordered }
            return .object(dict)
        }
    }
}

extension JSONValue {
    /// Parses one JSON text (RFC 8259, strict) from UTF-8 bytes.
    ///
    /// Strictness: no comments, no trailing commas, no leading zeros, no `NaN`,
    /// no byte-order mark, no unescaped control characters, no lone surrogate
    /// escapes, no invalid UTF-8, nothing but whitespace after the value, and a
    /// nesting depth of at most 512. In addition, an object with a repeated key
    /// is rejected (RFC 8259 leaves that behaviour undefined; for a contract
    /// validator a duplicate key is always a bug). Errors carry a 1-based line
    /// and column.
    public static func parse(_ data: Data) throws(SchemaError) -> JSONValue {
        try withBytes(data) { (bytes) throws(SchemaError) in
            var parser = JSONParser<JSONValue>(bytes: bytes)
            return try parser.parseDocument()
        }
    }

    /// Parses one JSON text (see ``parse(_:)-(Data)``) from a string, e.g. one JSONL line.
    public static func parse(_ text: some StringProtocol) throws(SchemaError) -> JSONValue {
        try parse(Data(text.utf8))
    }

    /// Parses one JSON text like ``parse(_:)-(Data)`` but keeps every object's key order.
    public static func parseOrdered(_ data: Data) throws(SchemaError) -> OrderedJSON {
        try withBytes(data) { (bytes) throws(SchemaError) in
            var parser = JSONParser<OrderedJSON>(bytes: bytes)
            return try parser.parseDocument()
        }
    }

    /// Parses one JSON text from a string, keeping every object's key order.
    public static func parseOrdered(_ text: some StringProtocol) throws(SchemaError) -> OrderedJSON {
        try parseOrdered(Data(text.utf8))
    }

    /// The top-level object's keys, in the order they appear in `line`.
    ///
    /// Throws ``SchemaError/Kind/malformedJSON`` if the line is not JSON or its
    /// top-level value is not an object.
    public static func objectKeysInOrder(ofLine line: some StringProtocol) throws(SchemaError) -> [String] {
        let value = try parseOrdered(line)
        guard let keys = value.keys else {
            throw SchemaError(kind: .malformedJSON, message: "top-level value is not an object", line: 1, column: 1)
        }
        return keys
    }

    private static func withBytes<R>(
        _ data: Data, _ body: (UnsafeBufferPointer<UInt8>) throws(SchemaError) -> R
    ) throws(SchemaError) -> R {
        let result: Result<R, SchemaError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(SchemaError) {
                return .success(try body(bytes))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

// MARK: - Parser

/// What the parser builds; lets one parser produce both ``JSONValue`` and ``OrderedJSON``.
protocol JSONTree {
    static var jsonNull: Self { get }
    static func jsonBool(_ b: Bool) -> Self
    static func jsonNumber(_ n: Double) -> Self
    static func jsonString(_ s: String) -> Self
    static func jsonArray(_ a: [Self]) -> Self
    associatedtype ObjectBuilder
    static func newObject() -> ObjectBuilder
    /// Adds a member; returns false if the key is already present.
    static func add(_ key: String, _ value: Self, to builder: inout ObjectBuilder) -> Bool
    static func finish(_ builder: ObjectBuilder) -> Self
}

extension JSONValue: JSONTree {
    static var jsonNull: JSONValue { .null }
    static func jsonBool(_ b: Bool) -> JSONValue { .bool(b) }
    static func jsonNumber(_ n: Double) -> JSONValue { .number(n) }
    static func jsonString(_ s: String) -> JSONValue { .string(s) }
    static func jsonArray(_ a: [JSONValue]) -> JSONValue { .array(a) }
    static func newObject() -> [String: JSONValue] { [:] }
    static func add(_ key: String, _ value: JSONValue, to builder: inout [String: JSONValue]) -> Bool {
        builder.updateValue(value, forKey: key) == nil
    }
    static func finish(_ builder: [String: JSONValue]) -> JSONValue { .object(builder) }
}

extension OrderedJSON: JSONTree {
    static var jsonNull: OrderedJSON { .null }
    static func jsonBool(_ b: Bool) -> OrderedJSON { .bool(b) }
    static func jsonNumber(_ n: Double) -> OrderedJSON { .number(n) }
    static func jsonString(_ s: String) -> OrderedJSON { .string(s) }
    static func jsonArray(_ a: [OrderedJSON]) -> OrderedJSON { .array(a) }
    static func newObject() -> (members: [Member], seen: Set<String>) { ([], []) }
    static func add(_ key: String, _ value: OrderedJSON, to builder: inout (members: [Member], seen: Set<String>))
        -> Bool
    {
        guard builder.seen.insert(key).inserted else { return false }
        builder.members.append(Member(key: key, value: value))
        return true
    }
    static func finish(_ builder: (members: [Member], seen: Set<String>)) -> OrderedJSON { .object(builder.members) }
}

/// A strict RFC 8259 recursive-descent parser over UTF-8 bytes.
struct JSONParser<Tree: JSONTree> {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var depth = 0
    static var maxDepth: Int { 512 }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(SchemaError) -> Tree {
        skipWhitespace()
        if pos >= bytes.count { throw error("empty input; expected a JSON value") }
        let value = try parseValue()
        skipWhitespace()
        if pos < bytes.count { throw error("unexpected \(describeByte(at: pos)) after the JSON value") }
        return value
    }

    // MARK: Errors

    func error(_ message: String, at offset: Int? = nil) -> SchemaError {
        let offset = min(offset ?? pos, bytes.count)
        var line = 1
        var column = 1
        var i = 0
        while i < offset {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SchemaError(kind: .malformedJSON, message: message, line: line, column: column)
    }

    func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7F { return "character '\(Character(Unicode.Scalar(b)))'" }
        if b == 0xEF, offset + 2 < bytes.count, bytes[offset + 1] == 0xBB, bytes[offset + 2] == 0xBF {
            return "byte-order mark"
        }
        let hex = String(b, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }

    // MARK: Grammar

    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(SchemaError) -> Tree {
        guard pos < bytes.count else { throw error("unexpected end of input; expected a JSON value") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .jsonString(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .jsonBool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .jsonBool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .jsonNull
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .jsonNumber(try parseNumber())
        default:
            throw error("unexpected \(describeByte(at: pos)); expected a JSON value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(SchemaError) {
        let start = pos
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { lit in
            guard start + lit.count <= bytes.count else { return false }
            for i in 0..<lit.count where bytes[start + i] != lit[i] { return false }
            return true
        }
        guard matches else { throw error("invalid literal; expected '\(literal)'", at: start) }
        pos += count
        // A literal must not run into further letters ("truex", "nullnull").
        if pos < bytes.count, isIdentifierByte(bytes[pos]) {
            throw error("invalid literal; expected '\(literal)'", at: start)
        }
    }

    func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    mutating func enter() throws(SchemaError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    mutating func parseObject() throws(SchemaError) -> Tree {
        try enter()
        pos += 1  // {
        var builder = Tree.newObject()
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return Tree.finish(builder)
        }
        while true {
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeByte(at: pos)); expected a string object key")
            }
            let keyStart = pos
            let key = try parseString()
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeByte(at: pos)); expected ':' after object key")
            }
            pos += 1
            skipWhitespace()
            let value = try parseValue()
            guard Tree.add(key, value, to: &builder) else {
                throw error("duplicate object key \"\(key)\"", at: keyStart)
            }
            skipWhitespace()
            guard pos < bytes.count else { throw error("unexpected end of input; expected ',' or '}'") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                depth -= 1
                return Tree.finish(builder)
            }
            throw error("unexpected \(describeByte(at: pos)); expected ',' or '}'")
        }
    }

    mutating func parseArray() throws(SchemaError) -> Tree {
        try enter()
        pos += 1  // [
        var elements: [Tree] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .jsonArray(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard pos < bytes.count else { throw error("unexpected end of input; expected ',' or ']'") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                depth -= 1
                return .jsonArray(elements)
            }
            throw error("unexpected \(describeByte(at: pos)); expected ',' or ']'")
        }
    }

    mutating func parseNumber() throws(SchemaError) -> Double {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < bytes.count, isDigit(bytes[pos]) else {
            throw error("invalid number; expected a digit after '-'", at: pos)
        }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, isDigit(bytes[pos]) {
                throw error("invalid number; leading zeros are not allowed", at: start)
            }
        } else {
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw error("invalid number; expected a digit after '.'", at: pos)
            }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw error("invalid number; expected a digit in the exponent", at: pos)
            }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, isIdentifierByte(bytes[pos]) || bytes[pos] == UInt8(ascii: ".") {
            throw error("invalid number; unexpected \(describeByte(at: pos))", at: pos)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("number out of range", at: start)
        }
        return value
    }

    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    mutating func parseString() throws(SchemaError) -> String {
        let open = pos
        pos += 1  // opening quote
        var result = ""
        var segmentStart = pos
        while true {
            guard pos < bytes.count else { throw error("unterminated string", at: open) }
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                try appendSegment(segmentStart, pos, to: &result)
                pos += 1
                return result
            }
            if b < 0x20 {
                throw error("unescaped control character \(describeByte(at: pos)) in string")
            }
            if b == UInt8(ascii: "\\") {
                try appendSegment(segmentStart, pos, to: &result)
                try parseEscape(into: &result)
                segmentStart = pos
                continue
            }
            pos += 1
        }
    }

    /// Appends raw UTF-8 bytes `[from, to)` after validating them.
    func appendSegment(_ from: Int, _ to: Int, to result: inout String) throws(SchemaError) {
        guard from < to else { return }
        let slice = UnsafeBufferPointer(rebasing: bytes[from..<to])
        // Fast path: ASCII needs no validation.
        var ascii = true
        for b in slice where b >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            result += String(decoding: slice, as: UTF8.self)
            return
        }
        guard let s = String(validating: slice, as: UTF8.self) else {
            // Find the first bad byte for a precise position.
            var i = from
            var iterator = UTF8.ForwardParser()
            var it = slice.makeIterator()
            loop: while true {
                switch iterator.parseScalar(from: &it) {
                case .valid(let scalar): i += scalar.count
                case .error(let length):
                    _ = length
                    break loop
                case .emptyInput: break loop
                }
            }
            throw error("invalid UTF-8 in string", at: i)
        }
        result += s
    }

    mutating func parseEscape(into result: inout String) throws(SchemaError) {
        let escapeStart = pos
        pos += 1  // backslash
        guard pos < bytes.count else { throw error("unterminated string") }
        let c = bytes[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "\""): result += "\""
        case UInt8(ascii: "\\"): result += "\\"
        case UInt8(ascii: "/"): result += "/"
        case UInt8(ascii: "b"): result += "\u{08}"
        case UInt8(ascii: "f"): result += "\u{0C}"
        case UInt8(ascii: "n"): result += "\n"
        case UInt8(ascii: "r"): result += "\r"
        case UInt8(ascii: "t"): result += "\t"
        case UInt8(ascii: "u"):
            let first = try parseHex4(escapeStart)
            if first >= 0xD800 && first <= 0xDBFF {
                // High surrogate: must be followed by \u low surrogate.
                guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u")
                else { throw error("unpaired high surrogate escape", at: escapeStart) }
                let lowStart = pos
                pos += 2
                let second = try parseHex4(lowStart)
                guard second >= 0xDC00 && second <= 0xDFFF else {
                    throw error("unpaired high surrogate escape", at: escapeStart)
                }
                let scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                result.unicodeScalars.append(Unicode.Scalar(scalar)!)
            } else if first >= 0xDC00 && first <= 0xDFFF {
                throw error("unpaired low surrogate escape", at: escapeStart)
            } else {
                result.unicodeScalars.append(Unicode.Scalar(first)!)
            }
        default:
            throw error("invalid escape sequence '\\\(describeEscapeChar(c))'", at: escapeStart)
        }
    }

    func describeEscapeChar(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? String(Character(Unicode.Scalar(b))) : "0x" + String(b, radix: 16, uppercase: true)
    }

    mutating func parseHex4(_ escapeStart: Int) throws(SchemaError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard pos < bytes.count else { throw error("unterminated \\u escape", at: escapeStart) }
            let b = bytes[pos]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw error("invalid \\u escape; expected 4 hex digits", at: escapeStart)
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }
}
