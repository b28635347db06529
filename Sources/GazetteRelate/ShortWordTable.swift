/// A fixed set of short words (at most 15 UTF-8 bytes each), each with a value, looked up by the
/// bytes or scalars of a token without building a `String` and without hashing one.
///
/// Keys are the bytes packed into two integers together with their length; a probe is a multiply,
/// a shift and one or two integer comparisons.
struct ShortWordTable<Value: Sendable>: Sendable {
    /// The packed bytes of a word of at most `maxLength` bytes.
    struct Key: Equatable, Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        /// Packs `length` bytes produced by `byte(i)`; `nil` when the word is too long.
        @inline(__always)
        init?(length: Int, byte: (Int) -> UInt8) {
            guard length > 0, length <= ShortWordTable.maxLength else { return nil }
            for position in 0..<length {
                let value = UInt64(byte(position))
                if position < 8 { low |= value << (8 * UInt64(position)) } else { high |= value << (8 * UInt64(position - 8)) }
            }
            high |= UInt64(length) << 56
        }

        init?(_ word: String) {
            let bytes = Array(word.utf8)
            self.init(length: bytes.count) { bytes[$0] }
        }

        var hash: Int { Int(truncatingIfNeeded: ((low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) >> 32) }
    }

    /// The longest word the table can hold.
    static var maxLength: Int { 15 }

    private var keys: [Key?]
    private var values: [Value?]
    private let mask: Int

    /// A table of `words` with their values; a word listed twice keeps the value combined by `merge`.
    init(_ words: [(String, Value)], merge: (Value, Value) -> Value) {
        var capacity = 16
        while capacity < words.count * 4 { capacity *= 2 }
        keys = Array(repeating: nil, count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for (word, value) in words {
            guard let key = Key(word) else { preconditionFailure("\(word) is too long for a ShortWordTable") }
            var slot = key.hash & mask
            while let existing = keys[slot], existing != key { slot = (slot + 1) & mask }
            values[slot] = values[slot].map { merge($0, value) } ?? value
            keys[slot] = key
        }
    }

    /// The value of a packed word, if the table holds it.
    @inline(__always)
    func value(_ key: Key) -> Value? {
        var slot = key.hash & mask
        while let existing = keys[slot] {
            if existing == key { return values[slot] }
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

    /// Whether the table holds a packed word.
    @inline(__always)
    func contains(_ key: Key) -> Bool { value(key) != nil }
}
