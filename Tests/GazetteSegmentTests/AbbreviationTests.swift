import GazetteSegment
import Testing

/// The byte test of abbreviations must answer as the string test does.
@Suite("Abbreviations on bytes")
struct AbbreviationTests {
    @Test func byteTestAgreesWithStringTest() {
        let words = ["Mr.", "mr.", "Messrs.", "U.S.", "U..S.", "J.", "j.", "U.S", ".", "..", "A.B", "AB.", "3.", "a.1.",
                     "z.g.a.n.", "said.", "year.", "approx.", "approxi.", "févr.", "déc.", "É.", "Ä.B.", "p.ex.", "e.g.",
                     "Inc.", "INC.", "", "x", "O'.", "St.", "Sept.", "Septe."]
        for language in ["en", "nl", "de", "fr"] {
            let list = Abbreviations.forLanguage(language)
            for word in words {
                var copy = word
                let byBytes = copy.withUTF8 { list.contains($0) }
                #expect(byBytes == list.contains(word), "\(word) in \(language)")
            }
        }
    }
}
