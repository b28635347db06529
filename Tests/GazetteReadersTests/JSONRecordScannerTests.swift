import Foundation
@testable import GazetteReaders
import GazetteTestSupport
import Testing

/// The JSONL fast path may only answer where `JSONSerialization` would give the same fields.
@Suite("JSONL record scanner")
struct JSONRecordScannerTests {
    let scanner = JSONRecordScanner(wanted: ["id", "title", "text", "date"])

    /// What the general parser makes of the wanted fields, in the scanner's terms; nil when it is not an object.
    func general(_ line: String, scanner: JSONRecordScanner? = nil) -> [String: JSONRecordScanner.Value]? {
        let scanner = scanner ?? self.scanner
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

    func scan(_ line: String) -> [String: JSONRecordScanner.Value]? { scanned(Array(line.utf8)) }

    /// The scanner's decoded answer by name; also checks that every string's bytes are its UTF-8.
    func scanned(_ bytes: [UInt8], scanner: JSONRecordScanner? = nil) -> [String: JSONRecordScanner.Value]? {
        let scanner = scanner ?? self.scanner
        guard let values = scanner.values(bytes[...]), let found = scanner.scan(bytes[...]) else {
            #expect(scanner.scan(bytes[...]) == nil && scanner.values(bytes[...]) == nil)
            return nil
        }
        bytes.withUnsafeBufferPointer { buffer in
            for case (.string(let range, let escaped)?, .string(let text)?) in zip(found, values) {
                #expect(JSONRecordScanner.bytes(range, escaped: escaped, in: buffer) == Array(text.utf8))
            }
        }
        return byName(values, scanner: scanner)
    }

    /// The scanner's answer keyed by field name, like the general parser's.
    func byName(_ values: [JSONRecordScanner.Value?], scanner: JSONRecordScanner? = nil) -> [String: JSONRecordScanner.Value] {
        let scanner = scanner ?? self.scanner
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
            guard let scanned = scanned(bytes) else { continue }
            answered += 1
            let line = String(decoding: bytes, as: UTF8.self)
            #expect(String(validating: bytes, as: UTF8.self) != nil)
            #expect(scanned == general(line), "\(line)")
        }
        #expect(answered > 100)
    }

    /// Escapes at every offset of strings of every length up to a few words: the decoder copies eight bytes at a
    /// time between backslashes and must agree with the general parser wherever a run or an escape falls.
    @Test func escapesAtEveryPositionDecodeLikeTheGeneralParser() {
        let escapes = [#"\n"#, #"\""#, #"\\"#, #"\/"#, #"\u00e9"#, #"\ud83d\ude00"#, #"\t"#, "é", "日"]
        var generator = SeededGenerator(seed: 7)
        for length in 0..<40 {
            for position in 0...length {
                for escape in [escapes[(length + position) % escapes.count], escapes.randomElement(using: &generator)!] {
                    var plain = String(repeating: "abcdefgh", count: 5).prefix(length)
                    plain.insert(contentsOf: escape, at: plain.index(plain.startIndex, offsetBy: position))
                    let second = position % 3 == 0 ? #"\n"# : ""
                    let line = #"{"text": ""# + plain + second + #"", "title": "t"# + escape + #""}"#
                    let scanned = scan(line)
                    #expect(scanned != nil, "\(line)")
                    #expect(scanned == general(line), "\(line)")
                }
            }
        }
    }

    /// Keys are matched by length and first eight bytes, then the rest: names that share either must not mix up.
    @Test func keysThatShareLengthOrPrefixAreToldApart() {
        let scanner = JSONRecordScanner(wanted: ["datePublished", "datePublishes", "date", "data", "d", "publishedAt", "x"])
        let line = #"{"datePublishez": "1", "datePublished": "a", "datePublishes": "b", "dat": "c", "data": "d", "date": "e", "publishedAt": "f", "published": "g", "": "h", "dd": "i"}"#
        let scanned = scanned(Array(line.utf8), scanner: scanner)
        #expect(scanned != nil)
        #expect(scanned == general(line, scanner: scanner))
        #expect(scanned?["datePublished"] == .string("a") && scanned?["datePublishes"] == .string("b"))
        #expect(scanned?["data"] == .string("d") && scanned?["date"] == .string("e") && scanned?["d"] == nil)
    }

    /// The reader's fields from the scanner (strings decoded only where used, the body as bytes) against its
    /// fields from `JSONSerialization`, over damaged records with several names per field, wrong types and HTML.
    @Test func readerFieldsFromTheScannerMatchTheGeneralParser() throws {
        let fields = try JSONLFields(spec: "text=body|text,title=headline|title")
        let parser = JSONLRecordParser(path: "x.jsonl", fields: fields, file: 1)
        let seed = Array(#"{"id": "r\u002d1", "headline": null, "title": "T\u00e9", "body": "a \"b\"\nc", "html": "<p>x</p>", "date": "26-FEB-1987 15:01:01.79", "lang": "en"}"#.utf8)
        let alphabet = Array(#"{}[]:,"\ 0123456789.-eEtrufalsn\u"#.utf8) + [0x09, 0x0A, 0xC3, 0xA9]
        var generator = SeededGenerator(seed: 42)
        var compared = 0
        for _ in 0..<3_000 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...2, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = alphabet.randomElement(using: &generator)!
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet.randomElement(using: &generator)!, at: position)
                }
            }
            guard let scanned = bytes.withUnsafeBufferPointer({ parser.scannedFields($0) }) else { continue }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            compared += 1
            #expect(scanned == parser.generalFields(object), "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(compared > 500)
    }
}
