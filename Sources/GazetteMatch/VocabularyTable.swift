import GazetteBytes
import GazetteSegment

/// The matcher's vocabulary: normalised token keys to ids, looked up by `KeyHash`, which the
/// segmenter has already computed for ASCII tokens (nearly all of them), so that they need no
/// string and, when unknown, no second look at their bytes.
///
/// Open addressing over a power-of-two table of 8-byte slots (the 32-bit hash and the id), so a
/// probe touches one cache line; the key bytes are compared only when the hash agrees.
struct VocabularyTable: Sendable {
    struct Slot: Sendable {
        var hash: UInt32
        var id: Int32
    }

    private var slots: [Slot]
    /// The hashes of all keys: most unknown tokens are answered from it without a probe.
    private var filter = KeyHashFilter()
    /// Where each key's bytes are in `storage`: offset and length.
    private var extents: [(offset: Int32, length: Int32)] = []
    private var hashes: [UInt32] = []
    private var storage: [UInt8] = []
    private var mask: Int
    /// Number of keys.
    private(set) var count = 0
    /// Length in bytes of the longest key: longer tokens are not looked up.
    private(set) var maxLength = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(hash: 0, id: -1), count: size)
        mask = size - 1
    }

    /// The id of a normalised key, adding it when new.
    mutating func insert(_ key: String) -> Int32 {
        if let existing = lookup(key) { return existing }
        let id = Int32(count)
        var copy = key
        copy.withUTF8 { bytes in
            extents.append((Int32(storage.count), Int32(bytes.count)))
            let hash = KeyHash.of(bytes)
            hashes.append(hash)
            storage.append(contentsOf: bytes)
            maxLength = max(maxLength, bytes.count)
            filter.insert(hash)
        }
        count += 1
        if count * 2 > slots.count { rehash(slots.count * 2) } else { place(id) }
        return id
    }

    private mutating func place(_ id: Int32) {
        let hash = hashes[Int(id)]
        var slot = Int(hash) & mask
        while slots[slot].id >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(hash: hash, id: id)
    }

    private mutating func rehash(_ size: Int) {
        slots = [Slot](repeating: Slot(hash: 0, id: -1), count: size)
        mask = size - 1
        for id in 0..<count { place(Int32(id)) }
    }

    /// The `KeyHash` of the key with an id.
    func hash(of id: Int32) -> UInt32 { hashes[Int(id)] }

    /// The bytes of the key with an id.
    func key(of id: Int32) -> ArraySlice<UInt8> {
        let extent = extents[Int(id)]
        return storage[Int(extent.offset)..<Int(extent.offset + extent.length)]
    }

    /// The `KeyHash` of the key with an id followed by an ASCII possessive ending "'s": the hash
    /// of an ASCII token "Ukraine's" ("UKRAINE'S") when the key is "ukraine".
    func possessiveHash(of id: Int32) -> UInt32 {
        let key = key(of: id)
        // The bytes are put together on the stack: two arrays per key cost more than the hash.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: key.count + 2) { bytes in
            _ = bytes.initialize(from: key)
            bytes[key.count] = UInt8(ascii: "'")
            bytes[key.count + 1] = UInt8(ascii: "s")
            return KeyHash.of(UnsafeBufferPointer(bytes))
        }
    }

    /// The id of an already normalised key.
    func lookup(_ key: String) -> Int32? {
        var copy = key
        return copy.withUTF8 { lookup(bytes: $0, foldingASCII: false) }
    }

    /// The id of a token's bytes; with `foldingASCII` the bytes must be ASCII and are compared case-insensitively.
    @inline(__always)
    func lookup(bytes: UnsafeBufferPointer<UInt8>, foldingASCII: Bool) -> Int32? {
        guard bytes.count <= maxLength else { return nil }
        return probe(bytes, hash: KeyHash.of(bytes), foldingASCII: foldingASCII)
    }

    /// The id of an ASCII token's bytes whose `KeyHash` is known, compared case-insensitively.
    ///
    /// With `filtered` false the table is probed without asking `filter` first: for a token that already passed
    /// a filter of a subset of the keys (the gazetteer scan's root and edge filters) the answer is nearly always
    /// "maybe", and the extra memory read costs more than it saves.
    @inline(__always)
    func lookupASCII(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32, filtered: Bool = true) -> Int32? {
        guard bytes.count <= maxLength else { return nil }
        if !filtered { return probeTable(bytes, hash: hash, foldingASCII: true) }
        return probe(bytes, hash: hash, foldingASCII: true)
    }

    /// The id of a token's bytes when they are ASCII (compared case-insensitively); `.some(nil)`
    /// when they are ASCII and unknown, nil when they are not ASCII.
    @inline(__always)
    func lookupASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32?? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return .some(lookup(bytes: bytes, foldingASCII: true))
    }

    @inline(__always)
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32, foldingASCII: Bool) -> Int32? {
        guard filter.mayContain(hash) else { return nil }
        return probeTable(bytes, hash: hash, foldingASCII: foldingASCII)
    }

    @inline(__always)
    private func probeTable(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32, foldingASCII: Bool) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            var slot = Int(hash) & mask
            while true {
                let entry = slots[slot]
                if entry.id < 0 { return nil }
                if entry.hash == hash && equal(Int(entry.id), bytes, foldingASCII) { return entry.id }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private func equal(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ foldingASCII: Bool) -> Bool {
        let extent = extents[id]
        guard Int(extent.length) == bytes.count else { return false }
        let offset = Int(extent.offset)
        return storage.withUnsafeBufferPointer { storage in
            for index in 0..<bytes.count {
                var byte = bytes[index]
                if foldingASCII && byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                if storage[offset + index] != byte { return false }
            }
            return true
        }
    }
}
