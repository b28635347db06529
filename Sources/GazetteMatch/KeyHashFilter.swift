import GazetteSegment

/// A set of `KeyHash` values that may answer "certainly not present": a Bloom filter of 2^18 bits (32 KB)
/// with two bits per hash (its top 18 bits and its low 18 bits), so that a gazetteer of tens of thousands of
/// forms still lets most tokens be passed over on their hash alone (one bit per 16-bit prefix, as before,
/// answered "maybe" for a third of all words once the knowledge base filled it).
struct KeyHashFilter: Sendable {
    static let wordCount = 4096
    private var words = [UInt64](repeating: 0, count: wordCount)

    @inline(__always)
    static func bits(_ hash: UInt32) -> (Int, Int) {
        (Int(hash >> 14), Int(hash & 0x3FFFF))
    }

    /// Adds a hash.
    mutating func insert(_ hash: UInt32) {
        let (first, second) = Self.bits(hash)
        words[first >> 6] |= 1 << UInt64(first & 63)
        words[second >> 6] |= 1 << UInt64(second & 63)
    }

    /// False when no inserted hash has the two bits of `hash`; true when one may equal it.
    @inline(__always)
    func mayContain(_ hash: UInt32) -> Bool {
        words.withUnsafeBufferPointer { Self.mayContain(hash, words: $0.baseAddress!) }
    }

    /// Calls `body` with the filter's bits, for loops that test many hashes with `mayContain(_:words:)`.
    @inline(__always)
    func withWords<R>(_ body: (UnsafePointer<UInt64>) throws -> R) rethrows -> R {
        try words.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// `mayContain(_:)` on the bits `withWords` gives.
    @inline(__always)
    static func mayContain(_ hash: UInt32, words: UnsafePointer<UInt64>) -> Bool {
        let (first, second) = bits(hash)
        return words[first >> 6] & (1 << UInt64(first & 63)) != 0 && words[second >> 6] & (1 << UInt64(second & 63)) != 0
    }
}
