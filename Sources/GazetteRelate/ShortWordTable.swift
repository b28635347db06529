import GazetteCore

/// A fixed set of short words (at most 15 UTF-8 bytes each), each with a value, looked up by the
/// bytes or scalars of a token without building a `String` and without hashing one.
///
/// A word is first screened by its first two bytes and length (one load and a bit test turn most
/// words away), then packed into two integers with its length and probed for in an open-addressing table.
struct ShortWordTable<Value: Sendable>: Sendable {
    /// The packed bytes of a word of at most `maxLength` bytes, its length in the top byte.
    struct Key: Equatable, Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        /// The key of no word, marking an empty slot.
        init() {}

        /// Packs `length` bytes produced by `byte(i)`; `nil` when the word is empty or too long.
        @inline(__always)
        init?(length: Int, byte: (Int) -> UInt8) {
            guard length > 0, length <= ShortWordTable.maxLength else { return nil }
            for position in 0..<min(length, 8) { low |= UInt64(byte(position)) << (8 * UInt64(position)) }
            if length > 8 {
                for position in 8..<length { high |= UInt64(byte(position)) << (8 * UInt64(position - 8)) }
            }
            high |= UInt64(length) << 56
        }

        /// Packs the UTF-8 bytes of a word; `nil` when it is empty or too long.
        init?(_ word: String) {
            let bytes = Array(word.utf8)
            self.init(length: bytes.count) { bytes[$0] }
        }

        /// Where the key's probe starts: the high bits of a multiplicative hash.
        @inline(__always)
        var hash: Int { Int(truncatingIfNeeded: ((low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) >> 32) }
    }

    /// A slot of the table: empty when its key's length is zero.
    private struct Slot: Sendable {
        var key = Key()
        var value: Value?
    }

    /// The longest word the table can hold.
    static var maxLength: Int { 15 }

    private var slots: [Slot]
    private let mask: Int
    /// For each `prefix` of the first two bytes, bit `n` is set when some word of `n` bytes has it.
    private var lengthsByPrefix: [UInt16]

    /// The low five bits of the first two bytes (of the first only, for a one-byte word): the same
    /// for upper and lower case, shared by a few other bytes (which only costs a probe).
    @inline(__always)
    static func prefix(length: Int, byte: (Int) -> UInt8) -> Int {
        Int(byte(0) & 0x1F) << 5 | (length > 1 ? Int(byte(1) & 0x1F) : 0)
    }

    /// A table of `words` with their values; a word listed twice keeps the value combined by `merge`.
    init(_ words: [(String, Value)], merge: (Value, Value) -> Value) {
        var capacity = 16
        while capacity < words.count * 4 { capacity *= 2 }
        slots = Array(repeating: Slot(), count: capacity)
        mask = capacity - 1
        lengthsByPrefix = Array(repeating: 0, count: 1024)
        for (word, value) in words {
            let bytes = Array(word.utf8)
            guard let key = Key(word) else { preconditionFailure("\(word) does not fit a ShortWordTable") }
            lengthsByPrefix[Self.prefix(length: bytes.count) { bytes[$0] }] |= 1 << UInt16(bytes.count)
            var slot = key.hash & mask
            while slots[slot].key.high != 0, slots[slot].key != key { slot = (slot + 1) & mask }
            slots[slot].value = slots[slot].value.map { merge($0, value) } ?? value
            slots[slot].key = key
        }
    }

    /// The value of the word whose `length` bytes `byte(i)` gives, if the table holds it.
    @inline(__always)
    func value(length: Int, byte: (Int) -> UInt8) -> Value? {
        guard length > 0, length <= Self.maxLength, lengthsByPrefix[Self.prefix(length: length, byte: byte)] & (1 << UInt16(length)) != 0,
            let key = Key(length: length, byte: byte)
        else { return nil }
        return value(key)
    }

    /// The value of a lower-cased word of a document's text, if the table holds it.
    @inline(__always)
    func value(_ word: DocumentText.LowercasedWord) -> Value? { value(length: word.count, byte: word.byte) }

    /// The value of a packed word, if the table holds it.
    @inline(__always)
    func value(_ key: Key) -> Value? {
        var slot = key.hash & mask
        while slots[slot].key.high != 0 {
            if slots[slot].key == key { return slots[slot].value }
            slot = (slot + 1) & mask
        }
        return nil
    }
}

extension ShortWordTable where Value == Bool {
    /// A plain set of words.
    init(_ words: some Sequence<String>) {
        self.init(words.map { ($0, true) }, merge: { $0 || $1 })
    }

    /// Whether the table holds the word whose `length` bytes `byte(i)` gives.
    @inline(__always)
    func contains(length: Int, byte: (Int) -> UInt8) -> Bool { value(length: length, byte: byte) != nil }

    /// Whether the table holds a lower-cased word of a document's text.
    @inline(__always)
    func contains(_ word: DocumentText.LowercasedWord) -> Bool { value(word) != nil }
}
