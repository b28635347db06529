import Foundation
import GazetteBytes
import GazetteCore
@testable import GazetteMatch
import GazetteSegment
import Testing

/// Word lists screened on token hashes must answer as the `Set<String>` of their words, and the byte
/// comparisons of tokens with a word as the String comparisons they stand for.
@Suite("Matching: screened word lists")
struct TokenWordsTests {
    static let text = "In Lyon, the town of Tavildara said: MONDAY the Bank of Canada (and) in — Jr JR jr. Mr. Smith, "
        + "THE The tHe the\u{301} \u{212A}ing King K of OF Of ofs Süd Sud Noord à À À Presidency presidency "
        + "LONDON 1996-08-30, the U.S. İstanbul Straße Hernández's 'reigned' as ; \u{37E} - – — ― said SAYS says"

    /// Every list of the matcher, by name.
    static let lists: [(String, TokenWords)] = [
        ("notNames", EntityMatcher.notNames), ("nameParticles", EntityMatcher.nameParticles),
        ("appositionDeterminers", EntityMatcher.appositionDeterminers), ("givenNameLike", EntityMatcher.givenNameLike),
        ("geographicNouns", EntityMatcher.geographicNouns), ("months", EntityMatcher.months), ("dateWords", EntityMatcher.dateWords),
        ("locativeWords", PlaceContext.locativeWords), ("placeNamePrefixes", PlaceContext.placeNamePrefixes),
        ("placeNouns", PlaceContext.placeNouns), ("placeOfNouns", PlaceContext.placeOfNouns), ("eventNouns", PlaceContext.eventNouns),
        ("placeNameParticles", PlaceContext.nameParticles), ("nameOfWords", PlaceContext.nameOfWords),
        ("nameOfArticles", PlaceContext.nameOfArticles), ("stateWords", PlaceContext.stateWords),
        ("nameArticles", PlaceContext.nameArticles), ("speechCues", EntityMatcher.speechCues),
        ("namePrepositions", EntityMatcher.namePrepositions), ("institutionWords", EntityMatcher.institutionWords),
        ("titleLinks", EntityMatcher.titleLinks), ("leadershipNouns", EntityMatcher.leadershipNouns),
        ("leadershipDeterminers", EntityMatcher.leadershipDeterminers), ("honorifics", PersonNameShape.honorifics),
        ("abbreviatedHonorifics", PersonNameShape.abbreviatedHonorifics), ("generational", PersonNameShape.generational),
        ("regnal", PersonNameShape.regnal), ("reportingVerbs", EntityMatcher.reportingVerbs),
    ]

