import GazetteBytes
@testable import GazetteClean
import GazetteCore
import GazetteTestSupport
import Testing

/// The byte-level plain-text cleaning gives exactly what the String-based `ReferenceCleaning` gives.
@Suite("Plain-text cleaning on bytes")
struct PlainTextEquivalenceTests {
    func raw(_ bytes: [UInt8], title: String? = nil) -> RawDocument {
        RawDocument(id: "doc", source: SourceLocator(path: "doc", format: "text"), format: .text, bytes: bytes, title: title)
    }

    /// Both cleanings of `raw`, as the document or the reject they give.
    func expectSameCleaning(_ raw: RawDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = Result { () throws(RejectReason) in try ReferenceCleaning.clean(raw) }
        let actual = Result { () throws(RejectReason) in try TextCleaner().clean(raw) }
        switch (expected, actual) {
        case (.success(let expected), .success(let actual)):
            #expect(actual.title == expected.title, sourceLocation: sourceLocation)
            #expect(Array(actual.text.utf8) == Array(expected.text.utf8), "\(raw.bytes)", sourceLocation: sourceLocation)
        case (.failure(let expected), .failure(let actual)):
            #expect(actual == expected, sourceLocation: sourceLocation)
        default:
            Issue.record("\(raw.bytes): expected \(expected), got \(actual)", sourceLocation: sourceLocation)
        }
    }

