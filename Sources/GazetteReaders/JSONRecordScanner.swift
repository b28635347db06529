#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GazetteBytes

/// Reads the wanted fields of a JSONL record in one pass over its bytes, for the common, simple record.
///
/// A general JSON parser (Foundation's `JSONSerialization`) builds every value of the record as objects; a
/// news record is mostly one long text field, and most of its other fields are not wanted. This scanner
/// checks the whole line against the JSON grammar, notes where the strings of the wanted fields are, and
/// skips the rest; the reader then decodes only the strings it uses (`string`, `bytes`). It answers only
/// when the answer cannot differ from the general parser's: anything unusual — not an object, malformed
/// JSON, a wanted field twice, a number in a wanted field, escaped keys, lone surrogate or NUL escapes,
/// exponents, very long numbers, deep nesting, invalid UTF-8 — returns nil, and the caller asks the general
/// parser, whose answer (and error) then counts.
struct JSONRecordScanner: Sendable {
    /// A wanted field as the scan found it.
    enum Field: Equatable, Sendable {
        /// A string: the range of its raw content in the line (between the quotes), and whether it has escapes.
        case string(Range<Int>, escaped: Bool)
        case null
        /// A boolean, an array or an object: a wrong type for any field Gazette reads.
        case other
    }

    /// A wanted field's value decoded, as the general parser would give it (for tests and callers that want all).
    enum Value: Equatable {
        case string(String)
        case null
        case other
    }

    /// The wanted field names as UTF-8 bytes.
    let wanted: [[UInt8]]
    /// Each wanted name's length and first eight bytes (`Name.prefix`), compared before the whole name.
    let names: [Name]
    /// Open addressing over `names` by `hash(length:prefix:)`: a slot number, or -1 where the chain ends.
    let table: [Int16]

    /// A wanted name in the form a key is compared with.
    struct Name: Sendable {
        let length: Int
        /// The first (up to) eight bytes, the first in the lowest byte, zero above the name's end.
        let prefix: UInt64
        let bytes: [UInt8]
    }

    /// A scanner for the fields a JSONL reader reads.
    init(_ fields: JSONLFields) {
        self.init(wanted: fields.id + fields.url + fields.title + fields.published + fields.language + fields.text + fields.html)
    }

    init(wanted names: [String]) {
        var unique: [[UInt8]] = []
        for name in names where !unique.contains(Array(name.utf8)) { unique.append(Array(name.utf8)) }
        wanted = unique
        let names = unique.map { bytes in
            bytes.withUnsafeBufferPointer { Name(length: bytes.count, prefix: Self.prefix($0.baseAddress, count: bytes.count), bytes: bytes) }
        }
        self.names = names
        // At most half full, so a key that is not wanted (most keys) usually ends its probe at once.
        var size = 16
        while size < 2 * names.count { size *= 2 }
        var table = [Int16](repeating: -1, count: size)
        for (slot, name) in names.enumerated() {
            var index = Self.hash(length: name.length, prefix: name.prefix) & (size - 1)
            while table[index] >= 0 { index = (index + 1) & (size - 1) }
            table[index] = Int16(slot)
        }
        self.table = table
    }

