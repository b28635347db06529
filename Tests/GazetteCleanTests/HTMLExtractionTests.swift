import Foundation
@testable import GazetteClean
import GazetteCore
import GazetteXML
import Testing

@Suite("HTML extraction")
struct HTMLExtractionTests {
    func extract(_ html: String) throws -> HTMLExtraction {
        let tree = try Array(html.utf8).withUnsafeBytes { try XMLTree.parseHTML($0, encoding: "UTF-8") }
        return HTMLCleaner.extract(root: try #require(tree.root))
    }

    @Test func textDatesInFourLanguages() {
        #expect(TextDate.find(in: "Saturday 2 August 2025, 14:05") == "2025-08-02")
        #expect(TextDate.find(in: "Donnerstag, 12. Juni 2025") == "2025-06-12")
        #expect(TextDate.find(in: "June 12, 2025 3:41 PM GMT") == "2025-06-12")
        #expect(TextDate.find(in: "Publié le 23 novembre 2025 à 06h00") == "2025-11-23")
        #expect(TextDate.find(in: "18 feb 2025, 07:30") == "2025-02-18")
        #expect(TextDate.find(in: "04.03.2025, 08:15 Uhr") == "2025-03-04")
        #expect(TextDate.find(in: "rates at 3.75 percent and 2,000 homes") == nil)
        #expect(TextDate.iso("2025-09-04T10:00:00+02:00") == "2025-09-04")
        #expect(TextDate.iso("2025-13-04") == nil)
    }

    @Test func siteNamesLeaveTitles() {
        #expect(PageMetadata.withoutSiteName("Storm nears | Coastal Weekly", site: "Coastal Weekly") == "Storm nears")
        #expect(PageMetadata.withoutSiteName("Coastal Weekly - Amber warning as first autumn storm approaches", site: nil)
            == "Amber warning as first autumn storm approaches")
        #expect(PageMetadata.withoutSiteName("Ferry crews vote to strike over summer rosters – The Herald", site: nil)
            == "Ferry crews vote to strike over summer rosters")
        #expect(PageMetadata.withoutSiteName("Storm warning - what you need to know before Thursday", site: nil)
            == "Storm warning - what you need to know before Thursday")
    }

    @Test func jsonLDBodyReplacesAnEmptyJavaScriptShell() throws {
        let html = """
            <html><head><title>Coins stolen | Pulse</title><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},{"@type":"NewsArticle",
            "headline":"Coins stolen in museum raid","datePublished":"2025-02-08T07:00:00Z","author":{"@type":"Person","name":"R. Stone"},
            "publisher":{"@type":"Organization","name":"Pulse"},"articleBody":"Thieves took the coins overnight.
            Police appealed for witnesses on Saturday."}]}</script></head>
            <body><nav><a href="/">Home</a></nav><div id="app"></div><noscript>Enable JavaScript.</noscript></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == ["Thieves took the coins overnight.", "Police appealed for witnesses on Saturday."])
        #expect(result.signal == "json-ld-articleBody")
        #expect(result.metadata.title == "Coins stolen in museum raid")
        #expect(result.metadata.published == "2025-02-08")
        #expect(result.metadata.author == "R. Stone")
        #expect(result.metadata.siteName == "Pulse")
    }

    @Test func densityScoringFindsABodyWithoutArticleMarkup() throws {
        let paragraph = "The council voted on Tuesday, after a long debate, to keep the three libraries open for another year."
        let teasers = (1...6).map { "<div class=\"box\"><a href=\"/n/\($0)\">Other story number \($0) with a long linked headline</a><div>Short summary of it, in brief, for readers.</div></div>" }
        let html = """
            <html lang="en"><body><div id="top"><div class="links"><a href="/">Home</a> <a href="/news">News</a></div></div>
            <div class="col"><h1>Libraries stay open after vote</h1><div class="info">By Ann Lee | 12 November 2025</div>
            <div class="txt">\(paragraph)<br><br>\(paragraph) It was close.<br><br>Read the <a href="/minutes">minutes</a> online, said the clerk, on Wednesday.</div>
            \(teasers.joined())</div></body></html>
            """
        let result = try extract(html)
        #expect(result.signal == "text-density")
        #expect(result.paragraphs == [paragraph, paragraph + " It was close.", "Read the minutes online, said the clerk, on Wednesday."])
        #expect(result.metadata.title == "Libraries stay open after vote")
        #expect(result.metadata.published == "2025-11-12")
        #expect(result.metadata.language == "en")
    }

    @Test func labelsLinksBylinesAndCreditsInsideTheArticleAreDropped() throws {
        let html = """
            <html><head><meta property="og:title" content="Rates held"><meta property="og:site_name" content="Post"></head><body><article>
            <h1>Rates held</h1><p>By Helen Park</p><p>The bank left rates unchanged on Thursday, as expected by markets.</p>
            <div><p>ADVERTISEMENT</p></div><p><strong>Read more:</strong> <a href="/x">Another story about something else entirely</a></p>
            <h2>What comes next</h2><ul><li>A cut in September is likely, economists said.</li></ul>
            <blockquote><p>The direction of travel is clear.</p></blockquote><p>Photo: Reuters</p>
            <h3>Related</h3><ul><li><a href="/a">Story A with a headline</a></li></ul>
            <p>Reporting by Ellen Shaw; Editing by Mark Dunne</p></article></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == [
            "The bank left rates unchanged on Thursday, as expected by markets.", "What comes next",
            "A cut in September is likely, economists said.", "The direction of travel is clear.",
        ])
        #expect(result.metadata.author == "Helen Park")
    }

    /// Nesting is walked with explicit stacks: a page as deep as libxml2 allows is cleaned, and a far deeper
    /// one is cleaned or rejected but never crashes.
    @Test(arguments: [200, 20_000])
    func deeplyNestedPagesDoNotOverflowTheStack(depth: Int) throws {
        let html = "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>Deep inside the page there is still a paragraph of article text to find.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let raw = RawDocument(id: "deep", source: SourceLocator(path: "deep", format: .html), format: .html, bytes: Array(html.utf8))
        do {
            let document = try HTMLCleaner().clean(raw)
            #expect(document.text.contains("Deep inside the page"))
        } catch {
            #expect(depth > 256 && error.code.rawValue == "empty_document")
        }
    }
}
