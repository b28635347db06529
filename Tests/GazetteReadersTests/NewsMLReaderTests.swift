import Foundation
import GazetteCore
@testable import GazetteReaders
import Testing

/// NewsML-G2, NewsML 1.x and NITF files written by the team after the agencies' structures: each item's title,
/// text and date against what a person reads in the file.
@Suite("NewsML and NITF")
struct NewsMLReaderTests {
    static func text(_ raw: RawDocument) -> String { String(decoding: raw.bytes, as: UTF8.self) }

    @Test func g2MessageUnfoldsItsItemsAndSkipsThePackage() {
        let result = Reading.read([Reading.fixture("newsml-g2-message.xml")])
        #expect(result.rejects.isEmpty)
        #expect(result.documents.map(\.id) == ["urn:newsml:gazette.example:text-7:3", "urn:newsml:gazette.example:pic-7:1"])
        #expect(result.documents.map(\.source.format) == [.newsml, .newsml])
        #expect(result.statistics.skippedRecords == ["newsml packageItem": 1, "newsml item without text": 1])
        let story = result.documents[0]
        #expect(story.title == "Leaders of the coalition meet in Paris")
        #expect(story.published == "2025-09-04T08:30:00.000Z")
        #expect(story.language == "en")
        #expect(Self.text(story) == """
            Leaders of the coalition meet in Paris

            Jeanne Martin

            PARIS, Sept 4 French President Emmanuel Macron received the leaders of the coalition on Thursday.

            Dutch Prime Minister Dick Schoof said the talks were useful.
            """)
        let picture = result.documents[1]
        #expect(picture.title == "Leaders arrive at the Elysee")
        #expect(Self.text(picture).hasSuffix("Leaders arrive at the Elysee palace in Paris on September 4, 2025."))
        #expect(picture.published == "2025-09-04T08:45:00Z")
    }

    @Test func newsML1ReadsHeadlineBylineDatelineAndEscapedHTML() {
        let result = Reading.read([Reading.fixture("newsml-1.xml")])
        #expect(result.rejects.isEmpty)
        #expect(result.documents.count == 1)
        let story = result.documents[0]
        #expect(story.id == "urn:newsml:gazette.example:20250904:NL-0815:1")
        #expect(story.title == "Premier Schoof reist naar Parijs")
        #expect(story.published == "2025-09-04T10:00:00+02:00")
        #expect(story.language == "nl")
        #expect(Self.text(story) == """
            Premier Schoof reist naar Parijs

            Door Anna de Vries

            DEN HAAG, 4 sept - De Nederlandse premier Dick Schoof reist donderdag naar Parijs.

            Daar spreekt hij met de Franse president Macron over Oekraïne.
            """)
    }

    @Test func nitfDeclaringLatin1ButHoldingUTF8IsReadAsUTF8() {
        let result = Reading.read([Reading.fixture("nitf-mislabelled-utf8.xml")])
        #expect(result.rejects.isEmpty)
        let story = result.documents[0]
        #expect(story.title == "41-årig fisker reddet utenfor Bodø")
        #expect(story.published == "2025-09-04T12:00:00+02:00")
        #expect(Self.text(story).contains("En 41-årig mann ble reddet fra sjøen torsdag."))
        #expect(!Self.text(story).contains("Ã"))
        #expect(result.statistics.charsets == ["utf-8 over declaration": 1])
    }

    @Test func formatIsDetectedFromTheRootAndCanBeForced() {
        #expect(FormatDetector.format(path: "a.xml", bytes: Array("<?xml version=\"1.0\"?><newsMessage/>".utf8)) == .newsml)
        #expect(FormatDetector.format(path: "a.xml", bytes: Array("<!-- c --><NewsML Version=\"1.2\"/>".utf8)) == .newsml)
        #expect(FormatDetector.format(path: "a.xml", bytes: Array("<g2:newsItem xmlns:g2=\"x\"/>".utf8)) == .newsml)
        var options = ReaderOptions()
        options.forcedFormat = .newsml
        let forced = DocumentStream.items(of: Array("<doc><p>Not NewsML</p></doc>".utf8), path: "x.xml", options: options)
        guard case .reject(let reject)? = forced.items.first else {
            Issue.record("a forced NewsML read of another vocabulary must be a reject")
            return
        }
        #expect(reject.reason.code.rawValue == "no_articles")
    }

    @Test func aPackageAloneIsReadAsItsListOfHeadlines() {
        let package = """
            <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
            <packageItem guid="pkg-1"><itemMeta><firstCreated>2025-09-04T10:00:00Z</firstCreated></itemMeta>
            <contentMeta><headline>Top stories</headline></contentMeta>
            <groupSet><group><itemRef residref="a"><headline>Talks begin in Paris</headline></itemRef>
            <itemRef residref="b"><headline>Markets open higher</headline></itemRef></group></groupSet></packageItem>
            </itemSet></newsMessage>
            """
        let result = DocumentStream.items(of: Array(package.utf8), path: "p.xml")
        guard case .document(let raw)? = result.items.first else {
            Issue.record("expected one document")
            return
        }
        #expect(Self.text(raw) == "Top stories\n\nTalks begin in Paris\n\nMarkets open higher")
        #expect(result.statistics.skippedRecords.isEmpty)
    }

    @Test func duplicateItemIdsAreRejected() {
        let item = "<newsItem guid=\"same\"><contentMeta><headline>One</headline></contentMeta></newsItem>"
        let message = "<newsMessage><itemSet>\(item)\(item)</itemSet></newsMessage>"
        let result = DocumentStream.items(of: Array(message.utf8), path: "d.newsml")
        let codes = result.items.map { item -> String in
            if case .reject(let reject) = item { return reject.reason.code.rawValue }
            return "document"
        }
        #expect(codes == ["document", "duplicate_id"])
    }
}
