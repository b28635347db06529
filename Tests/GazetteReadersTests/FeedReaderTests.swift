import Foundation
import GazetteCore
import GazetteReaders
import GazetteZlib
import Testing

@Suite("Feeds")
struct FeedReaderTests {
    @Test func rssFeedWithThreeItemsBecomesThreeArticles() throws {
        let result = Reading.read([Reading.fixture("three-items.rss")])
        #expect(result.rejects.isEmpty)
        let documents = result.documents
        try #require(documents.count == 3)
        #expect(documents.map(\.id) == ["wire-2025-0001", "https://news.example.org/2025/09/05/brussels", "wire-2025-0003"])
        #expect(documents.map(\.source.format) == [.rss, .rss, .rss])
        #expect(documents.map(\.source.index) == [0, 1, 2])
        #expect(documents.map(\.published) == ["2025-09-04T10:15:00+02:00", "2025-09-05T08:00:00Z", "2025-09-06T07:30:00Z"])
        #expect(documents[0].format == .html)
        #expect(documents[0].url == "https://news.example.org/2025/09/04/paris")

        // content:encoded wins over description, and its HTML is cleaned as HTML.
        let first = try Reading.clean(documents[0])
        #expect(first.title == "Leaders meet in Paris")
        #expect(first.text.contains("French President Emmanuel Macron received thirty leaders in Paris on Thursday."))
        #expect(first.text.contains("The talks lasted & ran late."))
        #expect(!first.text.contains("teaser"))
        #expect(!first.text.contains("<p>"))
        // Escaped HTML in description is HTML too.
        let second = try Reading.clean(documents[1])
        #expect(second.text.contains("The foreign ministers met in Brussels on Friday morning."))
        // A title-only item still becomes a document.
        let third = try Reading.clean(documents[2])
        #expect(third.text == "Title-only flash")
    }

    @Test func atomEntriesUseContentAndPublished() throws {
        let result = Reading.read([Reading.fixture("two-entries.atom")])
        #expect(result.rejects.isEmpty)
        let documents = result.documents
        try #require(documents.count == 2)
        #expect(documents.map(\.id) == ["urn:gazette:test:atom:1", "urn:gazette:test:atom:2"])
        #expect(documents.map(\.source.format) == [.atom, .atom])
        #expect(documents.map(\.published) == ["2025-09-04T09:00:00+02:00", "2025-09-05T12:00:00Z"])
        #expect(documents.map(\.url) == ["https://atom.example.org/a/1", "https://atom.example.org/a/2"])
        let first = try Reading.clean(documents[0])
        #expect(first.text == "Coalition talks continue\n\nDutch Prime Minister Dick Schoof joined the talks.")
        let second = try Reading.clean(documents[1])
        #expect(second.text == "XHTML entry\n\nFirst paragraph of the entry.\n\nSecond paragraph.")
    }

    @Test func feedsAreSniffedInsideXMLNamesAndGzip() throws {
        let rss = try Data(contentsOf: URL(fileURLWithPath: Reading.fixture("three-items.rss")))
        let directory = try Reading.directory([
            "feed.xml": Array(rss),
            "noext": Array(rss),
            "feed.rss.gz": Gzip.compress(Array(rss)),
        ])
        let result = Reading.read([directory.path])
        #expect(result.rejects.isEmpty)
        #expect(result.documents.count == 6, "feed.rss.gz and feed.xml are read; a file without a known extension in a directory is not")
        let formats = Set(result.documents.map(\.source.format))
        #expect(formats == [.rss])
        let noExtension = Reading.read([directory.appendingPathComponent("noext").path])
        #expect(noExtension.documents.count == 3, "named explicitly, a file is sniffed")
    }

    @Test func duplicateGuidIsRejectedAndTheOthersKept() {
        let feed = """
            <rss version="2.0"><channel><title>t</title>
            <item><title>One</title><guid>same</guid><description>first</description></item>
            <item><title>Two</title><guid>same</guid><description>second</description></item>
            <item><title>Three</title><guid>other</guid><description>third</description></item>
            </channel></rss>
            """
        let directory = try! Reading.directory(["dup.rss": feed.bytes])
        let result = Reading.read([directory.appendingPathComponent("dup.rss").path])
        #expect(result.documents.map(\.id) == ["same", "other"])
        #expect(result.rejects.map(\.reason.code.rawValue) == ["duplicate_id"])
        #expect(result.rejects.first?.source.index == 1)
    }

    @Test func malformedFeedKeepsItsReadableItemAndRejectsTheDamage() throws {
        let directory = try Reading.directory(["bad.rss": "<rss><channel><item><title>x</item></rss>".bytes,
                                                "cut.rss": "<rss><channel><title>none".bytes,
                                                "empty.rss": "<rss version=\"2.0\"><channel><title>none</title></channel></rss>".bytes])
        let result = Reading.read([directory.path])
        #expect(result.codesByFile == ["bad.rss": ["xml_recovered"], "cut.rss": ["xml_malformed"], "empty.rss": ["no_articles"]])
        #expect(result.documents.map(\.title) == ["x"])
    }
}
