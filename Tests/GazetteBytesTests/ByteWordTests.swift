import GazetteBytes
import GazetteTestSupport
import Testing

/// Every `ByteWord` test against the same test on single bytes, on random words and on words of chosen bytes.
@Suite("Eight-byte word tests")
struct ByteWordTests {
    /// The mask a per-byte test gives: 0x80 in each byte that passes.
    static func reference(_ word: UInt64, _ test: (UInt8) -> Bool) -> UInt64 {
        var mask: UInt64 = 0
        for index in 0..<8 where test(UInt8(truncatingIfNeeded: word >> UInt64(8 * index))) {
            mask |= 0x80 << UInt64(8 * index)
        }
        return mask
    }

    /// Random words, and words mixing the bytes where the tests change (0x00, 0x1F, 0x20, 0x41, 0x5A, 0x7F, 0x80...).
    static var words: [UInt64] {
        var generator = SeededGenerator(seed: 19)
        var words: [UInt64] = (0..<20_000).map { _ in generator.next() }
        let edges: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x26, 0x40, 0x41, 0x5A, 0x5B, 0x5C,
            0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0x81, 0xBF, 0xC0, 0xE2, 0xFE, 0xFF]
        for _ in 0..<20_000 {
            var word: UInt64 = 0
            for index in 0..<8 { word |= UInt64(edges[Int(generator.next() % UInt64(edges.count))]) << UInt64(8 * index) }
            words.append(word)
        }
        return words
    }

    @Test func masksAgreeWithTheByteTests() {
        for word in Self.words {
            #expect(ByteWord.nonASCII(word) == Self.reference(word) { $0 >= 0x80 })
            #expect(ByteWord.zero(word) == Self.reference(word) { $0 == 0 })
            #expect(ByteWord.continuation(word) == Self.reference(word) { $0 & 0xC0 == 0x80 })
            #expect(ByteWord.asciiLetters(word) == Self.reference(word) { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
            for byte: UInt8 in [0x00, 0x20, 0x22, 0x26, 0x5C, 0x7F, 0x80, 0xE2, 0xFF] {
                #expect(ByteWord.equal(word, byte) == Self.reference(word) { $0 == byte })
            }
            for bound: UInt8 in [0x00, 0x01, 0x20, 0x41, 0x7F, 0x80] {
                #expect(ByteWord.below(word, bound) == Self.reference(word) { $0 < bound }, "\(bound)")
            }
            for (lower, upper): (UInt8, UInt8) in [(0x41, 0x5A), (0x61, 0x7A), (0x30, 0x39), (0x00, 0x7F), (0x20, 0x20)] {
                #expect(ByteWord.inRange(word, lower, upper) == Self.reference(word) { (lower...upper).contains($0) })
            }
        }
    }

    /// The first-match variants: the lowest mark is the reference's lowest, and there is one exactly when the
    /// reference has one.
    @Test func firstMatchMasksAgreeInTheirLowestMark() {
        func lowest(_ mask: UInt64) -> Int { mask == 0 ? 8 : ByteWord.firstByte(of: mask) }
        for word in Self.words {
            for byte: UInt8 in [0x00, 0x20, 0x22, 0x26, 0x5C, 0x7F, 0x80, 0xE2, 0xFF] {
                #expect(lowest(ByteWord.firstEqual(word, byte)) == lowest(Self.reference(word) { $0 == byte }))
            }
            for bound: UInt8 in [0x01, 0x20, 0x41, 0x7F, 0x80] {
                #expect(lowest(ByteWord.firstBelow(word, bound)) == lowest(Self.reference(word) { $0 < bound }), "\(bound)")
            }
        }
    }

    @Test func caseFoldingAgreesWithTheByteFolding() {
        for word in Self.words {
            var lowered: UInt64 = 0
            var caseBit: UInt64 = 0
            for index in 0..<8 {
                let byte = UInt8(truncatingIfNeeded: word >> UInt64(8 * index))
                lowered |= UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) << UInt64(8 * index)
                caseBit |= UInt64(byte < 0x80 ? byte | 0x20 : byte) << UInt64(8 * index)
            }
            #expect(ByteWord.lowercasedASCII(word) == lowered)
            #expect(ByteWord.settingASCIICaseBit(word) == caseBit)
        }
    }

    @Test func gatherMarksPutsByteIInBitI() {
        for word in Self.words {
            let mask = ByteWord.nonASCII(word)
            var expected: UInt64 = 0
            for index in 0..<8 where mask >> UInt64(8 * index + 7) & 1 == 1 { expected |= 1 << UInt64(index) }
            #expect(ByteWord.gatherMarks(mask) == expected)
        }
    }

    @Test func firstByteAndPrefix() {
        for index in 0..<8 {
            #expect(ByteWord.firstByte(of: 0x80 << UInt64(8 * index) | 0x8000_0000_0000_0000) == index)
        }
        #expect(ByteWord.prefix(0x1122_3344_5566_7788, count: 3) == 0x66_7788)
        #expect(ByteWord.prefix(0x1122_3344_5566_7788, count: 8) == 0x1122_3344_5566_7788)
        #expect(ByteWord.prefix(0x1122_3344_5566_7788, count: 1) == 0x88)
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        bytes.withUnsafeBytes { #expect(ByteWord.load($0.baseAddress!, at: 1) == 0x0908_0706_0504_0302) }
    }
}
