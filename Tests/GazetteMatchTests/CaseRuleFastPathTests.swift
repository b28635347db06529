import GazetteCore
@testable import GazetteMatch
import GazetteSegment
import Testing

/// Case rules decided on the bytes of ASCII tokens must agree with `CaseRule.accepts` on the string.
@Suite("Matching: case rules on bytes")
struct CaseRuleFastPathTests {
    @Test func byteDecisionsAgreeWithStringRules() throws {
        let text = "US us Us U.S. EU NATO Nato nATO İstanbul ﬁnance Straße Cafe\u{301} A\u{345}b 🇺🇦 3rd 42 O'Brien "
            + "Jean-Paul d’Ivoire K \u{212A} Ukraine's UKRAINE'S ukraine's Erdoğan's Macron’s x"
        var document = Document(id: "t", source: SourceLocator(path: "t", format: "text"), language: "en", text: text)
        try Segmenter().segment(&document)
        let rules: [CaseRule] = [.any, .capitalized, .exact("US"), .exact("NATO"), .exact("K"), .exact("\u{212A}"),
                                 .exact("Ukraine"), .exact("UKRAINE"), .exact("İstanbul"), .exact("3rd")]
        var copy = document.text
        copy.withUTF8 { utf8 in
            for token in document.tokens {
                let bytes = UnsafeBufferPointer(rebasing: utf8[token.utf8Start..<token.utf8End])
                let possessive = EntityMatcher.possessiveSuffixLength(bytes, upperS: true) > 0
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
