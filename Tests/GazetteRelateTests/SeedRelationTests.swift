import Foundation
import GazetteCore
import GazetteEval
import GazetteTestSupport
import Testing

/// Exactly the relations the relation issue lists for the seed, and nothing the text does not connect.
@Suite("Seed relations")
struct SeedRelationTests {
    static let document: Document = {
        let text = try! String(contentsOf: Repository.seed, encoding: .utf8)
        return try! Repository.annotate(text, id: "seed", asOf: "2025-09-04")
    }()

    func has(_ type: RelationType, _ head: String, _ tail: String, role: String? = nil) -> Bool {
        let document = Self.document
        return document.relations.contains { relation in
            relation.type == type && document.entity(relation.head)?.canonical == head
                && relation.tail.flatMap { document.entity($0)?.canonical } == tail && (role == nil || relation.role == role)
                && (relation.source == .pattern || relation.source == .patternAndKB)
        }
    }

    func statements(of speaker: String) -> [String] {
        let document = Self.document
        return document.relations.filter { $0.type == .said && document.entity($0.head)?.canonical == speaker }
            .compactMap { $0.statement.map { document.text(of: $0) } }
    }

    @Test func leaders() {
        #expect(has(.leaderOf, "Emmanuel Macron", "France", role: "president"))
        #expect(has(.leaderOf, "Dick Schoof", "Netherlands", role: "prime minister"))
        #expect(has(.leaderOf, "Ursula von der Leyen", "European Commission", role: "president"))
        #expect(has(.leaderOf, "Donald Trump", "United States", role: "president"))
        #expect(has(.leaderOf, "Vladimir Putin", "Russia", role: "president"))
        #expect(has(.leaderOf, "Volodymyr Zelensky", "Ukraine", role: "president"))
    }

    @Test func theNegotiator() {
        #expect(has(.holdsRole, "Witkoff", "negotiator", role: "negotiator"))
        #expect(has(.citizenOf, "Witkoff", "United States"))
    }

    @Test func statements() {
        let schoof = statements(of: "Dick Schoof")
        #expect(schoof.contains { $0.contains("must \"seriously consider\" troop deployment") })
        #expect(schoof.contains { $0.hasPrefix("with military planning completed") })
        #expect(statements(of: "Government of the United States") == ["Trump urged European leaders to cease purchasing Russian oil"])
    }

    /// Persons and countries are related only where the text connects them.
    @Test func noUnconnectedPersonCountryRelations() {
        let document = Self.document
        let expected: Set<String> = [
            "Emmanuel Macron>France", "Volodymyr Zelensky>Ukraine", "Witkoff>United States", "Donald Trump>United States",
            "Dick Schoof>Netherlands", "Vladimir Putin>Russia",
        ]
        for relation in document.relations where relation.type != .said && relation.type != .holdsRole {
            guard let head = document.entity(relation.head), head.type == .person,
                let tail = relation.tail.flatMap({ document.entity($0) }), tail.type == .country
            else { continue }
            #expect(expected.contains("\(head.canonical)>\(tail.canonical)"), "unexpected \(relation.type.rawValue)(\(head.canonical) -> \(tail.canonical))")
        }
        #expect(document.relations.allSatisfy { $0.source == .pattern || $0.source == .patternAndKB })
    }
}

/// The Dutch twin of an English gold article yields the same relations (types, entities by kb, roles).
@Suite("Dutch twin")
struct DutchTwinTests {
    @Test func sameRelationsAsTheEnglishTwin() throws {
        let gold = try AnnotatedCorpus.loadJSONL([Repository.path("Corpora/gold").path])
        func facts(_ id: String) throws -> Set<String> {
            let original = try #require(gold.document(id))
            let document = try Repository.annotate(
                original.text, id: id, published: original.published, language: original.language)
            return Set(document.relations.map { relation in
                let head = document.entity(relation.head).map { $0.kb ?? String($0.canonical.split(separator: " ").last ?? "") } ?? "?"
                let tail = relation.type == .holdsRole || relation.type == .said ? "" : relation.tail.flatMap { document.entity($0)?.kb } ?? ""
                return "\(relation.type.rawValue)(\(head), \(tail), \(relation.type == .said ? "" : relation.role ?? ""))"
            })
        }
        let english = try facts("Corpora/gold/src/en-001.txt")
        let dutch = try facts("Corpora/gold/src/nl-001.txt")
        #expect(english.count >= 20)
        #expect(english == dutch, "only English: \(english.subtracting(dutch).sorted()); only Dutch: \(dutch.subtracting(english).sorted())")
    }
}
