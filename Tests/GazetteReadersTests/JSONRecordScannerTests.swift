import Foundation
@testable import GazetteReaders
import GazetteTestSupport
import Testing

/// The JSONL fast path may only answer where `JSONSerialization` would give the same fields.
@Suite("JSONL record scanner")
struct JSONRecordScannerTests {
    let scanner = JSONRecordScanner(wanted: ["id", "title", "text", "date"])

    /// What the general parser makes of the wanted fields, in the scanner's terms; nil when it is not an object.
    func general(_ line: String) -> [String: JSONRecordScanner.Value]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        var fields: [String: JSONRecordScanner.Value] = [:]
        for name in scanner.wanted.map({ String(decoding: $0, as: UTF8.self) }) {
            guard let value = object[name] else { continue }
            if value is NSNull {
                fields[name] = .null
            } else if let text = value as? String {
                fields[name] = .string(text)
            } else if value is NSNumber, !(value is Bool) {
                Issue.record("the scanner must leave numbers in wanted fields to the general parser")
            } else {
                fields[name] = .other
            }
        }
        return fields
    }

    func scan(_ line: String) -> [String: JSONRecordScanner.Value]? { scanner.scan(Array(line.utf8)[...]).map(byName) }

    /// The scanner's answer keyed by field name, like the general parser's.
    func byName(_ values: [JSONRecordScanner.Value?]) -> [String: JSONRecordScanner.Value] {
        var fields: [String: JSONRecordScanner.Value] = [:]
        for (slot, value) in values.enumerated() {
            if let value { fields[String(decoding: scanner.wanted[slot], as: UTF8.self)] = value }
        }
        return fields
    }

    @Test func simpleRecordsAreReadLikeTheGeneralParserReadsThem() {
        let lines = [
            #"{"id": "a-1", "newid": 1, "oldid": 5544, "title": "BAHIA", "text": "Showers\n\tcontinued \"here\" \/ \\ done", "topics": ["cocoa", {"x": [1, 2.5, -0, true, false, null]}]}"#,
            #"{}"#,
            #"  {"text":"é ü 日本 😀"}  "#,
            #"{"text": "\u00e9\u65e5\ud83d\ude00\u0041"}"#,
            #"{"id": null, "title": true, "text": ["a"], "date": {"d": 1}}"#,
            #"{"other": "\ud83d\ude00", "text": "b\b\f\r"}"#,
            "{\"text\":\"x\"}\r",
            #"{"Text": "case matters", "text": ""}"#,
        ]
        for line in lines {
            let scanned = scan(line)
            #expect(scanned != nil, "\(line)")
            #expect(scanned == general(line), "\(line)")
        }
    }

    @Test func unusualRecordsAreLeftToTheGeneralParser() {
        let lines = [
            #"["not", "an", "object"]"#,
            #""text""#,
            #"{"id": 12, "text": "a number id is formatted by the general parser"}"#,
            #"{"text": "a", "text": "b"}"#,
            #"{"te\u0078t": "escaped key"}"#,
            #"{"text": "lone \ud83d surrogate"}"#,
            #"{"text": "nul \u0000"}"#,
            #"{"n": 1e5, "text": "exponent"}"#,
            #"{"n": 1234567890123456, "text": "long number"}"#,
            #"{"n": 01, "text": "leading zero"}"#,
            #"{"text": "trailing"} x"#,
            #"{"text": "unterminated}"#,
            #"{"text": "bad escape \q"}"#,
            "{\"text\": \"raw\ttab\"}",
            #"{"text": "a",}"#,
            #"{"a": [1,]}"#,
            #"{"a": tru}"#,
            "\u{FEFF}{\"text\": \"byte order mark\"}",
            String(repeating: "[", count: 40) + String(repeating: "]", count: 40),
            #"{"deep": "# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}",
        ]
        for line in lines { #expect(scan(line) == nil, "\(line)") }
        // Invalid UTF-8 anywhere in the line, even in a field nobody reads.
        var bytes = Array(#"{"other": "ab", "text": "ok"}"#.utf8)
        bytes[11] = 0xFF
        #expect(scanner.scan(bytes[...]) == nil)
    }

    /// Thousands of damaged variants of a record: wherever the scanner answers, the general parser agrees.
    @Test func damagedRecordsNeverGetADifferentAnswer() {
        let seed = Array(#"{"id": "r-1", "n": [1, -2.5, {"k": null}], "title": "T\u00e9", "text": "a \"b\"\nc", "date": "1987"}"#.utf8)
        let alphabet = Array(#"{}[]:,"\ 0123456789.-eEtrufalsn\u"#.utf8) + [0x00, 0x09, 0x0A, 0x7F, 0xC3, 0xA9, 0xFF]
        var generator = SeededGenerator(seed: 20_261_125)
        var answered = 0
        for _ in 0..<5_000 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = alphabet.randomElement(using: &generator)!
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet.randomElement(using: &generator)!, at: position)
                }
            }
            guard let scanned = scanner.scan(bytes[...]).map(byName) else { continue }
            answered += 1
            let line = String(decoding: bytes, as: UTF8.self)
            #expect(String(validating: bytes, as: UTF8.self) != nil)
            #expect(scanned == general(line), "\(line)")
        }
        #expect(answered > 100)
    }
}
