import Testing
@testable import GazetteMatch
import GazetteBytes
import GazetteSegment

/// The byte helpers rules use on a document's text (`Span<UInt8>`), each compared with a simple reference on
/// arrays and Strings over every range of a mixed ASCII and UTF-8 text.
@Suite struct TextBytesTests {
    static let texts = ["Ukraine's NATO", "Zürich’s \u{212A}elvin", "a", "", "İstanbul 3rd  MAY", "\u{FFFD}x\u{301}"]

    /// Every range of the bytes.
    static func ranges(_ count: Int) -> [Range<Int>] {
        (0...count).flatMap { start in (start...count).map { start..<$0 } }
    }

    @Test func stringsArraysAndASCIIMatchTheReference() {
        for text in Self.texts {
            let bytes = Array(text.utf8)
            let utf8 = text.utf8.span
            for range in Self.ranges(bytes.count) {
                let slice = Array(bytes[range])
                #expect(utf8.string(range) == String(decoding: slice, as: UTF8.self))
                #expect(utf8.array(range) == slice)
                #expect(utf8.isASCII(range) == slice.allSatisfy { $0 < 0x80 })
                let lowered = slice.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
                #expect(utf8.lowercasedASCIIString(range) == String(decoding: lowered, as: UTF8.self))
                // A method called on a span is evaluated before `#expect`, which cannot capture it.
                let equal = utf8.bytes(range, equal: slice)
                let longerEqual = utf8.bytes(range, equal: slice + [0x41])
                #expect(equal)
                #expect(!longerEqual)
            }
        }
    }

    @Test func staticStringComparisonMatchesTheReference() {
        let words: [StaticString] = ["NATO", "nato", "'s", "’s", "a", ""]
        for text in Self.texts {
            let bytes = Array(text.utf8)
            let utf8 = text.utf8.span
            for range in Self.ranges(bytes.count) {
                let slice = Array(bytes[range])
                for word in words {
                    let wordBytes = Array(word.description.utf8)
                    #expect(utf8.bytes(range, equal: word, foldingASCII: false) == (slice == wordBytes))
                    let folded = slice.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
                    #expect(utf8.bytes(range, equal: word, foldingASCII: true) == (folded == wordBytes))
                }
            }
        }
    }

    @Test func possessiveSuffixLengthMatchesTheReference() {
        for text in ["Ukraine's", "UKRAINE'S", "Zürich’s", "s", "'s", "’s", "x’s", "bus", "Witkoff’S"] {
            let bytes = Array(text.utf8)
            for upperS in [false, true] {
                var expected = 0
                let last = bytes.last.map { upperS ? $0 | 0x20 : $0 }
                if bytes.count > 2, last == UInt8(ascii: "s") {
                    if bytes[bytes.count - 2] == UInt8(ascii: "'") { expected = 2 }
                    else if bytes.count > 4, Array(bytes[(bytes.count - 4)..<(bytes.count - 1)]) == [0xE2, 0x80, 0x99] { expected = 4 }
                }
                #expect(EntityMatcher.possessiveSuffixLength(text.utf8.span, 0..<bytes.count, upperS: upperS) == expected, "\(text)")
            }
        }
    }

    @Test func keyHashOfBytesIsTheBufferHash() {
        for text in Self.texts {
            var copy = text
            let expected = copy.withUTF8 { KeyHash.of($0) }
            #expect(KeyHash.of(bytes: Array(text.utf8)) == expected)
        }
    }
}
