/// Reads the wanted fields of a JSONL record in one pass over its bytes, for the common, simple record.
///
/// A general JSON parser (Foundation's `JSONSerialization`) builds every value of the record as objects; a
/// news record is mostly one long text field, and most of its other fields are not wanted. This scanner
/// checks the whole line against the JSON grammar, decodes only the strings of the wanted fields, and
/// skips the rest. It answers only when the answer cannot differ from the general parser's: anything
/// unusual — not an object, malformed JSON, a wanted field twice, a number in a wanted field, escaped
/// keys, lone surrogate or NUL escapes, exponents, very long numbers, deep nesting, invalid UTF-8 — returns
/// nil, and the caller asks the general parser, whose answer (and error) then counts.
struct JSONRecordScanner {
    /// A wanted field's value as the reader needs it.
    enum Value: Equatable {
        case string(String)
        case null
        /// A boolean, an array or an object: a wrong type for any field Gazette reads.
        case other
    }

    /// The wanted field names as UTF-8 bytes.
    let wanted: [[UInt8]]

    /// A scanner for the fields a JSONL reader reads.
    init(_ fields: JSONLFields) {
        self.init(wanted: fields.id + fields.url + fields.title + fields.published + fields.language + fields.text + fields.html)
    }

    init(wanted names: [String]) {
        var unique: [[UInt8]] = []
        for name in names where !unique.contains(Array(name.utf8)) { unique.append(Array(name.utf8)) }
        wanted = unique
    }

    /// The slot of a wanted name in `scan`'s answer.
    func slot(of name: String) -> Int? { wanted.firstIndex { $0.elementsEqual(name.utf8) } }

    /// The wanted fields of the record by slot (nil where absent), or nil when the general parser must decide.
    func scan(_ line: ArraySlice<UInt8>) -> [Value?]? {
        line.withUnsafeBufferPointer { buffer -> [Value?]? in
            var cursor = Cursor(bytes: buffer)
            return cursor.record(wanted: wanted)
        }
    }

    /// A position in the line and the grammar rules read from there; every rule returns false (or nil) to give up.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0
        /// Strings may hold non-ASCII bytes; they are validated once at the end.
        var sawNonASCII = false

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        static let maxDepth = 32

