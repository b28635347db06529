import GazetteBytes

/// A document's clean text as the stages read it, built once per document (by the segmenter, see
/// `Document.textModel`): its UTF-8 bytes, whether they are all ASCII, its scalars by offset and the
/// map between byte and scalar offsets.
///
/// Rules read the text through this model only, written once for any text: the ASCII fast paths
/// (bytes read as scalars, `memchr` scans, words lower-cased in place) live inside its accessors; the
/// byte routines themselves (ASCII test, `memchr`, UTF-8 decoding) are `GazetteBytes`'.
/// Offsets are scalar offsets (as in `TextSpan`) unless a name says bytes.
public struct DocumentText: Sendable {
    /// The text's UTF-8 bytes (tokens give their byte offsets in them).
    public let utf8: [UInt8]
    /// Whether every byte is ASCII: then byte offsets are scalar offsets and `decoded` is empty.
    public let isASCII: Bool
    /// The text's scalars, read from `utf8` when it is ASCII.
    public let scalars: Scalars
    /// For text with other scalars: the byte offset of every `checkpointStride`-th scalar (empty for ASCII).
    private let checkpoints: [Int]
    /// How many scalars lie between two entries of `checkpoints`.
    static let checkpointStride = 64

    /// The model of a text (decoded by `GazetteBytes.UTF8Decoding` when it is not all ASCII).
    public init(_ text: String) {
        let utf8 = Array(text.utf8)
        self.utf8 = utf8
        isASCII = ByteScan.isASCII(utf8.span)
        if isASCII {
            scalars = Scalars(ascii: utf8)
            checkpoints = []
        } else {
            let decoded = UTF8Decoding.scalars(of: text)
            scalars = Scalars(decoded: decoded)
            checkpoints = Self.checkpoints(of: decoded)
        }
    }

    /// The byte offset of every `checkpointStride`-th scalar of `scalars`.
    private static func checkpoints(of scalars: [Unicode.Scalar]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(scalars.count / checkpointStride + 1)
        var byte = 0
        for index in scalars.indices {
            if index % checkpointStride == 0 { result.append(byte) }
            byte += UTF8.width(scalars[index])
        }
        return result
    }

    /// The number of scalars.
    @inlinable public var count: Int { scalars.count }

    // MARK: - Offsets

    /// The byte offset where scalar `offset` starts (`utf8.count` for `count`); `offset` lies in `0...count`.
    public func byteOffset(ofScalar offset: Int) -> Int {
        precondition(offset >= 0 && offset <= count, "scalar offset outside the text")
        if isASCII { return offset }
        let checkpoint = offset / Self.checkpointStride
        var byte = checkpoints.isEmpty ? 0 : checkpoints[checkpoint]
        for index in (checkpoint * Self.checkpointStride)..<offset { byte += UTF8.width(scalars[index]) }
        return byte
    }

