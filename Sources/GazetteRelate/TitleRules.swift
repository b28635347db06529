import GazetteCore

/// Relations stated by titles: `holds_role` for every title next to a person, `leader_of` when the
/// title leads a country or organisation, `citizen_of` for demonyms, `affiliated_with` for other
/// titles tied to a country or organisation.
///
/// Patterns, in English and Dutch:
/// - pre-nominal: "French President Emmanuel Macron", "Ukraine's president Volodymyr Zelensky",
///   "de Franse president Macron", "NAVO-chef Mark Rutte", "American top negotiator Witkoff";
/// - post-nominal: "President Dmitry Medvedev of Russia", "King Abdullah II of Jordan";
/// - fronted: "the president of France, Emmanuel Macron", "de voorzitter van de Europese Commissie, Ursula von der Leyen";
/// - apposition: "Friedrich Merz, the German chancellor,", "Schoof, de Nederlandse premier,";
/// - a title alone ("President Donald Trump") when the gazetteer says which country the person led
///   on the article's date.
struct TitleRules {
    let context: RelationContext

    /// Words that may stand between a country or organisation and a title ("American top negotiator").
    static let modifiers: Set<String> = [
        "top", "chief", "special", "senior", "deputy", "acting", "interim", "lead", "head", "new", "outgoing",
        "incoming", "hoofd", "speciaal", "speciale", "waarnemend", "waarnemende", "nieuwe", "plaatsvervangend",
        "plaatsvervangende", "'s", "’s",
    ]
    /// Words that make a title a past one: no `leader_of` from them.
    static let pastModifiers: Set<String> = ["former", "ex", "late", "voormalig", "voormalige", "oud", "ehemalige", "ancien", "then"]
    static let determiners: Set<String> = ["the", "a", "an", "de", "het", "een", "its", "his", "her", "zijn", "haar"]
    static let of: Set<String> = ["of", "van"]
    /// Titles whose qualifier is a subject covered, not an employer: an "EU correspondent" reports on the EU.
    static let beatRoles: Set<String> = ["role:correspondent"]

    /// A title found next to a person, with what it is of.
    struct Title {
        var person: Entity
        var role: Entity
        var qualifier: Entity?
        var evidence: TextSpan
        var past: Bool
        var confidence: Double
    }

    func apply(to builder: inout RelationBuilder) {
        let entities = context.entities
        for index in entities.indices where entities[index].type == .person {
            if let title = title(of: index) { emit(title, into: &builder) }
        }
    }

