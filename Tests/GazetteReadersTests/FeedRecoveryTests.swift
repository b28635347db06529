import GazetteCore
@testable import GazetteReaders
import Testing

/// Feeds with local damage: every readable item is a document, the damage one reject line with its position.
@Suite("Feeds: recovery")
struct FeedRecoveryTests {
    static func read(_ feed: String) -> (items: [ReadItem], statistics: ReadStatistics) {
        DocumentStream.items(of: Array(feed.utf8), path: "damaged.rss")
    }

    static func summary(_ items: [ReadItem]) -> [String] {
        items.map { item in
            switch item {
            case .document(let raw): return raw.title ?? "untitled"
            case .reject(let reject): return reject.reason.code.rawValue
            }
        }
    }

    @Test func oneBadTagLosesNoOtherItem() {
        let feed = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>First</title><description>One.</description></item>
            <item><title>Second</title><description>Two <b>bold</i> words.</description></item>
            <item><title>Third</title><description>Three.</description></item>
            </channel></rss>
            """
        let result = Self.read(feed)
        #expect(Self.summary(result.items) == ["First", "Second", "Third", "xml_recovered"])
        guard case .reject(let reject)? = result.items.last else { return }
        #expect(reject.reason.message.contains("line 3"))
        #expect(reject.source.index == 3)
        #expect(result.statistics.partial == ["feed read past an XML error": 1])
    }

    @Test func aFeedCutAfterTwoItemsKeepsThem() {
        let feed = "<rss><channel><item><title>A</title></item><item><title>B</title></item><item><title>C"
        #expect(Self.summary(Self.read(feed).items) == ["A", "B", "C", "xml_recovered"])
    }

    @Test func aFeedCutBeforeAnyItemIsOneReject() {
        #expect(Self.summary(Self.read("<rss><channel><title>Only the channel").items) == ["xml_malformed"])
    }

    @Test func nestedItemsAreItemsToo() {
        let feed = """
            <rss><channel><item><title>Outer</title><description>Text.</description><item /></item>
            <item><title>Next</title><description>More.</description></item></channel></rss>
            """
        #expect(Self.summary(Self.read(feed).items) == ["Outer", "empty_document", "Next"])
    }

    @Test func refusedInputIsNotRecovered() {
        let feed = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <rss><channel><item><title>&x;</title></item></channel></rss>
            """
        #expect(Self.summary(Self.read(feed).items) == ["external_entity"])
    }
}
