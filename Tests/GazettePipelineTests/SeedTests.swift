import Foundation
import GazetteCore
import GazettePipeline
import GazetteTestSupport
import Testing

/// The article the project was born from: every capability must work on it.
@Suite("Seed article")
struct SeedTests {
    static let document: Document = {
        let text = try! String(contentsOf: Repository.seed, encoding: .utf8)
        return try! Repository.annotate(text, id: "seed", asOf: "2025-09-04")
    }()

    @Test func theCommittedSeedIsTheSharedSeed() throws {
        let shared = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/seed/coalition-of-the-willing.txt")
        guard FileManager.default.fileExists(atPath: shared.path) else { return }
        #expect(try Data(contentsOf: shared) == Data(contentsOf: Repository.seed))
    }

    @Test func findsThePersons() {
        let persons = Set(Self.document.entities.filter { $0.type == .person && $0.kb != nil }.map(\.canonical))
        for name in ["Emmanuel Macron", "Volodymyr Zelensky", "Donald Trump", "Dick Schoof", "Ursula von der Leyen", "Vladimir Putin"] {
            #expect(persons.contains(name), "\(name) not found")
        }
    }

    @Test func findsTheCountriesIncludingDemonyms() {
        let countries = Self.document.entities.filter { $0.type == .country }
        let names = Set(countries.map(\.canonical))
        for name in ["France", "Ukraine", "Russia", "Netherlands", "United States", "Germany", "Italy", "Poland"] {
            #expect(names.contains(name), "\(name) not found")
        }
        let demonyms = Dictionary(countries.map { ($0.text, $0.kb) }, uniquingKeysWith: { first, _ in first })
        #expect(demonyms["French"] == "country:FR")
        #expect(demonyms["Dutch"] == "country:NL")
        #expect(demonyms["American"] == "country:US")
    }

    @Test func findsOrganisationsCityAndPatternPersons() {
        let found = Set(Self.document.entities.map { "\($0.type.rawValue):\($0.text):\($0.kb ?? "-")" })
        for expected in ["ORG:NATO:org:nato", "ORG:EU:org:eu", "ORG:European Commission:org:european-commission",
                         "ORG:White House:gov:US", "CITY:Paris:city:paris", "PERSON:Witkoff:-", "PERSON:Kysia Hekster:-"] {
            #expect(found.contains(expected), "\(expected) not found")
        }
    }

    @Test func laterZelenskyLinksToTheFullName() throws {
        let zelensky = Self.document.entities.filter { $0.text == "Zelensky" }
        #expect(!zelensky.isEmpty)
        for mention in zelensky {
            #expect(mention.kb == "person:volodymyr-zelensky")
            #expect(mention.source == .coreference)
        }
    }

    @Test func leaderRelationsComeFromTheText() throws {
        let document = Self.document
        func leader(_ person: String, _ country: String, _ role: String) throws {
            let relation = try #require(document.relations.first { relation in
                relation.type == .leaderOf && document.entity(relation.head)?.canonical == person
                    && relation.tail.flatMap { document.entity($0)?.canonical } == country
            }, "no leader_of(\(person) -> \(country))")
            #expect(relation.role == role)
            #expect(relation.source == .pattern)
            let head = try #require(document.entity(relation.head))
            #expect(relation.sentence == head.sentence)
            #expect(relation.evidence.contains(head.span))
            let evidence = document.text(of: relation.evidence)
            #expect(evidence.contains(head.text))
        }
        try leader("Emmanuel Macron", "France", "president")
        try leader("Dick Schoof", "Netherlands", "prime minister")
        #expect(document.text(of: document.relations.first { $0.type == .leaderOf }!.evidence) == "French President Emmanuel Macron")
    }

    @Test func everyEntityOffsetPointsAtItsText() {
        for entity in Self.document.entities {
            #expect(Self.document.text(of: entity.span) == entity.text)
        }
    }
}
