import GazetteCore
import GazetteSegment
import Testing

@Suite("Segmentation")
struct SegmenterTests {
    func segmented(_ text: String, language: String? = "en") throws -> Document {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: language, text: text)
        try Segmenter().segment(&document)
        return document
    }

    func sentences(_ document: Document) -> [String] { document.sentences.map { document.text(of: $0) } }

    @Test func tokensCarryScalarOffsetsAndKinds() throws {
        let document = try segmented("Macron met 26 leaders, in Paris.")
        let tokens = document.tokens.map { (document.text(of: $0.span), $0.kind) }
        #expect(tokens.map(\.0) == ["Macron", "met", "26", "leaders", ",", "in", "Paris", "."])
        #expect(tokens.map(\.1) == [.word, .word, .number, .word, .punctuation, .word, .word, .punctuation])
    }

    /// Offsets are in Unicode scalars even where UTF-8 and UTF-16 lengths differ.
    @Test func offsetsStayRightAfterEmojiAndCombiningMarks() throws {
        let text = "🇺🇦 Zelensky and Cafe\u{301} İstanbul ﬁnance Straße"
        let document = try segmented(text)
        let words = document.tokens.filter { $0.kind == .word }.map { document.text(of: $0.span) }
        #expect(words == ["Zelensky", "and", "Cafe\u{301}", "İstanbul", "ﬁnance", "Straße"])
        let scalars = Array(text.unicodeScalars)
        for token in document.tokens {
            var slice = ""
            slice.unicodeScalars.append(contentsOf: scalars[token.span.start..<token.span.end])
            #expect(slice == document.text(of: token.span))
        }
    }

    @Test func englishAbbreviationsDoNotEndSentences() throws {
        let document = try segmented("Mr. Schoof met Gen. Smith in Sept. last year. The U.S. envoy agreed. Talks go on.")
        #expect(sentences(document) == ["Mr. Schoof met Gen. Smith in Sept. last year.", "The U.S. envoy agreed.", "Talks go on."])
    }

    @Test func dutchAbbreviationsDoNotEndSentences() throws {
        let document = try segmented("Volgens dhr. Schoof zijn o.a. Duitsland en bijv. Polen bereid. Mevr. Kallas zweeg.", language: "nl")
        #expect(sentences(document) == ["Volgens dhr. Schoof zijn o.a. Duitsland en bijv. Polen bereid.", "Mevr. Kallas zweeg."])
    }

    @Test func quotesAndQuestionsFollowNewsUsage() throws {
        let document = try segmented("\"Why now?\" he asked. \"We must!\" And he left (in Paris.) Then... Really?")
        #expect(sentences(document) == ["\"Why now?\" he asked.", "\"We must!\"", "And he left (in Paris.)", "Then...", "Really?"])
    }

    @Test func nonLatinTerminalPunctuationIsLeftToICU() throws {
        let document = try segmented("我们在北京。他们在上海。", language: "zh")
        #expect(sentences(document) == ["我们在北京。", "他们在上海。"])
    }

    @Test func decimalsAndInitialsDoNotEndSentences() throws {
        let document = try segmented("Growth was 1.5 pct in the U.K. last year, said J. Smith. Prices rose.")
        #expect(sentences(document) == ["Growth was 1.5 pct in the U.K. last year, said J. Smith.", "Prices rose."])
    }

    @Test func headlinesAndParagraphBreaksEndSentences() throws {
        let document = try segmented("Coalition Commits to Guarantees\n\nMacron spoke in Paris. Zelensky agreed\n\nNext paragraph")
        #expect(sentences(document) == ["Coalition Commits to Guarantees", "Macron spoke in Paris.", "Zelensky agreed", "Next paragraph"])
        #expect(document.tokens.last?.sentence == 3)
    }

    @Test func keysFoldCaseDiacriticsAndScript() throws {
        let normalizer = try KeyNormalizer()
        #expect(normalizer.key("Erdoğan") == normalizer.key("Erdogan"))
        #expect(normalizer.key("ZELENSKYY") == "zelenskyy")
        #expect(normalizer.key("Oekraïne") == "oekraine")
        #expect(normalizer.key("Straße") == "strasse")
        #expect(normalizer.key("İstanbul") == "istanbul")
        #expect(normalizer.key("d’Ivoire") == "d'ivoire")
    }

    @Test func emptyTextHasNoTokens() throws {
        let document = try segmented("")
        #expect(document.tokens.isEmpty && document.sentences.isEmpty)
    }
}
