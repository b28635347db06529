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
        json.field("schema", Self.articleSchema)
        json.field("id", document.id)
        Self.writeSource(document.source, into: &json)
        json.field("url", document.url)
        json.field("title", document.title)
        json.field("published", document.published)
        json.field("language", document.language)
        json.field("text", document.text)
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
            json.field("id", entity.id)
            json.field("type", entity.type.rawValue)
            json.field("start", entity.span.start)
            json.field("end", entity.span.end)
            json.field("text", entity.text)
            json.field("kb", entity.kb)
            json.field("canonical", entity.canonical)
            json.field("wikidata", entity.wikidata)
            json.field("sentence", entity.sentence)
            json.field("source", entity.source)
            json.endObject()
        }
        json.endArray()
        json.beginArray("relations")
        for relation in document.relations {
            json.beginObject()
            json.field("id", relation.id)
            json.field("type", relation.type.rawValue)
            json.field("head", relation.head)
            json.field("tail", relation.tail)
            json.field("role", relation.role)
            if let statement = relation.statement {
                json.field("statement", span: statement.start, statement.end)
            } else {
                json.null("statement")
            }
            json.field("sentence", relation.sentence)
            json.field("evidence", span: relation.evidence.start, relation.evidence.end)
            json.field("trigger", relation.trigger)
            json.field("source", relation.source)
            json.double("confidence", (relation.confidence * 100).rounded() / 100)
            json.endObject()
        }
        json.endArray()
        json.beginObject("meta")
        json.field("as_of", asOf)
        if let gazetteerVersion { json.field("gazetteer", gazetteerVersion) }
        json.endObject()
        json.endObject()
        return json.output
    }

    /// One JSON line (without the newline) for a rejected document.
    public func encode(_ reject: Reject) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("schema", Self.rejectSchema)
        json.field("id", reject.id)
        Self.writeSource(reject.source, into: &json)
        json.field("code", reject.reason.code)
        json.field("message", reject.reason.message)
        json.endObject()
        return json.output
    }

    static func writeSource(_ source: SourceLocator, into json: inout JSONWriter) {
        json.beginObject("source")
        json.field("path", source.path)
        json.field("format", source.format)
        json.field("index", source.index)
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
