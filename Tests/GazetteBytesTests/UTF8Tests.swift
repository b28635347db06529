import GazetteBytes
import GazetteTestSupport
import Testing

/// Validation, repair and decoding against the standard library's UTF-8 decoder.
@Suite("UTF-8 validation, repair and decoding")
struct UTF8Tests {
    /// The standard decoder's verdict and repair (each maximal ill-formed subpart to one U+FFFD).
    static func reference(_ bytes: [UInt8]) -> (valid: Bool, repaired: [UInt8], replaced: Int) {
        var output: [UInt8] = []
        var replaced = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): UTF8.encode(scalar) { output.append($0) }
            case .error:
                output += [0xEF, 0xBF, 0xBD]
                replaced += 1
            case .emptyInput: break loop
            }
        }
        return (replaced == 0, output, replaced)
    }

    /// Random byte strings mixing ASCII, well-formed sequences and their broken pieces.
    static var inputs: [[UInt8]] {
        var generator = SeededGenerator(seed: 8)
        let pieces: [[UInt8]] = [
            Array("plain ascii text".utf8), [0x41], [0xC3, 0xA9], [0xE2, 0x80, 0x9C], [0xF0, 0x9F, 0x98, 0x80],
            [0xC3], [0xE2, 0x80], [0x80], [0xBF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF], [0xEF, 0xBF, 0xBD], [0xE0, 0xA0, 0x80], [0xF0, 0x90, 0x80, 0x80],
        ]
        return (0..<5_000).map { _ in
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
            return bytes
        }
    }

    @Test func validationAndRepairAgreeWithTheStandardDecoder() {
        for bytes in Self.inputs {
            let expected = Self.reference(bytes)
            let offset = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) }
            #expect((offset == nil) == expected.valid, "\(bytes)")
            if let offset {
                // The prefix before the first invalid byte is valid; the byte there starts no valid sequence.
                #expect(Self.reference(Array(bytes[..<offset])).valid)
                #expect(Self.reference(Array(bytes[offset...])).repaired.starts(with: [0xEF, 0xBF, 0xBD]))
            }
            #expect(UTF8Validation.isValid(bytes[...]) == expected.valid)
            let repaired = UTF8Repair.repair(bytes)
            #expect(repaired.bytes == expected.repaired && repaired.replaced == expected.replaced, "\(bytes)")
        }
    }

    @Test func decodingAgreesWithUnicodeScalars() {
        var generator = SeededGenerator(seed: 2028)
        let pieces = ["a", "Zürich", " ", "“", "😀", "日本", "abcdefghijkl", "\u{2028}", "é"]
        for _ in 0..<3_000 {
            let text = (0..<Int(generator.next() % 14)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(UTF8Decoding.scalars(of: text) == Array(text.unicodeScalars), "\(text)")
        }
    }
}