    /// Where a name with this length and first eight bytes starts its probe in `table` (before masking).
    @inline(__always)
    static func hash(length: Int, prefix: UInt64) -> Int {
        Int(truncatingIfNeeded: ((prefix ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    /// The first `min(count, 8)` bytes at `start` as a little-endian word, zero above them.
    @inline(__always)
    static func prefix(_ start: UnsafePointer<UInt8>?, count: Int) -> UInt64 {
        guard let start else { return 0 }
        var word: UInt64 = 0
        for index in 0..<min(count, 8) { word |= UInt64(start[index]) << (8 * UInt64(index)) }
        return word
    }

    /// The slot of a wanted name in `scan`'s answer.
    func slot(of name: String) -> Int? { wanted.firstIndex { $0.elementsEqual(name.utf8) } }

    /// The slot of the wanted name equal to the key at `range` of `bytes`, or nil when the key is not wanted.
    @inline(__always)
    func slot(ofKey range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let length = range.count
        guard let base = bytes.baseAddress else { return nil }
        let start = base + range.lowerBound
        let prefix = Self.prefix(start, count: length)
        return table.withUnsafeBufferPointer { table -> Int? in
            let mask = table.count - 1
            var index = Self.hash(length: length, prefix: prefix) & mask
            while true {
                let slot = Int(table[index])
                guard slot >= 0 else { return nil }
                let name = names[slot]
                if name.length == length && name.prefix == prefix {
                    if length <= 8 { return slot }
                    let rest = name.bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + 8, start + 8, length - 8) }
                    if rest == 0 { return slot }
                }
                index = (index + 1) & mask
            }
        }
    }

    /// The wanted fields of the record by slot (nil where absent), or nil when the general parser must decide.
    /// String ranges are offsets into `line`.
    func scan(_ line: UnsafeBufferPointer<UInt8>) -> [Field?]? {
        var found = [Field?](repeating: nil, count: names.count)
        let answered = found.withUnsafeMutableBufferPointer { scan(line, into: $0) }
        return answered ? found : nil
    }

    /// `scan` writing the fields into `found` (one slot per wanted name, all nil on entry): false when the
    /// general parser must decide. Lets the reader keep the fields on the stack.
    func scan(_ line: UnsafeBufferPointer<UInt8>, into found: UnsafeMutableBufferPointer<Field?>) -> Bool {
        var cursor = Cursor(bytes: line)
        return cursor.record(self, into: found)
    }

    /// `scan` over a slice's bytes; ranges count from the slice's first byte.
    func scan(_ line: ArraySlice<UInt8>) -> [Field?]? {
        line.withUnsafeBufferPointer { scan($0) }
    }

    /// The wanted fields decoded (for tests and tools: the reader decodes only what it uses).
    func values(_ line: ArraySlice<UInt8>) -> [Value?]? {
        line.withUnsafeBufferPointer { buffer -> [Value?]? in
            scan(buffer).map { found in
                found.map { field in
                    field.map { field in
                        switch field {
                        case .string(let range, let escaped): .string(Self.string(range, escaped: escaped, in: buffer))
                        case .null: .null
                        case .other: .other
                        }
                    }
                }
            }
        }
    }

    /// The string a scanned field holds. `range` and `escaped` must come from `scan` of the same bytes.
    static func string(_ range: Range<Int>, escaped: Bool, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard escaped else { return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        // Escapes never decode to more bytes than they take: the raw length is enough room.
        return String(unsafeUninitializedCapacity: range.count) { output in
            decode(range, in: bytes, into: output.baseAddress!)
        }
    }

    /// The UTF-8 bytes of the string a scanned field holds. `range` and `escaped` must come from `scan` of the
    /// same bytes (which checked the line is valid UTF-8, so these bytes are what the string's would be).
    static func bytes(_ range: Range<Int>, escaped: Bool, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard escaped else { return Array(UnsafeBufferPointer(rebasing: bytes[range])) }
        return [UInt8](unsafeUninitializedCapacity: range.count) { output, count in
            count = decode(range, in: bytes, into: output.baseAddress!)
        }
    }

    /// Decodes the raw content of a string `scan` checked into `output` (room for `range.count` bytes); returns
    /// how many bytes it wrote. Runs without a backslash are copied eight bytes at a time.
    static func decode(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        let base = bytes.baseAddress!
        let end = range.upperBound
        var at = range.lowerBound
        var written = 0
        while at < end {
            // The run up to the next backslash. A word is stored whole: `written` never passes `at - start`,
            // so eight bytes from `written` stay inside the room while eight bytes from `at` are in the string.
            var run = 0
            while at + 8 <= end {
                // Safety: at + 8 <= end, inside the string; written + 8 <= at + 8 - start, inside the room.
                let word = ByteWord.load(UnsafeRawPointer(base), at: at)
                UnsafeMutableRawPointer(output + written).storeBytes(of: word.littleEndian, as: UInt64.self)
                let found = ByteWord.firstEqual(word, UInt8(ascii: "\\"))
                if found != 0 {
                    run = ByteWord.firstByte(of: found)
                    break
                }
                at += 8
                written += 8
            }
            if at + 8 > end {
                while at + run < end && base[at + run] != UInt8(ascii: "\\") { run += 1 }
                (output + written).update(from: base + at, count: run)
            }
            at += run
            written += run
            guard at < end else { break }
            var cursor = Cursor(bytes: bytes)
            cursor.at = at
            guard let scalar = cursor.escape() else {
                // `scan` checked every escape: not reached.
                output[written] = base[at]
                at += 1
                written += 1
                continue
            }
            at = cursor.at
            if scalar.value < 0x80 {
                output[written] = UInt8(truncatingIfNeeded: scalar.value)
                written += 1
            } else {
                for unit in UTF8.encode(scalar)! {
                    output[written] = unit
                    written += 1
                }
            }
        }
        return written
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

        mutating func record(_ scanner: JSONRecordScanner, into found: UnsafeMutableBufferPointer<Field?>) -> Bool {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return false }
            skipSpace()
            if !take(UInt8(ascii: "}")) {
                while true {
                    skipSpace()
                    guard let key = rawString() else { return false }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return false }
                    skipSpace()
                    if let slot = scanner.slot(ofKey: key, in: bytes) {
                        guard found[slot] == nil, let value = wantedValue() else { return false }
                        found[slot] = value
                    } else {
                        guard skipValue(depth: 1) else { return false }
                    }
                    skipSpace()
                    if take(UInt8(ascii: ",")) { continue }
                    guard take(UInt8(ascii: "}")) else { return false }
                    break
                }
            }
            skipSpace()
            guard at == bytes.count else { return false }
            if sawNonASCII {
                guard String(validating: bytes, as: UTF8.self) != nil else { return false }
            }
            return true
        }

        /// A wanted field's value: a checked string, null, or another non-number value skipped.
        mutating func wantedValue() -> Field? {
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "\""):
                let start = at + 1
                guard let escaped = skipString() else { return nil }
                return .string(start..<(at - 1), escaped: escaped)
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
            at = plainRunEnd(from: at)
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
                    escapes = true
                    // The short escapes (most of them: newlines) need no decoding to be checked.
                    if at + 1 < bytes.count, Self.isShortEscape(bytes[at + 1]) {
                        at += 2
                        continue
                    }
                    guard escape() != nil else { return nil }
                    continue
                }
                at += 1
            }
        }

        /// The first index at or after `start` holding a quote, a backslash, a control byte or a non-ASCII
        /// byte (or the end): the bytes before it are copied as they are. Eight bytes are tested at a time.
        func plainRunEnd(from start: Int) -> Int {
            ByteScan.firstOffset(
                in: bytes, from: start, to: bytes.count,
                where: { word in
                    ByteWord.firstEqual(word, UInt8(ascii: "\"")) | ByteWord.firstEqual(word, UInt8(ascii: "\\"))
                        | ByteWord.firstBelow(word, 0x20) | ByteWord.nonASCII(word)
                },
                matching: { byte in byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 })
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

        /// Whether `\` and this byte is one of JSON's two-character escapes.
        @inline(__always)
        static func isShortEscape(_ code: UInt8) -> Bool {
            switch code {
            case UInt8(ascii: "n"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "t"),
                 UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "f"): true
            default: false
            }
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
