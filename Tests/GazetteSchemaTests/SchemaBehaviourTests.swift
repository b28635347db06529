import Foundation
import Testing

import GazetteSchema

@Suite("Schema behaviour")
struct SchemaBehaviourTests {
    @Test func violationPathsAreJSONPointers() throws {
        let schema = try compile(
            #"""
            {
              "type": "object",
              "properties": {
                "entities": { "type": "array", "items": { "$ref": "#/$defs/entity" } },
                "a/b": { "type": "integer" },
                "m~n": { "type": "integer" }
              },
              "$defs": {
                "entity": {
                  "type": "object",
                  "required": ["start"],
                  "properties": { "start": { "type": "integer", "minimum": 0 } },
                  "additionalProperties": false
                }
              }
            }
            """#)
        let line = #"{"entities":[{"start":0},{"start":1},{"start":2},{"start":-1},{},{"start":0,"x":1}],"a/b":"s","m~n":0.5}"#
        let violations = schema.validate(jsonLine: line)
        #expect(
            violations == [
                SchemaViolation(path: "/entities/3/start", keyword: "minimum", message: "-1 is less than the minimum 0"),
                SchemaViolation(path: "/entities/4", keyword: "required", message: "missing required property \"start\""),
                SchemaViolation(path: "/entities/5/x", keyword: "additionalProperties", message: "property \"x\" is not allowed"),
                SchemaViolation(path: "/a~1b", keyword: "type", message: "expected integer, found string \"s\""),
                SchemaViolation(path: "/m~0n", keyword: "type", message: "expected integer, found number 0.5"),
            ])
        #expect(violations[0].description == "/entities/3/start: [minimum] -1 is less than the minimum 0")
        #expect(schema.validate(jsonLine: "[]").first?.path == "")
        #expect(schema.validate(jsonLine: "[]").first?.description == "/: [type] expected object, found array")
    }

    @Test func nestedRefsAndRecursion() throws {
        // A tree whose nodes refer back to the root schema ("#") and through $defs chains.
        let schema = try compile(
            #"""
            {
              "type": "object",
              "required": ["name"],
              "properties": {
                "name": { "$ref": "#/$defs/name" },
                "children": { "type": "array", "items": { "$ref": "#" } }
              },
              "$defs": {
                "name": { "$ref": "#/$defs/nonEmpty" },
                "nonEmpty": { "type": "string", "minLength": 1 }
              }
            }
            """#)
        #expect(schema.validate(jsonLine: #"{"name":"a","children":[{"name":"b","children":[{"name":"c"}]}]}"#) == [])
        let bad = schema.validate(jsonLine: #"{"name":"a","children":[{"name":"b","children":[{"name":""},{}]}]}"#)
        #expect(bad.map(\.path) == ["/children/0/children/0/name", "/children/0/children/1"])
        #expect(bad.map(\.keyword) == ["minLength", "required"])
    }

    @Test func refLoopIsReportedNotCrashing() throws {
        let schema = try compile(##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##)
        let violations = schema.validate(jsonLine: "1")
        #expect(violations.count == 1)
        #expect(violations.first?.keyword == "$ref")
    }

    @Test func malformedLineYieldsOneViolation() throws {
        let schema = try compile(#"{"type":"object"}"#)
        for line in ["{", "not json", #"{"a":1,}"#, "", #"{"a":tru}"#, "{\"a\":1}\u{0}"] {
            let violations = schema.validate(jsonLine: line)
            #expect(violations.count == 1, "\(line.debugDescription)")
            #expect(violations.first?.keyword == "json")
            #expect(violations.first?.path == "")
            #expect(violations.first?.message.contains("line 1, column") == true)
        }
        let v = schema.validate(jsonLine: #"{"a": 1,}"#)
        #expect(v.first?.message == "invalid JSON at line 1, column 9: unexpected character '}'; expected a string object key")
        #expect(schema.validate(data: Data([0x7B, 0xFF, 0x7D])).map(\.keyword) == ["json"])
        #expect(schema.validate(data: Data("{}".utf8)) == [])
        #expect(schema.validate(jsonLine: "{}\n") == [])
        #expect(schema.validate(jsonLine: "{}\r\n") == [])
    }

    @Test func anyOfAndOneOfMessagesSummariseAlternatives() throws {
        let schema = try compile(#"{"anyOf":[{"type":"string"},{"type":"object","required":["k"]}]}"#)
        let v = schema.validate(jsonLine: "{}")
        #expect(v.count == 1)
        #expect(v[0].message == #"value matches none of the alternatives: [0] expected string, found object; [1] missing required property "k""#)
    }

    @Test func schemaFromJSONValueAndBooleans() throws {
        let schema = try JSONSchema(["type": "object", "properties": ["flag": ["type": "boolean"]]])
        #expect(schema.validate(["flag": true]) == [])
        #expect(schema.validate(["flag": 1]).map(\.keyword) == ["type"])
        #expect(schema.validate(["flag": 1])[0].message == "expected boolean, found integer 1")
        #expect(try JSONSchema(true).validate(.null) == [])
        #expect(try JSONSchema(false).validate(.null).count == 1)
    }

    struct BadSchema: Sendable, CustomTestStringConvertible {
        let json: String
        let kind: SchemaError.Kind
        let schemaPath: String?
        var testDescription: String { json }
    }

    @Test(arguments: [
        BadSchema(json: "{", kind: .malformedJSON, schemaPath: nil),
        BadSchema(json: "1", kind: .invalidSchema, schemaPath: ""),
        BadSchema(json: #"{"type":"text"}"#, kind: .invalidSchema, schemaPath: "/type"),
        BadSchema(json: #"{"type":5}"#, kind: .invalidSchema, schemaPath: "/type"),
        BadSchema(json: #"{"type":[]}"#, kind: .invalidSchema, schemaPath: "/type"),
        BadSchema(json: #"{"properties":{"a":"string"}}"#, kind: .invalidSchema, schemaPath: "/properties/a"),
        BadSchema(json: #"{"required":"a"}"#, kind: .invalidSchema, schemaPath: "/required"),
        BadSchema(json: #"{"minLength":-1}"#, kind: .invalidSchema, schemaPath: "/minLength"),
        BadSchema(json: #"{"maxItems":1.5}"#, kind: .invalidSchema, schemaPath: "/maxItems"),
        BadSchema(json: #"{"minimum":"0"}"#, kind: .invalidSchema, schemaPath: "/minimum"),
        BadSchema(json: #"{"pattern":"("}"#, kind: .invalidSchema, schemaPath: "/pattern"),
        BadSchema(json: #"{"items":[{}]}"#, kind: .invalidSchema, schemaPath: "/items"),
        BadSchema(json: #"{"anyOf":[]}"#, kind: .invalidSchema, schemaPath: "/anyOf"),
        BadSchema(json: ##"{"$ref":"#/$defs/missing"}"##, kind: .invalidSchema, schemaPath: "/$ref"),
        BadSchema(json: #"{"$ref":"other.json#/x"}"#, kind: .invalidSchema, schemaPath: "/$ref"),
        BadSchema(json: #"{"$defs":{"x":{"type":"nope"}}}"#, kind: .invalidSchema, schemaPath: "/$defs/x/type"),
        BadSchema(json: #"{"patternProperties":{"^a":{}}}"#, kind: .invalidSchema, schemaPath: "/patternProperties"),
        BadSchema(json: #"{"unevaluatedProperties":false}"#, kind: .invalidSchema, schemaPath: "/unevaluatedProperties"),
    ])
    func invalidSchemasThrowTypedErrors(_ c: BadSchema) {
        do {
            _ = try JSONSchema(data: Data(c.json.utf8))
            Issue.record("compiled \(c.json)")
        } catch {
            #expect(error.kind == c.kind, "\(error)")
            #expect(error.schemaPath == c.schemaPath, "\(error)")
        }
    }

    @Test func unreadableSchemaFile() {
        let url = URL(fileURLWithPath: "/nonexistent/gazette/schema.json")
        do {
            _ = try JSONSchema(contentsOf: url)
            Issue.record("read a nonexistent file")
        } catch {
            #expect(error.kind == .unreadable)
        }
    }

    @Test func concurrentValidationIsSafe() async throws {
        let schema = try compile(#"{"type":"array","items":{"type":"string","pattern":"^e[0-9]+$"}}"#)
        let results = await withTaskGroup(of: Int.self) { group in
            for i in 0..<16 {
                group.addTask {
                    var bad = 0
                    for j in 0..<200 { bad += schema.validate(jsonLine: #"["e\#(i)", "x\#(j)"]"#).count }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(results == 16 * 200)
    }
}
