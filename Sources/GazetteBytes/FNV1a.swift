/// The 64-bit FNV-1a hash (Fowler–Noll–Vo): a stable hash of a byte sequence, the same on every run and
/// platform, for fingerprints that are stored or compared across runs.
///
/// Reference: the published FNV-1a definition; `FNV1aTests` checks the published test vectors.
public struct FNV1a: Sendable, Equatable {
    /// The FNV-1a offset basis: the hash of no bytes.
    @inlinable public static var offsetBasis: UInt64 { 0xcbf2_9ce4_8422_2325 }
    /// The 64-bit FNV prime.
    @inlinable public static var prime: UInt64 { 0x100_0000_01b3 }

    /// The hash of the bytes added so far.
    public var value: UInt64 { state }
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of no bytes.
    @inlinable
    public init() {}

    /// Adds one byte.
    @inlinable @inline(__always)
    public mutating func add(_ byte: UInt8) { state = (state ^ UInt64(byte)) &* Self.prime }

    /// Adds the bytes of a sequence, in order.
    @inlinable
    public mutating func add(contentsOf bytes: some Sequence<UInt8>) {
        for byte in bytes { add(byte) }
    }

    /// The hash of a byte sequence.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(contentsOf: bytes)
        return hasher.value
    }
}
