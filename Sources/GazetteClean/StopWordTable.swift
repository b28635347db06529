import GazetteBytes

/// Stop words keyed by their bytes packed into a `UInt64` (a `PerfectHashTable`), so an ASCII word is looked
/// up without building a `String`.
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

    /// Each stop word's languages, by packed key: one slot read a lookup.
    private let table: PerfectHashTable<UInt64, UInt8>

    /// A table of `stopWords` (by language), each word's languages as bits in the order of `languages`.
    init(stopWords: [String: Set<String>], languages: [String]) {
        var pairs: [(UInt64, UInt8)] = []
        for (position, language) in languages.enumerated() {
            for word in (stopWords[language] ?? []).sorted() {
                precondition(word.utf8.count <= Self.maximumWordLength, "stop word \(word) is too long to look up")
                pairs.append((Self.key(word.utf8), 1 << position))
            }
        }
        table = PerfectHashTable(pairs, minimumSlotBits: 10, merge: { $0 | $1 })
    }

    /// The languages of the word packed in `key` as bits, or 0 when it is no stop word.
    @inline(__always)
    func languages(ofWord key: UInt64) -> UInt8 { table.value(key) ?? 0 }
}
