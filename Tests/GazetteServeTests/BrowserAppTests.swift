import Foundation
import GazetteCore
import GazetteIndex
import GazetteServe
import GazetteTestSupport
import Testing

@Suite("Browser requests and parameters")
struct BrowserParameterTests {
    @Test func queryStringsDecodeAsFormsSendThem() {
        let request = BrowserRequest(method: "GET", path: "/search", rawQuery: "q=prime+minister%21&entity=a&entity=b%3Ac&x&bad=%zz%E2%82")
        #expect(request.value("q") == "prime minister!")
        #expect(request.values("entity") == ["a", "b:c"])
        #expect(request.values("x") == [""])
        #expect(request.value("bad") == "%zz\u{FFFD}")
    }

    @Test func badParametersAreRefusedWithTheirName() {
        func refusal(_ query: String, api: Bool = false) -> String? {
            do {
                _ = try SearchParameters(BrowserRequest(method: "GET", path: "/search", rawQuery: query), api: api)
                return nil
            } catch { return error.message }
        }
        #expect(refusal("q=" + String(repeating: "a", count: 501))?.contains("longer than 500") == true)
        #expect(refusal("page=0")?.hasPrefix("page") == true)
        #expect(refusal("page=99999999999999999999")?.hasPrefix("page") == true)
        #expect(refusal("size=101")?.hasPrefix("size") == true)
        #expect(refusal("limit=-1", api: true)?.hasPrefix("limit") == true)
        #expect(refusal("type=PLANET")?.contains("PLANET") == true)
        #expect(refusal("relation=owns")?.contains("owns") == true)
        #expect(refusal("since=2025-9")?.hasPrefix("since") == true)
        #expect(refusal("facets=maybe", api: true)?.hasPrefix("facets") == true)
        #expect(refusal(Array(repeating: "entity=x", count: 11).joined(separator: "&"))?.contains("at most") == true)
        #expect(refusal("q=summit&type=person&since=2025&until=2025-09-30&page=2&size=5") == nil)
    }
}

@Suite("Browser pages")
struct BrowserAppTests {
    let app: BrowserApp
    let documents: Int
    let path: String

    init() throws {
        let built = try ServeFixtures.built.get()
        app = built.app
        documents = built.documents
        path = built.path
    }

    @Test func theAPIAnswersAsGazetteSearchDoes() throws {
        let index = try SearchIndex(path: path)
        defer { try? index.close() }
        let cases: [(String, SearchQuery)] = [
            ("q=%22prime+minister%22&since=2025-06&until=2025-09&limit=3",
             SearchQuery(text: "\"prime minister\"", since: "2025-06", until: "2025-09", limit: 3)),
            ("entity=person:emmanuel-macron&entity=person:dick-schoof",
             SearchQuery(entities: ["person:emmanuel-macron", "person:dick-schoof"])),
            ("relation=leader_of&entity=country:UA&facets=1&facet-size=3&limit=2",
             SearchQuery(entities: ["country:UA"], relations: [.leaderOf], limit: 2, facets: true, facetSize: 3)),
        ]
        for (query, expected) in cases {
            let response = app.respond(to: request("/api/search?" + query))
            #expect(response.status == .ok)
            #expect(response.contentType == .json)
            #expect(response.body == SearchResultFormatter.json(try index.search(expected)) + "\n", "\(query)")
        }
    }

    @Test func pagingWalksThroughAllHitsOnce() throws {
        var seen: [String] = []
        for page in 1...4 {
            let response = app.respond(to: request("/search?size=3&page=\(page)"))
            #expect(response.status == .ok)
            seen += links(withClass: "title", in: response.body)
        }
        #expect(seen.count == documents)
        #expect(Set(seen).count == documents)
    }

    @Test func aFacetNarrowsTheSearchAndKeepsTheQuery() throws {
        let first = app.respond(to: request("/search?q=minister"))
        let total = count("class=\"hit\"", in: first.body)
        let facet = try #require(links(withClass: "facet", in: first.body).first)
        #expect(facet.contains("q=minister"))
        let narrowed = app.respond(to: request(facet))
        #expect(narrowed.status == .ok)
        #expect(narrowed.body.contains("<p class=\"filters\">"))
        #expect(count("class=\"hit\"", in: narrowed.body) <= total)
        #expect(count("class=\"hit\"", in: narrowed.body) > 0)
    }

