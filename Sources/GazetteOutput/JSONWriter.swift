/// Writes JSON text with keys in the order they are given, as the output contract requires.
public struct JSONWriter {
    /// The JSON text so far.
    public private(set) var output: String = ""
    private var needsComma: [Bool] = []

    public init(capacity: Int = 1024) { output.reserveCapacity(capacity) }

    private mutating func separator() {
        if let last = needsComma.last {
            if last { output += "," }
            needsComma[needsComma.count - 1] = true
        }
    }

    /// Starts an object (as a value, or as the value of `key`).
    public mutating func beginObject(_ key: String? = nil) {
        if let key { self.key(key) }
        valuePrefix()
        output += "{"
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        output += "}"
    }

    /// Starts an array (as a value, or as the value of `key`).
    public mutating func beginArray(_ key: String? = nil) {
        if let key { self.key(key) }
        valuePrefix()
        output += "["
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        output += "]"
    }

    private mutating func key(_ key: String) {
        separator()
        Self.appendString(key, to: &output)
        output += ":"
        // The value that follows must not add another comma.
        pendingKey = true
    }

    private var pendingKey = false

    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else {
            separator()
        }
    }

    /// A keyed string value, or null.
    public mutating func string(_ key: String, _ value: String?) {
        self.key(key)
        stringValue(value)
    }

    /// A string value in an array, or null.
    public mutating func stringValue(_ value: String?) {
        valuePrefix()
        if let value { Self.appendString(value, to: &output) } else { output += "null" }
    }

    /// A keyed integer value.
    public mutating func int(_ key: String, _ value: Int) {
        self.key(key)
        intValue(value)
    }

    /// An integer value in an array.
    public mutating func intValue(_ value: Int) {
        valuePrefix()
        output += String(value)
    }

    /// A keyed number value.
    public mutating func double(_ key: String, _ value: Double) {
        self.key(key)
        valuePrefix()
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            output += String(Int(value))
        } else {
            output += value.isFinite ? String(value) : "null"
        }
    }

    /// A keyed `[start, end]` pair.
    public mutating func span(_ key: String, _ start: Int, _ end: Int) {
        self.key(key)
        spanValue(start, end)
    }

    /// A `[start, end]` pair in an array.
    public mutating func spanValue(_ start: Int, _ end: Int) {
        valuePrefix()
        output += "[\(start),\(end)]"
    }

    /// A null value.
    public mutating func null(_ key: String) {
        self.key(key)
        valuePrefix()
        output += "null"
    }

    /// Appends a JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
    public static func appendString(_ value: String, to output: inout String) {
        output += "\""
        var start = value.unicodeScalars.startIndex
        var index = start
        let scalars = value.unicodeScalars
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "\u{2028}": escape = "\\u2028"
            case "\u{2029}": escape = "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escape = nil
                }
            }
            if let escape {
                output.unicodeScalars.append(contentsOf: scalars[start..<index])
                output += escape
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[start..<index])
        output += "\""
    }
}