    @Test func utf8SequencesAreJudgedLikeTheStandardDecoder() {
        func decoderLength(_ bytes: [UInt8]) -> Int? {
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { return UTF8.width(scalar) }
            return nil
        }
        func validationLength(_ bytes: [UInt8]) -> Int? {
            bytes.withUnsafeBufferPointer { UTF8Validation.sequenceLength(at: $0.baseAddress!, end: $0.baseAddress! + $0.count) }
        }
        var mismatches: [[UInt8]] = []
        // Every lead and second byte (the second byte's valid range depends on the lead); beyond it only whether a
        // byte is a continuation byte matters, so the boundary values of each byte class stand for the rest.
        let boundaries: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        for lead in UInt8(0x80)...0xFF {
            for second in UInt8(0)...0xFF {
                let thirds: [UInt8] = lead >= 0xE0 ? boundaries : [0x41]
                for third in thirds {
                    for fourth in lead >= 0xF0 ? boundaries : [0x41] {
                        let bytes = [lead, second, third, fourth]
                        // The sequence and every truncation of it.
                        for count in 1...Whitespace.sequenceLength(lead: lead) {
                            let prefix = Array(bytes.prefix(count))
                            if validationLength(prefix) != decoderLength(prefix) { mismatches.append(prefix) }
                        }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func firstInvalidOffsetMatchesTheDecoderOnRandomBytes() {
        var generator = SeededGenerator(seed: 1)
        let fragments: [[UInt8]] = [
            Array("plain ASCII text ".utf8), Array("é".utf8), Array("😀".utf8), Array("€".utf8), [0xFF], [0xC3], [0xE2, 0x80],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0x80], [0xF0, 0x9F, 0x98], [0],
        ]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<12, using: &generator) {
                bytes += Int.random(in: 0..<4, using: &generator) == 0
                    ? fragments.randomElement(using: &generator)! : fragments[0]
            }
            #expect(TextCleaner.firstInvalidUTF8Offset(bytes[...]) == ReferenceCleaning.firstInvalidUTF8Offset(bytes[...]))
        }
    }

    @Test func whitespaceScalarsAreExactlyUnicodeWhiteSpaceAndC1ControlsAreDropped() {
        var wrong: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected: Whitespace.Role =
                scalar.properties.isWhitespace || value == 0x200B || value == 0xFEFF ? .space
                : value < 0xA0 ? .dropped : .text
            let utf8 = Array(String(scalar).utf8)
            let role = utf8.withUnsafeBufferPointer { Whitespace.role(ofScalarAt: $0.baseAddress!, length: $0.count) }
            if role != expected { wrong.append(value) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
        for byte in UInt8(0)..<0x80 {
            let expected: Whitespace.Role =
                byte == 0x0A ? .lineFeed : byte == 0x20 || (0x09...0x0D).contains(byte) ? .space
                : byte < 0x20 || byte == 0x7F ? .dropped : .text
            #expect(Whitespace.role(ofASCII: byte) == expected)
        }
    }

    @Test func collapseMatchesTheReference() {
        var generator = SeededGenerator(seed: 2)
        for _ in 0..<2000 {
            let text = TrickyText.make(words: Int.random(in: 0..<30, using: &generator), using: &generator)
            #expect(Whitespace.collapse(text) == ReferenceCleaning.collapse(text))
            let substring = text.dropFirst(Int.random(in: 0...min(3, text.count), using: &generator))
            #expect(Whitespace.collapse(substring) == ReferenceCleaning.collapse(substring))
        }
        #expect(Whitespace.collapse("\u{A0} a\u{2003}\u{2003}b \u{85}c\u{86}d\u{200B}") == "a b cd")
        #expect(Whitespace.collapse("") == "")
        #expect(Whitespace.collapse("\u{3000}\t\r\n") == "")
    }

    @Test func cleaningMatchesTheReferenceOnTrickyText() {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<3000 {
            let text = TrickyText.make(words: Int.random(in: 0..<40, using: &generator), using: &generator)
            var bytes = Array(text.utf8)
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: bytes = [0xEF, 0xBB, 0xBF] + bytes
            case 1 where !bytes.isEmpty:
                bytes.insert([0xFF, 0xC3, 0xED, 0x80].randomElement(using: &generator)!,
                             at: Int.random(in: 0...bytes.count, using: &generator))
            case 2: bytes = [0xEF, 0xBB, 0xBF, 0xFF] + bytes
            default: break
            }
            let firstLine = String(text.prefix { $0 != "\n" })
            let titles: [String?] = [nil, "", firstLine, ReferenceCleaning.collapse(firstLine), "Another title", "e\u{301}t\u{E9}"]
            expectSameCleaning(raw(bytes, title: titles.randomElement(using: &generator)!))
        }
    }

    @Test func cleaningMatchesTheReferenceOnLineStructures() {
        let texts = [
            "", "\n", "\n\n\n", " \t\r\n", "one", "one\n", "\none", "one\ntwo", "one\r\ntwo\r\n", "one\n\ntwo", "one\n \ntwo",
            "one\ntwo\n\nthree\nfour", "one\n\n\n\ntwo\n\n", "a\n\u{A0}\nb", "a\n\u{1}\nb", "a\u{1}b\n\u{7F}", "a\u{2028}b\u{2029}c",
            "  lead and trail  \n\n  x  ", "title\nbody one\nbody two", "title\n\nbody one\nbody two\n\nend",
            "\u{FEFF}bom inside\n\u{200B}", "😀\n\n👍🏽 🇳🇱", "e\u{301}\u{301}\n\n\u{301}", "a\u{0}b",
        ]
        for text in texts {
            for title in [nil, "", "one", "title", "Title", "x"] as [String?] {
                expectSameCleaning(raw(Array(text.utf8), title: title))
            }
        }
        expectSameCleaning(raw([0xEF, 0xBB, 0xBF]))
        expectSameCleaning(raw([0xEF, 0xBB, 0xBF, 0x41, 0xC3]))
        expectSameCleaning(raw([0x41, 0x00, 0xC3]))
        expectSameCleaning(raw(Array("Cafe\u{301} news\n\nbody".utf8), title: "Café news"))
    }

    @Test func paragraphsMatchTheReference() {
        var generator = SeededGenerator(seed: 4)
        for _ in 0..<1000 {
            let text = TrickyText.make(words: Int.random(in: 0..<40, using: &generator), using: &generator)
            #expect(TextCleaner.paragraphs(of: text) == ReferenceCleaning.paragraphs(of: text))
        }
    }

    @Test func languageGuessesMatchTheReference() {
        var generator = SeededGenerator(seed: 5)
        let guesser = LanguageGuesser()
        for _ in 0..<2000 {
            let text = TrickyText.make(words: Int.random(in: 0..<60, using: &generator), using: &generator)
            #expect(guesser.guess(text) == ReferenceCleaning.guessLanguage(text), "\(text)")
        }
        // Past the 2000-word limit: only the first 2000 words count.
        let long = String(repeating: "the ", count: 1990) + String(repeating: "het de een ", count: 400)
        #expect(guesser.guess(long) == ReferenceCleaning.guessLanguage(long))
        let boundary = String(repeating: "x ", count: 1998) + "de het"
        #expect(guesser.guess(boundary) == ReferenceCleaning.guessLanguage(boundary))
    }

    /// The eight-byte copy of `ParagraphLayout` takes exactly the blocks the byte loop would copy unchanged.
    @Test func plainRunsAreWhatTheByteLoopCopies() {
        func isPlainRun(_ bytes: [UInt8]) -> Bool {
            for (index, byte) in bytes.enumerated() {
                if byte == 0x20 {
                    guard index + 1 < bytes.count, bytes[index + 1] > 0x20, bytes[index + 1] < 0x7F else { return false }
                } else if byte <= 0x20 || byte >= 0x7F {
                    return false
                }
            }
            return true
        }
        let alphabet: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x20, 0x20, 0x21, 0x41, 0x61, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in alphabet.randomElement(using: &generator)! }
            let word = bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            #expect(ParagraphLayout.isPlainRun(word) == isPlainRun(bytes), "\(bytes)")
        }
        // Long ASCII lines with single and double spaces at every offset go through the eight-byte copy.
        for length in 1...40 {
            for gap in ["  ", " ", "\t", " \n", "\u{7F}", "é"] {
                let text = String(repeating: "w", count: length) + gap + String(repeating: "ab cd", count: 7) + gap + "end"
                #expect(TextCleaner.paragraphs(of: text) == ReferenceCleaning.paragraphs(of: text), "\(text)")
            }
        }
    }

