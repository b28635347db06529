/// Writes JSON text with keys in the order they are given, as the output contract requires.
///
/// Works on UTF-8 bytes: strings are copied in runs and only the characters JSON
/// requires are escaped.
public struct JSONWriter {
    /// The JSON text so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []
    private var pendingKey = false

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// The JSON text so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separator() {
        if let last = needsComma.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            needsComma[needsComma.count - 1] = true
        }
    }

    private mutating func key(_ key: String) {
        separator()
        Self.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        // The value that follows must not add another comma.
        pendingKey = true
    }

    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else {
            separator()
        }
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Starts an object (as a value, or as the value of `key`).
    public mutating func beginObject(_ key: String? = nil) {
        if let key { self.key(key) }
        valuePrefix()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    /// Starts an array (as a value, or as the value of `key`).
    public mutating func beginArray(_ key: String? = nil) {
        if let key { self.key(key) }
        valuePrefix()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// A keyed string value, or null.
    public mutating func string(_ key: String, _ value: String?) {
        self.key(key)
        stringValue(value)
    }

    /// A string value in an array, or null.
    public mutating func stringValue(_ value: String?) {
        valuePrefix()
        if let value { Self.appendString(value, to: &bytes) } else { raw("null") }
    }

    /// A keyed integer value.
    public mutating func int(_ key: String, _ value: Int) {
        self.key(key)
        intValue(value)
    }

    /// An integer value in an array.
    public mutating func intValue(_ value: Int) {
        valuePrefix()
        Self.appendInt(value, to: &bytes)
    }

    /// A keyed number value (integral values are written without a fraction).
    public mutating func double(_ key: String, _ value: Double) {
        self.key(key)
        valuePrefix()
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            Self.appendInt(Int(value), to: &bytes)
        } else if value.isFinite {
            bytes.append(contentsOf: String(value).utf8)
        } else {
            raw("null")
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
        bytes.append(UInt8(ascii: "["))
        Self.appendInt(start, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        Self.appendInt(end, to: &bytes)
        bytes.append(UInt8(ascii: "]"))
    }

    /// A keyed `true` or `false`.
    public mutating func bool(_ key: String, _ value: Bool) {
        self.key(key)
        valuePrefix()
        if value { raw("true") } else { raw("false") }
    }

    /// A keyed null value.
    public mutating func null(_ key: String) {
        self.key(key)
        valuePrefix()
        raw("null")
    }

    static func appendInt(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        bytes.append(contentsOf: String(value).utf8)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends a JSON string literal: quotes, backslashes, control characters and U+2028/U+2029
    /// escaped, everything else copied as UTF-8.
    public static func appendString(_ value: String, to bytes: inout [UInt8]) {
        var copy = value
        bytes.append(UInt8(ascii: "\""))
        copy.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            func flush(_ end: Int) {
                if end > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
            }
            while index < utf8.count {
                let byte = utf8[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                    index += 1
                    continue
                }
                if byte == 0xE2 {
                    // U+2028 and U+2029 are valid JSON but break JavaScript consumers: escape them.
                    if index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 {
                        flush(index)
                        bytes.append(contentsOf: (utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                        index += 3
                        runStart = index
                    } else {
                        index += 1
                    }
                    continue
                }
                flush(index)
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
                }
                index += 1
                runStart = index
            }
            flush(utf8.count)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
