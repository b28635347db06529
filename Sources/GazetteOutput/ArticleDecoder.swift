import Foundation
import GazetteCore

/// Why a line could not be read as a `gazette.article/1` record.
public struct ArticleDecodingError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Reads `gazette.article/1` lines back into documents (for evaluation, indexing and export).
public struct ArticleDecoder: Sendable {
    public init() {}

    /// A document from one JSON line of Gazette's output or of a gold file.
    public func decode(_ line: some StringProtocol) throws(ArticleDecodingError) -> Document {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ArticleDecodingError(message: "the line is not a JSON object")
            }
            object = parsed
        } catch let error as ArticleDecodingError {
            throw error
        } catch {
            throw ArticleDecodingError(message: "the line is not valid JSON: \(error.localizedDescription)")
        }
        guard object["schema"] as? String == ArticleEncoder.articleSchema else {
            throw ArticleDecodingError(message: "schema is not \(ArticleEncoder.articleSchema)")
        }
        guard let id = object["id"] as? String, let text = object["text"] as? String else {
            throw ArticleDecodingError(message: "id and text are required")
        }
        let source = object["source"] as? [String: Any] ?? [:]
        var document = Document(
            id: id,
            source: SourceLocator(path: source["path"] as? String ?? "", format: source["format"] as? String ?? "",
                                  index: source["index"] as? Int ?? 0),
            url: object["url"] as? String, title: object["title"] as? String, published: object["published"] as? String,
            language: object["language"] as? String, text: text)
        document.sentences = (object["sentences"] as? [[Int]] ?? []).compactMap(Self.span)
        for (index, raw) in (object["entities"] as? [[String: Any]] ?? []).enumerated() {
            guard let typeName = raw["type"] as? String, let type = EntityType(rawValue: typeName),
                let start = raw["start"] as? Int, let end = raw["end"] as? Int
            else {
                throw ArticleDecodingError(message: "entity \(index) of \(id) lacks a known type, start or end")
            }
            let mention = raw["text"] as? String ?? ""
            document.entities.append(Entity(
                id: raw["id"] as? String ?? "e\(index + 1)", type: type, span: TextSpan(start: start, end: end),
                text: mention, kb: raw["kb"] as? String, canonical: raw["canonical"] as? String ?? mention,
                wikidata: raw["wikidata"] as? String, sentence: raw["sentence"] as? Int ?? 0,
                source: raw["source"] as? String ?? "gazetteer"))
        }
        for (index, raw) in (object["relations"] as? [[String: Any]] ?? []).enumerated() {
            guard let typeName = raw["type"] as? String, let type = RelationType(rawValue: typeName),
                let head = raw["head"] as? String
            else {
                throw ArticleDecodingError(message: "relation \(index) of \(id) lacks a known type or head")
            }
            document.relations.append(Relation(
                id: raw["id"] as? String ?? "r\(index + 1)", type: type, head: head, tail: raw["tail"] as? String,
                statement: (raw["statement"] as? [Int]).flatMap(Self.span),
                quote: (raw["quote"] as? String).flatMap(QuoteKind.init(rawValue:)), role: raw["role"] as? String,
                sentence: raw["sentence"] as? Int ?? 0,
                evidence: (raw["evidence"] as? [Int]).flatMap(Self.span) ?? TextSpan(start: 0, end: 0),
                trigger: raw["trigger"] as? String ?? "", source: raw["source"] as? String ?? "pattern",
                confidence: raw["confidence"] as? Double ?? 1))
        }
        return document
    }

    static func span(_ pair: [Int]) -> TextSpan? {
        pair.count == 2 ? TextSpan(start: pair[0], end: pair[1]) : nil
    }
}
