import GazetteCore
@testable import GazetteRelate
import GazetteTestSupport
import Testing

/// `RelationBuilder` drops exactly the relations whose string key `type|head|tail|role` it has seen,
/// as the builder that hashed those strings did: identities and roles with "|", empty ones, an
/// identity spelled like a statement span, combining marks next to the separator, and more
/// relations than the linear scan holds.
@Suite("Relation builder")
struct RelationBuilderTests {
    /// The builder before the key parts: one string key per relation in a set.
    struct ReferenceBuilder {
        var seen: Set<String> = []
        var relations: [Relation] = []

        mutating func add(_ type: RelationType, head: Entity, tail: Entity?, statement: TextSpan?, role: String?,
                          evidence: TextSpan, trigger: String, confidence: Double) {
            let tailIdentity = tail.map(RelationBuilder.identity) ?? statement.map { "\($0.start)-\($0.end)" } ?? ""
            let key = "\(type.rawValue)|\(RelationBuilder.identity(head))|\(tailIdentity)|\(role ?? "")"
            guard seen.insert(key).inserted else { return }
            relations.append(Relation(
                id: "r\(relations.count + 1)", type: type, head: head.id, tail: tail?.id, statement: statement, role: role,
                sentence: head.sentence, evidence: evidence, trigger: trigger, source: .pattern, confidence: confidence))
        }
    }

    static let identities = ["Q1", "Q2", "a|b", "a", "b|", "|", "", "3-5", "10-2", "e\u{301}", "\u{E9}", "\u{301}x", "Q1|Q2"]
    static let roles: [String?] = [nil, "", "president", "a|b", "b", "|b", "\u{301}"]
    static let spans = [TextSpan(start: 3, end: 5), TextSpan(start: 10, end: 2), TextSpan(start: 0, end: 7)]

    static func entity(_ number: Int, identity: String, how: Int) -> Entity {
        // The identity is the kb id, else what the mention refers to, else its canonical name.
        Entity(id: "e\(number)", type: .person, span: TextSpan(start: number, end: number + 1), text: "x",
               kb: how == 0 ? identity : nil, canonical: how == 2 ? identity : "other\(number)", sentence: 0,
               source: .gazetteer, refersTo: how == 1 ? identity : nil)
    }

    /// Adds the same random relations to both builders and compares them; returns how many were dropped.
    @discardableResult
    func compare(seed: UInt64, count: Int, identities: [String], roles: [String?]) -> Int {
        var generator = SeededGenerator(seed: seed)
        var builder = RelationBuilder()
        var reference = ReferenceBuilder()
        for number in 0..<count {
            let type = RelationType.allCases.randomElement(using: &generator)!
            let head = Self.entity(number, identity: identities.randomElement(using: &generator)!, how: Int.random(in: 0..<3, using: &generator))
            let kind = Int.random(in: 0..<3, using: &generator)
            let tail = kind == 0 ? Self.entity(number + 1000, identity: identities.randomElement(using: &generator)!,
                                               how: Int.random(in: 0..<3, using: &generator)) : nil
            let statement = kind == 1 ? Self.spans.randomElement(using: &generator)! : nil
            let role = roles.randomElement(using: &generator)!
            let evidence = TextSpan(start: number, end: number + 2)
            builder.add(type, head: head, tail: tail, statement: statement, role: role, evidence: evidence, trigger: "t\(number)",
                        confidence: 0.5)
            reference.add(type, head: head, tail: tail, statement: statement, role: role, evidence: evidence, trigger: "t\(number)",
                          confidence: 0.5)
        }
        let firstDifference = zip(builder.relations, reference.relations).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(builder.relations.count == reference.relations.count && firstDifference == nil,
                "seed \(seed): \(builder.relations.count) vs \(reference.relations.count) relations, first difference at \(firstDifference ?? -1)")
        return count - builder.relations.count
    }

    @Test func dropsTheRepeatsTheStringKeysDropped() {
        var dropped = (plain: 0, separated: 0)
        for seed in 0..<300 as Range<UInt64> {
            // Without separators (the linear scan throughout) and with them (the switch to string keys).
            dropped.plain += compare(seed: seed, count: 40, identities: Self.identities.filter { !$0.contains("|") },
                                     roles: Self.roles.filter { !($0 ?? "").contains("|") })
            dropped.separated += compare(seed: seed, count: 40, identities: Self.identities, roles: Self.roles)
        }
        #expect(dropped.plain > 100 && dropped.separated > 100)
    }

