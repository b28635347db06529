import GazetteCore

/// `leader_of` for a leader title whose phrase names no country ("President John Quincy Adams",
/// "the country's Prime Minister Sheikh Hasina"): the country comes from
/// - the knowledge base: the office the person held on the article's date (no relation when the
///   person held that office only at another time; `source: "pattern+kb"`, the text states the title, the knowledge base the country);
/// - the document: after "the country's" / "the nation's", or, when one country dominates the
///   document (the title paragraph's country, else the one mentioned most, by a margin), that country
///   (`source: "pattern"`, lower confidence).
extension TitleRules {
    /// Words before a title that point at the document's country.
    static let countryAnaphors: [[String]] = [["the", "country's"], ["the", "nation's"], ["the", "country’s"], ["the", "nation’s"]]

    /// Emits `leader_of` for a leader title without a qualifier in its phrase.
    func emitDocumentLeader(_ title: Title, person: Entity, role: Entity, roleName: String, into builder: inout RelationBuilder) {
        if let kb = person.kb, let roleID = role.kb {
            let current = context.gazetteer.offices(of: kb, on: context.asOf).filter { $0.role == roleID }
            let ever = context.gazetteer.offices(of: kb).filter { $0.role == roleID }
            for office in current {
                if let tail = context.bestMention(of: office.of, near: person) {
                    builder.add(.leaderOf, head: person, tail: tail, role: roleName, evidence: title.evidence,
                                trigger: role.text, source: "pattern+kb", confidence: 0.8)
                    return
                }
            }
            if !ever.isEmpty { return }
        }
        // A prince is seldom the one who leads: the document's country is not inferred for that title.
        guard !Self.consortRoles.contains(role.kb ?? "") else { return }
        let before = context.words(max(0, role.span.start - 20), role.span.start).suffix(2)
        let anaphor = Self.countryAnaphors.contains { Array(before) == $0 }
        guard let country = statedCountry(of: role) ?? dominantCountry(anaphor: anaphor) else { return }
        let tail = context.bestMention(of: country, near: person) ?? context.entities.first { $0.kb == country }
        guard let tail else { return }
        builder.add(.leaderOf, head: person, tail: tail, role: roleName, evidence: title.evidence, trigger: role.text,
                    confidence: anaphor ? 0.75 : 0.6)
    }

    /// Titles held by members of a ruling family more often than by its ruler.
    static let consortRoles: Set<String> = ["role:prince"]

    /// The country the document states the same title of ("the President of the United States",
    /// "the French president"): the country right after "ROLE of (the)" or right before the title.
    func statedCountry(of role: Entity) -> String? {
        let entities = context.entities
        for index in entities.indices where entities[index].type == .role && entities[index].kb == role.kb && entities[index].kb != nil {
            if index + 1 < entities.count, entities[index + 1].type == .country, let kb = entities[index + 1].kb,
                case let words = context.words(entities[index].span.end, entities[index + 1].span.start),
                words.first == "of", words.count <= 2
            {
                return kb
            }
            if index > 0, entities[index - 1].type == .country, let kb = entities[index - 1].kb,
                context.isSpaces(entities[index - 1].span.end, entities[index].span.start) || context.words(entities[index - 1].span.end, entities[index].span.start) == ["s"]
            {
                return kb
            }
        }
        return nil
    }

    /// The document's country: the one its title paragraph names (alone), else the one mentioned
    /// most often when it has at least two more mentions than the next; with `anaphor` ("the
    /// country's"), simply the one mentioned most.
    func dominantCountry(anaphor: Bool) -> String? {
        var counts: [String: Int] = [:]
        var titleCountries: Set<String> = []
        let firstBreak = context.document.text.firstIndex(of: "\n").map { context.document.text.unicodeScalars.distance(
            from: context.document.text.unicodeScalars.startIndex, to: $0.samePosition(in: context.document.text.unicodeScalars) ?? context.document.text.unicodeScalars.endIndex) } ?? 0
        for entity in context.entities where entity.type == .country {
            guard let kb = entity.kb else { continue }
            counts[kb, default: 0] += 1
            if entity.span.end <= firstBreak { titleCountries.insert(kb) }
        }
        if titleCountries.count == 1, let only = titleCountries.first { return only }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let top = ranked.first else { return nil }
        if anaphor { return top.key }
        let second = ranked.count > 1 ? ranked[1].value : 0
        return top.value >= second + 2 ? top.key : nil
    }
}