    /// The offset of the scalar that holds byte `offset` (`count` for `utf8.count`); `offset` lies in `0...utf8.count`.
    public func scalarOffset(ofByte offset: Int) -> Int {
        precondition(offset >= 0 && offset <= utf8.count, "byte offset outside the text")
        if isASCII { return offset }
        // The last checkpoint at or before the byte, then scalar by scalar.
        var low = 0
        var high = checkpoints.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if checkpoints[middle] <= offset { low = middle } else { high = middle }
        }
        var scalar = low * Self.checkpointStride
        var byte = checkpoints.isEmpty ? 0 : checkpoints[low]
        while scalar < count {
            let next = byte + UTF8.width(scalars[scalar])
            if next > offset { break }
            byte = next
            scalar += 1
        }
        return scalar
    }

    // MARK: - Strings

    /// The text between two scalar offsets ("" for an empty, reversed or out-of-range pair).
    public func string(_ start: Int, _ end: Int) -> String {
        guard start < end, start >= 0, end <= count else { return "" }
        if isASCII { return String(decoding: utf8[start..<end], as: UTF8.self) }
        // A range of ASCII scalars in other text: copied byte by byte.
        if (start..<end).allSatisfy({ scalars[$0].value < 0x80 }) {
            // Safety: exactly `end - start` bytes are written, at offsets below the capacity asked for.
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for offset in 0..<(end - start) { buffer[offset] = UInt8(truncatingIfNeeded: scalars[start + offset].value) }
                return end - start
            }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[start..<end])
        return result
    }

    /// Whether every scalar in a valid range is ASCII.
    @inlinable
    public func isASCII(_ start: Int, _ end: Int) -> Bool {
        isASCII || (start..<end).allSatisfy { scalars[$0].value < 0x80 }
    }

    // MARK: - Scans

    /// The offset of the first of `targets` in `start..<end`, else `end` (for an empty or reversed range, `end`).
    /// In ASCII text only the ASCII targets can occur; a single one is found by `memchr`.
    public func firstOffset(of targets: ScalarSet, from start: Int, to end: Int) -> Int {
        guard start < end else { return end }
        precondition(start >= 0 && end <= count, "range outside the text")
        guard isASCII else {
            for offset in start..<end where targets.scalars.contains(scalars[offset]) { return offset }
            return end
        }
        switch targets.asciiBytes.count {
        case 0: return end
        case 1: return ByteScan.firstOffset(of: targets.asciiBytes[0], in: utf8.span, from: start, to: end)
        default:
            for offset in start..<end where targets.asciiBytes.contains(utf8[offset]) { return offset }
            return end
        }
    }

    /// The offsets of every one of `targets` in `start..<end` (the whole text by default), in order.
    /// In ASCII text each ASCII target is found by `memchr`, the nearest taken first.
    public func offsets(of targets: ScalarSet, from start: Int = 0, to end: Int? = nil) -> [Int] {
        let end = end ?? count
        guard start < end else { return [] }
        precondition(start >= 0 && end <= count, "range outside the text")
        var result: [Int] = []
        guard isASCII else {
            for offset in start..<end where targets.scalars.contains(scalars[offset]) { result.append(offset) }
            return result
        }
        let bytes = targets.asciiBytes
        let buffer = utf8.span
        if bytes.count == 1 {
            var offset = ByteScan.firstOffset(of: bytes[0], in: buffer, from: start, to: end)
            while offset < end {
                result.append(offset)
                offset = ByteScan.firstOffset(of: bytes[0], in: buffer, from: offset + 1, to: end)
            }
            return result
        }
        // The next occurrence of each target byte; the nearest is taken and searched for again.
        var next = bytes.map { ByteScan.firstOffset(of: $0, in: buffer, from: start, to: end) }
        while let nearest = next.indices.min(by: { next[$0] < next[$1] }), next[nearest] < end {
            result.append(next[nearest])
            next[nearest] = ByteScan.firstOffset(of: bytes[nearest], in: buffer, from: next[nearest] + 1, to: end)
        }
        return result
    }

    /// The offset of the first line break in `start..<limit`, else `limit` (or `start` when it is past `limit`);
    /// `limit` is at most `count`.
    public func firstLineBreak(from start: Int, limit: Int) -> Int {
        guard start < limit else { return start }
        return firstOffset(of: Self.lineBreak, from: start, to: limit)
    }

    /// The end of the run of letters from `start` (ASCII letters, other scalars with the Alphabetic
    /// property), no further than `end`, and whether they are all ASCII. In ASCII text, read from the bytes.
    @inlinable
    public func letterRun(from start: Int, to end: Int) -> (end: Int, isASCII: Bool) {
        var offset = start
        if isASCII {
            // Through the span: its base and count stay in registers in a caller's loop (`SpeechRules.clauseEnd`).
            let bytes = utf8.span
            while offset < end, (bytes[offset] | 0x20) &- 0x61 < 26 { offset += 1 }
            return (offset, true)
        }
        var ascii = true
        while offset < end {
            let scalar = scalars.decoded[offset]
            if scalar.value < 0x80 {
                if (scalar.value | 0x20) &- 0x61 >= 26 { break }
            } else {
                if !scalar.properties.isAlphabetic { break }
                ascii = false
            }
            offset += 1
        }
        return (offset, ascii)
    }

    /// The offset of the last `scalar` (an ASCII one) in `start..<end`, else nil. In ASCII text, read from the bytes.
    @inlinable
    public func lastOffset(of scalar: Unicode.Scalar, from start: Int, to end: Int) -> Int? {
        var offset = end
        if isASCII {
            let byte = UInt8(truncatingIfNeeded: scalar.value)
            while offset > start {
                offset -= 1
                if utf8[offset] == byte { return offset }
            }
            return nil
        }
        while offset > start {
            offset -= 1
            if scalars.decoded[offset] == scalar { return offset }
        }
        return nil
    }

    /// How many words stand between two offsets, counted scalar by scalar: runs of letters
    /// (`Character.isLetter` of each scalar, so that a combining mark splits a word), hyphens and
    /// apostrophes (' and ’) that hold a letter. Counting stops at `limit` (the result is
    /// `min(count, limit)`). In ASCII text, read from the bytes.
    @inlinable
    public func scalarWordCount(_ start: Int, _ end: Int, limit: Int = .max) -> Int {
        guard start < end, start >= 0, end <= count, limit > 0 else { return 0 }
        var counter = WordRunCounter(limit: limit)
        if isASCII {
            for index in start..<end {
                let byte = utf8[index]
                if counter.take(letter: (byte | 0x20) &- 0x61 < 26, joiner: byte == 0x2D || byte == 0x27) { return limit }
            }
            return counter.total
        }
        for index in start..<end {
            let scalar = scalars.decoded[index]
            let letter = scalar.value < 0x80 ? (scalar.value | 0x20) &- 0x61 < 26 : Character(scalar).isLetter
            if counter.take(letter: letter, joiner: scalar == "-" || scalar == "'" || scalar == "’") { return limit }
        }
        return counter.total
    }

    /// Counts words, runs of letters and joiners (hyphens, apostrophes) that hold a letter, up to a limit.
    @usableFromInline
    struct WordRunCounter {
        @usableFromInline let limit: Int
        @usableFromInline var count = 0
        @usableFromInline var run = false
        @usableFromInline var runHasLetter = false

        @inlinable
        init(limit: Int) { self.limit = limit }

        /// Takes the class of the next scalar; true once `limit` words are counted.
        @inlinable @inline(__always)
        mutating func take(letter: Bool, joiner: Bool) -> Bool {
            if letter || joiner {
                run = true
                if letter { runHasLetter = true }
                return false
            }
            if run && runHasLetter {
                count += 1
                if count == limit { return true }
            }
            run = false
            runHasLetter = false
            return false
        }

        /// The words counted, with one that runs to the end.
        @inlinable
        var total: Int { run && runHasLetter ? count + 1 : count }
    }

    /// The line feed, for `firstLineBreak(from:limit:)`.
    static let lineBreak = ScalarSet(["\n"])

    // MARK: - Words

    /// Calls `body` with each word between two offsets, lower-cased, in order: the runs of letters,
    /// hyphens and apostrophes (' and ’) that hold a letter. A range of ASCII scalars is split and
    /// lower-cased in place; a range with other scalars as `Document.words(_:)` splits its string
    /// (graphemes kept whole, full Unicode case mapping). Nothing for an empty or invalid range; no
    /// more than `limit` words (a test such as "at most six words" reads no further than the seventh).
    @inlinable
    public func forEachWord(_ start: Int, _ end: Int, limit: Int = .max, _ body: (LowercasedWord) -> Void) {
        guard start < end, start >= 0, end <= count, limit > 0 else { return }
        guard isASCII(start, end) else {
            for word in Self.words(string(start, end)).prefix(limit) { body(LowercasedWord(word)) }
            return
        }
        var given = 0
        var runStart = -1
        var runHasLetter = false
        for index in start...end {
            let value = index < end ? scalars[index].value : 0x20
            let letter = (value | 0x20) &- 0x61 < 26
            if letter || value == 0x2D || value == 0x27 {
                if runStart < 0 { runStart = index }
                if letter { runHasLetter = true }
            } else if runStart >= 0 {
                if runHasLetter {
                    body(LowercasedWord(range: runStart..<index))
                    given += 1
                    if given == limit { return }
                }
                runStart = -1
                runHasLetter = false
            }
        }
    }

    /// Calls `body` with the last `limit` words between two offsets (as `forEachWord` splits them),
    /// the last first. A range of ASCII scalars is read back from its end.
    @inlinable
    public func forEachWordFromEnd(_ start: Int, _ end: Int, limit: Int, _ body: (LowercasedWord) -> Void) {
        guard start < end, start >= 0, end <= count, limit > 0 else { return }
        guard isASCII(start, end) else {
            for word in Self.words(string(start, end)).suffix(limit).reversed() { body(LowercasedWord(word)) }
            return
        }
        @inline(__always) func inWord(_ value: UInt32) -> Bool { (value | 0x20) &- 0x61 < 26 || value == 0x2D || value == 0x27 }
        var wordEnd = end
        var given = 0
        while given < limit {
            while wordEnd > start, !inWord(scalars[wordEnd - 1].value) { wordEnd -= 1 }
            guard wordEnd > start else { return }
            var wordStart = wordEnd
            var hasLetter = false
            while wordStart > start, inWord(scalars[wordStart - 1].value) {
                wordStart -= 1
                if (scalars[wordStart].value | 0x20) &- 0x61 < 26 { hasLetter = true }
            }
            if hasLetter {
                body(LowercasedWord(range: wordStart..<wordEnd))
                given += 1
            }
            wordEnd = wordStart
        }
    }

    /// A word of this text as a string.
    public func string(of word: LowercasedWord) -> String {
        if let string = word.lowercasedString { return string }
        let start = word.range.lowerBound
        // Safety: exactly `word.range.count` bytes are written, at offsets below the capacity asked for.
        return String(unsafeUninitializedCapacity: word.range.count) { buffer in
            for index in 0..<word.range.count { buffer[index] = scalars.lowercasedASCII(at: start + index) }
            return word.range.count
        }
    }

    /// The words of a string, lower-cased, without punctuation: the runs of letters, hyphens and
    /// apostrophes (' and ’) that hold a letter, split by grapheme.
    public static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" && $0 != "’" })
            .filter { $0.contains { $0.isLetter } }.map(String.init)
    }

    /// The lower-cased text between two offsets, as a `LowercasedWord` (read in place when ASCII).
    public func lowercased(_ start: Int, _ end: Int) -> LowercasedWord {
        guard start < end, start >= 0, end <= count else { return LowercasedWord("") }
        return isASCII(start, end) ? LowercasedWord(range: start..<end) : LowercasedWord(string(start, end).lowercased())
    }
}

