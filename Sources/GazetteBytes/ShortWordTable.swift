/// The bytes of a word of at most 15 bytes packed into two integers, with its length in the top byte: a key
/// compared and hashed without building a `String`.
public struct PackedWord: PerfectHashKey, Hashable {
    /// The longest word a key can hold.
    @inlinable public static var maxLength: Int { 15 }

    /// Bytes 0 to 7, the first in the lowest bits.
    public var low: UInt64 = 0
    /// Bytes 8 to 14, then the length in the top byte (0 only for `empty`).
    public var high: UInt64 = 0

    /// The key of no word, marking an empty slot.
    @inlinable public static var empty: PackedWord { PackedWord() }

    @inlinable
    init() {}

    /// Packs `length` bytes produced by `byte(i)`; nil when the word is empty or too long.
    @inlinable @inline(__always)
    public init?(length: Int, byte: (Int) -> UInt8) {
        guard length > 0, length <= Self.maxLength else { return nil }
        // Masking shifts (`&<<`; every shift here is below 64): the plain `<<` tests each byte's shift for an
        // overshift.
        for position in 0..<min(length, 8) { low |= UInt64(byte(position)) &<< UInt64(truncatingIfNeeded: 8 &* position) }
        if length > 8 {
            for position in 8..<length { high |= UInt64(byte(position)) &<< UInt64(truncatingIfNeeded: 8 &* (position &- 8)) }
        }
        high |= UInt64(length) << 56
    }

    /// Packs the UTF-8 bytes of a word; nil when it is empty or too long.
    public init?(_ word: String) {
        let bytes = Array(word.utf8)
        self.init(length: bytes.count) { bytes[$0] }
    }

    /// The key of a word of `length` bytes (1 to 8) already packed into `bytes`, the first byte in the lowest
    /// bits and the bytes past `length` zero.
    @inlinable @inline(__always)
    public init(packed bytes: UInt64, length: Int) {
        low = bytes
        high = UInt64(truncatingIfNeeded: length) << 56
    }

    /// Both halves folded together.
    @inlinable
    public var hashBits: UInt64 { low ^ (high &* 0xC2B2_AE3D_27D4_EB4F) }
}

/// A fixed set of short words (at most 15 UTF-8 bytes each), each with a value, looked up by the bytes of a
/// token without building a `String` and without hashing one.
///
/// A word is first screened by its first two bytes and length (one load and a bit test turn most words away),
/// then packed (`PackedWord`) and looked up in a `PerfectHashTable`: one slot read.
/// Reference: a `Dictionary` from `String` (`ShortWordTableTests`).
public struct ShortWordTable<Value: Sendable>: Sendable {
    /// The longest word the table can hold.
    public static var maxLength: Int { PackedWord.maxLength }

    @usableFromInline let table: PerfectHashTable<PackedWord, Value>
    /// For each `prefix` of the first two bytes, bit `n` is set when some word of `n` bytes has it.
    @usableFromInline let lengthsByPrefix: [UInt16]

    /// The low five bits of the first two bytes (of the first only, for a one-byte word): the same for upper
    /// and lower case, shared by a few other bytes (which only costs a lookup).
    @inlinable @inline(__always)
    static func prefix(length: Int, byte: (Int) -> UInt8) -> Int {
        Int(byte(0) & 0x1F) << 5 | (length > 1 ? Int(byte(1) & 0x1F) : 0)
    }

    /// A table of `words` with their values; a word listed twice keeps the value combined by `merge`.
    /// Inlinable, so that it and its `PerfectHashTable` are specialized for the value.
    @inlinable
    public init(_ words: [(String, Value)], merge: (Value, Value) -> Value) {
        var lengthsByPrefix = [UInt16](repeating: 0, count: 1024)
        var pairs: [(PackedWord, Value)] = []
        for (word, value) in words {
            let bytes = Array(word.utf8)
            guard let key = PackedWord(word) else { preconditionFailure("\(word) does not fit a ShortWordTable") }
            lengthsByPrefix[Self.prefix(length: bytes.count) { bytes[$0] }] |= 1 << UInt16(bytes.count)
            pairs.append((key, value))
        }
        self.lengthsByPrefix = lengthsByPrefix
        table = PerfectHashTable(pairs, merge: merge)
    }

    /// The value of the word whose `length` bytes `byte(i)` gives, if the table holds it.
    @inlinable @inline(__always)
    public func value(length: Int, byte: (Int) -> UInt8) -> Value? {
        guard length > 0, length <= Self.maxLength,
            lengthsByPrefix[Self.prefix(length: length, byte: byte)] & (1 << UInt16(length)) != 0,
            let key = PackedWord(length: length, byte: byte)
        else { return nil }
        return table.value(key)
    }

    /// The value of a packed word, if the table holds it.
    @inlinable @inline(__always)
    public func value(_ key: PackedWord) -> Value? { table.value(key) }
}

extension ShortWordTable where Value == Bool {
    /// A plain set of words.
    @inlinable
    public init(_ words: some Sequence<String>) {
        self.init(words.map { ($0, true) }, merge: { $0 || $1 })
    }

    /// Whether the table holds the word whose `length` bytes `byte(i)` gives.
    @inlinable @inline(__always)
    public func contains(length: Int, byte: (Int) -> UInt8) -> Bool { value(length: length, byte: byte) != nil }
}
