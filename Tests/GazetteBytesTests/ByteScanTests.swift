import GazetteBytes
import GazetteTestSupport
import Testing

/// The scans against plain loops over single bytes, at every start, end and length up to 40 bytes and on
/// random texts.
@Suite("Byte scans")
struct ByteScanTests {
    /// Random texts of up to 80 bytes, biased to the bytes the scans look for.
    static var texts: [[UInt8]] {
        var generator = SeededGenerator(seed: 1919)
        let alphabet: [UInt8] = [0x00, 0x0A, 0x1F, 0x20, 0x22, 0x26, 0x41, 0x5C, 0x61, 0x7F, 0x80, 0xA9, 0xC3, 0xE2, 0xFF]
        return (0..<3_000).map { _ in
            let length = Int(generator.next() % 81)
            let rare = generator.next() % 4 == 0
            return (0..<length).map { _ in
                rare ? alphabet[Int(generator.next() % UInt64(alphabet.count))] : UInt8(ascii: "a") + UInt8(generator.next() % 26)
            }
        }
    }

    @Test func firstOffsetWhereAgreesWithTheLoop() {
        let tests: [(UInt64) -> UInt64] = [
            ByteWord.nonASCII, { ByteWord.equal($0, 0x26) | ByteWord.below($0, 0x20) },
            { ByteWord.equal($0, 0x22) | ByteWord.equal($0, 0x5C) | ByteWord.below($0, 0x20) | ByteWord.nonASCII($0) },
        ]
        let byteTests: [(UInt8) -> Bool] = [{ $0 >= 0x80 }, { $0 == 0x26 || $0 < 0x20 }, { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 >= 0x80 }]
        for text in Self.texts {
            text.withUnsafeBufferPointer { buffer in
                for (test, byteTest) in zip(tests, byteTests) {
                    for start in stride(from: 0, through: text.count, by: 3) {
                        for end in [start, min(text.count, start + 5), min(text.count, start + 8), text.count] {
                            let expected = (start..<end).first { byteTest(text[$0]) } ?? end
                            #expect(ByteScan.firstOffset(in: buffer, from: start, to: end, where: test) == expected)
                        }
                    }
                }
                #expect(ByteScan.firstNonASCII(in: buffer) == (text.firstIndex { $0 >= 0x80 } ?? text.count))
                #expect(ByteScan.isASCII(buffer) == text.allSatisfy { $0 < 0x80 })
                #expect(ByteScan.scalarCount(buffer) == text.count { $0 & 0xC0 != 0x80 })
                for byte: UInt8 in [0x0A, 0x22, 0xE2] {
                    for start in 0...text.count {
                        let expected = (start..<text.count).first { text[$0] == byte } ?? text.count
                        #expect(ByteScan.firstOffset(of: byte, in: buffer, from: start, to: text.count) == expected)
                    }
                }
            }
            #expect(ByteScan.isASCII(text.span) == text.allSatisfy { $0 < 0x80 })
            #expect(ByteScan.scalarCount(text.span) == text.count { $0 & 0xC0 != 0x80 })
        }
    }

    @Test func isASCIIAtEveryLengthAndPosition() {
        for length in 0...40 {
            let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(ascii.withUnsafeBufferPointer(ByteScan.isASCII), "\(length) ASCII bytes")
            for position in 0..<length {
                for high: UInt8 in [0x80, 0xC3, 0xFF] {
                    var bytes = ascii
                    bytes[position] = high
                    #expect(!bytes.withUnsafeBufferPointer(ByteScan.isASCII), "byte \(high) at \(position) of \(length)")
                    #expect(bytes.withUnsafeBufferPointer { ByteScan.firstNonASCII(in: $0) } == position)
                }
            }
        }
        #expect([UInt8(0x7F), 0x00, 0x0A].withUnsafeBufferPointer(ByteScan.isASCII))
    }

    @Test func emptyAndReversedRanges() {
        let text = Array("abc\"def".utf8)
        text.withUnsafeBufferPointer { buffer in
            #expect(ByteScan.firstOffset(of: 0x22, in: buffer, from: 5, to: 2) == 2)
            #expect(ByteScan.firstOffset(in: buffer, from: 5, to: 2, where: ByteWord.nonASCII) == 2)
            #expect(ByteScan.firstOffset(of: 0x22, in: buffer, from: 0, to: 3) == 3)
            #expect(ByteScan.firstOffset(of: 0x22, in: buffer) == 3)
        }
        [UInt8]().withUnsafeBufferPointer { empty in
            #expect(ByteScan.isASCII(empty))
            #expect(ByteScan.scalarCount(empty) == 0)
            #expect(ByteScan.firstNonASCII(in: empty) == 0)
        }
    }
}
