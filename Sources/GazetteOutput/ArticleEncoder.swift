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
    ///
    /// The layout is fixed, so keys, commas and brackets are written as prepared pieces straight into one
    /// buffer; the values go through the same escaping and number formatting as `JSONWriter`'s.
    public func encode(_ document: Document, asOf: String, gazetteerVersion: String? = nil) -> String {
        var line = LineBuffer(capacity: estimatedLength(of: document))
        write(document, asOf: asOf, gazetteerVersion: gazetteerVersion, into: &line)
        return line.output
    }

    /// Appends the article line of an annotated document, with its newline, to a block of lines; the
    /// line's index in the block. The bytes are those of `encode(_:asOf:gazetteerVersion:)` and a newline.
    @discardableResult
    public func append(_ document: Document, asOf: String, gazetteerVersion: String? = nil,
                       to block: inout LineBlockBuilder) -> Int {
        block.buffer.reserve(estimatedLength(of: document) + 1)
        write(document, asOf: asOf, gazetteerVersion: gazetteerVersion, into: &block.buffer)
        return block.endLine()
    }

    /// About the length of a document's line, so that the buffer is rarely grown.
    func estimatedLength(of document: Document) -> Int {
        document.text.utf8.count + 512 + 16 * document.sentences.count + 192 * document.entities.count
            + 256 * document.relations.count + (includeTokens ? 24 * document.tokens.count : 0)
    }

    func write(_ document: Document, asOf: String, gazetteerVersion: String?, into line: inout LineBuffer) {
        line.append(#"{"schema":"gazette.article/1","id":"#)
        line.string(document.id)
        Self.writeSource(document.source, into: &line)
        line.append(#","url":"#)
        line.string(document.url)
        line.append(#","title":"#)
        line.string(document.title)
        line.append(#","published":"#)
        line.string(document.published)
        line.append(#","language":"#)
        line.string(document.language)
        line.append(#","text":"#)
        line.string(document.text)
        line.append(#","sentences":["#)
        for (index, sentence) in document.sentences.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.span(sentence.start, sentence.end)
        }
        line.append(UInt8(ascii: "]"))
        if includeTokens { Self.writeTokens(document.tokens, into: &line) }
        line.append(#","entities":["#)
        Self.writeEntities(document.entities, into: &line)
        line.append(#"],"relations":["#)
        Self.writeRelations(document.relations, into: &line)
        line.append(#"],"meta":{"as_of":"#)
        line.string(asOf)
        if let gazetteerVersion {
            line.append(#","gazetteer":"#)
            line.string(gazetteerVersion)
        }
        line.append("}}")
    }

    /// The `tokens` array of an article line, with its key: `[start,end,"kind"]` per token.
    static func writeTokens(_ tokens: [Token], into line: inout LineBuffer) {
        line.append(#","tokens":["#)
        for (index, token) in tokens.enumerated() {
            line.append(index > 0 ? #",["# : "[")
            line.int(token.span.start)
            line.append(UInt8(ascii: ","))
            line.int(token.span.end)
            line.append(UInt8(ascii: ","))
            line.append(Self.tokenKindLiteral(token.kind))
            line.append(UInt8(ascii: "]"))
        }
        line.append(UInt8(ascii: "]"))
    }

    /// The objects of the `entities` array, in the order of the keys of the schema.
    static func writeEntities(_ entities: [Entity], into line: inout LineBuffer) {
        entities.withUnsafeBufferPointer { entities in
            for index in entities.indices {
                line.append(index > 0 ? #",{"id":"# : #"{"id":"#)
                line.string(entities[index].id)
                line.append(#","type":"#)
                line.append(Self.entityTypeLiteral(entities[index].type))
                line.append(#","start":"#)
                line.int(entities[index].span.start)
                line.append(#","end":"#)
                line.int(entities[index].span.end)
                line.append(#","text":"#)
                line.string(entities[index].text)
                line.append(#","kb":"#)
                line.string(entities[index].kb)
                line.append(#","canonical":"#)
                line.string(entities[index].canonical)
                line.append(#","wikidata":"#)
                line.string(entities[index].wikidata)
                line.append(#","sentence":"#)
                line.int(entities[index].sentence)
                line.append(#","source":"#)
                line.string(entities[index].source.rawValue)
                line.append(UInt8(ascii: "}"))
            }
        }
    }

    /// The objects of the `relations` array, in the order of the keys of the schema.
    static func writeRelations(_ relations: [Relation], into line: inout LineBuffer) {
        relations.withUnsafeBufferPointer { relations in
            for index in relations.indices {
                line.append(index > 0 ? #",{"id":"# : #"{"id":"#)
                line.string(relations[index].id)
                line.append(#","type":"#)
                line.string(relations[index].type.rawValue)
                line.append(#","head":"#)
                line.string(relations[index].head)
                line.append(#","tail":"#)
                line.string(relations[index].tail)
                line.append(#","role":"#)
                line.string(relations[index].role)
                line.append(#","statement":"#)
                if let statement = relations[index].statement {
                    line.span(statement.start, statement.end)
                } else {
                    line.append("null")
                }
                line.append(#","quote":"#)
                line.string(relations[index].quote?.rawValue)
                line.append(#","sentence":"#)
                line.int(relations[index].sentence)
                line.append(#","evidence":"#)
                line.span(relations[index].evidence.start, relations[index].evidence.end)
                line.append(#","trigger":"#)
                line.string(relations[index].trigger)
                line.append(#","source":"#)
                line.string(relations[index].source.rawValue)
                line.append(#","confidence":"#)
                JSONNumbers.writeHundredths(relations[index].confidence, into: &line)
                line.append(UInt8(ascii: "}"))
            }
        }
    }

    /// One JSON line (without the newline) for a rejected document.
    public func encode(_ reject: Reject) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("schema", Self.rejectSchema)
        json.field("id", reject.id)
        Self.writeSource(reject.source, into: &json)
        json.field("code", reject.reason.code.rawValue)
        json.field("message", reject.reason.message)
        json.endObject()
        return json.output
    }

    static func writeSource(_ source: SourceLocator, into line: inout LineBuffer) {
        line.append(#","source":{"path":"#)
        line.string(source.path)
        line.append(#","format":"#)
        line.string(source.format?.rawValue)
        line.append(#","index":"#)
        line.int(source.index)
        line.append(UInt8(ascii: "}"))
    }

    /// The string literal of an entity type, with its quotes.
    static func entityTypeLiteral(_ type: EntityType) -> StaticString {
        switch type {
        case .person: #""PERSON""#
        case .country: #""COUNTRY""#
        case .org: #""ORG""#
        case .city: #""CITY""#
        case .role: #""ROLE""#
        }
    }

    /// The string literal of a token kind's name, with its quotes.
    static func tokenKindLiteral(_ kind: TokenKind) -> StaticString {
        switch kind {
        case .word: #""word""#
        case .number: #""number""#
        case .punctuation, .space: #""punctuation""#
        case .ideographic: #""ideographic""#
        }
    }

    static func writeSource(_ source: SourceLocator, into json: inout JSONWriter) {
        json.beginObject("source")
        json.field("path", source.path)
        json.field("format", source.format?.rawValue)
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