    /// `LanguageGuesser.tally` finds words 64 bytes at a time: texts of every length around the block
    /// edges, words across them and past the word limit must count as the byte-by-byte reference does.
    @Test func stopWordTalliesMatchTheReference() {
        func expectSameTally(_ text: String) {
            var copy = text
            let tally = copy.withUTF8 { LanguageGuesser.tally($0) }
            let reference = ReferenceCleaning.tally(text)
            #expect([tally.counts.0, tally.counts.1, tally.counts.2, tally.counts.3] == reference.counts, "\(text)")
            #expect(tally.words == reference.words, "\(text)")
        }
        var generator = SeededGenerator(seed: 6)
        for _ in 0..<300 {
            expectSameTally(TrickyText.make(words: Int.random(in: 0..<400, using: &generator), using: &generator))
        }
        // Every length from 0 to 200 bytes, of ASCII words, separators and non-ASCII letters.
        let alphabet = Array("aAzZ@[`{ .,'\n-éSaid the De het ONE été".utf8)
        for length in 0...200 {
            for _ in 0..<5 {
                let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                expectSameTally(String(decoding: bytes, as: UTF8.self))
            }
        }
        expectSameTally(String(repeating: "the ", count: 2100))
        expectSameTally(String(repeating: "de", count: 40))
        expectSameTally(String(repeating: "x ", count: 1999) + "the")
    }

    /// The 64-bytes-at-a-time word test agrees with the byte test for every byte in every lane.
    @Test func wordByteBitsMatchTheByteTest() {
        for byte in 0...255 {
            for lane in 0..<8 {
                let word = UInt64(byte) << UInt64(8 * lane) | (lane == 0 ? 0 : 0x2020_2020_2020_2020 >> UInt64(64 - 8 * lane))
                let expected: UInt64 = StopWordTable.foldedWordByte(UInt8(byte)) != 0 ? 1 << UInt64(lane) : 0
                #expect(LanguageGuesser.wordByteBits(word) == expected, "byte \(byte) in lane \(lane)")
            }
        }
    }

    /// Each stop word is found with exactly its languages, and words that are no stop word are not.
    @Test func stopWordTableFindsItsWordsOnly() {
        let table = LanguageGuesser.table
        for (position, language) in LanguageGuesser.languages.enumerated() {
            for word in LanguageGuesser.stopWords[language]! where word.utf8.allSatisfy({ $0 < 0x80 }) {
                let bits = table.languages(ofWord: StopWordTable.key(word.utf8))
                #expect(bits & (1 << position) != 0, "\(word) in \(language)")
                let expected = LanguageGuesser.languages.indices.filter { LanguageGuesser.stopWords[LanguageGuesser.languages[$0]]!.contains(word) }
                    .reduce(UInt8(0)) { $0 | 1 << $1 }
                #expect(bits == expected, "\(word)")
            }
        }
        for word in ["thee", "th", "a", "x", "said", "zeid", "an", "de", "ins", "sagt", "abcdef", ""] {
            let isStopWord = LanguageGuesser.stopWords.values.contains { $0.contains(word) }
            #expect((table.languages(ofWord: StopWordTable.key(word.utf8)) != 0) == isStopWord, "\(word)")
        }
    }

    @Test func languagesOfNewsText() {
        let guesser = LanguageGuesser()
        let cases: [(String, String?)] = [
            ("The prime minister said on Monday that the government has no plans to raise taxes after the election.", "en"),
            ("De premier zei maandag dat het kabinet geen plannen heeft om de belastingen te verhogen na de verkiezingen.", "nl"),
            ("Der Kanzler sagte am Montag, dass die Regierung nicht die Steuern nach der Wahl erhöhen wird.", "de"),
            ("Le Premier ministre a déclaré lundi que le gouvernement ne prévoit pas de hausse des impôts selon les sources.", "fr"),
            ("Il a été élu et les députés ont voté pour la loi.", "fr"),
            ("Il a e\u{301}te\u{301} élu et les députés ont voté.", "fr"),
            ("THE PRIME MINISTER SAID THAT THE VOTE WAS CLOSE.", "en"),
            ("Macron Zelensky", nil),
            ("", nil),
            ("😀 👍🏽 日本 東京", nil),
            // A tie between English ("is", "in") and Dutch ("is", "en") goes to the first language alphabetically.
            ("is in is en", "en"),
        ]
        for (text, language) in cases {
            #expect(guesser.guess(text) == language, "\(text)")
            #expect(ReferenceCleaning.guessLanguage(text) == language, "\(text)")
        }
    }
}
