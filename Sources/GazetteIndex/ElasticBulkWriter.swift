import GazetteCore
import GazetteOutput

/// Turns annotated documents into the NDJSON of Elasticsearch's and OpenSearch's `_bulk` API:
/// per document an action line `{"index":{"_index":NAME,"_id":ID}}` and a source line.
///
/// The source has the shape of `Schemas/elasticsearch-mapping.json`: id, url, title, published, language, text,
/// `entities` (nested: id, type, kb, canonical, wikidata, text, start, end, source) and `relations`
/// (nested: type, role, head and tail as kb/canonical/text, source, confidence, evidence text).
/// Re-sending a document replaces it, since `_id` is the document id.
public struct ElasticBulkWriter: Sendable {
    /// The target index name (`_index`).
    public var indexName: String

    public init(indexName: String = "gazette") {
        self.indexName = indexName
    }

    /// The action line and the source line of one document (without newlines).
    public func lines(for document: Document) -> (action: String, source: String) {
        var action = JSONWriter(capacity: 64)
        action.beginObject()
        action.beginObject("index")
        action.string("_index", indexName)
        action.string("_id", document.id)
        action.endObject()
        action.endObject()
        return (action.output, source(for: document))
    }

    /// Both lines of a document, each ending with a newline, as the bulk API wants them.
    public func encode(_ document: Document) -> String {
        let (action, source) = lines(for: document)
        return action + "\n" + source + "\n"
    }

    /// The source line of a document.
    public func source(for document: Document) -> String {
        var json = JSONWriter(capacity: document.text.utf8.count + 256 * (document.entities.count + 1))
        json.beginObject()
        json.string("id", document.id)
        json.string("url", document.url)
        json.string("title", document.title)
        json.string("published", document.published)
        json.string("language", document.language)
        json.string("text", document.text)
        var byID: [String: Entity] = [:]
        json.beginArray("entities")
        for entity in document.entities {
            byID[entity.id] = entity
            json.beginObject()
            json.string("id", entity.id)
            json.string("type", entity.type.rawValue)
            json.string("kb", entity.kb)
            json.string("canonical", entity.canonical)
            json.string("wikidata", entity.wikidata)
            json.string("text", entity.text)
            json.int("start", entity.span.start)
            json.int("end", entity.span.end)
            json.string("source", entity.source.rawValue)
            json.endObject()
        }
        json.endArray()
        json.beginArray("relations")
        for relation in document.relations {
            let head = byID[relation.head]
            let tail = relation.tail.flatMap { byID[$0] }
            json.beginObject()
            json.string("id", relation.id)
            json.string("type", relation.type.rawValue)
            json.string("role", relation.role)
            json.string("head_kb", head?.kb)
            json.string("head_canonical", head?.canonical)
            json.string("head_text", head?.text)
            json.string("tail_kb", tail?.kb)
            json.string("tail_canonical", tail?.canonical)
            json.string("tail_text", tail?.text ?? relation.statement.flatMap { document.safeText(of: $0) })
            json.string("quote", relation.quote?.rawValue)
            json.string("evidence", document.safeText(of: relation.evidence))
            json.string("source", relation.source.rawValue)
            json.double("confidence", relation.confidence)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output
    }
}

extension Document {
    /// The text of a span, or nil when the span does not fit the text (a damaged input line).
    fileprivate func safeText(of span: TextSpan) -> String? {
        guard span.start >= 0, span.start <= span.end, span.end <= text.unicodeScalars.count else { return nil }
        return text(of: span)
    }
}
