@testable import GazetteClean
import Testing

/// The byte-level split of class and id values must give the runs the Character-by-Character reference gives.
@Suite("Cleaning: class and id letter runs")
struct LetterRunsTests {
    @Test(arguments: [
        "", "-", "post-body main2", "entry_content  hentry", "a", "ab--cd__ef", "x1y2z3", "  lead  ", "Story-Body",
        "café-principal", "новости-текст", "日本語 main", "tab\there\nnext", "end-",
    ])
    func agreesWithTheReference(_ value: String) {
        #expect(Boilerplate.letterRuns(value) == Boilerplate.referenceLetterRuns(value))
    }

    @Test func agreesOnRandomASCII() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ09-_ .:/[]{}\t".unicodeScalars)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...24, using: &generator)
            var value = String.UnicodeScalarView()
            for _ in 0..<length { value.append(alphabet.randomElement(using: &generator)!) }
            let text = String(value)
            #expect(Boilerplate.letterRuns(text) == Boilerplate.referenceLetterRuns(text), "\(text)")
        }
    }
}
