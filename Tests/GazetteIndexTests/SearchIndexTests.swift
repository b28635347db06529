import Foundation
import GRDB
import GazetteCore
import GazetteIndex
import GazetteTestSupport
import Testing

/// The hand-made fixture documents (see make-fixtures.py beside this file).
enum Fixtures {
    static let articles = Repository.path("Tests/GazetteIndexTests/Fixtures/articles.jsonl")

    static func documents() throws -> [Document] {
        try ArticleFileReader(path: articles.path).map { try $0.get() }
    }

    /// A fresh index file in a temporary directory, holding the fixtures.
    static func index() throws -> SearchIndex {
        let index = try SearchIndex(path: try Repository.temporaryDirectory().appendingPathComponent("news.sqlite").path)
        try index.upsert(try documents())
        return index
    }
}

extension SearchIndex {
    /// Ids of the hits of a query, in rank order.
    func ids(_ query: SearchQuery) throws -> [String] {
        try search(query).hits.map(\.id)
    }
}

@Suite("Search index")
struct SearchIndexTests {
    @Test func fixturesAreReadBack() throws {
        let documents = try Fixtures.documents()
        #expect(documents.map(\.id) == ["fx-1", "fx-2", "fx-3", "fx-4", "fx-5", "fx-6"])
        for document in documents {
            for entity in document.entities { #expect(document.text(of: entity.span) == entity.text) }
        }
    }

    @Test func indexingTwiceLeavesNoDuplicates() throws {
        let index = try Fixtures.index()
        let once = try index.counts()
        #expect(once == SearchIndex.Counts(documents: 6, entities: 38, relations: 10))
        try index.upsert(try Fixtures.documents())
        try index.upsert(try Fixtures.documents())
        #expect(try index.counts() == once)
        try index.checkIntegrity()
        // The full-text index has no stale rows either: each word finds each document once.
        #expect(try index.search(SearchQuery(text: "Macron")).total == 3)
    }

    @Test func reindexingADocumentReplacesItsRowsAndText() throws {
        let index = try Fixtures.index()
        var changed = try #require(try Fixtures.documents().first { $0.id == "fx-5" })
        changed.title = "Polish farmers lift the blockade"
        changed.text = "Polish farmers lift the blockade\n\nThe tractors left the crossings with Ukraine."
        changed.entities = [Entity(id: "e1", type: .country, span: TextSpan(start: 71, end: 78), text: "Ukraine",
                                   kb: "country:UA", canonical: "Ukraine", sentence: 1, source: .gazetteer)]
        changed.relations = []
        #expect(changed.text(of: changed.entities[0].span) == "Ukraine")
        try index.upsert([changed])
        #expect(try index.counts() == SearchIndex.Counts(documents: 6, entities: 36, relations: 9))
        #expect(try index.ids(SearchQuery(text: "tractors")) == ["fx-5"])
        #expect(try index.ids(SearchQuery(text: "grain")) == [])
        #expect(try index.ids(SearchQuery(entities: ["person:donald-tusk"])) == [])
        try index.checkIntegrity()
    }

    @Test func phraseSearchNeedsTheWordsTogether() throws {
        let index = try Fixtures.index()
        // fx-5 has "assets" and "frozen" but not the phrase.
        #expect(try index.ids(SearchQuery(text: "\"frozen assets\"")) == ["fx-2"])
        #expect(Set(try index.ids(SearchQuery(text: "frozen assets"))) == ["fx-2", "fx-5"])
    }

    @Test func entitiesMustCoOccur() throws {
        let index = try Fixtures.index()
        #expect(Set(try index.ids(SearchQuery(entities: ["person:emmanuel-macron"]))) == ["fx-2", "fx-3", "fx-4"])
        #expect(Set(try index.ids(SearchQuery(entities: ["person:dick-schoof"]))) == ["fx-1", "fx-4"])
        #expect(try index.ids(SearchQuery(entities: ["person:emmanuel-macron", "person:dick-schoof"])) == ["fx-4"])
        #expect(try index.ids(SearchQuery(entities: ["person:emmanuel-macron", "person:mark-rutte"])) == [])
        // A pattern-only person (no kb) is found by its canonical name.
        #expect(try index.ids(SearchQuery(entities: ["Witkoff"])) == ["fx-6"])
        #expect(try index.ids(SearchQuery(entities: ["person:nobody"])) == [])
    }

    @Test func relationFilterIsPerDocument() throws {
        let index = try Fixtures.index()
        #expect(Set(try index.ids(SearchQuery(relations: [.leaderOf]))) == ["fx-1", "fx-2", "fx-3", "fx-5"])
        #expect(Set(try index.ids(SearchQuery(relations: [.citizenOf]))) == ["fx-4", "fx-6"])
        #expect(try index.ids(SearchQuery(relations: [.said])) == ["fx-2"])
        // Filters combine per document: fx-2's leader_of is von der Leyen's, not Macron's.
        #expect(Set(try index.ids(SearchQuery(entities: ["person:emmanuel-macron"], relations: [.leaderOf])))
                == ["fx-2", "fx-3"])
        #expect(try index.ids(SearchQuery(relations: [.memberOf])) == [])
    }

