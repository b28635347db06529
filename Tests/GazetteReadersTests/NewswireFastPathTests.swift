@testable import GazetteReaders
import GazetteTestSupport
import Testing

/// The byte paths of the Reuters reader against the straightforward code they replace (kept here as references).
@Suite("Newswire byte paths")
struct NewswireFastPathTests {
    /// `droppingControlReferences` one byte at a time, as it was written before it copied runs.
    static func referenceDropping(_ element: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var i = element.startIndex
        while i < element.endIndex {
            let byte = element[i]
            if byte == UInt8(ascii: "&"), i + 2 < element.endIndex, element[i + 1] == UInt8(ascii: "#") {
                var j = i + 2
                var value = 0
                while j < element.endIndex, (0x30...0x39).contains(element[j]), j - i < 8 {
                    value = value * 10 + Int(element[j] - 0x30)
                    j += 1
                }
                if j > i + 2, j < element.endIndex, element[j] == UInt8(ascii: ";"), value < 0x20,
                    value != 0x09, value != 0x0A, value != 0x0D
                {
                    i = j + 1
                    continue
                }
            }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                i += 1
                continue
            }
            output.append(byte)
            i += 1
        }
        return output
    }

    /// The first occurrence by comparing at every offset.
    static func referenceFind(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        var i = start
        while i + needle.count <= haystack.endIndex {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    @Test func controlReferencesAreDroppedAsByteByByte() {
        let pieces: [[UInt8]] = ["&#3;", "&#2;", "&#9;", "&#10;", "&#13;", "&#31;", "&#32;", "&#65;", "&#0003;", "&#12345678;",
                                 "&#;", "&#3", "&#x3;", "&amp;", "&lt;", "&", "#", ";", "text ", "longer run of plain text ", "é"]
            .map { Array($0.utf8) } + [[0x01], [0x03], [0x09], [0x0A], [0x0D], [0x1F], [0x7F], [0xFF]]
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<4_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            let cut = Int.random(in: 0...bytes.count, using: &generator)
            for slice in [bytes[...], bytes[cut...], bytes[..<cut]] {
                #expect(NewswireReader.droppingControlReferences(slice) == Self.referenceDropping(slice), "\(Array(slice))")
            }
        }
    }

    @Test func findAgreesWithComparingAtEveryOffset() {
        var generator = SeededGenerator(seed: 4)
        let alphabet = Array("<RE/UTERS> ".utf8)
        for _ in 0..<3_000 {
            let haystack = (0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let needle = Array([Array("<REUTERS".utf8), Array("</REUTERS>".utf8), Array("RR".utf8), Array("<".utf8),
                                Array("-->".utf8)].randomElement(using: &generator)!)
            let lower = Int.random(in: 0...haystack.count, using: &generator)
            let upper = Int.random(in: lower...haystack.count, using: &generator)
            let slice = haystack[lower..<upper]
            let start = Int.random(in: lower...upper, using: &generator)
            #expect(FormatDetector.find(needle, in: slice, from: start) == Self.referenceFind(needle, in: slice, from: start),
                    "\(String(decoding: slice, as: UTF8.self)) from \(start)")
        }
    }

    @Test func attributesByBytesAgreeWithTheCharacterSearch() {
        let pieces = [" NEWID=\"", "NEWID=\"", " NEWID=", " OLDID=\"5\"", "12", "\"", " ", "<REUTERS", "x", "\r\n", "é", "\u{301}", ">"]
        var generator = SeededGenerator(seed: 5)
        var answered = 0
        for _ in 0..<4_000 {
            var tag = ""
            for _ in 0..<Int.random(in: 0...10, using: &generator) { tag += pieces.randomElement(using: &generator)! }
            let bytes = Array(tag.utf8)[...]
            let general = NewswireReader.characterAttribute("NEWID", in: bytes)
            if let fast = NewswireReader.asciiAttribute("NEWID", in: bytes) {
                answered += 1
                #expect(fast == general, "\(tag.debugDescription)")
            }
            // In an element, the start tag ends at its first `>`.
            let element = Array((tag + ">rest").utf8)[...]
            let startTag = element[..<element.firstIndex(of: UInt8(ascii: ">"))!]
            #expect(NewswireReader.attribute("NEWID", in: element) == NewswireReader.characterAttribute("NEWID", in: startTag),
                    "\(tag.debugDescription)")
        }
        #expect(answered > 1_000)
    }

    @Test func joinedBytesAreTheJoinedString() {
        for paragraphs in [[], [""], ["one"], ["one", "two"], ["", "", "é"], ["a b", "c\n", "😀 d"]] as [[String]] {
            #expect(NewswireReader.joinedBytes(paragraphs) == Array(paragraphs.joined(separator: "\n\n").utf8))
        }
    }
}
