/// A 4096-bit screen over token hashes: a token whose hash has no bit set is none of the words the
/// screen was made from; one with its bit set still has to be compared. One load and a bit test
/// per token, no hashing.
struct HashBitmap: Sendable {
    private var words = [UInt64](repeating: 0, count: 64)

    /// A screen for these hashes.
    init<S: Sequence>(_ hashes: S) where S.Element == UInt32 {
        for hash in hashes { words[Int((hash >> 6) & 63)] |= 1 << UInt64(hash & 63) }
    }

    /// Whether `hash` may be one of the screen's hashes (0, the hash of no ASCII token, never is).
    @inline(__always)
    func mayContain(_ hash: UInt32) -> Bool {
        hash != 0 && words[Int((hash >> 6) & 63)] & (1 << UInt64(hash & 63)) != 0
    }
}
