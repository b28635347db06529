/// The matcher's vocabulary: normalised token keys to ids, looked up straight from UTF-8
/// bytes so that ASCII tokens (nearly all of them) need no string at all.
///
/// Open addressing over a power-of-two table of 8-byte slots (a 32-bit hash fingerprint and
/// the id), so a probe touches one cache line; the key bytes are compared only when the
/// fingerprint agrees.
struct VocabularyTable: Sendable {
    struct Slot: Sendable {
        var fingerprint: UInt32
        var id: Int32
    }

    private var slots: [Slot]
    /// One bit per 16-bit hash suffix: a clear bit means no key has that suffix, so most unknown
    /// tokens are answered from 8 KB that stay in the first-level cache, without a probe.
    private var filter = [UInt64](repeating: 0, count: 1024)
    /// Where each key's bytes are in `storage`: offset and length.
    private var extents: [(offset: Int32, length: Int32)] = []
    private var fullHashes: [UInt64] = []
    private var storage: [UInt8] = []
    private var mask: Int
    /// Number of keys.
    private(set) var count = 0
    /// Length in bytes of the longest key: longer tokens are not looked up.
    private(set) var maxLength = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(fingerprint: 0, id: -1), count: size)
        mask = size - 1
    }

    /// FNV-1a over bytes, ASCII letters folded to lower case on the fly.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, foldingASCII: Bool) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for var byte in bytes {
            if foldingASCII && byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// The id of a normalised key, adding it when new.
    mutating func insert(_ key: String) -> Int32 {
        if let existing = lookup(key) { return existing }
        let id = Int32(count)
        var copy = key
        copy.withUTF8 { bytes in
            extents.append((Int32(storage.count), Int32(bytes.count)))
            let hash = Self.hash(bytes, foldingASCII: false)
            fullHashes.append(hash)
            storage.append(contentsOf: bytes)
            maxLength = max(maxLength, bytes.count)
            let bit = Int(truncatingIfNeeded: hash >> 48)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        count += 1
        if count * 2 > slots.count { rehash(slots.count * 2) } else { place(id) }
        return id
    }

    private mutating func place(_ id: Int32) {
        let hash = fullHashes[Int(id)]
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].id >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(fingerprint: UInt32(truncatingIfNeeded: hash >> 32), id: id)
    }

    private mutating func rehash(_ size: Int) {
        slots = [Slot](repeating: Slot(fingerprint: 0, id: -1), count: size)
        mask = size - 1
        for id in 0..<count { place(Int32(id)) }
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
        return probe(bytes, hash: Self.hash(bytes, foldingASCII: foldingASCII), foldingASCII: foldingASCII)
    }

    /// The id of a token's bytes when they are ASCII (compared case-insensitively); `.some(nil)`
    /// when they are ASCII and unknown, nil when they are not ASCII. One pass hashes and checks.
    @inline(__always)
    func lookupASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32?? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for var byte in bytes {
            high |= byte
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        guard high < 0x80 else { return nil }
        guard bytes.count <= maxLength else { return .some(nil) }
        return .some(probe(bytes, hash: hash, foldingASCII: true))
    }

    @inline(__always)
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, foldingASCII: Bool) -> Int32? {
        let bit = Int(truncatingIfNeeded: hash >> 48)
        let present = filter.withUnsafeBufferPointer { $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
        guard present else { return nil }
        let fingerprint = UInt32(truncatingIfNeeded: hash >> 32)
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry.id < 0 { return nil }
                if entry.fingerprint == fingerprint && equal(Int(entry.id), bytes, foldingASCII) { return entry.id }
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
