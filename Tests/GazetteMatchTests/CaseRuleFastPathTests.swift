import GazetteCore
@testable import GazetteMatch
import GazetteSegment
import Testing

/// Case rules and name tests decided on the bytes of ASCII tokens must agree with the string versions.
@Suite("Matching: case rules on bytes")
struct CaseRuleFastPathTests {
    static let text = "US us Us U.S. EU NATO Nato nATO İstanbul ﬁnance Straße Cafe\u{301} A\u{345}b Ébert 🇺🇦 3rd 42 O'Brien "
        + "Jean-Paul Jean‐Paul a - b d’Ivoire K \u{212A} Ukraine's UKRAINE'S ukraine's Erdoğan's Macron’s x X Xi The Monday McDonald"

    /// `resolve` skips the geographic-noun and name tests after a place when the next word is
    /// ASCII without a capital: that needs every geographic noun to start with an ASCII capital.
    @Test func geographicNounsStartWithAnASCIICapital() {
        for noun in EntityMatcher.geographicNouns {
            #expect(noun.utf8.allSatisfy { $0 < 0x80 } && (0x41...0x5A).contains(noun.utf8.first ?? 0), "\(noun)")
        }
    }

    /// The surname lengths widened by possessive endings keep every word length the full test accepts.
    @Test func possessiveLengthsCoverEveryStemLength() {
        for stem in [1, 2, 5, 58, 59, 60, 61, 62, 63, 64, 80] {
            let widened = EntityMatcher.lengthsWithPossessive(1 << UInt64(min(stem, 63)))
            for suffix in [0, 2, 4] {
                #expect(widened & (1 << UInt64(min(stem + suffix, 63))) != 0, "\(stem) + \(suffix)")
            }
        }
    }

    /// The binary search `patternCoreference` starts from agrees with a linear scan.
    @Test func firstTokenAtOrAfterAnOffset() throws {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: "en", text: Self.text)
        try Segmenter().segment(&document)
        let tokens = document.tokens
        for offset in -1...(Self.text.unicodeScalars.count + 1) {
            let expected = tokens.firstIndex { $0.span.start >= offset } ?? tokens.count
            #expect(EntityMatcher.firstToken(startingAtOrAfter: offset, tokens) == expected, "\(offset)")
        }
        #expect(EntityMatcher.firstToken(startingAtOrAfter: 0, []) == 0)
    }

    @Test func nameWordsAndCapitalsAgreeWithStringTests() throws {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: "en", text: Self.text)
        try Segmenter().segment(&document)
        var copy = document.text
        copy.withUTF8 { buffer in
            let utf8 = buffer.span
            for (index, token) in document.tokens.enumerated() {
                let surface = EntityMatcher.surface(token, utf8)
                #expect(EntityMatcher.isNameWord(token, utf8) == EntityMatcher.isNameWord(surface), "\(surface)")
                #expect(EntityMatcher.startsUppercase(token, utf8) == (surface.first?.isUppercase ?? false), "\(surface)")
                let hyphen = surface == "-" || surface == "‐"
                let joining = hyphen && index > 0 && index + 1 < document.tokens.count && token.kind == .punctuation
                    && document.tokens[index - 1].utf8End == token.utf8Start && token.utf8End == document.tokens[index + 1].utf8Start
                    && document.tokens[index + 1].kind == .word
                #expect(EntityMatcher.isJoiningHyphen(at: index, document.tokens, utf8) == joining, "\(surface)")
            }
        }
    }

    @Test func byteDecisionsAgreeWithStringRules() throws {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: "en", text: Self.text)
        try Segmenter().segment(&document)
        let rules: [CaseRule] = [.any, .capitalized, .exact("US"), .exact("NATO"), .exact("K"), .exact("\u{212A}"),
                                 .exact("Ukraine"), .exact("UKRAINE"), .exact("İstanbul"), .exact("3rd")]
        var copy = document.text
        copy.withUTF8 { buffer in
            let utf8 = buffer.span
            for token in document.tokens {
                let possessive = EntityMatcher.possessiveSuffixLength(utf8, token.utf8Start..<token.utf8End, upperS: true) > 0
                for trimmed in possessive ? [false, true] : [false] {
                    var surface = EntityMatcher.surface(token, utf8)
                    if trimmed { surface = surface.dropLast(2) }
                    for rule in rules {
                        guard let decided = EntityMatcher.asciiAccepts(rule, token, utf8, trimmed: trimmed) else { continue }
                        #expect(decided == rule.accepts(surface), "\(rule) on \(surface)")
                    }
                }
            }
        }
    }
}
