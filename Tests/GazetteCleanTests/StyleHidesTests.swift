@testable import GazetteClean
import GazetteTestSupport
import Testing

/// The byte-level reading of `style` attributes and script types must decide as the String reference does.
@Suite("Cleaning: hidden styles and script types")
struct StyleHidesTests {
    @Test(arguments: [
        "", "display:none", "DISPLAY: NONE", "display : none;", "color:red; display:none", "display:block",
        "display:\tnone", "visibility:hidden", "Visibility : Hidden", "visibility:visible", "display:nonE ", "dis play:none",
        "display:none\u{301}", "display: \u{301}none", "vİsibility:hidden", "ＤＩＳＰＬＡＹ:none", "display:nöne", "displaynone",
    ])
    func agreesWithTheReference(_ style: String) {
        #expect(Boilerplate.styleHides(style) == Boilerplate.referenceStyleHides(style), "\(style)")
    }

    @Test func agreesOnRandomStyles() {
        var generator = SeededGenerator(seed: 2030)
        let alphabet = Array("displayDISPLAYnoneNONEvisbthdV:; \t-é".unicodeScalars)
        for _ in 0..<5_000 {
            var value = String.UnicodeScalarView()
            // Start from a hiding declaration half of the time, then mutate it, so matches are common.
            if Bool.random(using: &generator) { value.append(contentsOf: "display : none".unicodeScalars) }
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                let scalar = alphabet.randomElement(using: &generator)!
                if value.isEmpty || Bool.random(using: &generator) {
                    value.append(scalar)
                } else {
                    let at = value.index(value.startIndex, offsetBy: Int.random(in: 0..<value.count, using: &generator))
                    value.replaceSubrange(at...at, with: [scalar])
                }
            }
            let text = String(value)
            #expect(Boilerplate.styleHides(text) == Boilerplate.referenceStyleHides(text), "\(text)")
        }
    }

    @Test func findsJSONLDScriptTypes() {
        #expect(Boilerplate.containsASCII("application/ld+json", "ld+json"))
        #expect(Boilerplate.containsASCII("Application/LD+JSON; charset=utf-8", "ld+json"))
        #expect(!Boilerplate.containsASCII("application/json", "ld+json"))
        #expect(!Boilerplate.containsASCII("", "ld+json"))
    }
}
