@testable import GazetteReaders
import GazetteTestSupport
import Testing

/// The byte-level newswire text helpers must give what the Character-level ones give, on every ASCII text.
@Suite("ASCII text fast paths")
struct ASCIITextTests {
    @Test func paragraphsAndCollapseMatchTheCharacterLevelCode() {
        let alphabet: [Character] = ["a", "B", "7", ".", " ", " ", "\n", "\n", "\r", "\r\n", "\t", "\u{0B}", "\u{0C}", "\u{1F}", "-"]
        var generator = SeededGenerator(seed: 87)
        for _ in 0..<3_000 {
            let text = String((0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(NewswireReader.asciiParagraphs(text) == NewswireReader.characterParagraphs(text), "\(text.debugDescription)")
            #expect(ASCIIText.collapsed(text) == text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "),
                    "\(text.debugDescription)")
        }
        for text in ["Reuter\n", "  Paragraph one\nwraps here.\n    Two\n\nReuter\n\u{3}", "\n\n", ""] {
            #expect(NewswireReader.asciiParagraphs(text) == NewswireReader.characterParagraphs(text))
        }
        // Longer lines of words, mostly one space apart, so whole lines take the word-at-a-time path.
        let words = ["alpha", "Reuters", "x", "mln", "dlrs,", "1987/88", "consignment.", "!", "a!", "Comissaria"]
        let separators = [" ", " ", " ", " ", " ", "  ", "\t", " \t", "\n", "\n    ", "\r\n", " \n", "\n\n", "\u{0B}", "\u{1F}"]
        for _ in 0..<2_000 {
            var text = Bool.random(using: &generator) ? "" : "  "
            for _ in 0..<Int.random(in: 0...80, using: &generator) {
                text += words.randomElement(using: &generator)! + separators.randomElement(using: &generator)!
            }
            #expect(NewswireReader.asciiParagraphs(text) == NewswireReader.characterParagraphs(text), "\(text.debugDescription)")
        }
        #expect(NewswireReader.asciiParagraphs("café") == nil)
        #expect(ASCIIText.collapsed("a\u{A0}b") == nil)
        #expect(NewswireReader.paragraphs("  One\nline.\n    Two.\n  Reuter\n") == ["One line.", "Two."])
    }
}
