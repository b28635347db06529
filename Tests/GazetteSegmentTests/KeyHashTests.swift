import GazetteBytes
import GazetteCore
import GazetteSegment
import Testing

/// The word-at-a-time ASCII hash the segmenter stores in tokens must agree with the byte-wise hash
/// the matcher's vocabulary is built with.
@Suite("Key hash")
struct KeyHashTests {
    func hash(_ text: String) -> UInt32 {
        var copy = text
        return copy.withUTF8 { KeyHash.of($0) }
    }

    func asciiHash(_ text: String, in context: String = "", at offset: Int = 0) -> UInt32 {
        var copy = context.isEmpty ? text : context
        let start = context.isEmpty ? 0 : offset
        return copy.withUTF8 { KeyHash.ascii(in: $0, from: start, to: start + text.utf8.count) }
    }

    @Test func asciiHashEqualsByteWiseHashAndFoldsCase() {
        for word in ["a", "US", "U.S", "NATO", "Nato", "nato", "eight888", "nine99999", "sixteen-bytes-16", "3rd", "O'Brien",
                     "Zelenskyy", "ZELENSKYY", "@[`{", "AZaz", ""] {
            #expect(asciiHash(word) == hash(word), "\(word)")
            #expect(hash(word) == hash(word.lowercased()), "\(word)")
            #expect(hash(word) != 0)
        }
        // Characters next to the letter range are not folded.
        #expect(hash("@") != hash("`"))
        #expect(hash("[") != hash("{"))
    }

    @Test func bytesAfterTheWordDoNotCount() {
        // The fast path reads 8 bytes at a time inside the text and must mask what follows the word.
        let context = "Macron met Erdogan in Ankara"
        #expect(asciiHash("Macron", in: context, at: 0) == hash("macron"))
        #expect(asciiHash("met", in: context, at: 7) == hash("met"))
        #expect(asciiHash("Ankara", in: context, at: 22) == hash("ankara"))
        #expect(asciiHash("in", in: context, at: 19) == hash("in"))
        // Eight bytes exactly, read in one chunk; nine, read in two.
        #expect(asciiHash("Zelensky", in: "big Zelensky met him", at: 4) == hash("zelensky"))
        #expect(asciiHash("Zelenskyy", in: "big Zelenskyy met him", at: 4) == hash("zelenskyy"))
        // A non-ASCII byte right after the word is masked off, one inside it is not.
        #expect(asciiHash("Cafe", in: "Cafe\u{301} noir", at: 0) == hash("cafe"))
        #expect(asciiHash("Caf\u{E9}", in: "Caf\u{E9} noir and more", at: 0) == 0)
    }

    @Test func nonASCIIWordsHaveNoASCIIHash() {
        for word in ["İstanbul", "ﬁnance", "Straße", "Cafe\u{301}", "Erdoğan", "🇺🇦", "d’Ivoire", "Oekraïne"] {
            #expect(asciiHash(word) == 0, "\(word)")
        }
    }

    @Test func segmenterStoresTheHashOfASCIITokens() throws {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: "text"), language: "en",
                                text: "NATO and Erdoğan met in İstanbul, 3rd time.")
        try Segmenter().segment(&document)
        var text = document.text
        text.withUTF8 { utf8 in
            for token in document.tokens {
                let bytes = UnsafeBufferPointer(rebasing: utf8[token.utf8Start..<token.utf8End])
                let ascii = bytes.allSatisfy { $0 < 0x80 }
                #expect(token.keyHash == (ascii ? KeyHash.of(bytes) : 0))
            }
        }
    }
}
