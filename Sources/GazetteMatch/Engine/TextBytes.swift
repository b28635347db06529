import GazetteBytes

/// The few byte operations rules need on a document's text beyond `span[i]`: a String of a byte range, byte
/// comparisons, a `KeyHash` of a byte array. The rules see only the safe, bounds-checked `Span<UInt8>`; the
/// unsafe code these need is here, each block with the reason it stays in bounds.
extension Span where Element == UInt8 {
    /// The text of the bytes in `range`, decoded as `String(decoding:as:)` does (invalid UTF-8 repaired).
    @inline(__always)
    func string(_ range: Range<Int>) -> String {
        let bytes = extracting(range)
        // Safety: `extracting` checked `range` against the span; the buffer lives only for the call, which copies it.
        return bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes in `range` with "A"…"Z" lower-cased, as a String (for ASCII bytes: their lower-case text).
    @inline(__always)
    func lowercasedASCIIString(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            // Safety: `buffer` has room for `range.count` bytes and `offset` stays below it; `self[...]` is checked.
            for offset in 0..<range.count {
                let byte = self[range.lowerBound + offset]
                buffer[offset] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            }
            return range.count
        }
    }

    /// Whether every byte in `range` is ASCII.
    @inline(__always)
    func isASCII(_ range: Range<Int>) -> Bool {
        for index in range where self[index] >= 0x80 { return false }
        return true
    }

    /// The bytes in `range`, as an array.
    @inline(__always)
    func array(_ range: Range<Int>) -> [UInt8] {
        let bytes = extracting(range)
        // Safety: `extracting` checked `range` against the span; the buffer lives only for the call, which copies it.
        return bytes.withUnsafeBufferPointer { Array($0) }
    }

    /// Whether the bytes in `range` are the bytes of `other`.
    @inline(__always)
    func bytes<C: Collection>(_ range: Range<Int>, equal other: C) -> Bool where C.Element == UInt8 {
        guard range.count == other.count else { return false }
        var position = range.lowerBound
        for byte in other {
            if self[position] != byte { return false }
            position += 1
        }
        return true
    }

    /// Whether the bytes in `range` are those of `word`; with `foldingASCII`, the bytes "A"…"Z" are compared
    /// lower-cased (`word` should then be in lower case).
    @inline(__always)
    func bytes(_ range: Range<Int>, equal word: StaticString, foldingASCII: Bool) -> Bool {
        let count = word.utf8CodeUnitCount
        guard range.count == count else { return false }
        // Safety: a StaticString's bytes are a constant of the program, `utf8CodeUnitCount` long; `offset` stays
        // below that count, and `self[...]` is bounds-checked.
        let start = word.utf8Start
        for offset in 0..<count {
            var byte = self[range.lowerBound + offset]
            if foldingASCII, (0x41...0x5A).contains(byte) { byte |= 0x20 }
            if byte != start[offset] { return false }
        }
        return true
    }
}

extension KeyHash {
    /// The hash of a byte array (`of(_:)` on its buffer).
    static func of(bytes: [UInt8]) -> UInt32 {
        // Safety: the buffer is the array's own storage, valid for the call.
        bytes.withUnsafeBufferPointer { KeyHash.of($0) }
    }
}
