import Foundation
import GazetteCore
import GazetteOutput
import GazetteSchema
import GazetteTestSupport
import Testing

@Suite("Output encoding")
struct EncoderTests {
    func sample() -> Document {
        var document = Document(
            id: "d1", source: SourceLocator(path: "in/a.txt", format: .text, index: 0), url: nil, title: "Quote \"here\"",
            published: "2025-09-04", language: "en", text: "Quote \"here\"\n\nTab\there \\ é 🇺🇦 \u{1}")
        document.sentences = [TextSpan(start: 0, end: 12), TextSpan(start: 14, end: 31)]
        document.entities = [Entity(id: "e1", type: .country, span: TextSpan(start: 28, end: 30), text: "🇺🇦", kb: "country:UA",
                                    canonical: "Ukraine", wikidata: "Q212", sentence: 1, source: .gazetteer)]
        document.relations = [Relation(id: "r1", type: .said, head: "e1", tail: nil, statement: TextSpan(start: 14, end: 20),
                                       quote: .direct, role: nil, sentence: 1, evidence: TextSpan(start: 14, end: 30), trigger: "said",
                                       source: .pattern, confidence: 0.75)]
        return document
    }

    @Test func escapesWhatJSONRequiresAndKeepsTheRest() throws {
        let line = ArticleEncoder().encode(sample(), asOf: "2025-09-04")
        #expect(!line.contains("\n"))
        #expect(line.contains(#""text":"Quote \"here\"\n\nTab\there \\ é 🇺🇦 \u0001""#))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["text"] as? String == sample().text)
    }

    @Test func keysComeInContractOrderAndValidate() throws {
        let line = ArticleEncoder(includeTokens: false).encode(sample(), asOf: "2025-09-04", gazetteerVersion: "tsv-0")
        #expect(try JSONValue.objectKeysInOrder(ofLine: line) == [
            "schema", "id", "source", "url", "title", "published", "language", "text", "sentences", "entities", "relations", "meta",
        ])
        let schema = try JSONSchema(contentsOf: Repository.articleSchema)
        #expect(schema.validate(jsonLine: line).isEmpty)
        #expect(line.contains(#""relations":[{"id":"r1","type":"said","head":"e1","tail":null,"role":null,"statement":[14,20],"quote":"direct","sentence":1,"evidence":[14,30],"trigger":"said","source":"pattern","confidence":0.75}]"#))
        #expect(line.hasSuffix(#""meta":{"as_of":"2025-09-04","gazetteer":"tsv-0"}}"#))
    }

    @Test func tokensAreWrittenOnRequest() throws {
        var document = sample()
        document.tokens = [Token(span: TextSpan(start: 0, end: 5), utf8Start: 0, utf8End: 5, kind: .word)]
        let line = ArticleEncoder(includeTokens: true).encode(document, asOf: "2025-09-04")
        #expect(line.contains(#""tokens":[[0,5,"word"]]"#))
        #expect(try JSONSchema(contentsOf: Repository.articleSchema).validate(jsonLine: line).isEmpty)
    }

    @Test func decoderReadsBackWhatTheEncoderWrote() throws {
        let original = sample()
        let decoded = try ArticleDecoder().decode(ArticleEncoder().encode(original, asOf: "2025-09-04"))
        #expect(decoded.text == original.text)
        #expect(decoded.entities.map(\.span) == original.entities.map(\.span))
        #expect(decoded.relations.first?.statement == TextSpan(start: 14, end: 20))
        #expect(decoded.relations.first?.tail == nil)
    }

    @Test func rejectLinesFollowTheirSchema() throws {
        let reject = Reject(id: "x", source: SourceLocator(path: "x.html", format: .html),
                            reason: RejectReason(code: .invalidUTF8, message: "bad byte"))
        let line = ArticleEncoder().encode(reject)
        #expect(line == #"{"schema":"gazette.reject/1","id":"x","source":{"path":"x.html","format":"html","index":0},"code":"invalid_utf8","message":"bad byte"}"#)
        #expect(try JSONSchema(contentsOf: Repository.rejectSchema).validate(jsonLine: line).isEmpty)
    }
}
