/// Writes JSON text with keys in the order they are given, as the output contract requires.
///
/// Works on UTF-8 bytes: strings are copied in runs and only the characters JSON
/// requires are escaped. Every value is written straight into spare room of one buffer.
public struct JSONWriter {
    /// Room for the JSON text: the first `count` bytes are written, the rest is spare.
    private var storage: [UInt8]
    /// How many bytes of `storage` hold JSON text.
    private var count = 0
    /// How many objects and arrays are open; values at the top level are not separated.
    private var depth = 0
    /// Whether the open object or array already has a member, so the next needs a comma.
    private var needsComma = false
    /// `needsComma` of every enclosing object or array, innermost last.
    private var enclosingNeedsComma: [Bool] = []
    /// Whether a key was just written, so its value takes no comma.
    private var pendingKey = false

    /// A writer with room for `capacity` bytes before it has to grow.
    public init(capacity: Int = 1024) {
        storage = Array(repeating: 0, count: max(capacity, 64))
    }

    /// The JSON text so far, as UTF-8.
    public var bytes: [UInt8] { Array(storage[..<count]) }

    /// The JSON text so far.
    public var output: String { String(decoding: storage[..<count], as: UTF8.self) }

    /// Runs `body` on spare room of at least `room` bytes; `body` returns how many it wrote.
    @inline(__always)
    private mutating func write(room: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if storage.count - count < room {
            storage.append(contentsOf: repeatElement(0, count: max(room, storage.count)))
        }
        let start = count
        count += storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
    }

    /// Whether the next member of the open object or array takes a comma (it then has one).
    private mutating func separator() -> Bool {
        guard depth > 0 else { return false }
        defer { needsComma = true }
        return needsComma
    }

    /// Whether the next value takes a comma: not when it follows its key.
    private mutating func valuePrefix() -> Bool {
        if pendingKey {
            pendingKey = false
            return false
        }
        return separator()
    }

    private mutating func key(_ key: String) {
        stringLiteral(key, comma: separator(), colon: true)
        // The value that follows must not add another comma.
        pendingKey = true
    }

    /// Writes a key known when the program is built, as it is: it must need no escaping.
    mutating func key(_ key: StaticString) {
        assert(key.withUTF8Buffer { JSONEscaping.firstCandidate(in: $0.baseAddress!, from: 0, count: $0.count) == $0.count },
               "a static key must need no escaping")
        let comma = separator()
        write(room: key.utf8CodeUnitCount + 4) { output in
            var written = 0
            if comma {
                output[0] = UInt8(ascii: ",")
                written = 1
            }
            output[written] = UInt8(ascii: "\"")
            key.withUTF8Buffer { key in
                (output + written + 1).update(from: key.baseAddress!, count: key.count)
            }
            written += 1 + key.utf8CodeUnitCount
            output[written] = UInt8(ascii: "\"")
            output[written + 1] = UInt8(ascii: ":")
            return written + 2
        }
        pendingKey = true
    }

    /// A keyed string value, or null, under a key known when the program is built.
    mutating func field(_ key: StaticString, _ value: String?) {
        self.key(key)
        stringValue(value)
    }

    /// A keyed integer value under a key known when the program is built.
    mutating func field(_ key: StaticString, _ value: Int) {
        self.key(key)
        intValue(value)
    }

    /// A keyed `[start, end]` pair under a key known when the program is built.
    mutating func field(_ key: StaticString, span start: Int, _ end: Int) {
        self.key(key)
        spanValue(start, end)
    }

    /// Writes a comma when one is due, then `text`.
    private mutating func raw(_ text: StaticString, comma: Bool) {
        write(room: text.utf8CodeUnitCount + 1) { output in
            var written = 0
            if comma {
                output[0] = UInt8(ascii: ",")
                written = 1
            }
            text.withUTF8Buffer { text in
                (output + written).update(from: text.baseAddress!, count: text.count)
            }
            return written + text.utf8CodeUnitCount
        }
    }

    private mutating func open(_ bracket: UInt8, comma: Bool) {
        write(room: 2) { output in
            if comma { output[0] = UInt8(ascii: ",") }
            output[comma ? 1 : 0] = bracket
            return comma ? 2 : 1
        }
        enclosingNeedsComma.append(needsComma)
        needsComma = false
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        needsComma = enclosingNeedsComma.removeLast()
        depth -= 1
        write(room: 1) { output in
            output[0] = bracket
            return 1
        }
    }

    /// Starts an object (as a value, or as the value of `key`).
    public mutating func beginObject(_ key: String? = nil) {
        if let key { self.key(key) }
        open(UInt8(ascii: "{"), comma: valuePrefix())
    }

    /// Ends the innermost object.
    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    /// Starts an array (as a value, or as the value of `key`).
    public mutating func beginArray(_ key: String? = nil) {
        if let key { self.key(key) }
        open(UInt8(ascii: "["), comma: valuePrefix())
    }

    /// Ends the innermost array.
    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// A keyed string value, or null.
    public mutating func string(_ key: String, _ value: String?) {
        self.key(key)
        stringValue(value)
    }