    @Test func typeFilter() throws {
        let index = try Fixtures.index()
        #expect(Set(try index.ids(SearchQuery(types: [.city]))) == ["fx-1", "fx-3", "fx-6"])
        #expect(Set(try index.ids(SearchQuery(types: [.city, .role]))) == ["fx-1"])
    }

    @Test func dateRangeIsInclusiveAtTheGivenPrecision() throws {
        let index = try Fixtures.index()
        // Newest first without a text query; the undated fx-6 is left out once a bound is given.
        #expect(try index.ids(SearchQuery(since: "2025-05-07", until: "2025-06-24")) == ["fx-1", "fx-3"])
        #expect(try index.ids(SearchQuery(since: "2025-05", until: "2025-06")) == ["fx-1", "fx-3"])
        #expect(try index.ids(SearchQuery(since: "2025-09")) == ["fx-2", "fx-4"])
        #expect(try index.ids(SearchQuery(until: "2025-03-12")) == ["fx-5"])
        #expect(try index.ids(SearchQuery(until: "2025-03-11")) == [])
        #expect(Set(try index.ids(SearchQuery(text: "Macron", since: "2025-06"))) == ["fx-2", "fx-4"])
        #expect(try index.search(SearchQuery()).total == 6)
    }

    @Test func bm25RanksTitleMatchesFirst() throws {
        let index = try Fixtures.index()
        let hits = try index.search(SearchQuery(text: "Macron")).hits
        #expect(hits.first?.id == "fx-3" || hits.first?.id == "fx-4")
        #expect(hits.count == 3)
        #expect(hits.last?.id == "fx-2")
        #expect(hits.allSatisfy { $0.score != nil })
        #expect(hits.map { $0.score! } == hits.map { $0.score! }.sorted())
    }

    @Test func limitCutsHitsButNotTheTotal() throws {
        let index = try Fixtures.index()
        let result = try index.search(SearchQuery(limit: 2))
        #expect(result.total == 6)
        #expect(result.hits.count == 2)
    }