    /// The title attached to the person at `index`, by the first pattern that fits.
    func title(of index: Int) -> Title? {
        let entities = context.entities
        let person = entities[index]
        func entity(_ offset: Int) -> Entity? {
            let position = index + offset
            guard position >= 0, position < entities.count, entities[position].sentence == person.sentence else { return nil }
            return entities[position]
        }
        func gap(_ left: Entity, _ right: Entity) -> [String] { context.words(left.span.end, right.span.start) }
        func isOf(_ words: [String]) -> Bool {
            !words.isEmpty && Self.of.contains(words[0]) && words.dropFirst().allSatisfy { Self.determiners.contains($0) } && words.count <= 2
        }
        func isQualifier(_ entity: Entity?) -> Bool {
            guard let entity else { return false }
            return entity.type == .country || entity.type == .org
        }

        // Pre-nominal and post-nominal: ROLE right before the person.
        if let role = entity(-1), role.type == .role, context.isSpaces(role.span.end, person.span.start) {
            var qualifier: Entity?
            var evidenceStart = role.span.start
            var evidenceEnd = person.span.end
            var past = false
            if let candidate = entity(-2), isQualifier(candidate) {
                let words = gap(candidate, role)
                if words.count <= 2, !context.containsComma(candidate.span.end, role.span.start),
                    words.allSatisfy({ Self.modifiers.contains($0) || Self.pastModifiers.contains($0) })
                {
                    qualifier = candidate
                    evidenceStart = candidate.span.start
                    past = words.contains { Self.pastModifiers.contains($0) }
                }
            }
            if qualifier == nil, let candidate = entity(1), isQualifier(candidate), isOf(gap(person, candidate)) {
                qualifier = candidate
                evidenceEnd = candidate.span.end
            }
            let before = context.words(max(0, evidenceStart - 14), evidenceStart)
            if let word = before.last, Self.pastModifiers.contains(word) { past = true }
            return Title(person: person, role: role, qualifier: qualifier,
                         evidence: TextSpan(start: evidenceStart, end: evidenceEnd), past: past, confidence: 0.95)
        }
        // Fronted: "the president of France, Emmanuel Macron".
        if let qualifier = entity(-1), isQualifier(qualifier), let role = entity(-2), role.type == .role,
            context.isComma(qualifier.span.end, person.span.start, exactly: true), isOf(gap(role, qualifier))
        {
            return Title(person: person, role: role, qualifier: qualifier,
                         evidence: TextSpan(start: role.span.start, end: person.span.end), past: false, confidence: 0.9)
        }
        // Apposition: "Friedrich Merz, the German chancellor," / "Schoof, de Nederlandse premier,".
        if let first = entity(1) {
            let leadWords = context.words(person.span.end, first.span.start)
            guard context.isComma(person.span.end, first.span.start, exactly: false), leadWords.count <= 1, leadWords.allSatisfy({ Self.determiners.contains($0) })
            else { return nil }
            var qualifier: Entity?
            var role: Entity?
            var past = false
            if first.type == .role {
                role = first
            } else if isQualifier(first), let next = entity(2), next.type == .role {
                let words = gap(first, next)
                if words.count <= 2, words.allSatisfy({ Self.modifiers.contains($0) || Self.pastModifiers.contains($0) }) {
                    qualifier = first
                    role = next
                    past = words.contains { Self.pastModifiers.contains($0) }
                }
            } else if Self.pastModifiers.contains(leadWords.last ?? "") {
                past = true
            }
            guard let role else { return nil }
            var end = role.span.end
            if qualifier == nil, let after = entity(first.type == .role ? 2 : 3), isQualifier(after), isOf(gap(role, after)) {
                qualifier = after
                end = after.span.end
            }
            if leadWords.contains(where: { Self.pastModifiers.contains($0) }) { past = true }
            return Title(person: person, role: role, qualifier: qualifier, evidence: TextSpan(start: person.span.start, end: end),
                         past: past, confidence: 0.9)
        }
        return nil
    }

    func emit(_ title: Title, into builder: inout RelationBuilder) {
        let info = context.role(of: title.role)
        let roleName = info?.name ?? title.role.canonical
        let leader = info?.leader ?? false
        builder.add(.holdsRole, head: title.person, tail: title.role, role: roleName,
                    evidence: TextSpan(start: min(title.role.span.start, title.person.span.start),
                                       end: max(title.role.span.end, title.person.span.end)),
                    trigger: title.role.text, confidence: title.confidence)
        if let qualifier = title.qualifier {
            if qualifier.form == .demonym {
                builder.add(.citizenOf, head: title.person, tail: qualifier, role: nil, evidence: title.evidence,
                            trigger: qualifier.text, confidence: 0.85)
            }
            if leader {
                if !title.past {
                    builder.add(.leaderOf, head: title.person, tail: qualifier, role: roleName, evidence: title.evidence,
                                trigger: title.role.text, confidence: title.confidence)
                }
            } else if !Self.beatRoles.contains(title.role.kb ?? "") {
                builder.add(.affiliatedWith, head: title.person, tail: qualifier, role: roleName, evidence: title.evidence,
                            trigger: title.role.text, confidence: 0.85)
            }
        } else if leader, !title.past, let kb = title.person.kb, let roleID = title.role.kb {
            // A title alone: the gazetteer says what the person led on the article's date.
            for office in context.gazetteer.offices(of: kb, on: context.asOf) where office.role == roleID {
                if let tail = context.bestMention(of: office.of, near: title.person) {
                    builder.add(.leaderOf, head: title.person, tail: tail, role: roleName, evidence: title.evidence,
                                trigger: title.role.text, confidence: 0.8)
                    break
                }
            }
        }
    }
}
