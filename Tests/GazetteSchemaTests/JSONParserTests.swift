import Foundation
import Testing

import GazetteSchema

@Suite("JSON parser")
struct JSONParserTests {
    @Test func parsesScalars() throws {
        #expect(try JSONValue.parse("null") == .null)
        #expect(try JSONValue.parse("true") == .bool(true))
        #expect(try JSONValue.parse("false") == .bool(false))
        #expect(try JSONValue.parse("0") == .number(0))
        #expect(try JSONValue.parse("-12.5e2") == .number(-1250))
        #expect(try JSONValue.parse("1E+2") == .number(100))
        #expect(try JSONValue.parse(" \"hi\" \n") == .string("hi"))
    }

    @Test func booleansAreNotNumbers() throws {
        let v = try JSONValue.parse(#"[true, 1, false, 0, 1.0]"#)
        #expect(v == .array([.bool(true), .number(1), .bool(false), .number(0), .number(1)]))
        #expect(v[0] != v[1])
        #expect(v[0]?.boolValue == true)
        #expect(v[0]?.doubleValue == nil)
        #expect(v[1]?.boolValue == nil)
        #expect(v[1]?.intValue == 1)
        #expect(v[4]?.isInteger == true)
        #expect(JSONValue.number(1.5).isInteger == false)
        #expect(JSONValue.bool(true).isInteger == false)
    }

    @Test func parsesNestedStructures() throws {
        let v = try JSONValue.parse(#"{"a": [1, {"b": null}], "c": {}, "d": []}"#)
        #expect(v["a"]?[1]?["b"] == .null)
        #expect(v["c"] == .object([:]))
        #expect(v["d"] == .array([]))
        #expect(v["zzz"] == nil)
    }

    @Test func decodesEscapes() throws {
        #expect(try JSONValue.parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{08}\u{0C}\n\r\t"))
        #expect(try JSONValue.parse(#""\u00e9\u4E2D""#) == .string("é中"))
        #expect(try JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONValue.parse("\"é中😀\"") == .string("é中😀"))
    }

    @Test func keepsKeyOrder() throws {
        let line = #"{"schema":"x","id":"a","source":{"path":"p","format":"text","index":0},"url":null}"#
        #expect(try JSONValue.objectKeysInOrder(ofLine: line) == ["schema", "id", "source", "url"])
        let ordered = try JSONValue.parseOrdered(line)
        #expect(ordered["source"]?.keys == ["path", "format", "index"])
        #expect(ordered.unordered == (try JSONValue.parse(line)))
        #expect(ordered["source"]?["index"] == .number(0))
        #expect(throws: SchemaError.self) { try JSONValue.objectKeysInOrder(ofLine: "[1]") }
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        let text: String
        let line: Int
        let column: Int
        var testDescription: String { text.debugDescription }
    }

    @Test(arguments: [
        Malformed(text: "", line: 1, column: 1),
        Malformed(text: "   ", line: 1, column: 4),
        Malformed(text: "{", line: 1, column: 2),
        Malformed(text: "{\"a\" 1}", line: 1, column: 6),
        Malformed(text: "{\"a\":1,}", line: 1, column: 8),
        Malformed(text: "[1,]", line: 1, column: 4),
        Malformed(text: "[1 2]", line: 1, column: 4),
        Malformed(text: "{'a':1}", line: 1, column: 2),
        Malformed(text: "{a:1}", line: 1, column: 2),
        Malformed(text: "01", line: 1, column: 1),
        Malformed(text: "1.", line: 1, column: 3),
        Malformed(text: ".5", line: 1, column: 1),
        Malformed(text: "-", line: 1, column: 2),
        Malformed(text: "1e", line: 1, column: 3),
        Malformed(text: "+1", line: 1, column: 1),
        Malformed(text: "NaN", line: 1, column: 1),
        Malformed(text: "1e999", line: 1, column: 1),
        Malformed(text: "tru", line: 1, column: 1),
        Malformed(text: "truex", line: 1, column: 1),
        Malformed(text: "True", line: 1, column: 1),
        Malformed(text: "nul", line: 1, column: 1),
        Malformed(text: "\"abc", line: 1, column: 1),
        Malformed(text: "\"a\tb\"", line: 1, column: 3),
        Malformed(text: "\"\\x\"", line: 1, column: 2),
        Malformed(text: "\"\\u12\"", line: 1, column: 2),
        Malformed(text: "\"\\ud83d\"", line: 1, column: 2),
        Malformed(text: "\"\\ude00\"", line: 1, column: 2),
        Malformed(text: "{} {}", line: 1, column: 4),
        Malformed(text: "[1] // comment", line: 1, column: 5),
        Malformed(text: "{\"a\":1,\"a\":2}", line: 1, column: 8),
        Malformed(text: "{\n  \"a\": 1,\n  \"b\": ?\n}", line: 3, column: 8),
        Malformed(text: "\u{FEFF}{}", line: 1, column: 1),
        Malformed(text: "[\"é\", x]", line: 1, column: 7),
    ])
    func rejectsMalformedJSON(_ c: Malformed) {
        do {
            let v = try JSONValue.parse(c.text)
            Issue.record("parsed \(c.text.debugDescription) as \(v)")
        } catch {
            #expect(error.kind == .malformedJSON)
            #expect(error.line == c.line, "\(error)")
            #expect(error.column == c.column, "\(error)")
        }
    }

    @Test func rejectsInvalidUTF8() {
        let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]  // "a\xC3(" — bad continuation byte
        #expect(throws: SchemaError.self) { try JSONValue.parse(Data(bytes)) }
        let overlong: [UInt8] = [0x22, 0xC0, 0xAF, 0x22]
        #expect(throws: SchemaError.self) { try JSONValue.parse(Data(overlong)) }
        let outside: [UInt8] = [0x5B, 0xFF, 0x5D]
        #expect(throws: SchemaError.self) { try JSONValue.parse(Data(outside)) }
    }

    @Test func rejectsExcessiveNesting() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: SchemaError.self) { try JSONValue.parse(deep) }
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        _ = try JSONValue.parse(ok)
    }

    @Test func codableRoundTripKeepsBooleans() throws {
        let v: JSONValue = ["flag": true, "n": 1, "x": 2.5, "s": "t", "z": .null, "a": [false, 0]]
        let data = try JSONEncoder().encode(v)
        let back = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(back == v)
        let fromFoundation = try JSONDecoder().decode(JSONValue.self, from: Data(#"[true, 1, 0, false]"#.utf8))
        #expect(fromFoundation == [true, 1, 0, false])
        #expect(try JSONValue.parse(String(decoding: data, as: UTF8.self)) == v)
    }

    @Test func descriptionIsCompactJSON() throws {
        let v: JSONValue = ["b": [1, 2.5, true, .null], "a": "q\"\n"]
        #expect(v.description == #"{"a":"q\"\n","b":[1,2.5,true,null]}"#)
        #expect(try JSONValue.parse(v.description) == v)
    }
}
