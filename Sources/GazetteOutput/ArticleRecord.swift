import Foundation
import GazetteCore

/// One line of Gazette's output contract as written: a `gazette.article/1` or `gazette.reject/1` object, field
/// for field, before any check. The one decoder of the contract: evaluation, gold checks, resume and the index
/// read lines through it.
///
/// Decoding is lenient the way the contract's readers need: a field that is missing or of another JSON type is
/// nil (an array of entities with one non-object in it is nil as a whole), so that the checks that follow can
/// say what is wrong. `document()` makes a `Document` of an article record.
public struct ArticleRecord: Decodable, Sendable {
    /// The `source` locator object.
    public struct Source: Decodable, Sendable {
        public var path: String?
        public var format: String?
        public var index: Int?

        enum CodingKeys: String, CodingKey { case path, format, index }

        /// Decodes the fields leniently: one of another type is nil.
        public init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: CodingKeys.self)
            path = fields.lenient(String.self, .path)
            format = fields.lenient(String.self, .format)
            index = fields.lenient(Int.self, .index)
        }
    }

    /// One object of the `entities` array.
    public struct EntityRecord: Decodable, Sendable {
        public var id: String?
        /// The type's name as written (it may be no `EntityType`).
        public var type: String?
        public var start: Int?
        public var end: Int?
        public var text: String?
        public var kb: String?
        public var canonical: String?
        public var wikidata: String?
        public var sentence: Int?
        public var source: String?

        enum CodingKeys: String, CodingKey { case id, type, start, end, text, kb, canonical, wikidata, sentence, source }

        /// Decodes the fields leniently: one of another type is nil.
        public init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: CodingKeys.self)
            id = fields.lenient(String.self, .id)
            type = fields.lenient(String.self, .type)
            start = fields.lenient(Int.self, .start)
            end = fields.lenient(Int.self, .end)
            text = fields.lenient(String.self, .text)
            kb = fields.lenient(String.self, .kb)
            canonical = fields.lenient(String.self, .canonical)
            wikidata = fields.lenient(String.self, .wikidata)
            sentence = fields.lenient(Int.self, .sentence)
            source = fields.lenient(String.self, .source)
        }

        /// The entity's type when it is a known one.
        public var entityType: EntityType? { type.flatMap(EntityType.init(rawValue:)) }
    }

    /// One object of the `relations` array.
    public struct RelationRecord: Decodable, Sendable {
        public var id: String?
        /// The type's name as written (it may be no `RelationType`).
        public var type: String?
        public var head: String?
        public var tail: String?
        public var role: String?
        public var statement: [Int]?
        public var quote: String?
        public var sentence: Int?
        public var evidence: [Int]?
        public var trigger: String?
        public var source: String?
        public var confidence: Double?

        enum CodingKeys: String, CodingKey {
            case id, type, head, tail, role, statement, quote, sentence, evidence, trigger, source, confidence
        }

        /// Decodes the fields leniently: one of another type is nil.
        public init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: CodingKeys.self)
            id = fields.lenient(String.self, .id)
            type = fields.lenient(String.self, .type)
            head = fields.lenient(String.self, .head)
            tail = fields.lenient(String.self, .tail)
            role = fields.lenient(String.self, .role)
            statement = fields.lenient([Int].self, .statement)
            quote = fields.lenient(String.self, .quote)
            sentence = fields.lenient(Int.self, .sentence)
            evidence = fields.lenient([Int].self, .evidence)
            trigger = fields.lenient(String.self, .trigger)
            source = fields.lenient(String.self, .source)
            confidence = fields.lenient(Double.self, .confidence)
        }

        /// The relation's type when it is a known one.
        public var relationType: RelationType? { type.flatMap(RelationType.init(rawValue:)) }
    }

    /// `gazette.article/1` or `gazette.reject/1` (or anything else a line says).
    public var schema: String?
    public var id: String?
    public var source: Source?
    public var url: String?
    public var title: String?
    public var published: String?
    public var language: String?
    public var text: String?
    public var sentences: [[Int]]?
    public var entities: [EntityRecord]?
    public var relations: [RelationRecord]?

    enum CodingKeys: String, CodingKey {
        case schema, id, source, url, title, published, language, text, sentences, entities, relations
    }

    /// Decodes the fields leniently: one of another type is nil.
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        schema = fields.lenient(String.self, .schema)
        id = fields.lenient(String.self, .id)
        source = fields.lenient(Source.self, .source)
        url = fields.lenient(String.self, .url)
        title = fields.lenient(String.self, .title)
        published = fields.lenient(String.self, .published)
        language = fields.lenient(String.self, .language)
        text = fields.lenient(String.self, .text)
        sentences = fields.lenient([[Int]].self, .sentences)
        entities = fields.lenient([EntityRecord].self, .entities)
        relations = fields.lenient([RelationRecord].self, .relations)
    }

    /// The record of one JSON line; throws when the line is not a JSON object.
    public static func decode(_ line: some StringProtocol) throws(ArticleDecodingError) -> ArticleRecord {
        try decode(bytes: Data(line.utf8))
    }

    /// The record of one JSON line given as UTF-8 bytes; throws when the line is not a JSON object.
    public static func decode(bytes: Data) throws(ArticleDecodingError) -> ArticleRecord {
        do {
            return try JSONDecoder().decode(ArticleRecord.self, from: bytes)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw ArticleDecodingError(message: "the line is not a JSON object")
        } catch {
            throw ArticleDecodingError(message: "the line is not valid JSON: \(error.localizedDescription)")
        }
    }

    /// The document of a `gazette.article/1` record: missing optional fields take their defaults (an entity's
    /// id is `e<n>`, its canonical form its text, its source "gazetteer"; a relation's id `r<n>`, its source
    /// "pattern", its confidence 1; a source that is none of the schema's values takes the default too). Throws when the schema is another one, the id or text is missing, an entity
    /// lacks a known type, start or end, or a relation a known type or head.
    public func document() throws(ArticleDecodingError) -> Document {
        guard schema == ArticleEncoder.articleSchema else {
            throw ArticleDecodingError(message: "schema is not \(ArticleEncoder.articleSchema)")
        }
        guard let id, let text else { throw ArticleDecodingError(message: "id and text are required") }
        var document = Document(
            id: id,
            source: SourceLocator(
                path: source?.path ?? "", format: source?.format.flatMap(InputFormat.init(rawValue:)),
                index: source?.index ?? 0),
            url: url, title: title, published: published, language: language, text: text)
        document.sentences = (sentences ?? []).compactMap(Self.span)
        for (index, raw) in (entities ?? []).enumerated() {
            guard let type = raw.entityType, let start = raw.start, let end = raw.end else {
                throw ArticleDecodingError(message: "entity \(index) of \(id) lacks a known type, start or end")
            }
            let mention = raw.text ?? ""
            document.entities.append(Entity(
                id: raw.id ?? "e\(index + 1)", type: type, span: TextSpan(start: start, end: end), text: mention,
                kb: raw.kb, canonical: raw.canonical ?? mention, wikidata: raw.wikidata, sentence: raw.sentence ?? 0,
                source: raw.source.flatMap(EntitySource.init(rawValue:)) ?? .gazetteer))
        }
        for (index, raw) in (relations ?? []).enumerated() {
            guard let type = raw.relationType, let head = raw.head else {
                throw ArticleDecodingError(message: "relation \(index) of \(id) lacks a known type or head")
            }
            document.relations.append(Relation(
                id: raw.id ?? "r\(index + 1)", type: type, head: head, tail: raw.tail,
                statement: raw.statement.flatMap(Self.span), quote: raw.quote.flatMap(QuoteKind.init(rawValue:)),
                role: raw.role, sentence: raw.sentence ?? 0,
                evidence: raw.evidence.flatMap(Self.span) ?? TextSpan(start: 0, end: 0), trigger: raw.trigger ?? "",
                source: raw.source.flatMap(RelationSource.init(rawValue:)) ?? .pattern, confidence: raw.confidence ?? 1))
        }
        return document
    }

    static func span(_ pair: [Int]) -> TextSpan? {
        pair.count == 2 ? TextSpan(start: pair[0], end: pair[1]) : nil
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`, or nil when it is missing, null or of another type.
    func lenient<Value: Decodable>(_ type: Value.Type, _ key: Key) -> Value? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }
}

extension ArticleRecord {
    /// Only the `source` field of a line (the other fields are not built).
    struct SourceField: Decodable {
        var source: Source?

        enum CodingKeys: String, CodingKey { case source }

        init(from decoder: any Decoder) throws {
            source = try decoder.container(keyedBy: CodingKeys.self).lenient(Source.self, .source)
        }
    }

    /// The `source` path and index of an article or reject line given as UTF-8 bytes; nil when the line is not
    /// a JSON object or its locator lacks either.
    public static func source(of line: Data) -> (path: String, index: Int)? {
        guard let field = try? JSONDecoder().decode(SourceField.self, from: line),
            let path = field.source?.path, let index = field.source?.index
        else { return nil }
        return (path, index)
    }
}
