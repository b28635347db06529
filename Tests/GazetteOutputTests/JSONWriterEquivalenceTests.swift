@testable import GazetteOutput
import Testing

/// The buffer-writing, word-at-a-time `JSONWriter` gives exactly what the byte-by-byte
/// reference below gives.
@Suite("JSON writer equivalence")
struct JSONWriterEquivalenceTests {
    /// A JSON string literal escaped one byte at a time, as `JSONWriter` did before it scanned words.
    static func referenceLiteral(_ value: String) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        let utf8 = Array(value.utf8)
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 {
                bytes += Array((utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 3
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case 0x0A: bytes += Array("\\n".utf8)
            case 0x0D: bytes += Array("\\r".utf8)
            case 0x09: bytes += Array("\\t".utf8)
            case 0..<0x20: bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\""))
        return bytes
    }

    func literal(_ value: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONWriter.appendString(value, to: &bytes)
        return bytes
    }

    @Test func everyControlCharacterAtEveryPositionOfAWord() {
        for byte in UInt8(0)..<0x80 {
            let character = String(UnicodeScalar(byte))
            for position in 0..<18 {
                let text = String(repeating: "a", count: position) + character + String(repeating: "b", count: 17 - position)
                #expect(literal(text) == Self.referenceLiteral(text), "byte \(byte) at \(position)")
            }
        }
    }

    @Test func randomTextWithEscapesAndMultiByteCharacters() {
        let pieces = [
            "plain", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}",
            "\u{202A}", "–", "—", "’", "€", "é", "😀", "👍🏽", "🇺🇦", "𝄞", "日本", "e\u{301}", "\u{FEFF}", "\u{85}", "longer words here",
        ]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<next(25) { text += pieces[next(pieces.count)] }
            #expect(literal(text) == Self.referenceLiteral(text), "\(text.unicodeScalars.map(\.value))")
        }
        #expect(literal("") == Array("\"\"".utf8))
        // A lone lead byte 0xE2 at the very end of a string cannot occur, but E2 80 at the end of a word can.
        #expect(literal("ab\u{2020}") == Self.referenceLiteral("ab\u{2020}"))
    }

    @Test func integersOfEveryLength() {
        var values = [0, 1, 9, 10, 11, 99, 100, 101, -1, -9, -10, -11, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        for value in values {
            var writer = JSONWriter()
            writer.beginArray()
            writer.intValue(value)
            writer.endArray()
            #expect(writer.output == "[\(value)]")
        }
    }

    @Test func numbersCommasAndNestingAsBefore() {
        var writer = JSONWriter(capacity: 1)
        writer.beginObject()
        writer.string("a", nil)
        writer.int("b", -12)
        writer.double("c", 0.75)
        writer.double("d", 3)
        writer.double("e", .infinity)
        writer.double("f", 1e20)
        writer.bool("g", true)
        writer.null("h")
        writer.beginArray("i")
        writer.beginArray()
        writer.endArray()
        writer.beginObject()
        writer.endObject()
        writer.spanValue(1, 22)
        writer.stringValue("x\u{2028}")
        writer.stringValue(nil)
        writer.endArray()
        writer.span("j", -3, 4)
        writer.beginObject("k\"")
        writer.field("l", "m")
        writer.field("n", 5)
        writer.field("o", span: 6, 7)
        writer.endObject()
        writer.endObject()
        let expected = #"{"a":null,"b":-12,"c":0.75,"d":3,"e":null,"f":1e+20,"g":true,"h":null,"i":[[],{},[1,22],"x\u2028",null],"j":[-3,4],"k\"":{"l":"m","n":5,"o":[6,7]}}"#
        #expect(writer.output == expected)
        #expect(writer.bytes == Array(expected.utf8))
    }

    @Test func copiesOfAWriterAreIndependent() {
        var first = JSONWriter(capacity: 4)
        first.beginArray()
        first.stringValue("shared")
        var second = first
        first.stringValue("first only, long enough to make the buffer grow")
        first.endArray()
        second.intValue(2)
        second.endArray()
        #expect(first.output == #"["shared","first only, long enough to make the buffer grow"]"#)
        #expect(second.output == #"["shared",2]"#)
    }
}
