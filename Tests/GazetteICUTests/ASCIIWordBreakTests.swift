@testable import GazetteICU
import GazetteTestSupport
import Testing

/// `ASCIIWordBreak` and `BreakIterator.forEachWord` against ICU's own word iterator.
@Suite("ASCII word break")
struct ASCIIWordBreakTests {
    /// The fast path's segments and raw statuses over a whole ASCII text.
    static func fastSegments(_ bytes: [UInt8]) -> [(start: Int, end: Int, status: Int32)] {
        var result: [(start: Int, end: Int, status: Int32)] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let text = buffer.baseAddress else { return }
            var position = 0
            while position < buffer.count {
                let (end, status) = ASCIIWordBreak.segment(in: text, from: position, limit: buffer.count)
                result.append((position, end, status))
                position = end
            }
        }
        return result
    }

    /// The first ASCII text on which the fast path and ICU differ, with both answers.
    static func firstMismatch(_ texts: some Sequence<[UInt8]>, _ iterator: BreakIterator) throws -> String? {
        for bytes in texts {
            let fast = fastSegments(bytes)
            let icu = try bytes.withUnsafeBufferPointer { buffer throws(ICUError) in try iterator.icuSegments(of: buffer) }
            if fast.map({ [$0.start, $0.end, Int($0.status)] }) != icu.map({ [$0.start, $0.end, Int($0.status)] }) {
                return "\(bytes): fast \(fast) icu \(icu)"
            }
        }
        return nil
    }

    /// Every string of each length over an alphabet.
    static func allStrings(over alphabet: [UInt8], length: Int) -> [[UInt8]] {
        var result: [[UInt8]] = [[]]
        for _ in 0..<length {
            result = result.flatMap { prefix in alphabet.map { prefix + [$0] } }
        }
        return result
    }

    @Test func fastPathIsUsedWithTheICUItWasCheckedAgainst() throws {
        // The rules were read off ICU 72; on another ICU the other tests here say what changed.
        #expect(try BreakIterator(kind: .word).asciiRulesApply == ICU.version.hasPrefix("72."))
        #expect(try !BreakIterator(kind: .word, locale: "fi").asciiRulesApply)
    }

    @Test func everyASCIIStringOfLengthUpToTwo() throws {
        let iterator = try BreakIterator(kind: .word)
        let bytes = (0..<128).map { UInt8($0) }
        #expect(try Self.firstMismatch(Self.allStrings(over: bytes, length: 1), iterator) == nil)
        #expect(try Self.firstMismatch(Self.allStrings(over: bytes, length: 2), iterator) == nil)
    }

    @Test func everyStringOfLengthThreeAndFourOverEachClass() throws {
        let iterator = try BreakIterator(kind: .word)
        let three = Array("aZ@1_.',;: \r\n\t\u{0B}\u{0C}-\"".utf8)
        #expect(try Self.firstMismatch(Self.allStrings(over: three, length: 3), iterator) == nil)
        let four = Array("a1_.,' \r\n:".utf8)
        #expect(try Self.firstMismatch(Self.allStrings(over: four, length: 4), iterator) == nil)
    }

    @Test func randomASCIIStrings() throws {
        let iterator = try BreakIterator(kind: .word)
        var random = SeededGenerator(seed: 29)
        let common = Array("ab1_.,;' \n".utf8)
        let texts = (0..<4000).map { _ in
            (0..<Int.random(in: 1...40, using: &random)).map { _ in
                Bool.random(using: &random) ? common.randomElement(using: &random)! : UInt8.random(in: 0..<128, using: &random)
            }
        }
        #expect(try Self.firstMismatch(texts, iterator) == nil)
    }

    /// `forEachWord` and ICU's `forEachSegment` on a text, with and without skipping spaces.
    static func agree(_ text: String, _ iterator: BreakIterator) throws -> Bool {
        var copy = text
        return try copy.withUTF8 { utf8 throws(ICUError) in
            for skipping in [false, true] {
                var fast: [[Int]] = []
                var icu: [[Int]] = []
                try iterator.forEachWord(in: utf8, skippingASCIISpaces: skipping) { fast.append([$0, $1, code($2)]) }
                try iterator.forEachSegment(in: utf8, skippingASCIISpaces: skipping) { icu.append([$0, $1, code($2)]) }
                if fast != icu { return false }
            }
            return true
        }
    }

    static func code(_ status: BreakIterator.WordStatus) -> Int {
        switch status {
        case .none: 0
        case .number: 1
        case .letter: 2
        case .kana: 3
        case .ideographic: 4
        }
    }

    static let mixedSentences = [
        "He said “no” to the café's 1.5% deal, didn’t he?",
        "Ärzte in Zürich and São Paulo met on 3/4, e.g. U.S. officials.",
        "e\u{301}tude and cafe\u{301} with combining marks; a\u{301}b and 1\u{301}2.",
        "東京 and 大阪 are cities; 東京タワー is a tower. ソウル 서울 กรุงเทพมหานคร ok.",
        "Emoji 🇺🇦 and 👩‍💻 and 👍🏽 then text.\u{200D}x a\u{200D}b",
        "Soft\u{AD}hyphen, no\u{A0}break space, line\u{2028}separator, next\u{85}line.",
        "Tab\tand\r\ncrlf\r\rcr\n\nlf\u{0B}vt\u{0C}ff   spaces  \u{301}",
        "\u{301}starts with a mark, ends with one\u{301}",
        "“Quoted.” ‘Single.’ «Guillemets» — dash – en dash … ellipsis",
        "John’s O’Neill rock’n’roll 1’000 a’1 1’a",
        "résumé résumé résumé " + String(repeating: "plain ascii words here ", count: 5) + "naïve",
        "@user_name #tag_1 a@b.c 3.14159 1,000,000 _under_ __init__",
        "Привет, мир! Γειά σου κόσμε. مرحبا بالعالم. שלום עולם. नमस्ते दुनिया।",
    ]

    @Test func mixedTextAgreesWithICU() throws {
        let iterator = try BreakIterator(kind: .word)
        for sentence in Self.mixedSentences {
            #expect(try Self.agree(sentence, iterator), "\(sentence)")
        }
    }

    @Test func randomMixedTextAgreesWithICU() throws {
        let iterator = try BreakIterator(kind: .word)
        var random = SeededGenerator(seed: 72)
        let pieces = ["a", "Z", "1", "_", ".", ",", "'", " ", " ", " ", "\n", "\r", "\t", ":", "-", "é", "\u{301}",
                      "\u{200D}", "’", "“", "東", "タ", "🇺", "👩", "\u{A0}", "\u{AD}", "ก", "서", "\u{2028}", "ß", "word",
                      "The quick brown fox jumps over the lazy dog 1.5 times, U.S. officials said on Monday. "]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(try Self.agree(text, iterator), "\(Array(text.unicodeScalars))")
        }
    }
}
