import GazetteCore

/// `member_of(country → organisation)` where the text states it: "Turkey is also a member of NATO",
/// "Poland, a NATO member,", "NATO member Poland", "Polen, een NAVO-lid,", "Turkije is lid van de NAVO".
/// "NATO countries surrounding Ukraine" states no membership of a named country and gives none.
struct MembershipRules {
    let context: RelationContext

    static let memberWords: Set<String> = ["member", "members", "ally", "lid", "lidstaat", "bondgenoot", "member-state"]
    static let verbs: Set<String> = ["is", "was", "remains", "became", "has", "had", "been", "which", "that", "itself", "blijft", "werd", "als"]
    static let fillers: Set<String> = ["also", "already", "still", "now", "a", "an", "the", "founding", "full", "fellow", "longtime",
                                       "long-standing", "de", "het", "een", "ook", "al", "state", "of", "van", "volwaardig"]
    static let negations: Set<String> = ["not", "no", "never", "niet", "geen", "nooit", "non"]

    func apply(to builder: inout RelationBuilder) {
        let entities = context.entities
        for index in entities.indices where entities[index].type == .country && entities[index].form == .name {
            let sentence = entities[index].sentence
            for nextIndex in (index + 1)..<min(index + 4, entities.count)
                where entities[nextIndex].sentence == sentence && entities[nextIndex].type == .org
            {
                let country = entities[index]
                let next = entities[nextIndex]
                guard let words = context.words(country.span.end, next.span.start, atMost: 8),
                    !words.contains(where: { Self.negations.contains($0) })
                else { break }
                // "Turkey is also a member of NATO", "Turkije is lid van de NAVO".
                if let member = words.firstIndex(where: { Self.memberWords.contains($0) }),
                    words[..<member].allSatisfy({ Self.verbs.contains($0) || Self.fillers.contains($0) }),
                    words[(member + 1)...].allSatisfy({ Self.fillers.contains($0) }), words.last == "of" || words.last == "van"
                        || words.dropLast().last == "of" || words.dropLast().last == "van"
                {
                    add(country, next, trigger: words[member], into: &builder)
                    break
                }
                // "Poland, a NATO member", "Polen, een NAVO-lid".
                let after = context.words(next.span.end, min(context.scalars.count, next.span.end + 12))
                if context.isComma(country.span.end, next.span.start, exactly: false),
                    words.allSatisfy({ Self.fillers.contains($0) }), let first = after.first,
                    Self.memberWords.contains(first.hasPrefix("-") ? String(first.dropFirst()) : first)
                {
                    add(country, next, trigger: first, into: &builder)
                    break
                }
                break
            }
        }
        // "NATO member Poland", "NAVO-lid Polen".
        for index in entities.indices where entities[index].type == .org && index + 1 < entities.count {
            guard entities[index + 1].type == .country, entities[index + 1].form == .name,
                entities[index + 1].sentence == entities[index].sentence
            else { continue }
            let organisation = entities[index]
            let country = entities[index + 1]
            let words = context.words(organisation.span.end, country.span.start)
            if let first = words.first, Self.memberWords.contains(first.hasPrefix("-") ? String(first.dropFirst()) : first),
                words.count <= 2, words.dropFirst().allSatisfy({ $0 == "state" || $0 == "country" })
            {
                add(country, organisation, trigger: first, into: &builder)
            }
        }
    }

    func add(_ country: Entity, _ organisation: Entity, trigger: String, into builder: inout RelationBuilder) {
        let evidence = TextSpan(start: min(country.span.start, organisation.span.start), end: max(country.span.end, organisation.span.end))
        builder.add(.memberOf, head: country, tail: organisation, role: nil, evidence: evidence, trigger: trigger, confidence: 0.8)
    }
}

/// `leader_of` relations that only the gazetteer knows: a person named in the article held an
/// office on the article's date, and a mention of what they led is in the article, but the text
/// does not connect them. Emitted only on request, always with `source: .kb`.
struct KnowledgeRules {
    let context: RelationContext

    func apply(to builder: inout RelationBuilder) {
        var done: Set<String> = []
        for person in context.entities where person.type == .person {
            guard let kb = person.kb, done.insert(kb).inserted else { continue }
            for office in context.gazetteer.offices(of: kb, on: context.asOf) {
                guard let role = context.gazetteer.role(office.role), role.leader,
                    let tail = context.bestMention(of: office.of, near: person)
                else { continue }
                builder.add(.leaderOf, head: person, tail: tail, role: role.name, evidence: person.span,
                            trigger: "", source: .kb, confidence: 0.6)
            }
        }
    }
}
