import Foundation
import GazetteCore
import GazetteReaders
import GazetteTestSupport
import Testing

@Suite("Newswire")
struct NewswireReaderTests {
    @Test func nitfArticleHasHeadlineDatelineAndMetadata() throws {
        let result = Reading.read([Reading.fixture("article.nitf")])
        #expect(result.rejects.isEmpty)
        let document = try #require(result.documents.first)
        #expect(document.id == "gazette-nitf-0042")
        #expect(document.source.format == .nitf)
        #expect(document.published == "2025-09-05T14:30:00Z")
        #expect(document.url == "https://nitf.example.org/summit")
        #expect(document.language == "en")
        let clean = try Reading.clean(document)
        #expect(clean.title == "Summit ends with a joint statement")
        #expect(clean.text == """
            Summit ends with a joint statement

            KYIV, Sept 5 The leaders signed a joint statement on Friday.

            They will meet again next month.
            """)
    }

    /// Reuters-style articles written for the test: a normal one, one with an invalid byte, a title-only one,
    /// an UNPROC one, an empty one, and one cut off before its end tag.
    @Test func reutersElementsAreReadOneByOne() throws {
        var bytes = """
            <?xml version="1.0"?>
            <LEWIS>
            <REUTERS TOPICS="YES" NEWID="7">
            <DATE>26-FEB-1987 15:01:01.79</DATE>
            <TEXT>
            <TITLE>COCOA   REVIEW</TITLE>
            <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout
            the week.
                The dry period means the harvest will be late.
             Reuter
            &#3;</BODY></TEXT>
            </REUTERS>
            <REUTERS NEWID="8">
            <DATE>27-FEB-1987 09:00:00.00</DATE>
            <TEXT><TITLE>BAD BYTE</TITLE><BODY>Growth.
            """.bytes
        bytes.append(0xFC)
        bytes += """
             Side measures.</BODY></TEXT>
            </REUTERS>
            <REUTERS NEWID="9"><DATE>1-MAR-1987 10:00:00.00</DATE><TEXT><TITLE>TITLE ONLY</TITLE></TEXT></REUTERS>
            <REUTERS NEWID="10"><TEXT TYPE="UNPROC">&#2;
            unprocessed text
            here</TEXT></REUTERS>
            <REUTERS NEWID="11"><TEXT></TEXT></REUTERS>
            <REUTERS NEWID="12"><TEXT><TITLE>CUT</TITLE>
            <REUTERS NEWID="13"><TEXT><TITLE>AFTER THE CUT</TITLE></TEXT></REUTERS>
            </LEWIS>
            """.bytes
        let directory = try Reading.directory(["reut.xml": bytes])
        let result = Reading.read([directory.appendingPathComponent("reut.xml").path])
        #expect(result.items.count == 7)
        #expect(result.documents.map(\.id) == ["reuters:7", "reuters:8", "reuters:9", "reuters:10", "reuters:13"])
        #expect(result.rejects.map(\.id) == ["reuters:11", "reuters:12"])
        #expect(result.rejects.map(\.reason.code.rawValue) == ["empty_document", "sgml_truncated"])
        #expect(result.items.map { item -> Int in
            switch item {
            case .document(let raw): raw.source.index
            case .reject(let reject): reject.source.index
            }
        } == Array(0..<7))
        #expect(Set(result.documents.map(\.source.format)) == [.sgml])
        // The article with a byte that is not UTF-8 (and no declaration) is decoded in the charset ICU's detector
        // chooses, and the decision counted: nothing is replaced.
        #expect(result.statistics.replacedBytes == 0)
        #expect(result.statistics.charsets["detected windows-1252"] == 1)

        let first = try Reading.clean(result.documents[0])
        #expect(first.title == "COCOA REVIEW")
        #expect(first.published == "1987-02-26T15:01:01")
        #expect(first.text == """
            COCOA REVIEW

            SALVADOR, Feb 26 - Showers continued throughout the week.

            The dry period means the harvest will be late.
            """)
        let repaired = try Reading.clean(result.documents[1])
        #expect(repaired.text == "BAD BYTE\n\nGrowth.\u{FC} Side measures.")
        #expect(try Reading.clean(result.documents[2]).text == "TITLE ONLY")
        #expect(try Reading.clean(result.documents[3]).text == "unprocessed text here")
    }

    /// The whole Reuters-21578 corpus beside the repository (`../shared/corpora`): every article is read, and the
    /// stray byte of reut2-017.xml costs no article.
    @Test func allReutersArticlesAreRead() throws {
        // Beside the clone in CI (ROOT/../shared); beside the worktrees' parent on the team machine (ROOT/../../shared).
        let candidates = [Repository.root.deletingLastPathComponent(), Repository.root.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appendingPathComponent("shared/corpora/reuters21578/xml").standardizedFileURL }
        let directory = candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("reut2-000.xml").path) }
        let found = try #require(directory, "the Reuters-21578 XML files must be in one of \(candidates.map(\.path))")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: found.path)) ?? [])
            .filter { $0.hasPrefix("reut2-") && $0.hasSuffix(".xml") }.sorted()
        try #require(files.count == 22, "expected 22 Reuters-21578 files in \(found.path), found \(files.count)")

        var total = 0
        var documents = 0
        var rejectsByCode: [String: Int] = [:]
        var ids = Set<String>()
        for file in files {
            let result = Reading.read([found.appendingPathComponent(file).path])
            total += result.items.count
            documents += result.documents.count
            for reject in result.rejects { rejectsByCode[reject.reason.code.rawValue, default: 0] += 1 }
            ids.formUnion(result.documents.map(\.id))
            if file == "reut2-017.xml" {
                #expect(result.items.count == 1000)
                #expect(result.documents.count == 1000, "no article of reut2-017.xml is lost to its stray byte")
                #expect(result.statistics.charsets.keys.contains { $0.hasPrefix("detected ") })
            }
            if file == "reut2-000.xml" {
                let first = try #require(result.documents.first)
                #expect(first.id == "reuters:1")
                #expect(first.title == "BAHIA COCOA REVIEW")
                #expect(first.published == "1987-02-26T15:01:01")
            }
        }
        #expect(total == 21_578)
        #expect(documents + rejectsByCode.values.reduce(0, +) == 21_578)
        #expect(ids.count == documents, "NEWIDs are unique")
        print("Reuters-21578: \(documents) documents, rejects \(rejectsByCode)")
    }
}
