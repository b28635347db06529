/// The bytes of one output line as `ArticleEncoder` writes it: JSON pieces appended in order, with no
/// bookkeeping of commas or nesting (the encoder's fixed layout knows where they go).
///
/// Memory is allocated once with an estimate, uninitialised, and grown only when a piece does not fit;
/// each append checks its room once. Not copyable: the buffer has one owner, which frees it.
struct LineBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written.
    private(set) var count = 0

    /// A buffer with room for `capacity` bytes before it has to grow.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The line written so far.
    var output: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the bytes written over to a `LineBlock` that frees them, with where each line ends.
    consuming func block(lineEnds: [Int]) -> LineBlock {
        let block = LineBlock(taking: base, count: count, lineEnds: lineEnds)
        discard self
        return block
    }

    /// Makes sure `room` more bytes fit.
    @inline(__always)
    mutating func reserve(_ room: Int) {
        if capacity - count < room { grow(room) }
    }

    @inline(never)
    private mutating func grow(_ room: Int) {
        let newCapacity = max(2 * capacity, count + room)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Appends JSON text known when the program is built (keys with their punctuation), as it is.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        reserve(length)
        (base + count).update(from: text.utf8Start, count: length)
        count += length
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// A string literal, escaped as `JSONWriter` escapes it.
    mutating func string(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ literal($0) }) == nil {
            var value = value
            value.withUTF8 { literal($0) }
        }
    }

    /// A string literal, or `null`.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { append("null") }
    }

    /// The string literal of UTF-8 bytes: runs that need no escaping (found eight bytes at a time) are copied whole.
    mutating func literal(_ utf8: UnsafeBufferPointer<UInt8>) {
        let length = utf8.count
        reserve(length + 2)
        base[count] = UInt8(ascii: "\"")
        count += 1
        if let source = utf8.baseAddress {
            var runStart = 0
            var index = JSONEscaping.firstCandidate(in: source, from: 0, count: length)
            while index < length {
                guard let escape = JSONEscaping.escape(at: source + index, remaining: length - index) else {
                    index = JSONEscaping.firstCandidate(in: source, from: index + 1, count: length)
                    continue
                }
                // Room for the run, the escape, and the rest as it is with the closing quote.
                reserve(JSONEscaping.maximumEscapeLength + length - runStart + 1)
                let run = index - runStart
                (base + count).update(from: source + runStart, count: run)
                count += run
                count += JSONEscaping.write(escape, to: base + count)
                index += escape.inputLength
                runStart = index
                index = JSONEscaping.firstCandidate(in: source, from: index, count: length)
            }
            let run = length - runStart
            (base + count).update(from: source + runStart, count: run)
            count += run
        }
        base[count] = UInt8(ascii: "\"")
        count += 1
    }

    /// A decimal integer.
    @inline(__always)
    mutating func int(_ value: Int) {
        reserve(JSONNumbers.maximumIntegerLength)
        count += JSONNumbers.write(value, to: base + count)
    }

    /// A `[start,end]` pair.
    mutating func span(_ start: Int, _ end: Int) {
        reserve(JSONNumbers.maximumSpanLength)
        count += JSONNumbers.writeSpan(start, end, to: base + count)
    }

    /// Bytes prepared elsewhere (a number's text).
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }
}
