import Foundation
import GazetteCore
import GazetteIndex
import GazetteTestSupport
import Testing

@Suite("Elasticsearch bulk output")
struct ElasticBulkTests {
    static let mapping = Repository.path("Schemas/elasticsearch-mapping.json")

    /// The mapping's properties, and those of its nested fields by name.
    static func mappingProperties() throws -> (top: [String: Any], nested: [String: [String: Any]]) {
        let data = try Data(contentsOf: mapping)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let mappings = try #require(root["mappings"] as? [String: Any])
        let properties = try #require(mappings["properties"] as? [String: Any])
        var nested: [String: [String: Any]] = [:]
        for (name, value) in properties {
            if let field = value as? [String: Any], field["type"] as? String == "nested" {
                nested[name] = try #require(field["properties"] as? [String: Any])
            }
        }
        return (properties, nested)
    }

    /// Checks NDJSON bulk text: pairs of an index action and a source that fits the mapping; returns the ids.
    static func checkBulk(_ ndjson: String, indexName: String) throws -> [String] {
        #expect(ndjson.hasSuffix("\n"), "the bulk API wants a final newline")
        let lines = ndjson.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count % 2 == 0)
        let (top, nested) = try mappingProperties()
        var ids: [String] = []
        for pair in stride(from: 0, to: lines.count - 1, by: 2) {
            let actionLine = lines[lines.startIndex + pair]
            let sourceLine = lines[lines.startIndex + pair + 1]
            #expect(!actionLine.isEmpty && !sourceLine.isEmpty)
            let action = try #require(try JSONSerialization.jsonObject(with: Data(actionLine.utf8)) as? [String: Any])
            #expect(Array(action.keys) == ["index"])
            let metadata = try #require(action["index"] as? [String: Any])
            #expect(Set(metadata.keys) == ["_index", "_id"])
            #expect(metadata["_index"] as? String == indexName)
            let id = try #require(metadata["_id"] as? String)
            let source = try #require(try JSONSerialization.jsonObject(with: Data(sourceLine.utf8)) as? [String: Any])
            #expect(source["id"] as? String == id)
            #expect(source["text"] is String)
            // The mapping is strict: every field sent must be mapped.
            for key in source.keys { #expect(top[key] != nil, "\(key) is not in the mapping") }
            for (field, properties) in nested {
                let objects = try #require(source[field] as? [[String: Any]], "\(field) is not an array of objects")
                for object in objects {
                    for key in object.keys { #expect(properties[key] != nil, "\(field).\(key) is not in the mapping") }
                }
            }
            if let entities = source["entities"] as? [[String: Any]], let text = source["text"] as? String {
                let scalars = Array(text.unicodeScalars)
                for entity in entities {
                    let start = try #require(entity["start"] as? Int)
                    let end = try #require(entity["end"] as? Int)
                    #expect(String(String.UnicodeScalarView(scalars[start..<end])) == entity["text"] as? String)
                }
            }
            ids.append(id)
        }
        return ids
    }

    @Test func mappingIsValidJSONWithNestedKeywordEntities() throws {
        let (top, nested) = try Self.mappingProperties()
        #expect(Set(nested.keys) == ["entities", "relations"])
        for field in ["kb", "type", "canonical"] {
            #expect((nested["entities"]?[field] as? [String: Any])?["type"] as? String == "keyword")
        }
        #expect((top["published"] as? [String: Any])?["type"] as? String == "date")
        #expect((top["text"] as? [String: Any])?["type"] as? String == "text")
    }

    @Test func fixturesBecomeActionAndSourcePairs() throws {
        let documents = try Fixtures.documents()
        let writer = ElasticBulkWriter(indexName: "news-2025")
        let ndjson = documents.map(writer.encode).joined()
        #expect(try Self.checkBulk(ndjson, indexName: "news-2025") == documents.map(\.id))
        // Relations carry their ends' kb and canonical names; a said relation has the statement as its tail text.
        let source = try #require(try JSONSerialization.jsonObject(
            with: Data(writer.source(for: documents[1]).utf8)) as? [String: Any])
        let relations = try #require(source["relations"] as? [[String: Any]])
        #expect(relations[0]["head_kb"] as? String == "person:ursula-von-der-leyen")
        #expect(relations[0]["tail_kb"] as? String == "org:european-commission")
        #expect(relations[0]["role"] as? String == "president")
        #expect(relations[1]["type"] as? String == "said")
        #expect(relations[1]["tail_kb"] is NSNull)
        #expect((relations[1]["tail_text"] as? String)?.hasPrefix("France would support the loan") == true)
        // Pattern-only persons have a null kb, which Elasticsearch indexes as missing.
        let witkoff = try #require(try JSONSerialization.jsonObject(
            with: Data(writer.source(for: documents[5]).utf8)) as? [String: Any])
        #expect(((witkoff["entities"] as? [[String: Any]])?.first?["kb"]) is NSNull)
        #expect(witkoff["published"] is NSNull)
    }

    @Test func annotatedCorporaBecomeValidBulkNDJSON() throws {
        let documents = try Corpus.annotated()
        let ndjson = documents.map(ElasticBulkWriter().encode).joined()
        let ids = try Self.checkBulk(ndjson, indexName: "gazette")
        #expect(ids == documents.map(\.id))
        #expect(Set(ids).count == ids.count)
    }
}
