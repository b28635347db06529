import Foundation
import Testing

import GazetteSchema

/// The repository's `Schemas/` directory, found relative to this file.
let schemasDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("../../Schemas")
    .standardizedFileURL

func loadContractSchema(_ name: String) throws -> JSONSchema {
    try JSONSchema(contentsOf: schemasDirectory.appendingPathComponent(name))
}

extension JSONValue {
    /// A copy with the value at `pointer` replaced (or removed when `newValue` is nil).
    func setting(_ pointer: String, to newValue: JSONValue?) -> JSONValue {
        let tokens = pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        return Self.set(self, tokens[...], newValue)
    }

    private static func set(_ value: JSONValue, _ tokens: ArraySlice<String>, _ newValue: JSONValue?) -> JSONValue {
        guard let token = tokens.first else { return newValue ?? .null }
        let rest = tokens.dropFirst()
        switch value {
        case .object(var members):
            if rest.isEmpty, newValue == nil {
                members[token] = nil
            } else {
                members[token] = set(members[token] ?? .null, rest, newValue)
            }
            return .object(members)
        case .array(var elements):
            let i = Int(token)!
            if rest.isEmpty, newValue == nil {
                elements.remove(at: i)
            } else {
                elements[i] = set(elements[i], rest, newValue)
            }
            return .array(elements)
        default:
            fatalError("cannot descend into \(value) with \(token)")
        }
    }
}

/// A change to a valid example line and the violations it must cause (`path keyword`), in order.
struct Mutation: Sendable, CustomTestStringConvertible {
    let pointer: String
    let value: JSONValue?
    let expected: [String]
    var testDescription: String { "\(pointer) = \(value.map(\.description) ?? "<removed>") ⇒ \(expected)" }

    init(_ pointer: String, _ value: JSONValue?, _ expected: [String]) {
        self.pointer = pointer
        self.value = value
        self.expected = expected
    }
}

@Suite("Contract schemas")
struct ContractSchemaTests {
    // MARK: Hand-written example lines

