import Foundation
import GazetteICU
import Testing

@Suite("ICU wrapper")
struct ICUTests {
    @Test func reportsTheSystemICUVersion() {
        let version = ICU.version
        #expect(version.split(separator: ".").count >= 2)
        #expect(Int(version.split(separator: ".")[0]) ?? 0 >= 60)
    }

    @Test func wordBreakGivesByteRangesAndStatus() throws {
        let iterator = try BreakIterator(kind: .word)
        let segments = try iterator.segments(of: "Zelensky met 35 leaders.")
        let words = segments.map { segment in
            (String(decoding: Array("Zelensky met 35 leaders.".utf8)[segment.start..<segment.end], as: UTF8.self), segment.status)
        }
        #expect(words.map(\.0) == ["Zelensky", " ", "met", " ", "35", " ", "leaders", "."])
        #expect(words.map(\.1) == [.letter, .none, .letter, .none, .number, .none, .letter, .none])
    }

    @Test func wordBreakOffsetsAreUTF8Bytes() throws {
        let text = "Oekraïne 🇺🇦 Київ"
        let segments = try BreakIterator(kind: .word).segments(of: text)
        #expect(segments.last?.end == text.utf8.count)
        #expect(segments.first.map { $0.end } == "Oekraïne".utf8.count)
    }

    @Test func englishSentenceBreakKeepsAbbreviations() throws {
        let text = "Mr. Schoof arrived in Sept. last year. He spoke."
        let plain = try BreakIterator(kind: .sentence, locale: "en").segments(of: text)
        let standard = try BreakIterator(kind: .sentence, locale: "en@ss=standard").segments(of: text)
        #expect(plain.count > standard.count)
        #expect(standard.count == 2)
    }

    @Test func nfkcCaseFolding() throws {
        #expect(try CaseFolding.nfkcCasefold("ZELENSKYY Ärzte ﬁ") == "zelenskyy ärzte fi")
        #expect(try CaseFolding.nfkcCasefold("Straße") == "strasse")
    }

    @Test func transliterationFoldsDiacriticsAndScripts() throws {
        let transliterator = try Transliterator(id: "Any-Latin; Latin-ASCII")
        #expect(try transliterator.apply("Sánchez Erdoğan Oekraïne") == "Sanchez Erdogan Oekraine")
        #expect(try transliterator.apply("Зеленський") == "Zelens'kij")
    }

    @Test func displayNamesFromCLDR() throws {
        #expect(try Regions.displayName(of: "UA", in: "en") == "Ukraine")
        #expect(try Regions.displayName(of: "UA", in: "nl") == "Oekraïne")
        #expect(try Regions.displayName(of: "FR", in: "nl") == "Frankrijk")
        #expect(Regions.alpha3("NL") == "NLD")
        #expect(Regions.isoCountryCodes.contains("NL"))
    }

    @Test func invalidTransliteratorIsATypedError() {
        #expect(throws: ICUError.self) { try Transliterator(id: "No-Such-Transform") }
    }

    /// Foundation carries its own ICU; linking the system one beside it must not break
    /// Foundation's locale-aware case mapping (see ../shared/notes).
    @Test func foundationCaseMappingStillWorks() {
        #expect("istanbul".uppercased(with: Locale(identifier: "tr")) == "İSTANBUL")
    }
}