    @Test func snippetsMarkQueryTermsAndFilteredEntities() {
        let body = app.respond(to: request("/search?q=Macron&entity=person:dick-schoof")).body
        #expect(body.contains("<mark>Macron</mark>"))
        #expect(body.contains("<mark class=\"hit-ent\">"))
    }

    @Test func theArticlePageShowsEveryEntityAndRelation() throws {
        let index = try IndexReader(path: path)
        let id = try #require(try index.search(SearchQuery(text: "Coalition Willing Hekster", limit: 1)).hits.first?.id)
        #expect(id.hasSuffix("Corpora/en/coalition-of-the-willing.txt"))
        let seed = try #require(try index.document(id: id))
        let response = app.respond(to: request("/article?id=" + HTML_query(id)))
        #expect(response.status == .ok)
        #expect(count("id=\"a1-e[0-9]+\"", in: response.body) == seed.entities.count)
        #expect(count("<li class=\"rel r[0-9]+\"", in: response.body) == seed.relations.count)
        #expect(response.body.contains("href=\"/entity?kb=person:emmanuel-macron\""))
    }

    @Test func theEntityPageListsArticlesNewestFirstAndRelationsOverTime() {
        let response = app.respond(to: request("/entity?kb=country:UA"))
        #expect(response.status == .ok)
        let dates = response.body.components(separatedBy: "<ol class=\"articles\"")[1].components(separatedBy: "</ol>")[0]
            .components(separatedBy: "<time>").dropFirst().map { String($0.prefix(10)) }.filter { $0 != "undated</t" }
        #expect(dates.count > 3)
        #expect(dates == dates.sorted(by: >))
        #expect(response.body.contains("Relations over time"))
        #expect(response.body.contains("leader_of"))
        #expect(response.body.contains("Mentioned with"))
    }

    @Test func hostileTextIsEscapedOnEveryPage() {
        let id = HTML_query(ServeFixtures.hostileID)
        for target in ["/search?q=onerror", "/article?id=" + id, "/entity?kb=" + HTML_query("\"'><svg onload=alert(7)>")] {
            let response = app.respond(to: request(target))
            #expect(response.status == .ok, "\(target)")
            #expect(!response.body.contains("<script"), "\(target)")
            #expect(!response.body.contains("<img"), "\(target)")
            #expect(!response.body.contains("<svg"), "\(target)")
        }
        let article = app.respond(to: request("/article?id=" + id)).body
        #expect(article.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(article.contains("&lt;script&gt;"))
        #expect(article.contains("alert(1)&lt;/script&gt;"))
        #expect(article.contains("&#39; onmouseover=&#39;alert(2)&#39;"))
    }

    @Test func badParametersGive400AndUnknownIds404() {
        #expect(app.respond(to: request("/search?page=0")).status == .badRequest)
        #expect(app.respond(to: request("/search?q=%22unclosed")).status == .badRequest)
        #expect(app.respond(to: request("/api/search?limit=1000")).status == .badRequest)
        #expect(app.respond(to: request("/article")).status == .badRequest)
        #expect(app.respond(to: request("/article?id=no-such-article")).status == .notFound)
        #expect(app.respond(to: request("/entity?kb=person:nobody")).status == .notFound)
        #expect(app.respond(to: request("/entity?kb=country:UA&page=x")).status == .badRequest)
        #expect(app.respond(to: request("/admin")).status == .notFound)
        #expect(app.respond(to: request("/search", method: "POST")).status == .methodNotAllowed)
        let page = app.respond(to: request("/search?type=%3Cscript%3E")).body
        #expect(page.contains("unknown entity type &#39;&lt;script&gt;&#39;"))
    }

    @Test func theReaderRefusesWhatIsNotAnIndex() throws {
        #expect(throws: IndexError.self) { try IndexReader(path: "/nonexistent/news.sqlite") }
        let file = try Repository.temporaryDirectory().appendingPathComponent("not-an-index.sqlite")
        try Data("not sqlite".utf8).write(to: file)
        #expect(throws: IndexError.self) { try IndexReader(path: file.path) }
    }
}

/// Percent-encodes a query value as a browser would.
func HTML_query(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
}
