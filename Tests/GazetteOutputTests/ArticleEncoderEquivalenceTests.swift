import GazetteCore
@testable import GazetteOutput
import GazetteTestSupport
import Testing

/// `ArticleEncoder` writes its fixed layout as prepared pieces; the reference below writes the same document
/// through the general `JSONWriter` (keys, commas and nesting tracked as it goes), as the encoder did before.
/// Both must give the same bytes for any document.
@Suite("Article encoder equivalence")
struct ArticleEncoderEquivalenceTests {
    static func reference(_ document: Document, asOf: String, gazetteerVersion: String?, includeTokens: Bool) -> String {
        var json = JSONWriter(capacity: 16)
        json.beginObject()
        json.field("schema", ArticleEncoder.articleSchema)
        json.field("id", document.id)
        json.beginObject("source")
        json.field("path", document.source.path)
        json.field("format", document.source.format?.rawValue)
        json.field("index", document.source.index)
        json.endObject()
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
                json.stringValue(ArticleEncoder.tokenKindName(token.kind))
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
            json.field("source", entity.source.rawValue)
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
            json.field("quote", relation.quote?.rawValue)
            json.field("sentence", relation.sentence)
            json.field("evidence", span: relation.evidence.start, relation.evidence.end)
            json.field("trigger", relation.trigger)
            json.field("source", relation.source.rawValue)
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

    func expectSame(_ document: Document, _ comment: Comment? = nil) {
        for includeTokens in [false, true] {
            for version in [nil, "tsv-0123456789ab"] as [String?] {
                let encoded = ArticleEncoder(includeTokens: includeTokens).encode(document, asOf: "2025-09-04", gazetteerVersion: version)
                let expected = Self.reference(document, asOf: "2025-09-04", gazetteerVersion: version, includeTokens: includeTokens)
                #expect(Array(encoded.utf8) == Array(expected.utf8), comment)
            }
        }
    }

    /// Documents the pipeline annotates from the repository's corpora: entities, relations, tokens as they come.
    @Test func annotatedCorpusDocuments() throws {
        let texts = [
            "President Emmanuel Macron of France met Chancellor Olaf Scholz in Berlin on Monday. \"We agree,\" Macron said.",
            "Rutte, de minister-president van Nederland, sprak in Den Haag met koning Willem-Alexander.\n\nHij zei: \"Goed.\"",
            "The United Nations said Japan and the U.S. signed a deal in Tokyo; Tim Cook, chief executive of Apple, attended.",
        ]
        for (index, text) in texts.enumerated() {
            let document = try Repository.annotate(text, id: "doc-\(index)", title: "T\u{2028}", published: "2025-09-04")
            #expect(!document.entities.isEmpty)
            expectSame(document, "\(text)")
        }
    }

    /// Random documents: strings with every escape and multi-byte characters, absent optionals, long values that
    /// outgrow the first estimate of the line, and confidences that are not hundredths (or not finite).
    @Test func randomDocuments() {
        let pieces = ["plain", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "é", "😀",
                      "日本", "e\u{301}", String(repeating: "long run of text ", count: 40)]
        var generator = SeededGenerator(seed: 2_025_09_04)
        func text(_ pieceCount: Int) -> String {
            (0..<Int.random(in: 0...pieceCount, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        func maybe(_ pieceCount: Int) -> String? { Bool.random(using: &generator) ? text(pieceCount) : nil }
        func number() -> Int { [0, 7, 10, 99, 12345, -1, Int.max, Int.min].randomElement(using: &generator)! }
        let confidences: [Double] = [0, 0.004, 0.005, 0.1, 0.15, 0.333, 0.5, 0.7, 0.75, 0.9, 0.95, 0.999, 1, 1.004, 1.5, 2,
                                     -0.001, -0.2, -3, 1e13, 1e20, .nan, .infinity, -.infinity, .ulpOfOne, 0.285, 0.575]
        // Every document also goes into one block of lines, from a buffer far too small at first.
        var block = LineBlockBuilder(capacity: 0)
        var blockLines: [String] = []
        for round in 0..<400 {
            var document = Document(
                id: text(3), source: SourceLocator(path: text(3), format: InputFormat.allCases.randomElement(using: &generator), index: number()), url: maybe(3),
                title: maybe(3), published: maybe(2), language: maybe(1), text: text(round % 10 == 0 ? 60 : 12))
            document.sentences = (0..<Int.random(in: 0...5, using: &generator)).map { _ in TextSpan(start: number(), end: number()) }
            document.tokens = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                Token(span: TextSpan(start: number(), end: number()), utf8Start: 0, utf8End: 0,
                      kind: [.word, .number, .punctuation, .space, .ideographic].randomElement(using: &generator)!)
            }
            document.entities = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                Entity(id: text(1), type: EntityType.allCases.randomElement(using: &generator)!,
                       span: TextSpan(start: number(), end: number()), text: text(3), kb: maybe(2), canonical: text(2),
                       wikidata: maybe(1), sentence: number(),
                       source: EntitySource.allCases.randomElement(using: &generator)!)
            }
            document.relations = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                Relation(id: text(1), type: RelationType.allCases.randomElement(using: &generator)!, head: text(1), tail: maybe(1),
                         statement: Bool.random(using: &generator) ? TextSpan(start: number(), end: number()) : nil,
                         quote: QuoteKind.allCases.randomElement(using: &generator).flatMap { Bool.random(using: &generator) ? $0 : nil },
                         role: maybe(2), sentence: number(), evidence: TextSpan(start: number(), end: number()), trigger: text(2),
                         source: RelationSource.allCases.randomElement(using: &generator)!, confidence: confidences.randomElement(using: &generator)!)
            }
            expectSame(document)
            let index = ArticleEncoder().append(document, asOf: "2025-09-04", gazetteerVersion: "v", to: &block)
            #expect(index == blockLines.count)
            blockLines.append(ArticleEncoder().encode(document, asOf: "2025-09-04", gazetteerVersion: "v"))
        }
        let finished = block.finish()
        #expect(finished.lineCount == blockLines.count)
        #expect((0..<finished.lineCount).map { finished.line($0) } == blockLines)
        let whole = finished.withBytes(ofLines: 0..<finished.lineCount) { Array($0) }
        #expect(whole == Array(blockLines.map { $0 + "\n" }.joined().utf8))
        #expect(whole.count == finished.byteCount)
        let middle = finished.withBytes(ofLines: 100..<250) { Array($0) }
        #expect(middle == Array(blockLines[100..<250].map { $0 + "\n" }.joined().utf8))
        #expect(finished.withBytes(ofLines: 7..<7) { $0.count } == 0)
    }

    /// Every hundredth a confidence can round to, and the values around them.
    @Test func everyHundredth() {
        for hundredth in -5...105 {
            var document = Document(id: "d", source: SourceLocator(path: "p", format: .text, index: 0), url: nil, title: nil,
                                    published: nil, language: nil, text: "")
            for offset in [-0.004, -0.0000001, 0, 0.0000001, 0.004, 0.005] {
                document.relations.append(Relation(
                    id: "r", type: .said, head: "e1", tail: nil, statement: nil, role: nil, sentence: 0,
                    evidence: TextSpan(start: 0, end: 1), trigger: "said", source: .pattern,
                    confidence: Double(hundredth) / 100 + offset))
            }
            expectSame(document, "\(hundredth)")
        }
    }
}
