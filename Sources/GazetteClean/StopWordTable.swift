/// Stop words keyed by their bytes packed into a `UInt64`, in an open-addressing table, so an
/// ASCII word is looked up without building a `String`.
struct StopWordTable: Sendable {
    /// The longest word, in bytes, that is looked up; no stop word is longer.
    static let maximumWordLength = 6

    /// The byte as part of a word (ASCII letters lower-cased, non-ASCII bytes as they are), or 0
    /// when the byte separates words.
    @inline(__always)
    static func foldedWordByte(_ byte: UInt8) -> UInt8 {
        if byte >= 0x80 { return byte }
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") ? lower : 0
    }

    /// Packs a word's bytes, the first in the lowest byte; words have no zero bytes, so words
    /// of up to eight bytes have distinct keys.
    static func key(_ word: some Sequence<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for (index, byte) in word.enumerated() where index < 8 { key |= UInt64(byte) << (8 * UInt64(index)) }
        return key
    }

    /// The word packed in `key`, which must be well-formed UTF-8.
    static func word(_ key: UInt64) -> String {
        withUnsafeBytes(of: key.littleEndian) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    private var keys: [UInt64]
    private var bits: [UInt8]
    /// The hash multiplier and table size, chosen so that no two stop words share a slot.
    private let multiplier: UInt64
    private let slotBits: UInt64

    /// A table of `stopWords` (by language), each word's languages as bits in the order of `languages`.
    init(stopWords: [String: Set<String>], languages: [String]) {
        var languagesOfKey: [UInt64: UInt8] = [:]
        for (position, language) in languages.enumerated() {
            for word in stopWords[language] ?? [] {
                precondition(word.utf8.count <= Self.maximumWordLength, "stop word \(word) is too long to look up")
                languagesOfKey[Self.key(word.utf8), default: 0] |= 1 << position
            }
        }
        // Every word gets a slot of its own, so a lookup reads one slot and never probes further.
        var slotBits: UInt64 = 10
        var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var attempt: UInt64 = 0
        while true {
            let slots = Set(languagesOfKey.keys.map { Self.slot(of: $0, multiplier: multiplier, slotBits: slotBits) })
            if slots.count == languagesOfKey.count { break }
            attempt += 1
            if attempt % 64 == 0 { slotBits += 1 }
            multiplier = (0x9E37_79B9_7F4A_7C15 &* (attempt &* 2 &+ 1)) | 1
        }
        self.multiplier = multiplier
        self.slotBits = slotBits
        keys = Array(repeating: 0, count: 1 << Int(slotBits))
        bits = Array(repeating: 0, count: 1 << Int(slotBits))
        for (key, languages) in languagesOfKey {
            let slot = Self.slot(of: key, multiplier: multiplier, slotBits: slotBits)
            keys[slot] = key
            bits[slot] = languages
        }
    }

    @inline(__always)
    private static func slot(of key: UInt64, multiplier: UInt64, slotBits: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* multiplier) &>> (64 - slotBits))
    }

    /// The languages of the word packed in `key` as bits, or 0 when it is no stop word.
    @inline(__always)
    func languages(ofWord key: UInt64) -> UInt8 {
        let slot = Self.slot(of: key, multiplier: multiplier, slotBits: slotBits)
        // Without a branch on hit or miss, which text cannot predict: 0xFF when the slot holds the key, else 0.
        let difference = keys.withUnsafeBufferPointer { $0[slot] } ^ key
        let hit = UInt8(truncatingIfNeeded: ((difference | (0 &- difference)) &>> 63) ^ 1)
        return bits.withUnsafeBufferPointer { $0[slot] } & (0 &- hit)
    }
}