    /// A complete article line with every key, in contract order.
    static let articleLine = #"""
        {"schema":"gazette.article/1","id":"a1","source":{"path":"corpus/a.txt","format":"text","index":0},"url":null,"title":"Macron speaks","published":"2024-05-06T09:30:00+02:00","language":"en","text":"Emmanuel Macron, the president of France, said \"We will act.\"","sentences":[[0,61]],"tokens":[[0,8,"word"],[9,15,"word"],[15,16,"punctuation"],[21,30,"word"],[34,40,"word"]],"entities":[{"id":"e0","type":"PERSON","start":0,"end":15,"text":"Emmanuel Macron","kb":"person:Emmanuel_Macron","canonical":"Emmanuel Macron","wikidata":"Q3052772","sentence":0,"source":"gazetteer"},{"id":"e1","type":"ROLE","start":21,"end":30,"text":"president","kb":"role:president","canonical":"president","wikidata":null,"sentence":0,"source":"pattern"},{"id":"e2","type":"COUNTRY","start":34,"end":40,"text":"France","kb":"country:FR","canonical":"France","wikidata":"Q142","sentence":0,"source":"gazetteer"}],"relations":[{"id":"r0","type":"leader_of","head":"e0","tail":"e2","role":"president","statement":null,"quote":null,"sentence":0,"evidence":[0,40],"trigger":"president of","source":"pattern","confidence":0.9},{"id":"r1","type":"said","head":"e0","tail":null,"role":null,"statement":[48,60],"quote":"direct","sentence":0,"evidence":[0,61],"trigger":"said","source":"pattern","confidence":1}],"meta":{"as_of":"2024-05-06","gazetteer":"world-2024","version":"0.1.0"}}
        """#

    /// A minimal article line: no tokens, nulls wherever allowed, empty arrays.
    static let minimalArticleLine = #"""
        {"schema":"gazette.article/1","id":"x","source":{"path":"in.html","format":"html","index":3},"url":"https://example.org/a","title":null,"published":null,"language":null,"text":"","sentences":[],"entities":[],"relations":[],"meta":{"as_of":"2025-01-31"}}
        """#

    static let rejectLine = #"""
        {"schema":"gazette.reject/1","id":"a7","source":{"path":"feeds/x.rss","format":"rss","index":7},"code":"empty_text","message":"article has no text after cleaning"}
        """#

    static let articleKeyOrder = [
        "schema", "id", "source", "url", "title", "published", "language", "text", "sentences", "tokens",
        "entities", "relations", "meta",
    ]

    // MARK: Article schema

    @Test func articleExamplesAreValid() throws {
        let schema = try loadContractSchema("gazette.article-1.schema.json")
        #expect(schema.validate(jsonLine: Self.articleLine) == [])
        #expect(schema.validate(jsonLine: Self.minimalArticleLine) == [])
        for published in ["2024", "2024-05", "2024-05-06", "2024-05-06T09:30", "2024-05-06T09:30:00Z", "2024-05-06T09:30:00.123-05:00"] {
            let line = try JSONValue.parse(Self.minimalArticleLine).setting("/published", to: .string(published))
            #expect(schema.validate(line) == [], "\(published)")
        }
        for language in ["en", "fra", "zh-Hant", "en-GB", "sr-Latn-RS"] {
            let line = try JSONValue.parse(Self.minimalArticleLine).setting("/language", to: .string(language))
            #expect(schema.validate(line) == [], "\(language)")
        }
    }

    @Test func articleKeyOrderMatchesContract() throws {
        #expect(try JSONValue.objectKeysInOrder(ofLine: Self.articleLine) == Self.articleKeyOrder)
        #expect(
            try JSONValue.objectKeysInOrder(ofLine: Self.minimalArticleLine) == Self.articleKeyOrder.filter { $0 != "tokens" })
        // The schema file lists properties in the same, documented order.
        let schemaFile = try JSONValue.parseOrdered(
            Data(contentsOf: schemasDirectory.appendingPathComponent("gazette.article-1.schema.json")))
        #expect(schemaFile["properties"]?.keys == Self.articleKeyOrder)
        #expect(schemaFile["$defs"]?["entity"]?["properties"]?.keys
            == ["id", "type", "start", "end", "text", "kb", "canonical", "wikidata", "sentence", "source"])
        #expect(schemaFile["$defs"]?["relation"]?["properties"]?.keys
            == ["id", "type", "head", "tail", "role", "statement", "quote", "sentence", "evidence", "trigger", "source", "confidence"])
        let ordered = try JSONValue.parseOrdered(Self.articleLine)
        #expect(ordered["entities"]?[0]?.keys == schemaFile["$defs"]?["entity"]?["properties"]?.keys)
        #expect(ordered["relations"]?[1]?.keys == schemaFile["$defs"]?["relation"]?["properties"]?.keys)
        #expect(ordered["source"]?.keys == ["path", "format", "index"])
        #expect(ordered["meta"]?.keys == ["as_of", "gazetteer", "version"])
    }

    static let articleMutations: [Mutation] = [
        .init("/tokens", nil, []),
        .init("/meta/gazetteer", nil, []),
        .init("/meta/version", nil, []),
        .init("/schema", "gazette.article/2", ["/schema const"]),
        .init("/id", "", ["/id minLength"]),
        .init("/id", 7, ["/id type"]),
        .init("/source/format", "pdf", ["/source/format enum"]),
        .init("/source/index", -1, ["/source/index minimum"]),
        .init("/source/index", 1.5, ["/source/index type"]),
        .init("/source/index", true, ["/source/index type"]),
        .init("/source/path", nil, ["/source required"]),
        .init("/source/extra", 1, ["/source/extra additionalProperties"]),
        .init("/url", nil, [" required"]),
        .init("/url", 5, ["/url type"]),
        .init("/title", false, ["/title type"]),
        .init("/published", "May 6, 2024", ["/published pattern"]),
        .init("/published", "2024-05-06T09:30:00+0200", ["/published pattern"]),
        .init("/published", "2024-05-06 09:30", ["/published pattern"]),
        .init("/language", "EN", ["/language pattern"]),
        .init("/language", "english", ["/language pattern"]),
        .init("/text", .null, ["/text type"]),
        .init("/sentences", .object([:]), ["/sentences type"]),
        .init("/sentences/0", [0], ["/sentences/0 minItems"]),
        .init("/sentences/0", [0, 61, 2], ["/sentences/0 maxItems", "/sentences/0/2 items"]),
        .init("/sentences/0/1", true, ["/sentences/0/1 type"]),
        .init("/sentences/0/1", 61.5, ["/sentences/0/1 type"]),
        .init("/sentences/0/0", -1, ["/sentences/0/0 minimum"]),
        .init("/tokens/1/2", "noun", ["/tokens/1/2 enum"]),
        .init("/tokens/1", [9, 15], ["/tokens/1 minItems"]),
        .init("/entities/2/type", "LOCATION", ["/entities/2/type enum"]),
        .init("/entities/0/id", "x0", ["/entities/0/id pattern"]),
        .init("/entities/0/start", -1, ["/entities/0/start minimum"]),
        .init("/entities/0/end", 0, ["/entities/0/end minimum"]),
        .init("/entities/0/text", "", ["/entities/0/text minLength"]),
        .init("/entities/1/kb", "place:x", ["/entities/1/kb pattern"]),
        .init("/entities/1/kb", "role:chief executive", ["/entities/1/kb pattern"]),
        .init("/entities/1/kb", .null, []),
        .init("/entities/0/wikidata", "3052772", ["/entities/0/wikidata pattern"]),
        .init("/entities/0/sentence", 0.5, ["/entities/0/sentence type"]),
        .init("/entities/0/source", "manual", ["/entities/0/source enum"]),
        .init("/entities/0/canonical", nil, ["/entities/0 required"]),
        .init("/entities/0/score", 1, ["/entities/0/score additionalProperties"]),
        .init("/relations/0/id", "e0", ["/relations/0/id pattern"]),
        .init("/relations/0/type", "located_in", ["/relations/0/type enum"]),
        .init("/relations/0/head", .null, ["/relations/0/head type"]),
        .init("/relations/0/tail", .null, ["/relations/0/tail type"]),
        .init("/relations/0/tail", "r2", ["/relations/0/tail pattern"]),
        .init("/relations/0/statement", [1, 2], []),
        .init("/relations/0/statement", [1], ["/relations/0/statement anyOf"]),
        .init("/relations/1/tail", "e2", ["/relations/1/tail type"]),
        .init("/relations/1/statement", .null, ["/relations/1/statement type"]),
        .init("/relations/0/role", 3, ["/relations/0/role type"]),
        .init("/relations/0/evidence", [1, 2, 3], ["/relations/0/evidence maxItems", "/relations/0/evidence/2 items"]),
        .init("/relations/0/evidence", .null, ["/relations/0/evidence type"]),
        .init("/relations/0/trigger", .null, ["/relations/0/trigger type"]),
        .init("/relations/0/source", "gazetteer", ["/relations/0/source enum"]),
        .init("/relations/0/confidence", 1.5, ["/relations/0/confidence maximum"]),
        .init("/relations/0/confidence", -0.1, ["/relations/0/confidence minimum"]),
        .init("/relations/0/confidence", "0.9", ["/relations/0/confidence type"]),
        .init("/relations/0/confidence", 0, []),
        .init("/relations/1/sentence", nil, ["/relations/1 required"]),
        .init("/meta/as_of", "2024-5-6", ["/meta/as_of pattern"]),
        .init("/meta/as_of", nil, ["/meta required"]),
        .init("/meta/extra", "x", ["/meta/extra additionalProperties"]),
        .init("/extra", 1, ["/extra additionalProperties"]),
    ]

    @Test(arguments: articleMutations)
    func articleMutation(_ m: Mutation) throws {
        let schema = try loadContractSchema("gazette.article-1.schema.json")
        let line = try JSONValue.parse(Self.articleLine).setting(m.pointer, to: m.value)
        let violations = schema.validate(line)
        #expect(violations.map { "\($0.path) \($0.keyword)" } == m.expected, "\(violations)")
    }

    @Test func invalidArticleLines() throws {
        let schema = try loadContractSchema("gazette.article-1.schema.json")
        // Not JSON at all.
        #expect(schema.validate(jsonLine: #"{"schema":"gazette.article/1","id":"a1",}"#).map(\.keyword) == ["json"])
        // Truncated line.
        #expect(schema.validate(jsonLine: String(Self.articleLine.prefix(100))).map(\.keyword) == ["json"])
        // A reject line is not an article.
        let v = schema.validate(jsonLine: Self.rejectLine)
        #expect(v.contains(SchemaViolation(path: "/schema", keyword: "const", message: #"expected "gazette.article/1", found "gazette.reject/1""#)))
        #expect(v.contains { $0.path == "/code" && $0.keyword == "additionalProperties" })
        #expect(v.contains { $0.path == "" && $0.keyword == "required" && $0.message.contains("\"entities\"") })
        // Top level must be an object.
        #expect(schema.validate(jsonLine: "[]").map(\.keyword) == ["type"])
    }

    // MARK: Reject schema

    @Test func rejectExampleIsValid() throws {
        let schema = try loadContractSchema("gazette.reject-1.schema.json")
        #expect(schema.validate(jsonLine: Self.rejectLine) == [])
        #expect(try JSONValue.objectKeysInOrder(ofLine: Self.rejectLine) == ["schema", "id", "source", "code", "message"])
        let other = #"{"schema":"gazette.reject/1","id":"","source":{"path":"","format":"warc","index":0},"code":"x","message":"m"}"#
        #expect(schema.validate(jsonLine: other) == [])
    }

    static let rejectMutations: [Mutation] = [
        .init("/schema", "gazette.article/1", ["/schema const"]),
        .init("/id", .null, ["/id type"]),
        .init("/source/format", "doc", ["/source/format enum"]),
        .init("/source/index", -2, ["/source/index minimum"]),
        .init("/source/index", "7", ["/source/index type"]),
        .init("/source/x", 0, ["/source/x additionalProperties"]),
        .init("/code", "EmptyText", ["/code pattern"]),
        .init("/code", "1abc", ["/code pattern"]),
        .init("/code", "empty-text", ["/code pattern"]),
        .init("/message", "", ["/message minLength"]),
        .init("/message", nil, [" required"]),
        .init("/code", nil, [" required"]),
        .init("/text", "t", ["/text additionalProperties"]),
    ]

    @Test(arguments: rejectMutations)
    func rejectMutation(_ m: Mutation) throws {
        let schema = try loadContractSchema("gazette.reject-1.schema.json")
        let line = try JSONValue.parse(Self.rejectLine).setting(m.pointer, to: m.value)
        let violations = schema.validate(line)
        #expect(violations.map { "\($0.path) \($0.keyword)" } == m.expected, "\(violations)")
    }
}
