import Foundation
import Testing

import GazetteSchema

/// Compiles a schema from JSON text.
func compile(_ json: String) throws -> JSONSchema {
    try JSONSchema(data: Data(json.utf8))
}

/// One keyword check: a schema, an instance, and the keywords of the expected violations (empty = valid).
struct KeywordCase: Sendable, CustomTestStringConvertible {
    let schema: String
    let instance: String
    let expected: [String]
    var testDescription: String { "\(schema) ⟵ \(instance) ⇒ \(expected.isEmpty ? "valid" : expected.joined(separator: ","))" }

    init(_ schema: String, _ instance: String, _ expected: [String] = []) {
        self.schema = schema
        self.instance = instance
        self.expected = expected
    }
}

@Suite("Keywords")
struct KeywordTests {
    static let cases: [KeywordCase] = [
        // type
        .init(#"{"type":"string"}"#, #""a""#),
        .init(#"{"type":"string"}"#, "1", ["type"]),
        .init(#"{"type":"null"}"#, "null"),
        .init(#"{"type":"null"}"#, "false", ["type"]),
        .init(#"{"type":"boolean"}"#, "true"),
        .init(#"{"type":"boolean"}"#, "1", ["type"]),
        .init(#"{"type":"boolean"}"#, "0", ["type"]),
        .init(#"{"type":"number"}"#, "1.5"),
        .init(#"{"type":"number"}"#, "true", ["type"]),
        .init(#"{"type":"number"}"#, #""1""#, ["type"]),
        .init(#"{"type":"integer"}"#, "3"),
        .init(#"{"type":"integer"}"#, "3.0"),
        .init(#"{"type":"integer"}"#, "-0"),
        .init(#"{"type":"integer"}"#, "1e2"),
        .init(#"{"type":"integer"}"#, "3.5", ["type"]),
        .init(#"{"type":"integer"}"#, "1e-2", ["type"]),
        .init(#"{"type":"integer"}"#, "true", ["type"]),
        .init(#"{"type":"array"}"#, "[]"),
        .init(#"{"type":"array"}"#, "{}", ["type"]),
        .init(#"{"type":"object"}"#, "{}"),
        .init(#"{"type":"object"}"#, "[]", ["type"]),
        .init(#"{"type":["string","null"]}"#, "null"),
        .init(#"{"type":["string","null"]}"#, #""x""#),
        .init(#"{"type":["string","null"]}"#, "0", ["type"]),
        .init(#"{"type":["integer","boolean"]}"#, "false"),
        .init(#"{"type":["integer","boolean"]}"#, "0.5", ["type"]),
        // properties / required / additionalProperties
        .init(#"{"properties":{"a":{"type":"string"}}}"#, #"{"a":"x","b":1}"#),
        .init(#"{"properties":{"a":{"type":"string"}}}"#, #"{"a":1}"#, ["type"]),
        .init(#"{"properties":{"a":{"type":"string"}}}"#, "[1]"),
        .init(#"{"required":["a","b"]}"#, #"{"a":1,"b":null}"#),
        .init(#"{"required":["a","b"]}"#, #"{"a":1}"#, ["required"]),
        .init(#"{"required":["a","b"]}"#, #"{}"#, ["required", "required"]),
        .init(#"{"required":["a"]}"#, #""not an object""#),
        .init(#"{"properties":{"a":true},"additionalProperties":false}"#, #"{"a":1}"#),
        .init(#"{"properties":{"a":true},"additionalProperties":false}"#, #"{"a":1,"b":2}"#, ["additionalProperties"]),
        .init(#"{"additionalProperties":{"type":"integer"}}"#, #"{"a":1,"b":2}"#),
        .init(#"{"additionalProperties":{"type":"integer"}}"#, #"{"a":1,"b":"2"}"#, ["type"]),
        .init(#"{"additionalProperties":true}"#, #"{"a":1}"#),
        .init(#"{"minProperties":1,"maxProperties":2}"#, #"{"a":1}"#),
        .init(#"{"minProperties":1}"#, #"{}"#, ["minProperties"]),
        .init(#"{"maxProperties":1}"#, #"{"a":1,"b":2}"#, ["maxProperties"]),
        // items / prefixItems / minItems / maxItems / uniqueItems
        .init(#"{"items":{"type":"integer"}}"#, "[1,2,3]"),
        .init(#"{"items":{"type":"integer"}}"#, "[1,2.5,true]", ["type", "type"]),
        .init(#"{"items":false}"#, "[]"),
        .init(#"{"items":false}"#, "[1]", ["items"]),
        .init(#"{"prefixItems":[{"type":"string"},{"type":"integer"}]}"#, #"["a",1]"#),
        .init(#"{"prefixItems":[{"type":"string"},{"type":"integer"}]}"#, #"["a"]"#),
        .init(#"{"prefixItems":[{"type":"string"},{"type":"integer"}]}"#, #"["a",1,null]"#),
        .init(#"{"prefixItems":[{"type":"string"},{"type":"integer"}]}"#, #"[1,"a"]"#, ["type", "type"]),
        .init(#"{"prefixItems":[{"type":"string"}],"items":false}"#, #"["a","b"]"#, ["items"]),
        .init(#"{"prefixItems":[{"type":"string"}],"items":{"type":"number"}}"#, #"["a",1,2]"#),
        .init(#"{"prefixItems":[{"type":"string"}],"items":{"type":"number"}}"#, #"["a",1,"b"]"#, ["type"]),
        .init(#"{"minItems":2}"#, "[1,2]"),
        .init(#"{"minItems":2}"#, "[1]", ["minItems"]),
        .init(#"{"maxItems":2}"#, "[1,2]"),
        .init(#"{"maxItems":2}"#, "[1,2,3]", ["maxItems"]),
        .init(#"{"minItems":2}"#, #""ab""#),
        .init(#"{"uniqueItems":true}"#, "[1,true,\"1\",[1]]"),
        .init(#"{"uniqueItems":true}"#, "[1,2,1.0]", ["uniqueItems"]),
        // enum / const
        .init(#"{"enum":["a",1,null]}"#, #""a""#),
        .init(#"{"enum":["a",1,null]}"#, "null"),
        .init(#"{"enum":["a",1,null]}"#, "1.0"),
        .init(#"{"enum":["a",1,null]}"#, #""b""#, ["enum"]),
        .init(#"{"enum":["a",1,null]}"#, "true", ["enum"]),
        .init(#"{"enum":[[1,2],{"k":true}]}"#, #"{"k":true}"#),
        .init(#"{"enum":[[1,2],{"k":true}]}"#, #"{"k":1}"#, ["enum"]),
        .init(#"{"const":"gazette.article/1"}"#, #""gazette.article/1""#),
        .init(#"{"const":"gazette.article/1"}"#, #""gazette.article/2""#, ["const"]),
        .init(#"{"const":false}"#, "false"),
        .init(#"{"const":false}"#, "0", ["const"]),
        .init(#"{"const":null}"#, "null"),
        .init(#"{"const":null}"#, "false", ["const"]),
        .init(#"{"const":{"a":[1]}}"#, #"{"a":[1.0]}"#),
        .init(#"{"const":{"a":[1]}}"#, #"{"a":[1],"b":0}"#, ["const"]),
        // pattern / minLength / maxLength
        .init(#"{"pattern":"^e[0-9]+$"}"#, #""e12""#),
        .init(#"{"pattern":"^e[0-9]+$"}"#, #""e""#, ["pattern"]),
        .init(#"{"pattern":"^e[0-9]+$"}"#, #""e1\n""#, ["pattern"]),
        .init(#"{"pattern":"^e[0-9]+$"}"#, "12"),
        .init(#"{"pattern":"b"}"#, #""abc""#),
        .init(#"{"pattern":"^\\d+$"}"#, #""2024""#),
        .init(#"{"pattern":"^\\d+$"}"#, #""٢٠٢٤""#, ["pattern"]),
        .init(#"{"pattern":"^.$"}"#, #""😀""#),
        .init(#"{"minLength":2}"#, #""ab""#),
        .init(#"{"minLength":2}"#, #""a""#, ["minLength"]),
        .init(#"{"minLength":1}"#, #""""#, ["minLength"]),
        .init(#"{"maxLength":2}"#, #""ab""#),
        .init(#"{"maxLength":2}"#, #""abc""#, ["maxLength"]),
        .init(#"{"maxLength":1}"#, #""😀""#),
        .init(#"{"maxLength":1}"#, #""é""#),
        .init(#"{"minLength":5}"#, "1"),
        // minimum / maximum / exclusiveMinimum / exclusiveMaximum / multipleOf
        .init(#"{"minimum":0}"#, "0"),
        .init(#"{"minimum":0}"#, "-1", ["minimum"]),
        .init(#"{"minimum":0}"#, "-0.001", ["minimum"]),
        .init(#"{"minimum":0}"#, #""-1""#),
        .init(#"{"maximum":1}"#, "1"),
        .init(#"{"maximum":1}"#, "1.01", ["maximum"]),
        .init(#"{"exclusiveMinimum":0}"#, "0.5"),
        .init(#"{"exclusiveMinimum":0}"#, "0", ["exclusiveMinimum"]),
        .init(#"{"exclusiveMaximum":1}"#, "0.99"),
        .init(#"{"exclusiveMaximum":1}"#, "1", ["exclusiveMaximum"]),
        .init(#"{"multipleOf":0.5}"#, "2.5"),
        .init(#"{"multipleOf":2}"#, "3", ["multipleOf"]),
        .init(#"{"minimum":0,"maximum":1,"type":"number"}"#, "2", ["maximum"]),
        // anyOf / oneOf / allOf / not
        .init(#"{"anyOf":[{"type":"string"},{"type":"integer"}]}"#, "1"),
        .init(#"{"anyOf":[{"type":"string"},{"type":"integer"}]}"#, #""x""#),
        .init(#"{"anyOf":[{"type":"string"},{"type":"integer"}]}"#, "1.5", ["anyOf"]),
        .init(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "1"),
        .init(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "2.5"),
        .init(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "3", ["oneOf"]),
        .init(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "1.5", ["oneOf"]),
        .init(#"{"allOf":[{"type":"integer"},{"minimum":2}]}"#, "3"),
        .init(#"{"allOf":[{"type":"integer"},{"minimum":2}]}"#, "1.5", ["type", "minimum"]),
        .init(#"{"not":{"type":"null"}}"#, "0"),
        .init(#"{"not":{"type":"null"}}"#, "null", ["not"]),
        // if / then / else
        .init(#"{"if":{"type":"integer"},"then":{"minimum":0},"else":{"type":"string"}}"#, "5"),
        .init(#"{"if":{"type":"integer"},"then":{"minimum":0},"else":{"type":"string"}}"#, "-5", ["minimum"]),
        .init(#"{"if":{"type":"integer"},"then":{"minimum":0},"else":{"type":"string"}}"#, #""s""#),
        .init(#"{"if":{"type":"integer"},"then":{"minimum":0},"else":{"type":"string"}}"#, "1.5", ["type"]),
        .init(#"{"if":{"type":"integer"},"then":{"minimum":0}}"#, "-1.5"),
        .init(#"{"then":{"minimum":0}}"#, "-1"),
        // boolean schemas
        .init("true", #"{"anything":[1]}"#),
        .init("false", "null", ["false"]),
        .init(#"{"properties":{"a":false}}"#, #"{"a":1}"#, ["false"]),
        .init(#"{"properties":{"a":false}}"#, #"{"b":1}"#),
        // $ref / $defs
        .init(##"{"$defs":{"pos":{"type":"integer","minimum":0}},"$ref":"#/$defs/pos"}"##, "3"),
        .init(##"{"$defs":{"pos":{"type":"integer","minimum":0}},"$ref":"#/$defs/pos"}"##, "-3", ["minimum"]),
        .init(##"{"$defs":{"pos":{"type":"integer"}},"$ref":"#/$defs/pos","maximum":5}"##, "6", ["maximum"]),
        .init(##"{"$defs":{"a b":{"type":"null"},"c/d":{"$ref":"#/$defs/a%20b"}},"$ref":"#/$defs/c~1d"}"##, "null"),
        .init(##"{"$defs":{"a b":{"type":"null"},"c/d":{"$ref":"#/$defs/a%20b"}},"$ref":"#/$defs/c~1d"}"##, "1", ["type"]),
        // ignored keywords
        .init(#"{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"x","title":"t","description":"d","$comment":"c","examples":[1],"format":"date","default":0,"x-custom":1}"#, #""not a date""#),
    ]

    @Test(arguments: cases)
    func keyword(_ c: KeywordCase) throws {
        let schema = try compile(c.schema)
        let violations = schema.validate(jsonLine: c.instance)
        #expect(violations.map(\.keyword) == c.expected, "\(violations)")
        #expect(schema.isValid(try JSONValue.parse(c.instance)) == c.expected.isEmpty)
    }
}
