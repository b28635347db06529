import Foundation
import GazetteOutput
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    func literal(_ value: String) -> String {
        var bytes: [UInt8] = []
        JSONWriter.appendString(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        #expect(literal(#"say "hi"\now"#) == #""say \"hi\"\\now""#)
        #expect(literal("a\nb\rc\td\u{01}e\u{1F}") == #""a\nb\rc\td\u0001e\u001f""#)
        #expect(literal("line\u{2028}para\u{2029}end") == #""line\u2028para\u2029end""#)
    }

    @Test func keepsOtherTextAsUTF8() {
        #expect(literal("Oekraïne – Зеленський 🇺🇦 €") == "\"Oekraïne – Зеленський 🇺🇦 €\"")
        // E2 80 xx that is not U+2028/U+2029 (an en dash is E2 80 93) stays as it is.
        #expect(literal("\u{2013}\u{2027}\u{202A}") == "\"\u{2013}\u{2027}\u{202A}\"")
        #expect(literal("") == "\"\"")
    }

    @Test func roundTripsThroughJSONSerialization() throws {
        let samples = ["plain", "quote \" and \\ back", "ctl \u{00}\u{07}\u{1B}", "mixed ï\u{2028}x\n"]
        for sample in samples {
            let text = "[" + literal(sample) + "]"
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
            #expect(parsed == [sample])
        }
    }
}
