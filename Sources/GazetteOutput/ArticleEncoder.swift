import GazetteCore

/// Encodes documents and rejects as lines of the `gazette.article/1` and `gazette.reject/1` schemas.
public struct ArticleEncoder: Sendable {
    /// The schema name written in every article line.
    public static let articleSchema = "gazette.article/1"
    /// The schema name written in every reject line.
    public static let rejectSchema = "gazette.reject/1"

    /// Whether to write the optional `tokens` array.
    public var includeTokens: Bool

    public init(includeTokens: Bool = false) {
        self.includeTokens = includeTokens
    }

    /// One JSON line (without the newline) for an annotated document; `asOf` is the date that decided offices.
    public func encode(_ document: Document, asOf: String, gazetteerVersion: String? = nil) -> String {
        var json = JSONWriter(capacity: document.text.utf8.count * 2 + 1024)
        json.beginObject()
        json.string("schema", Self.articleSchema)
        json.string("id", document.id)
        Self.writeSource(document.source, into: &json)
        json.string("url", document.url)
        json.string("title", document.title)
        json.string("published", document.published)
        json.string("language", document.language)
        json.string("text", document.text)
        json.beginArray("sentences")
        for sentence in document.sentences { json.spanValue(sentence.start, sentence.end) }
        json.endArray()
        if includeTokens {
            json.beginArray("tokens")
            for token in document.tokens {
                json.beginArray()
                json.intValue(token.span.start)
                json.intValue(token.span.end)
                json.stringValue(Self.tokenKindName(token.kind))
                json.endArray()
            }
            json.endArray()
        }
        json.beginArray("entities")
        for entity in document.entities {
            json.beginObject()
            json.string("id", entity.id)
            json.string("type", entity.type.rawValue)
            json.int("start", entity.span.start)
            json.int("end", entity.span.end)
            json.string("text", entity.text)
            json.string("kb", entity.kb)
            json.string("canonical", entity.canonical)
            json.string("wikidata", entity.wikidata)
            json.int("sentence", entity.sentence)
            json.string("source", entity.source)
            json.endObject()
        }
        json.endArray()
        json.beginArray("relations")
        for relation in document.relations {
            json.beginObject()
            json.string("id", relation.id)
            json.string("type", relation.type.rawValue)
            json.string("head", relation.head)
            json.string("tail", relation.tail)
            json.string("role", relation.role)
            if let statement = relation.statement {
                json.span("statement", statement.start, statement.end)
            } else {
                json.null("statement")
            }
            json.int("sentence", relation.sentence)
            json.span("evidence", relation.evidence.start, relation.evidence.end)
            json.string("trigger", relation.trigger)
            json.string("source", relation.source)
            json.double("confidence", (relation.confidence * 100).rounded() / 100)
            json.endObject()
        }
        json.endArray()
        json.beginObject("meta")
        json.string("as_of", asOf)
        if let gazetteerVersion { json.string("gazetteer", gazetteerVersion) }
        json.endObject()
        json.endObject()
        return json.output
    }

    /// One JSON line (without the newline) for a rejected document.
    public func encode(_ reject: Reject) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("schema", Self.rejectSchema)
        json.string("id", reject.id)
        Self.writeSource(reject.source, into: &json)
        json.string("code", reject.reason.code)
        json.string("message", reject.reason.message)
        json.endObject()
        return json.output
    }

    static func writeSource(_ source: SourceLocator, into json: inout JSONWriter) {
        json.beginObject("source")
        json.string("path", source.path)
        json.string("format", source.format)
        json.int("index", source.index)
        json.endObject()
    }

    static func tokenKindName(_ kind: TokenKind) -> String {
        switch kind {
        case .word: return "word"
        case .number: return "number"
        case .punctuation, .space: return "punctuation"
        case .ideographic: return "ideographic"
        }
    }
}
