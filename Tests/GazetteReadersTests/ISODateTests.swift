@testable import GazetteReaders
import GazetteTestSupport
import Testing

/// The byte path for Reuters-21578 dates against the general rules it shortcuts.
@Suite("Dates: Reuters fast path")
struct ISODateTests {
    /// Reuters-like dates with values in and out of range, other month spellings and damage: wherever the
    /// byte path answers, the general rules give the same answer, and `normalise` gives it too.
    @Test func reutersBytesAgreeWithTheGeneralRules() {
        let months = ISODate.months + ["Feb", "feb", "FEX", "JU", "SEPT"]
        let damage = Array("0123456789-:. TZ+aA".utf8) + [0xC3, 0xA9]
        var generator = SeededGenerator(seed: 1987)
        var answered = 0
        for round in 0..<6_000 {
            func number(_ range: ClosedRange<Int>, width: Int) -> String {
                let text = String(Int.random(in: range, using: &generator))
                return Bool.random(using: &generator) ? String(repeating: "0", count: max(0, width - text.count)) + text : text
            }
            var text = number(0...35, width: 2) + "-" + months.randomElement(using: &generator)! + "-" + number(990...10_001, width: 4)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: break
            case 1: text += " " + number(0...26, width: 2) + ":" + number(0...62, width: 2)
            case 2: text += " " + number(0...26, width: 2) + ":" + number(0...62, width: 2) + ":" + number(0...63, width: 2)
            default:
                text += " " + number(0...26, width: 2) + ":" + number(0...62, width: 2) + ":" + number(0...63, width: 2) + "."
                    + number(0...999, width: 1)
            }
            var bytes = Array(text.utf8)
            if round % 3 == 0 {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = damage.randomElement(using: &generator)!
                case 1: bytes.remove(at: position)
                default: bytes.insert(damage.randomElement(using: &generator)!, at: position)
                }
            }
            guard let value = String(validating: bytes, as: UTF8.self) else { continue }
            guard let fast = ISODate.reutersDate(bytes) else { continue }
            answered += 1
            #expect(fast == ISODate.general(value), "\(value)")
            #expect(ISODate.normalise(value) == fast, "\(value)")
        }
        #expect(answered > 1_000)
    }
}
