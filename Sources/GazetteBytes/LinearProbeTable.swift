/// A slot of a `LinearProbeTable`: the caller's key (or its hash) and value side by side, with one
/// value that marks a slot as empty.
public protocol ProbeSlot: Sendable {
    /// The slot value of an empty slot.
    static var empty: Self { get }
    /// Whether this slot holds nothing.
    var isEmpty: Bool { get }
}

/// An open-addressing hash table with linear probing over a power-of-two array of caller-defined
/// slots, at most half full, for tables too large for `PerfectHashTable` (tens of thousands of keys).
///
/// The caller supplies each key's hash and decides what a match is, so one table serves a slot of a
/// hash and an id whose key bytes live elsewhere (the matcher's vocabulary) as well as a slot holding its
/// whole key (the trie's edges). A lookup starts at `hash & mask` and reads consecutive slots until a
/// match or an empty slot: with the table at most half full that is one or two slots, usually in one
/// cache line.
public struct LinearProbeTable<Slot: ProbeSlot>: Sendable {
    @usableFromInline var slots: [Slot]
    /// The number of slots less one (the number is a power of two).
    @usableFromInline var mask: Int
    /// Number of slots filled (stored apart from `count` so that the inlinable `insert` may set it).
    @usableFromInline var filled = 0
    /// Number of slots filled.
    public var count: Int { filled }

    // `init`, `insert` and `place` are inlinable like `first`: the table is generic over its slot, and a
    // caller in another module would otherwise run them unspecialised, through witness tables and runtime
    // metadata look-ups (tens of millions of instructions when the matcher builds its tables at start-up).

    /// An empty table with room for `capacity` slots before it grows.
    @inlinable
    public init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: .empty, count: size)
        mask = size - 1
    }

    /// Adds a slot under a hash; the caller makes sure no equal slot is present already.
    /// `rehash` gives the hash of a slot already in the table, for when the table grows.
    @inlinable
    public mutating func insert(_ slot: Slot, hash: Int, rehash: (Slot) -> Int) {
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = [Slot](repeating: .empty, count: old.count * 2)
            mask = slots.count - 1
            for stored in old where !stored.isEmpty { place(stored, hash: rehash(stored)) }
        }
        place(slot, hash: hash)
        filled += 1
    }

    @inlinable
    mutating func place(_ slot: Slot, hash: Int) {
        var index = hash & mask
        while !slots[index].isEmpty { index = (index + 1) & mask }
        slots[index] = slot
    }

    /// The first slot from `hash` on that `matches` accepts, or nil at the first empty slot.
    @inlinable @inline(__always)
    public func first(hash: Int, where matches: (Slot) -> Bool) -> Slot? {
        let mask = mask
        // Safety: every index read is masked by `mask`, the array's size less one (a power of two), and the
        // array is never more than half full, so the probe meets an empty slot and ends.
        return slots.withUnsafeBufferPointer { slots in
            var index = hash & mask
            while true {
                let stored = slots[index]
                if stored.isEmpty { return nil }
                if matches(stored) { return stored }
                index = (index + 1) & mask
            }
        }
    }

    /// A plain reference lookup: every slot in probe order, bounds-checked, for tests.
    public func referenceFirst(hash: Int, where matches: (Slot) -> Bool) -> Slot? {
        for step in 0..<slots.count {
            let stored = slots[(hash + step) & mask]
            if stored.isEmpty { return nil }
            if matches(stored) { return stored }
        }
        return nil
    }
}
