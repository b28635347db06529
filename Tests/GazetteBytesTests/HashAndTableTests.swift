import GazetteBytes
import GazetteTestSupport
import Testing

/// FNV-1a on its published vectors, KeyHash's fast path against its byte-at-a-time form, and the tables
/// against dictionaries.
@Suite("Hashes and word tables")
struct HashAndTableTests {
    @Test func fnv1aPublishedVectors() {
        #expect(FNV1a.hash([UInt8]()) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
        var hasher = FNV1a()
        hasher.add(contentsOf: Array("foo".utf8))
        hasher.add(contentsOf: "bar".utf8)
        #expect(hasher.value == FNV1a.hash("foobar".utf8))
    }

    @Test func keyHashASCIIPathAgreesWithTheBytePath() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<5_000 {
            let length = Int(generator.next() % 30)
            let padded = (0..<(length + 12)).map { _ in UInt8(0x20 + generator.next() % 0x60) }
            padded.withUnsafeBufferPointer { text in
                let start = Int(generator.next() % 6)
                let end = start + length
                let expected = KeyHash.of(UnsafeBufferPointer(rebasing: text[start..<end]))
                #expect(KeyHash.ascii(in: text, from: start, to: end) == expected)
                // The same bytes at the very end of a text (no read past the end).
                let tail = UnsafeBufferPointer(rebasing: text[..<end])
                #expect(KeyHash.ascii(in: tail, from: start, to: end) == expected)
            }
        }
        let upper = Array("NATO".utf8), lower = Array("nato".utf8)
        #expect(upper.withUnsafeBufferPointer(KeyHash.of) == lower.withUnsafeBufferPointer(KeyHash.of))
        #expect(Array("caf\u{E9}".utf8).withUnsafeBufferPointer { KeyHash.ascii(in: $0, from: 0, to: $0.count) } == 0)
    }

    @Test func perfectHashTableAgreesWithADictionary() {
        var generator = SeededGenerator(seed: 77)
        for size in [0, 1, 5, 60, 400] {
            var dictionary: [UInt64: UInt8] = [:]
            var pairs: [(UInt64, UInt8)] = []
            for _ in 0..<size {
                let key = generator.next() % 5_000 + 1
                let value = UInt8(truncatingIfNeeded: generator.next())
                pairs.append((key, value))
                dictionary[key, default: 0] |= value
            }
            let table = PerfectHashTable(pairs, merge: { $0 | $1 })
            for key: UInt64 in 1...5_100 { #expect(table.value(key) == dictionary[key]) }
        }
    }

    @Test func shortWordTableAgreesWithADictionary() {
        var generator = SeededGenerator(seed: 12)
        let letters = Array("abcdeÉé'-".utf8)
        func word() -> [UInt8] { (0..<Int(1 + generator.next() % 15)).map { _ in letters[Int(generator.next() % UInt64(letters.count))] } }
        var dictionary: [[UInt8]: Int] = [:]
        var words: [(String, Int)] = []
        for index in 0..<300 {
            let bytes = word()
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            words.append((text, index))
            dictionary[bytes, default: 0] += index
        }
        let table = ShortWordTable(words, merge: +)
        for (bytes, value) in dictionary {
            #expect(table.value(length: bytes.count) { bytes[$0] } == value)
        }
        for _ in 0..<5_000 {
            let bytes = word()
            #expect(table.value(length: bytes.count) { bytes[$0] } == dictionary[bytes])
        }
        #expect(table.value(length: 16) { _ in 0x61 } == nil)
        #expect(table.value(length: 0) { _ in 0x61 } == nil)
        let set = ShortWordTable(["said", "says", "told"])
        #expect(set.contains(length: 4) { Array("said".utf8)[$0] })
        #expect(!set.contains(length: 4) { Array("Said".utf8)[$0] })
        let packed = PackedWord(packed: UInt64(0x64_6961_73), length: 4)
        #expect(set.value(packed) == true && PackedWord("said") == packed)
    }
}
