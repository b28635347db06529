import GazetteSegment

/// A set of `KeyHash` values that may answer "certainly not present": a blocked Bloom filter of 2^20 bits
/// (128 KB), two bits per hash in one 64-bit word (the word chosen by the hash's top 14 bits, the bits by its
/// low 12 bits), so that one memory read answers and a gazetteer of tens of thousands of forms still lets most
/// tokens be passed over on their hash alone (one bit per 16-bit prefix, as before, answered "maybe" for a
/// third of all words once the knowledge base filled it; 2^18 bits filled to two fifths once the world's towns
/// of 20,000 people were added).
struct KeyHashFilter: Sendable {
    static let wordCount = 16384
    private var words = [UInt64](repeating: 0, count: wordCount)

    /// The word of a hash and the mask of its two bits in that word.
    @inline(__always)
    static func slot(_ hash: UInt32) -> (word: Int, mask: UInt64) {
        (Int(hash >> 18), (1 << UInt64(hash & 63)) | (1 << UInt64((hash >> 6) & 63)))
    }

    /// Adds a hash.
    mutating func insert(_ hash: UInt32) {
        let slot = Self.slot(hash)
        words[slot.word] |= slot.mask
    }

    /// False when no inserted hash has the two bits of `hash`; true when one may equal it.
    @inline(__always)
    func mayContain(_ hash: UInt32) -> Bool {
        // Safety: `words` has `wordCount` elements, never empty; `mayContain` reads below that (see `slot`).
        words.withUnsafeBufferPointer { Self.mayContain(hash, words: $0.baseAddress!) }
    }

    /// Calls `body` with the filter's bits, for loops that test many hashes with `mayContain(_:words:)`.
    @inline(__always)
    func withWords<R>(_ body: (UnsafePointer<UInt64>) throws -> R) rethrows -> R {
        // Safety: the pointer is valid for `wordCount` words while `body` runs, and `body` must not keep it.
        try words.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// `mayContain(_:)` on the bits `withWords` gives.
    @inline(__always)
    static func mayContain(_ hash: UInt32, words: UnsafePointer<UInt64>) -> Bool {
        let slot = slot(hash)
        // Safety: `slot.word` is the hash's top 14 bits, below `wordCount` (2^14).
        return words[slot.word] & slot.mask == slot.mask
    }
}