extension DocumentText {
    /// A few scalars to scan a text for (`firstOffset(of:from:to:)`, `offsets(of:from:to:)`), with their
    /// ASCII members as bytes: made once, outside the scans.
    public struct ScalarSet: Sendable {
        /// The scalars.
        public let scalars: [Unicode.Scalar]
        /// The ASCII scalars as bytes: the only ones ASCII text can hold.
        public let asciiBytes: [UInt8]

        /// A set of `scalars`.
        public init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            asciiBytes = scalars.filter(\.isASCII).map { UInt8($0.value) }
        }
    }

    /// The scalars of a text by offset: its bytes when they are all ASCII (one byte per scalar), else
    /// an array of decoded scalars.
    public struct Scalars: RandomAccessCollection, Sendable {
        /// Whether every scalar is ASCII (and `bytes` holds them).
        public let isASCII: Bool
        @usableFromInline let bytes: [UInt8]
        @usableFromInline let decoded: [Unicode.Scalar]

        /// The scalars of ASCII bytes.
        init(ascii bytes: [UInt8]) {
            isASCII = true
            self.bytes = bytes
            decoded = []
        }

        /// Decoded scalars.
        init(decoded: [Unicode.Scalar]) {
            isASCII = false
            bytes = []
            self.decoded = decoded
        }

        /// The first offset: 0.
        @inlinable public var startIndex: Int { 0 }
        /// One past the last offset: the number of scalars.
        @inlinable public var endIndex: Int { isASCII ? bytes.count : decoded.count }
        /// The number of scalars.
        @inlinable public var count: Int { isASCII ? bytes.count : decoded.count }

        /// The scalar at an offset.
        @inlinable @inline(__always)
        public subscript(position: Int) -> Unicode.Scalar {
            isASCII ? Unicode.Scalar(bytes[position]) : decoded[position]
        }

        /// The lower-cased byte of the ASCII scalar at `position` (A–Z lower-cased; other scalars give their low byte).
        @inlinable @inline(__always)
        public func lowercasedASCII(at position: Int) -> UInt8 {
            let byte = isASCII ? bytes[position] : UInt8(truncatingIfNeeded: decoded[position].value)
            return byte &- 0x41 < 26 ? byte | 0x20 : byte
        }
    }

    /// A lower-cased word (or range) of a text: a range of ASCII scalars, lower-cased as they are read
    /// through the text (`Scalars.lowercasedASCII(at:)`, `string(of:)`), or a lower-cased string
    /// (for a range with other scalars). Holds no reference to the text: making one costs nothing.
    public struct LowercasedWord {
        /// The scalar range of a word read in place (empty for a word given as a string).
        public let range: Range<Int>
        /// The word given as a lower-cased string; nil for one read in place.
        public let lowercasedString: String?

        /// A word of ASCII scalars, read in place.
        @inlinable
        init(range: Range<Int>) {
            self.range = range
            lowercasedString = nil
        }

        /// A word given as a lower-cased string.
        public init(_ string: String) {
            range = 0..<0
            lowercasedString = string
        }

        /// The length in UTF-8 bytes.
        @inlinable
        public var count: Int { lowercasedString?.utf8.count ?? range.count }
    }
}