    @Test func snippetsMarkQueryTermsAndFilteredEntities() throws {
        let index = try Fixtures.index()
        let hit = try #require(try index.search(SearchQuery(text: "Paris", entities: ["person:friedrich-merz"])).hits.first)
        #expect(hit.id == "fx-3")
        #expect(hit.snippet.contains("[Paris]"))
        #expect(hit.snippet.contains("«Friedrich Merz»"))
        #expect(!hit.snippet.contains("\n"))
        // Both marks on the same mention nest.
        let nested = try #require(try index.search(SearchQuery(text: "Schoof", entities: ["person:dick-schoof"])).hits.first {
            $0.id == "fx-1"
        })
        #expect(nested.snippet.contains("«Dick [Schoof]»"))
        // Without a text query, the snippet shows the entity.
        let plain = try #require(try index.search(SearchQuery(entities: ["person:donald-tusk"])).hits.first)
        #expect(plain.snippet.contains("«Donald Tusk»"))
        #expect(!plain.snippet.contains("["))
    }

    @Test func facetsCountMatchingDocumentsPerEntity() throws {
        let index = try Fixtures.index()
        let result = try index.search(SearchQuery(entities: ["person:emmanuel-macron"], limit: 1, facets: true))
        #expect(result.total == 3)
        func facets(_ type: EntityType) -> [String] {
            result.facets.filter { $0.type == type }.map { "\($0.kb ?? $0.canonical)=\($0.documents)" }
        }
        // Macron is mentioned three times in fx-3 and twice in fx-4: documents are counted, not mentions.
        #expect(facets(.person) == [
            "person:emmanuel-macron=3", "person:dick-schoof=1", "person:friedrich-merz=1", "person:ursula-von-der-leyen=1",
        ])
        #expect(facets(.country) == ["country:FR=3", "country:UA=2", "country:DE=1", "country:NL=1", "country:RU=1"])
        #expect(facets(.org) == ["org:european-commission=1"])
        #expect(facets(.city) == ["city:paris=1"])
        #expect(facets(.role) == ["role:prime-minister=1"])
        // Types in schema order.
        #expect(result.facets.map(\.type.rawValue) == result.facets.map(\.type).sorted {
            EntityType.allCases.firstIndex(of: $0)! < EntityType.allCases.firstIndex(of: $1)!
        }.map(\.rawValue))
        let small = try index.search(SearchQuery(entities: ["person:emmanuel-macron"], facets: true, facetSize: 1))
        #expect(small.facets.filter { $0.type == .country }.map(\.documents) == [3])
        // Pattern-only persons are faceted by canonical name.
        let witkoff = try index.search(SearchQuery(text: "Kyiv", facets: true))
        #expect(witkoff.facets.contains(Facet(type: .person, kb: nil, canonical: "Witkoff", documents: 1)))
    }

    @Test func invalidFullTextQueryIsAnError() throws {
        let index = try Fixtures.index()
        #expect(throws: IndexError.self) { try index.search(SearchQuery(text: "Macron AND (")) }
    }

    @Test func schemaVersionIsCheckedOnOpen() throws {
        let directory = try Repository.temporaryDirectory()
        let path = directory.appendingPathComponent("news.sqlite").path
        let index = try SearchIndex(path: path)
        try index.upsert(try Fixtures.documents())
        try index.close()
        // Reopening the same version works and keeps the data.
        let reopened = try SearchIndex(path: path)
        #expect(try reopened.counts().documents == 6)
        try reopened.close()
        // A file written by another version is refused.
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE meta SET value = '99' WHERE key = 'schema_version'") }
        try queue.close()
        #expect(throws: IndexError.self) { try SearchIndex(path: path) }
        // So is an SQLite database that is not an index.
        let other = directory.appendingPathComponent("other.sqlite").path
        let otherQueue = try DatabaseQueue(path: other)
        try otherQueue.write { try $0.execute(sql: "CREATE TABLE notes (body TEXT)") }
        try otherQueue.close()
        #expect(throws: IndexError.self) { try SearchIndex(path: other) }
    }

    @Test func indexUsesWriteAheadLogging() throws {
        let path = try Repository.temporaryDirectory().appendingPathComponent("news.sqlite").path
        let index = try SearchIndex(path: path)
        try index.close()
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        try queue.close()
    }

    @Test func batcherWritesEverythingOnFlush() throws {
        let index = try SearchIndex(path: try Repository.temporaryDirectory().appendingPathComponent("b.sqlite").path)
        let batcher = IndexBatcher(index: index, batchSize: 4)
        for document in try Fixtures.documents() { try batcher.add(document) }
        #expect(try index.counts().documents == 4)
        try batcher.flush()
        #expect(batcher.written == 6)
        #expect(try index.counts().documents == 6)
    }
}

@Suite("Snippets")
struct SnippetTests {
    /// A text of `count` filler words with `insert` placed after word `at`.
    static func text(words count: Int, inserting insert: [(at: Int, text: String)]) -> String {
        var words = (0..<count).map { "word\($0)" }
        for (at, text) in insert.sorted(by: { $0.at > $1.at }) { words.insert(text, at: at) }
        return words.joined(separator: " ")
    }

    @Test func farApartEntitiesGetASecondPassage() throws {
        let directory = try Repository.temporaryDirectory()
        let index = try SearchIndex(path: directory.appendingPathComponent("s.sqlite").path)
        let text = Self.text(words: 200, inserting: [(at: 20, text: "Macron"), (at: 150, text: "Schoof")])
        func span(_ word: String) -> TextSpan {
            let range = text.range(of: word)!
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
            return TextSpan(start: start, end: start + word.unicodeScalars.count)
        }
        var document = Document(id: "far", source: SourceLocator(path: "far", format: .text), text: text)
        document.entities = [
            Entity(id: "e1", type: .person, span: span("Macron"), text: "Macron", kb: "person:emmanuel-macron",
                   canonical: "Emmanuel Macron", sentence: 0, source: .gazetteer),
            Entity(id: "e2", type: .person, span: span("Schoof"), text: "Schoof", kb: "person:dick-schoof",
                   canonical: "Dick Schoof", sentence: 0, source: .gazetteer),
        ]
        try index.upsert([document])
        let snippet = try #require(try index.search(
            SearchQuery(text: "word30", entities: ["person:emmanuel-macron", "person:dick-schoof"])).hits.first).snippet
        #expect(snippet.contains("«Macron»"))
        #expect(snippet.contains("«Schoof»"))
        #expect(snippet.contains("[word30]"))
        #expect(snippet.contains(" … "))
        #expect(snippet.hasPrefix("…") && snippet.hasSuffix("…"))
        #expect(!snippet.contains("word100 "))
        // Short texts come whole, without ellipses.
        var short = Document(id: "short", source: SourceLocator(path: "short", format: .text), text: "A\n\nshort   text.")
        short.title = "A"
        try index.upsert([short])
        #expect(try index.search(SearchQuery(text: "short")).hits.first?.snippet == "A [short] text.")
    }
}
