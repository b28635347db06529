import Foundation
import GazetteCore
import GazetteOutput
import Testing

@Suite("Output contract decoder")
struct ArticleRecordTests {
    /// A field of another JSON type reads as missing (and a list with a non-object in it as no list), as the
    /// gold checks need; a line that is not a JSON object is an error.
    @Test func decodingIsLenientAboutFieldsAndStrictAboutTheLine() throws {
        let record = try ArticleRecord.decode(
            #"{"schema":"gazette.article/1","id":"a","text":"xy","url":5,"source":{"path":"p","index":"1"},"#
                + #""entities":[{"type":"PERSON","start":0,"end":"1"}],"relations":[{"type":"said"},3]}"#)
        #expect(record.url == nil)
        #expect(record.source?.path == "p" && record.source?.index == nil)
        #expect(record.entities?.first?.start == 0 && record.entities?.first?.end == nil)
        #expect(record.relations == nil)
        #expect(throws: ArticleDecodingError.self) { try record.document() }
        for line in ["[1,2]", "not json", ""] {
            #expect(throws: ArticleDecodingError.self) { try ArticleRecord.decode(line) }
        }
    }

    /// The source locator of article and reject lines, wherever the key stands and whatever the strings hold.
    @Test func sourceIsReadFromAnyLine() {
        let line = #"{"id":"odd \"source\":{\"path\":\"x\",\"index\":9}","source":{"index":4,"path":"in.jsonl"}}"#
        #expect(ArticleRecord.source(of: Data(line.utf8))! == ("in.jsonl", 4))
        #expect(ArticleRecord.source(of: Data(#"{"schema":"x"}"#.utf8)) == nil)
    }
}