        mutating func skipSpace() {
            while at < bytes.count {
                let byte = bytes[at]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                at += 1
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        mutating func record(wanted: [[UInt8]]) -> [Value?]? {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            var found = [Value?](repeating: nil, count: wanted.count)
            skipSpace()
            if !take(UInt8(ascii: "}")) {
                while true {
                    skipSpace()
                    guard let key = rawString() else { return nil }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return nil }
                    skipSpace()
                    if let slot = wanted.firstIndex(where: { $0.elementsEqual(bytes[key]) }) {
                        guard found[slot] == nil, let value = wantedValue() else { return nil }
                        found[slot] = value
                    } else {
                        guard skipValue(depth: 1) else { return nil }
                    }
                    skipSpace()
                    if take(UInt8(ascii: ",")) { continue }
                    guard take(UInt8(ascii: "}")) else { return nil }
                    break
                }
            }
            skipSpace()
            guard at == bytes.count else { return nil }
            if sawNonASCII {
                guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
            }
            return found
        }

        /// A wanted field's value: a decoded string, null, or another non-number value skipped.
        mutating func wantedValue() -> Value? {
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "\""):
                return decodedString().map(Value.string)
            case UInt8(ascii: "n"):
                return literal("null") ? .null : nil
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "["), UInt8(ascii: "{"):
                return skipValue(depth: 1) ? .other : nil
            default:
                // Numbers (an id may be one) are left to the general parser, which formats them.
                return nil
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard at + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[at + offset] != word.utf8Start[offset] { return false }
            at += count
            return true
        }

        /// Skips a string without decoding it; returns the range of its raw content (keys: no escapes allowed).
        mutating func rawString() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = at
            while at < bytes.count {
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") {
                    at += 1
                    return start..<(at - 1)
                }
                if byte < 0x20 || byte == UInt8(ascii: "\\") { return nil }
                if byte >= 0x80 { sawNonASCII = true }
                at += 1
            }
            return nil
        }

        /// Skips a string, checking its escapes: nil when it is not a valid JSON string, else whether it had escapes.
        mutating func skipString() -> Bool? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var escapes = false
            while true {
                at = plainRunEnd(from: at)
                guard at < bytes.count else { return nil }
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") {
                    at += 1
                    return escapes
                }
                if byte < 0x20 { return nil }
                if byte >= 0x80 { sawNonASCII = true }
                if byte == UInt8(ascii: "\\") {
                    guard escape() != nil else { return nil }
                    escapes = true
                    continue
                }
                at += 1
            }
        }

        /// A string's decoded content: `skipString` finds its end and checks it, then, only when it has escapes,
        /// a second pass copies the plain runs whole into the string's own storage.
        mutating func decodedString() -> String? {
            let start = at + 1
            guard let escapes = skipString() else { return nil }
            let end = at - 1
            guard escapes else {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            // Escapes never decode to more bytes than they take: the raw length is enough room.
            var reader = Cursor(bytes: bytes)
            reader.at = start
            return String(unsafeUninitializedCapacity: end - start) { output in
                var written = 0
                while reader.at < end {
                    var run = reader.at
                    while run < end && bytes[run] != UInt8(ascii: "\\") { run += 1 }
                    if run > reader.at {
                        let count = run - reader.at
                        (output.baseAddress! + written).initialize(from: bytes.baseAddress! + reader.at, count: count)
                        written += count
                        reader.at = run
                    }
                    guard reader.at < end, let scalar = reader.escape() else { continue }
                    for unit in UTF8.encode(scalar)! {
                        output[written] = unit
                        written += 1
                    }
                }
                return written
            }
        }

        /// The first index at or after `start` holding a quote, a backslash, a control byte or a non-ASCII
        /// byte (or the end): the bytes before it are copied as they are. Eight bytes are tested at a time.
        func plainRunEnd(from start: Int) -> Int {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var index = start
            if let base = bytes.baseAddress {
                while index + 8 <= bytes.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                    let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                        | ((word &- ones &* 0x20) & ~word) | word
                    if special & highs != 0 { break }
                    index += 8
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return index }
                index += 1
            }
            return index
        }

        /// The scalar of the escape sequence at `at` (the backslash), moving past it; a surrogate pair is one
        /// scalar. Lone surrogate halves and U+0000 give up (nil): how they are treated is the general parser's business.
        mutating func escape() -> Unicode.Scalar? {
            guard at + 1 < bytes.count else { return nil }
            let code = bytes[at + 1]
            var scalar: UInt32
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalar = UInt32(code)
            case UInt8(ascii: "b"): scalar = 0x08
            case UInt8(ascii: "f"): scalar = 0x0C
            case UInt8(ascii: "n"): scalar = 0x0A
            case UInt8(ascii: "r"): scalar = 0x0D
            case UInt8(ascii: "t"): scalar = 0x09
            case UInt8(ascii: "u"):
                guard at + 5 < bytes.count else { return nil }
                scalar = 0
                for offset in 2...5 {
                    guard let digit = Self.hexValue(bytes[at + offset]) else { return nil }
                    scalar = scalar << 4 | digit
                }
                at += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate counts only with the low one right after it: one astral scalar.
                    guard at + 7 < bytes.count, bytes[at + 2] == UInt8(ascii: "\\"), bytes[at + 3] == UInt8(ascii: "u")
                    else { return nil }
                    var low: UInt32 = 0
                    for offset in 4...7 {
                        guard let digit = Self.hexValue(bytes[at + offset]) else { return nil }
                        low = low << 4 | digit
                    }
                    guard (0xDC00...0xDFFF).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    at += 6
                }
                guard scalar != 0, !(0xD800...0xDFFF).contains(scalar) else { return nil }
            default:
                return nil
            }
            at += 2
            return Unicode.Scalar(scalar)
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case 0x30...0x39: UInt32(byte - 0x30)
            case 0x41...0x46: UInt32(byte - 0x41 + 10)
            case 0x61...0x66: UInt32(byte - 0x61 + 10)
            default: nil
            }
        }

        /// Skips any JSON value; numbers only in their plain forms (no exponent, at most 15 digits).
        mutating func skipValue(depth: Int) -> Bool {
            guard depth <= Self.maxDepth, at < bytes.count else { return false }
            switch bytes[at] {
            case UInt8(ascii: "\""):
                return skipString() != nil
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case UInt8(ascii: "["):
                at += 1
                skipSpace()
                if take(UInt8(ascii: "]")) { return true }
                while true {
                    skipSpace()
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                    if take(UInt8(ascii: ",")) { continue }
                    return take(UInt8(ascii: "]"))
                }
            case UInt8(ascii: "{"):
                at += 1
                skipSpace()
                if take(UInt8(ascii: "}")) { return true }
                while true {
                    skipSpace()
                    guard rawString() != nil else { return false }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return false }
                    skipSpace()
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                    if take(UInt8(ascii: ",")) { continue }
                    return take(UInt8(ascii: "}"))
                }
            default:
                return skipNumber()
            }
        }

        /// -?(0|[1-9][0-9]*)(.[0-9]+)? with at most 15 digits in all.
        mutating func skipNumber() -> Bool {
            _ = take(UInt8(ascii: "-"))
            var digits = 0
            func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
            guard isDigit(at) else { return false }
            if bytes[at] == 0x30 {
                at += 1
                digits = 1
                if isDigit(at) { return false }
            } else {
                while isDigit(at) {
                    at += 1
                    digits += 1
                }
            }
            if take(UInt8(ascii: ".")) {
                guard isDigit(at) else { return false }
                while isDigit(at) {
                    at += 1
                    digits += 1
                }
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") { return false }
            return digits <= 15
        }
    }
}
