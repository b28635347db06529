import GazetteCore
import GazetteGazetteer

/// Finds relations between a document's entities with explainable rules over tokens and entities.
///
/// Stateless apart from the shared gazetteer: safe to share between workers.
public struct RelationExtractor: Sendable {
    public let gazetteer: Gazetteer

    /// Words that may stand between a country or organisation and a title ("American top negotiator").
    static let titleModifiers: Set<String> = [
        "top", "chief", "special", "senior", "deputy", "acting", "interim", "lead", "head", "new", "outgoing",
        "incoming", "hoofd", "speciaal", "speciale", "waarnemend", "nieuwe", "plaatsvervangend", "plaatsvervangende",
    ]
    /// Words that make a title a past one: no `leader_of` from them.
    static let pastModifiers: Set<String> = ["former", "ex", "late", "voormalig", "voormalige", "oud", "ehemalige", "ancien"]

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// Adds relations to a document with entities; `asOf` ("YYYY-MM-DD") decides who held an office.
    public func extract(_ document: inout Document, asOf: String) {
        let text = Array(document.text.unicodeScalars)
        var relations: [Relation] = []
        var seen: Set<String> = []
        let entities = document.entities
        func add(_ type: RelationType, _ head: Entity, _ tail: Entity, role: String?, evidence: TextSpan, trigger: String,
                 confidence: Double) {
            let key = "\(type.rawValue)|\(identity(head))|\(identity(tail))|\(role ?? "")"
            guard seen.insert(key).inserted else { return }
            relations.append(Relation(
                id: "r\(relations.count + 1)", type: type, head: head.id, tail: tail.id, role: role,
                sentence: head.sentence, evidence: evidence, trigger: trigger, source: "pattern", confidence: confidence))
        }

        for (index, person) in entities.enumerated() where person.type == .person {
            // The title right before the person: "[X] [modifiers] ROLE PERSON".
            guard index > 0 else { continue }
            let role = entities[index - 1]
            guard role.type == .role, role.sentence == person.sentence,
                Self.between(text, role.span.end, person.span.start).allSatisfy({ $0.isWhitespace })
            else { continue }
            let roleInfo = role.kb.flatMap { gazetteer.role($0) }
            let roleName = roleInfo?.name ?? role.canonical
            var qualifier: Entity?
            var past = false
            var evidenceStart = role.span.start
            if index >= 2 {
                let candidate = entities[index - 2]
                let gap = Self.words(Self.between(text, candidate.span.end, role.span.start))
                if candidate.sentence == person.sentence,
                    [.country, .org].contains(candidate.type),
                    gap.allSatisfy({ Self.titleModifiers.contains($0.lowercased()) || Self.pastModifiers.contains($0.lowercased()) }),
                    gap.count <= 2
                {
                    qualifier = candidate
                    evidenceStart = candidate.span.start
                    past = gap.contains { Self.pastModifiers.contains($0.lowercased()) }
                }
            }
            // "former President X" also reads as past.
            let before = Self.words(Self.between(text, max(0, evidenceStart - 12), evidenceStart))
            if let word = before.last, Self.pastModifiers.contains(word.lowercased()) { past = true }
            let evidence = TextSpan(start: evidenceStart, end: person.span.end)
            let trigger = role.text

            add(.holdsRole, person, role, role: roleName, evidence: TextSpan(start: role.span.start, end: person.span.end),
                trigger: trigger, confidence: 0.95)
            if let qualifier {
                if qualifier.form == .demonym {
                    add(.citizenOf, person, qualifier, role: nil, evidence: evidence, trigger: qualifier.text, confidence: 0.85)
                }
                if roleInfo?.leader == true && !past {
                    add(.leaderOf, person, qualifier, role: roleName, evidence: evidence, trigger: trigger, confidence: 0.95)
                }
            } else if roleInfo?.leader == true, !past, let kb = person.kb, let roleID = role.kb {
                // A title alone: the gazetteer says what the person led on the article's date.
                for office in gazetteer.offices(of: kb, on: asOf) where office.role == roleID {
                    if let tail = Self.bestMention(of: office.of, in: entities, near: person) {
                        add(.leaderOf, person, tail, role: roleName, evidence: evidence, trigger: trigger, confidence: 0.8)
                        break
                    }
                }
            }
        }
        document.relations = relations
    }

    /// What makes two mentions the same entity for de-duplication.
    func identity(_ entity: Entity) -> String { entity.kb ?? entity.canonical }

    /// The mention of an entity closest to a person: in the same sentence first, then the nearest
    /// before it, then the first after it; names before demonyms.
    static func bestMention(of kb: String, in entities: [Entity], near person: Entity) -> Entity? {
        let mentions = entities.filter { $0.kb == kb || $0.refersTo == kb }
        let named = mentions.filter { $0.form == .name }
        for pool in [named, mentions] {
            if let same = pool.first(where: { $0.sentence == person.sentence }) { return same }
            if let before = pool.last(where: { $0.span.end <= person.span.start }) { return before }
            if let after = pool.first { return after }
        }
        return nil
    }

    static func between(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        guard start < end, start >= 0, end <= text.count else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: text[start..<end])
        return result
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}