    static func segmented() throws -> Document {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: "text"), language: "en", text: text)
        try Segmenter().segment(&document)
        return document
    }

    /// The screen is exact only if no non-ASCII word equals an ASCII text ("\u{212A}" is "K").
    @Test func noNonASCIIWordNormalisesToASCII() {
        for (name, list) in Self.lists {
            for word in list where !word.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(!word.precomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 }, "\(name): \(word)")
                #expect(!word.decomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 }, "\(name): \(word)")
            }
        }
    }

    /// Screened lookups agree with the set of words, for the text's tokens and for every word of every
    /// list written in upper, lower and title case.
    @Test func screenedLookupsAgreeWithTheSet() throws {
        let document = try Self.segmented()
        var texts = document.tokens.map { (document.text, $0) }
        for (_, list) in Self.lists {
            for word in list {
                for variant in [word, word.uppercased(), word.lowercased(), word.capitalized] {
                    var one = Document(id: "w", source: SourceLocator(path: "w", format: "text"), language: "en", text: variant)
                    try Segmenter().segment(&one)
                    texts += one.tokens.map { (variant, $0) }
                }
            }
        }
        for (text, token) in texts {
            var copy = text
            copy.withUTF8 { utf8 in
                let surface = PersonNameShape.surface(token, utf8)
                for (name, list) in Self.lists {
                    #expect(list.contains(token, utf8) == list.words.contains(surface), "\(name): \(surface)")
                    #expect(list.containsLowercased(token, utf8) == list.words.contains(surface.lowercased()), "\(name): \(surface)")
                }
            }
        }
    }

    /// `isText` and `isTextIgnoringCase` agree with comparing Strings.
    @Test func byteComparisonsAgreeWithStrings() throws {
        let document = try Self.segmented()
        var copy = document.text
        copy.withUTF8 { utf8 in
            for token in document.tokens {
                let surface = PersonNameShape.surface(token, utf8)
                #expect(EntityMatcher.isText(token, utf8, ",") == (surface == ","), "\(surface)")
                #expect(EntityMatcher.isText(token, utf8, "of") == (surface == "of"), "\(surface)")
                #expect(EntityMatcher.isText(token, utf8, "K") == (surface == "K"), "\(surface)")
                #expect(EntityMatcher.isText(token, utf8, ";") == (surface == ";"), "\(surface)")
                #expect(EntityMatcher.isText(token, utf8, "—") == (surface == "—"), "\(surface)")
                #expect(EntityMatcher.isTextIgnoringCase(token, utf8, "the") == (surface.lowercased() == "the"), "\(surface)")
                #expect(EntityMatcher.isTextIgnoringCase(token, utf8, "king") == (surface.lowercased() == "king"), "\(surface)")
            }
        }
    }

    /// The dateline test on bytes agrees with the one on Characters.
    @Test func capitalsOnBytesAgreeWithCharacters() throws {
        for text in [Self.text, "A AB Ab 1A U.S. LYON Lyon É ÉCOLE École"] {
            var document = Document(id: "x", source: SourceLocator(path: "x", format: "text"), language: "en", text: text)
            try Segmenter().segment(&document)
            var copy = text
            copy.withUTF8 { utf8 in
                for token in document.tokens {
                    let surface = EntityMatcher.surface(token, utf8)
                    let expected = surface.count > 1 && surface.allSatisfy { !$0.isLetter || $0.isUppercase }
                    #expect(PlaceContext.isWrittenInCapitals(token, utf8) == expected, "\(surface)")
                }
            }
        }
    }
}

extension TokenWordsTests {
    /// The last two words found on the bytes are those of splitting the UTF-8 on spaces.
    @Test func lastTwoWordsAgreeWithSplit() {
        for text in ["", " ", "Witkoff", "Steve Witkoff", "  Arturo  Hernandez Grisanti ", "Erdoğan bin Salman", "a b c d"] {
            let words = text.utf8.split(separator: 0x20)
            let found = EntityMatcher.lastTwoWords(text)
            #expect(found.count == words.count, "\(text)")
            #expect(found.last == words.last.map(Array.init), "\(text)")
            #expect(found.beforeLast == (words.count >= 2 ? Array(words[words.count - 2]) : nil), "\(text)")
        }
    }
}

extension TokenWordsTests {
    /// The trimming shortcut of the trie builder agrees with `trimmingSpaces`.
    @Test func formTrimmingAgreesWithTrimmingSpaces() {
        let forms = ["", " ", "Lyon", " Lyon", "Lyon ", "\tLyon\n", "Salt Lake City", "\u{0600}1", "1\u{0600}", "\u{00A0}Gent",
                     "Gent\u{00A0}", "e\u{301}", "Côte d’Ivoire", "\u{1C}A\u{1F}", "A\r\n", "\u{7F}x", "x\u{2003}", "O'Brien", "-", "a-"]
        for form in forms {
            #expect(TrieBuilder.trimmed(form).utf8.elementsEqual(form.trimmingSpaces.utf8), "\(form.unicodeScalars.map(\.value))")
        }
    }
}

extension TokenWordsTests {
    /// The possessive hash put together on the stack is the hash of the key's bytes followed by "'s".
    @Test func possessiveHashIsTheHashOfTheKeyWithApostropheS() {
        var table = VocabularyTable()
        for key in ["ukraine", "a", "", "côte d'ivoire", "abcdefghijklmnopqrstuvwxyz", "x7"] {
            let id = table.insert(key)
            let expected = (Array(key.utf8) + Array("'s".utf8)).withUnsafeBufferPointer { KeyHash.of($0) }
            #expect(table.possessiveHash(of: id) == expected, "\(key)")
        }
    }
}