    @Test func keepsDroppingPastTheScanLimit() {
        var names: [String] = []
        for number in 0..<(RelationBuilder.scanLimit + 20) { names.append("Q\(number)") }
        var dropped = 0
        for seed in 0..<20 as Range<UInt64> {
            dropped += compare(seed: seed, count: 4 * RelationBuilder.scanLimit, identities: names, roles: [nil, "president"])
        }
        #expect(dropped > 0)
    }

    /// Random relations of small pools, so that repeats and separators (string keys) occur.
    static func randomRelation(_ number: Int, using generator: inout SeededGenerator) -> (RelationType, Entity, Entity?, TextSpan?, String?) {
        let type = RelationType.allCases.randomElement(using: &generator)!
        let head = entity(number, identity: identities.randomElement(using: &generator)!, how: Int.random(in: 0..<3, using: &generator))
        let kind = Int.random(in: 0..<3, using: &generator)
        let tail = kind == 0 ? entity(number + 1000, identity: identities.randomElement(using: &generator)!, how: 0) : nil
        return (type, head, tail, kind == 1 ? spans.randomElement(using: &generator)! : nil, roles.randomElement(using: &generator)!)
    }

    @Test func rollingBackForgetsTheRelationsSinceTheMark() {
        for seed in 0..<300 as Range<UInt64> {
            var generator = SeededGenerator(seed: seed)
            let counts = (0..<3).map { _ in Int.random(in: 0...(seed % 3 == 0 ? 80 : 12), using: &generator) }
            let relations = (0..<counts.reduce(0, +)).map { Self.randomRelation($0, using: &generator) }
            var builder = RelationBuilder()
            var reference = RelationBuilder()
            var mark: RelationBuilder.Mark?
            for (number, relation) in relations.enumerated() {
                let (type, head, tail, statement, role) = relation
                let evidence = TextSpan(start: number, end: number + 1)
                // The reference never sees the middle part; the builder rolls it back.
                if number < counts[0] || number >= counts[0] + counts[1] {
                    reference.add(type, head: head, tail: tail, statement: statement, role: role, evidence: evidence, trigger: "t", confidence: 1)
                }
                if number == counts[0] { mark = builder.mark }
                if number == counts[0] + counts[1] { builder.rollBack(to: mark!) }
                builder.add(type, head: head, tail: tail, statement: statement, role: role, evidence: evidence, trigger: "t", confidence: 1)
            }
            if relations.count == counts[0] { mark = builder.mark }
            if relations.count == counts[0] + counts[1] { builder.rollBack(to: mark!) }
            #expect(builder.relations == reference.relations, "seed \(seed)")
        }
    }

    @Test func relationsAreNumberedAndKeepTheirFields() {
        var builder = RelationBuilder()
        let head = Self.entity(1, identity: "Q1", how: 0)
        let tail = Self.entity(2, identity: "3-5", how: 2)
        builder.add(.leaderOf, head: head, tail: tail, role: "president", evidence: TextSpan(start: 1, end: 3), trigger: "President", confidence: 0.9)
        // "3-5" as a statement span is written like the tail's identity: the same fact for the string key.
        builder.add(.leaderOf, head: head, tail: nil, statement: TextSpan(start: 3, end: 5), role: "president",
                    evidence: TextSpan(start: 1, end: 5), trigger: "x", confidence: 0.5)
        builder.add(.said, head: head, tail: nil, statement: TextSpan(start: 3, end: 5), role: nil,
                    evidence: TextSpan(start: 1, end: 5), trigger: "said", confidence: 0.8)
        // No role and an empty role are written alike.
        builder.add(.said, head: head, tail: nil, statement: TextSpan(start: 3, end: 5), role: "",
                    evidence: TextSpan(start: 1, end: 5), trigger: "said", confidence: 0.8)
        #expect(builder.relations.map(\.id) == ["r1", "r2"])
        #expect(builder.relations[0] == Relation(id: "r1", type: .leaderOf, head: "e1", tail: "e2", statement: nil, role: "president",
                                                 sentence: 0, evidence: TextSpan(start: 1, end: 3), trigger: "President",
                                                 source: .pattern, confidence: 0.9))
        #expect(builder.relations[1].statement == TextSpan(start: 3, end: 5) && builder.relations[1].tail == nil)
    }
}
