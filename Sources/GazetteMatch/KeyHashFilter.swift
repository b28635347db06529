import GazetteSegment

/// A set of `KeyHash` values that may answer "certainly not present": one bit per 16-bit hash
/// prefix, 8 KB, small enough to stay in the first-level cache while a document is scanned.
struct KeyHashFilter: Sendable {
    private var words = [UInt64](repeating: 0, count: 1024)

    /// Adds a hash.
    mutating func insert(_ hash: UInt32) {
        let bit = Int(hash >> 16)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// False when no inserted hash has the prefix of `hash`; true when one may equal it.
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
        let bit = Int(hash >> 16)
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}
