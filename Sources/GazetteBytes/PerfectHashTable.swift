/// A key of a `PerfectHashTable`: a fixed-width value with one value that marks an empty slot.
public protocol PerfectHashKey: Equatable, Sendable {
    /// The key of no entry, marking an empty slot; never stored or looked up.
    static var empty: Self { get }
    /// The key folded to 64 bits, before the table's multiplier is applied.
    var hashBits: UInt64 { get }
}

extension UInt64: PerfectHashKey {
    /// Zero: a key of packed bytes that are never zero (words packed by `PackedWord.pack`) is never 0.
    @inlinable public static var empty: UInt64 { 0 }
    /// The key itself.
    @inlinable public var hashBits: UInt64 { self }
}

/// A fixed set of fixed-width keys with values, each in a slot of its own: a lookup reads one slot and never
/// probes further (an open-addressing table whose multiplicative hash is chosen, when it is built, so that no
/// two keys share a slot).
///
/// For small sets looked up very often (stop words, trigger words): no probing loop, no branch on hit or miss
/// beyond the final compare. The table grows until a collision-free multiplier is found, so it is meant for
/// up to a few thousand keys. Reference: a `Dictionary` of the same pairs (`PerfectHashTableTests`).
public struct PerfectHashTable<Key: PerfectHashKey, Value: Sendable>: Sendable {
    @usableFromInline let keys: [Key]
    @usableFromInline let values: [Value?]
    @usableFromInline let multiplier: UInt64
    /// 64 minus the number of slot bits: the slot is the top bits of the product.
    @usableFromInline let shift: UInt64

    /// The table of `pairs`; a key listed twice keeps the value combined by `merge`. The table starts at
    /// 2^`minimumSlotBits` slots (at least four times the keys) and grows after every 64 multipliers tried.
    /// Inlinable, so that it is specialized for its key and value: the search for duplicate keys then compares
    /// keys directly (unspecialized, it cost a few million instructions per table, at the first lookup).
    @inlinable
    public init(_ pairs: [(Key, Value)], minimumSlotBits: Int = 4, merge: (Value, Value) -> Value) {
        var distinctKeys: [Key] = []
        var distinctValues: [Value] = []
        for (key, value) in pairs {
            precondition(key != Key.empty, "the empty key cannot be stored")
            if let index = distinctKeys.firstIndex(of: key) {
                distinctValues[index] = merge(distinctValues[index], value)
            } else {
                distinctKeys.append(key)
                distinctValues.append(value)
            }
        }
        var slotBits = UInt64(minimumSlotBits)
        while 1 << slotBits < 4 * distinctKeys.count { slotBits += 1 }
        var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var attempt: UInt64 = 0
        while true {
            var taken = [Bool](repeating: false, count: 1 << Int(slotBits))
            var collision = false
            for key in distinctKeys {
                let slot = Self.slot(of: key, multiplier: multiplier, shift: 64 - slotBits)
                if taken[slot] {
                    collision = true
                    break
                }
                taken[slot] = true
            }
            if !collision { break }
            attempt += 1
            if attempt % 64 == 0 { slotBits += 1 }
            multiplier = (0x9E37_79B9_7F4A_7C15 &* (attempt &* 2 &+ 1)) | 1
        }
        self.multiplier = multiplier
        shift = 64 - slotBits
        var keys = [Key](repeating: Key.empty, count: 1 << Int(slotBits))
        var values = [Value?](repeating: nil, count: 1 << Int(slotBits))
        for (key, value) in zip(distinctKeys, distinctValues) {
            let slot = Self.slot(of: key, multiplier: multiplier, shift: shift)
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
    }

    /// The number of slots.
    public var capacity: Int { keys.count }

    @inlinable @inline(__always)
    static func slot(of key: Key, multiplier: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key.hashBits &* multiplier) &>> shift)
    }

    /// The value of `key`, if the table holds it.
    @inlinable @inline(__always)
    public func value(_ key: Key) -> Value? {
        let slot = Self.slot(of: key, multiplier: multiplier, shift: shift)
        // Safety: the slot is the top (64 - shift) bits of a product, below 2^(64 - shift) = keys.count.
        let stored = keys.withUnsafeBufferPointer { $0[slot] }
        return stored == key ? values.withUnsafeBufferPointer { $0[slot] } : nil
    }
}

extension PerfectHashTable where Key == UInt64, Value: FixedWidthInteger {
    /// The value of `key`, or 0 when the table does not hold it, without a branch on hit or miss (which the text
    /// looked up cannot predict): for sets of bits such as a stop word's languages.
    @inlinable @inline(__always)
    public func valueOrZero(_ key: UInt64) -> Value {
        let slot = Self.slot(of: key, multiplier: multiplier, shift: shift)
        // Safety: the slot is below keys.count = values.count (see `value(_:)`).
        let difference = keys.withUnsafeBufferPointer { $0[slot] } ^ key
        // All ones when the slot holds the key, else 0; an empty slot's nil reads as 0 either way.
        let hit = Value(truncatingIfNeeded: ((difference | (0 &- difference)) &>> 63) ^ 1)
        return (values.withUnsafeBufferPointer { $0[slot] } ?? 0) & (0 &- hit)
    }
}
