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

    private static let slotBits: UInt64 = 8
    private var keys: [UInt64]
    private var bits: [UInt8]

    /// A table of `stopWords` (by language), each word's languages as bits in the order of `languages`.
    init(stopWords: [String: Set<String>], languages: [String]) {
        keys = Array(repeating: 0, count: 1 << Self.slotBits)
        bits = Array(repeating: 0, count: 1 << Self.slotBits)
        for (position, language) in languages.enumerated() {
            for word in stopWords[language] ?? [] {
                precondition(word.utf8.count <= Self.maximumWordLength, "stop word \(word) is too long to look up")
                let key = Self.key(word.utf8)
                var slot = Self.slot(of: key)
                while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
                keys[slot] = key
                bits[slot] |= 1 << position
            }
        }
    }

    @inline(__always)
    private static func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> (64 - slotBits))
    }

    /// The languages of the word packed in `key` as bits, or 0 when it is no stop word.
    @inline(__always)
    func languages(ofWord key: UInt64) -> UInt8 {
        var slot = Self.slot(of: key)
        while true {
            let stored = keys[slot]
            if stored == key { return bits[slot] }
            if stored == 0 { return 0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }
}