    /// A string value in an array, or null.
    public mutating func stringValue(_ value: String?) {
        let comma = valuePrefix()
        if let value { stringLiteral(value, comma: comma) } else { raw("null", comma: comma) }
    }

    /// A keyed integer value.
    public mutating func int(_ key: String, _ value: Int) {
        self.key(key)
        intValue(value)
    }

    /// An integer value in an array.
    public mutating func intValue(_ value: Int) {
        integer(value, comma: valuePrefix())
    }

    /// A keyed number value (integral values are written without a fraction).
    public mutating func double(_ key: String, _ value: Double) {
        self.key(key)
        let comma = valuePrefix()
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value), comma: comma)
        } else {
            JSONNumbers.text(value).withUnsafeBufferPointer { text in
                write(room: 1 + text.count) { output in
                    if comma { output[0] = UInt8(ascii: ",") }
                    let written = comma ? 1 : 0
                    (output + written).update(from: text.baseAddress!, count: text.count)
                    return written + text.count
                }
            }
        }
    }

    /// Writes a comma when one is due, then `value`.
    private mutating func integer(_ value: Int, comma: Bool) {
        write(room: 1 + JSONNumbers.maximumIntegerLength) { output in
            if comma { output[0] = UInt8(ascii: ",") }
            let written = comma ? 1 : 0
            return written + JSONNumbers.write(value, to: output + written)
        }
    }

    /// A keyed `[start, end]` pair.
    public mutating func span(_ key: String, _ start: Int, _ end: Int) {
        self.key(key)
        spanValue(start, end)
    }

    /// A `[start, end]` pair in an array.
    public mutating func spanValue(_ start: Int, _ end: Int) {
        let comma = valuePrefix()
        write(room: 1 + JSONNumbers.maximumSpanLength) { output in
            if comma { output[0] = UInt8(ascii: ",") }
            let written = comma ? 1 : 0
            return written + JSONNumbers.writeSpan(start, end, to: output + written)
        }
    }

    /// A keyed `true` or `false`.
    public mutating func bool(_ key: String, _ value: Bool) {
        self.key(key)
        let comma = valuePrefix()
        if value { raw("true", comma: comma) } else { raw("false", comma: comma) }
    }

    /// A keyed null value.
    public mutating func null(_ key: String) {
        self.key(key)
        raw("null", comma: valuePrefix())
    }

    /// Writes a comma when one is due, then `value` as a string literal, then a colon if asked.
    private mutating func stringLiteral(_ value: String, comma: Bool, colon: Bool = false) {
        var value = value
        value.withUTF8 { stringLiteral(utf8: $0, comma: comma, colon: colon) }
    }

    /// Writes a comma when one is due, the string literal of `utf8`, and a colon if asked. Runs
    /// that need no escaping are found eight bytes at a time and copied whole; most strings are
    /// one such run and take a single write.
    private mutating func stringLiteral(utf8: UnsafeBufferPointer<UInt8>, comma: Bool, colon: Bool) {
        let length = utf8.count
        let base = utf8.baseAddress
        var index = base.map { JSONEscaping.firstCandidate(in: $0, from: 0, count: length) } ?? 0
        var runStart = 0
        write(room: length + 4) { output in
            var written = 0
            if comma {
                output[0] = UInt8(ascii: ",")
                written = 1
            }
            output[written] = UInt8(ascii: "\"")
            written += 1
            guard index == length else { return written }
            if let base { (output + written).update(from: base, count: length) }
            output[written + length] = UInt8(ascii: "\"")
            written += length + 1
            if colon {
                output[written] = UInt8(ascii: ":")
                written += 1
            }
            runStart = length
            return written
        }
        guard let base, runStart < length else { return }
        while index < length {
            guard let escape = JSONEscaping.escape(at: base + index, remaining: length - index) else {
                index = JSONEscaping.firstCandidate(in: base, from: index + 1, count: length)
                continue
            }
            write(room: index - runStart + JSONEscaping.maximumEscapeLength) { output in
                let run = index - runStart
                output.update(from: base + runStart, count: run)
                return run + JSONEscaping.write(escape, to: output + run)
            }
            index += escape.inputLength
            runStart = index
            index = JSONEscaping.firstCandidate(in: base, from: index, count: length)
        }
        write(room: length - runStart + 2) { output in
            let run = length - runStart
            output.update(from: base + runStart, count: run)
            output[run] = UInt8(ascii: "\"")
            if colon { output[run + 1] = UInt8(ascii: ":") }
            return run + (colon ? 2 : 1)
        }
    }

    /// Appends a JSON string literal: quotes, backslashes, control characters and U+2028/U+2029
    /// escaped, everything else copied as UTF-8.
    public static func appendString(_ value: String, to bytes: inout [UInt8]) {
        var writer = JSONWriter(capacity: value.utf8.count + 2)
        writer.stringLiteral(value, comma: false)
        bytes.append(contentsOf: writer.storage[..<writer.count])
    }
}
