import Foundation
import GazetteCore
import GazetteRender
import GazetteTestSupport
import Testing

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test func markupAndQuotesBecomeText() {
        #expect(HTML.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTML.escape("\"'><img onerror=x>&") == "&quot;&#39;&gt;&lt;img onerror=x&gt;&amp;")
    }

    @Test func controlCharactersAreReplacedButLineBreaksKept() {
        #expect(HTML.escape("a\u{0}b\u{1B}c\nd\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\nd\u{FFFD}")
    }

    @Test func queryComponentsEncodeEverythingButUnreserved() {
        #expect(HTML.queryComponent("person:emmanuel-macron") == "person:emmanuel-macron")
        #expect(HTML.queryComponent("a b&c=\"<é") == "a%20b%26c%3D%22%3C%C3%A9")
    }

    @Test func emptyTitlesFallBackToTheId() {
        #expect(HTML.displayTitle("", id: "doc-1") == "doc-1")
        #expect(HTML.displayTitle(" \n", id: "doc-1") == "doc-1")
        #expect(HTML.displayTitle(nil, id: "") == "(untitled)")
        #expect(HTML.displayTitle("Title", id: "doc-1") == "Title")
    }

    @Test func onlyWikidataItemIdsBecomeLinks() {
        #expect(HTML.wikidataURL("Q142") == "https://www.wikidata.org/wiki/Q142")
        #expect(HTML.wikidataURL("javascript:alert(1)") == nil)
        #expect(HTML.wikidataURL("Q") == nil)
        #expect(HTML.wikidataURL("Q1\"") == nil)
        #expect(HTML.wikidataURL(nil) == nil)
    }
}

@Suite("Article rendering")
struct ArticleRenderingTests {
    func document(_ text: String, entities: [(Int, Int, EntityType)], relations: [(Int, Int)] = []) -> Document {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), text: text)
        document.entities = entities.enumerated().map { index, item in
            Entity(id: "e\(index)", type: item.2, span: TextSpan(start: item.0, end: item.1), text: "", canonical: "c\(index)",
                   sentence: 0, source: .gazetteer)
        }
        document.relations = relations.enumerated().map { index, span in
            Relation(id: "r\(index)", type: .holdsRole, head: "e0", tail: "e1", role: nil, sentence: 0,
                     evidence: TextSpan(start: span.0, end: span.1), trigger: "", source: .pattern, confidence: 1)
        }
        return document
    }

    @Test func nestedAndCrossingEntitiesEachBecomeOneBalancedElement() {
        // "Prime Minister Dick Schoof": a role inside a person, and a span crossing the person's end.
        let doc = document("Prime Minister Dick Schoof spoke", entities: [(0, 26, .person), (0, 14, .role), (20, 32, .org)])
        let html = ArticleRenderer().render(doc, anchor: "a1")
        #expect(occurrences(of: "id=\"a1-e[0-9]+\"", in: html) == 3)
        #expect(occurrences(of: "<span", in: html) == occurrences(of: "</span>", in: html))
        #expect(html.contains("id=\"a1-e1\" title=\"ROLE · c1\">Prime Minister"))
    }

    @Test func evidenceTextIsWrappedForItsRelation() {
        let doc = document("Dutch Prime Minister Dick Schoof", entities: [(6, 20, .role), (21, 32, .person)], relations: [(6, 32)])
        let html = ArticleRenderer().render(doc, anchor: "a1")
        #expect(html.contains("<span class=\"ev x0\">Prime Minister</span>"))
        #expect(html.contains("<li class=\"rel r0\""))
        #expect(PageTemplate.page(title: "t", body: html, relationSlots: 1).contains(".doc:has(.r0:hover,.r0:focus) .x0{"))
    }

    @Test func entitiesOutsideTheTextAreClippedNotDropped() {
        let doc = document("short", entities: [(2, 40, .city), (90, 99, .person)])
        let html = ArticleRenderer().render(doc, anchor: "a1")
        #expect(occurrences(of: "id=\"a1-e[0-9]+\"", in: html) == 2)
    }

    @Test func hostileTextTitleAndAnnotationsRenderAsText() throws {
        var page = ArticlesPage(title: "<script>alert(0)</script>")
        page.add(RenderFixtures.hostile())
        let html = page.html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("onerror=alert(1)>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let untagged = html.replacingOccurrences(of: "<span class=\"ev[^\"]*\">|</span>", with: "", options: .regularExpression)
        #expect(untagged.contains("said &#39; onmouseover=&#39;alert(2)&#39; and &quot;&gt;&lt;b&gt;bold&lt;/b&gt;"))
        #expect(!html.contains("' onmouseover"))
        let result = try Validator.tidy(html)
        #expect(result.clean, "\(result.messages)")
    }
}

@Suite("Rendering the annotated corpus")
struct RenderedCorpusTests {
    @Test func everyEntityAndRelationIsOnTheValidPage() throws {
        let documents = try RenderFixtures.annotatedCorpus()
        #expect(documents.count >= 10)
        var page = ArticlesPage(title: "Corpora")
        for document in documents { page.add(document) }
        let html = page.html()
        let entities = documents.reduce(0) { $0 + $1.entities.count }
        let relations = documents.reduce(0) { $0 + $1.relations.count }
        let quotes = documents.reduce(0) { $0 + $1.relations.filter { $0.type == .said }.count }
        #expect(entities > 300 && relations > 100 && quotes > 10)
        #expect(occurrences(of: "<span class=\"ent t-[a-z]+\" tabindex=\"0\" id=\"a[0-9]+-e[0-9]+\"", in: html) == entities)
        #expect(occurrences(of: "<li class=\"rel r[0-9]+\"", in: html) == relations)
        #expect(occurrences(of: "<li class=\"quote r[0-9]+\"", in: html) == quotes)
        #expect(occurrences(of: "<article class=\"doc\"", in: html) == documents.count)
        #expect(!html.contains("<script"))
        let result = try Validator.tidy(html)
        #expect(result.clean, "\(result.messages)")
    }

    @Test func theSeedArticlePageIsValidAndComplete() throws {
        let text = try String(contentsOf: Repository.seed, encoding: .utf8)
        let seed = try Repository.annotate(text, id: "Corpora/en/coalition-of-the-willing.txt")
        var page = ArticlesPage(title: "seed")
        page.add(seed)
        let html = page.html()
        #expect(seed.entities.count > 40)
        #expect(occurrences(of: "id=\"a1-e[0-9]+\"", in: html) == seed.entities.count)
        #expect(occurrences(of: "<li class=\"rel r[0-9]+\"", in: html) == seed.relations.count)
        #expect(html.contains("https://www.wikidata.org/wiki/Q3052772"))
        let result = try Validator.tidy(html)
        #expect(result.clean, "\(result.messages)")
    }
}
