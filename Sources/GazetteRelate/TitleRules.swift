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
    /// ("then President X" is not one: X led at the time the text speaks of.)
    static let pastModifiers: Set<String> = ["former", "ex", "late", "voormalig", "voormalige", "oud", "ehemalige", "ancien"]
    static let determiners: Set<String> = ["the", "a", "an", "de", "het", "een", "its", "his", "her", "zijn", "haar"]
    static let of: Set<String> = ["of", "van"]
    /// Titles whose qualifier is a subject covered, not an employer: an "EU correspondent" reports on the EU.
    static let beatRoles: Set<String> = ["role:correspondent"]

    /// A title found next to a person, with what it is of: indices in `context.entities`.
    struct Title {
        var person: Int
        var role: Int
        var qualifier: Int?
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

    /// A person's mention and the mentions around it in its sentence, by index in `context.entities`.
    struct Neighbourhood {
        let context: RelationContext
        /// The person's index.
        let person: Int
        let sentence: Int

        init(context: RelationContext, person: Int) {
            self.context = context
            self.person = person
            sentence = context.entities[person].sentence
        }

        /// The index of the mention `offset` places from the person, in the same sentence.
        func entity(_ offset: Int) -> Int? {
            let position = person + offset
            guard position >= 0, position < context.entities.count, context.entities[position].sentence == sentence else { return nil }
            return position
        }

        func span(_ index: Int) -> TextSpan { context.entities[index].span }
        func type(_ index: Int) -> EntityType { context.entities[index].type }

        /// The words between two mentions when there are at most `limit`, else nil.
        func gap(_ left: Int, _ right: Int, atMost limit: Int) -> [String]? {
            context.words(span(left).end, span(right).start, atMost: limit)
        }

        /// Whether a gap's words say "of" a place: "of France", "of the United States", "of independent
        /// Ghana", "of the Republic of Kazakhstan".
        func isOf(_ words: [String]?) -> Bool {
            guard let words else { return false }
            return !words.isEmpty && TitleRules.of.contains(words[0]) && words.count <= 5
                && words.dropFirst().filter { !TitleRules.determiners.contains($0) && !TitleRules.stateWords.contains($0) }.count <= 1
        }

        /// Whether a mention can say what a title is of: a country or an organisation.
        func isQualifier(_ index: Int?) -> Bool {
            guard let index else { return false }
            return type(index) == .country || type(index) == .org
        }
    }

    /// The title attached to the person at `index`, by the first pattern that fits.
    func title(of index: Int) -> Title? {
        let site = Neighbourhood(context: context, person: index)
        if let title = prenominalTitle(site) ?? frontedTitle(site) { return title }
        guard let first = site.entity(1) else { return nil }
        return appositionTitle(site, first: first)
    }

    /// Pre-nominal and post-nominal: ROLE right before the person ("French President Emmanuel Macron",
    /// "President Dmitry Medvedev of Russia").
    func prenominalTitle(_ site: Neighbourhood) -> Title? {
        let person = site.person
        guard let role = site.entity(-1), site.type(role) == .role, isTitleGap(site.span(role).end, site.span(person).start) else { return nil }
        var qualifier: Int?
        var evidenceStart = site.span(role).start
        var evidenceEnd = site.span(person).end
        var past = false
        if let candidate = site.entity(-2), site.isQualifier(candidate) {
            if let words = site.gap(candidate, role, atMost: 2), !context.containsComma(site.span(candidate).end, site.span(role).start),
                words.allSatisfy({ Self.modifiers.contains($0) || Self.pastModifiers.contains($0) })
            {
                qualifier = candidate
                evidenceStart = site.span(candidate).start
                past = words.contains { Self.pastModifiers.contains($0) }
            }
        }
        if qualifier == nil, let candidate = site.entity(1), site.isQualifier(candidate),
            site.isOf(site.gap(person, candidate, atMost: 5)) || site.span(person).contains(site.span(candidate))
        {
            qualifier = candidate
            evidenceEnd = site.span(candidate).end
        }
        if let word = context.lastWord(max(0, evidenceStart - 14), evidenceStart), Self.pastModifiers.contains(word) { past = true }
        return Title(person: person, role: role, qualifier: qualifier,
                     evidence: TextSpan(start: evidenceStart, end: evidenceEnd), past: past, confidence: 0.95)
    }

    /// Fronted: "the president of France, Emmanuel Macron", "the President of Kazakhstan Nursultan Nazarbayev",
    /// "the first prime minister of Siam was Phraya Manopakorn".
    func frontedTitle(_ site: Neighbourhood) -> Title? {
        let person = site.person
        guard let qualifier = site.entity(-1), site.isQualifier(qualifier), let role = site.entity(-2), site.type(role) == .role,
            context.isComma(site.span(qualifier).end, site.span(person).start, exactly: true)
                || context.isSpaces(site.span(qualifier).end, site.span(person).start)
                || Self.isFrontedCopula(site.gap(qualifier, person, atMost: 1) ?? []),
            site.isOf(site.gap(role, qualifier, atMost: 5))
        else { return nil }
        return Title(person: person, role: role, qualifier: qualifier,
                     evidence: TextSpan(start: site.span(role).start, end: site.span(person).end), past: false, confidence: 0.9)
    }

    /// Apposition: "Friedrich Merz, the German chancellor," / "Schoof, de Nederlandse premier,"; `first`
    /// is the mention after the person. Without a comma or a title there, the copula patterns.
    func appositionTitle(_ site: Neighbourhood, first: Int) -> Title? {
        let person = site.person
        guard context.isComma(site.span(person).end, site.span(first).start, exactly: false) else {
            return copula(of: person) ?? relativeCopula(of: person) ?? objectComplement(of: person)
        }
        let leadWords = context.words(site.span(person).end, site.span(first).start)
        // "X, the Premier of China", "X, the future first prime minister of Ghana".
        guard leadWords.count <= 3, leadWords.first.map({ Self.determiners.contains($0) }) ?? true,
            leadWords.count <= 1 || !hasSecondComma(site.span(person).end, site.span(first).start),
            // "Rutte, a former Dutch prime minister,": a past title of more words states nothing now.
            leadWords.count <= 1 || !leadWords.contains(where: { Self.pastModifiers.contains($0) })
        else { return nil }
        var qualifier: Int?
        var role: Int?
        var past = false
        if site.type(first) == .role {
            role = first
        } else if site.isQualifier(first), let next = site.entity(2), site.type(next) == .role {
            if let words = site.gap(first, next, atMost: 2),
                words.allSatisfy({ Self.modifiers.contains($0) || Self.pastModifiers.contains($0) })
            {
                qualifier = first
                role = next
                past = words.contains { Self.pastModifiers.contains($0) }
            }
        } else if Self.pastModifiers.contains(leadWords.last ?? "") {
            past = true
        }
        guard let role else { return copula(of: person) ?? relativeCopula(of: person) ?? objectComplement(of: person) }
        var end = site.span(role).end
        if qualifier == nil, let after = site.entity(site.type(first) == .role ? 2 : 3), site.isQualifier(after),
            site.isOf(site.gap(role, after, atMost: 5))
        {
            qualifier = after
            end = site.span(after).end
        }
        if leadWords.contains(where: { Self.pastModifiers.contains($0) }) { past = true }
        return Title(person: person, role: role, qualifier: qualifier, evidence: TextSpan(start: site.span(person).start, end: end),
                     past: past, confidence: 0.9)
    }

    /// Whether the words between a fronted title's country and the name are a copula ("the president of
    /// France is Emmanuel Macron", "… was …").
    static func isFrontedCopula(_ words: [String]) -> Bool {
        words.count == 1 && (words[0] == "was" || words[0] == "is")
    }

    /// Whether a second comma follows the first one between two offsets.
    func hasSecondComma(_ start: Int, _ end: Int) -> Bool {
        guard let comma = context.firstOccurrence(of: [","], from: start, to: end) else { return false }
        return context.containsComma(comma + 1, end)
    }

    /// Words of a state's formal name before its short name ("the Republic of Kazakhstan").
    static let stateWords: Set<String> = ["republic", "kingdom", "federal", "federation", "islamic", "democratic", "people's",
                                          "state", "of", "van", "republiek", "koninkrijk"]

    /// Prepositions that start a time phrase between a copula and a title ("was until last year prime minister").
    static let timeWords: Set<String> = ["until", "till", "since", "from", "in", "on", "at", "by", "for", "to", "tot", "sinds",
                                         "van", "in", "op", "voor", "na", "after", "before", "during", "als"]

    /// Verbs that give a person a title: "X was President of Y", "X became prime minister", "X reigned as King of Y".
    static let copulas: Set<String> = ["was", "is", "became", "becomes", "remained", "as"]

    /// "X (1823–1899) was the constitutional President of Bolivia", "X reigned as King of Romania",
    /// "X was elected president of Y": a copula or "as" right before the title (a parenthesis after
    /// the name and up to three words before the title may come between), the country after "of".
    func copula(of person: Int) -> Title? {
        let entities = context.entities
        guard person + 1 < entities.count, entities[person + 1].sentence == entities[person].sentence else { return nil }
        var roleIndex = person + 1
        var qualifier: Int?
        if entities[roleIndex].type == .country, roleIndex + 1 < entities.count, entities[roleIndex + 1].type == .role,
            context.isSpaces(entities[roleIndex].span.end, entities[roleIndex + 1].span.start)
        {
            qualifier = roleIndex
            roleIndex += 1
        }
        guard entities[roleIndex].type == .role else { return nil }
        var start = entities[person].span.end
        // Skip a parenthesis right after the name: "Carol II (15 October 1893 – 4 April 1953)".
        if let open = context.firstOccurrence(of: ["("], from: start, to: min(start + 3, entities[roleIndex].span.start)),
            let close = context.firstOccurrence(of: [")"], from: open, to: entities[roleIndex].span.start)
        {
            start = close + 1
        }
        let words = context.words(start, qualifier.map { entities[$0].span.start } ?? entities[roleIndex].span.start)
        guard let link = words.firstIndex(where: { Self.copulas.contains($0) }), link <= 3, words.count - link - 1 <= 3,
            !context.containsComma(start, entities[roleIndex].span.start)
        else { return nil }
        // "Rutte was tot vorig jaar premier": a time phrase or a past modifier before the title is not a plain title.
        let between = words[(link + 1)...]
        guard between.allSatisfy({ !Self.pastModifiers.contains($0) && !Self.timeWords.contains($0) }) else { return nil }
        var end = entities[roleIndex].span.end
        if qualifier == nil, roleIndex + 1 < entities.count, entities[roleIndex + 1].sentence == entities[person].sentence,
            entities[roleIndex + 1].type == .country || entities[roleIndex + 1].type == .org,
            case let gap = context.words(entities[roleIndex].span.end, entities[roleIndex + 1].span.start),
            !gap.isEmpty, Self.of.contains(gap[0]), gap.count <= 3
        {
            qualifier = roleIndex + 1
            end = entities[roleIndex + 1].span.end
        }
        return Title(person: person, role: roleIndex, qualifier: qualifier,
                     evidence: TextSpan(start: entities[person].span.start, end: end), past: false, confidence: 0.85)
    }

    /// Honorifics and ranks that may stand between a title and a name ("Prime Minister Dr. Mahathir").
    static let honorifics: Set<String> = ["dr", "mr", "mrs", "ms", "prof", "sir", "dame", "gen", "general", "lt", "col",
                                          "maj", "capt", "adm", "marshal", "field", "rev", "sen", "rep", "gov", "hon"]

    /// Whether only spaces, or up to two honorifics with their stops, stand between a title and a name.
    func isTitleGap(_ start: Int, _ end: Int) -> Bool {
        if context.isSpaces(start, end) { return true }
        let words = context.words(start, end)
        return words.count <= 2 && words.allSatisfy { Self.honorifics.contains($0) }
            && !context.text(start, end).contains(where: { $0 != " " && $0 != "." && !$0.isLetter })
    }

    func emit(_ title: Title, into builder: inout RelationBuilder) {
        let entities = context.entities
        let person = entities[title.person]
        let role = entities[title.role]
        let info = context.role(of: role)
        let roleName = info?.name ?? role.canonical
        let leader = info?.leader ?? false
        builder.add(.holdsRole, head: person, tail: role, role: roleName,
                    evidence: TextSpan(start: min(role.span.start, person.span.start),
                                       end: max(role.span.end, person.span.end)),
                    trigger: role.text, confidence: title.confidence)
        if let qualifierIndex = title.qualifier {
            let qualifier = entities[qualifierIndex]
            if qualifier.form == .demonym {
                builder.add(.citizenOf, head: person, tail: qualifier, role: nil, evidence: title.evidence,
                            trigger: qualifier.text, confidence: 0.85)
            }
            if leader {
                if !title.past {
                    builder.add(.leaderOf, head: person, tail: qualifier, role: roleName, evidence: title.evidence,
                                trigger: role.text, confidence: title.confidence)
                }
            } else if !Self.beatRoles.contains(role.kb ?? "") {
                builder.add(.affiliatedWith, head: person, tail: qualifier, role: roleName, evidence: title.evidence,
                            trigger: role.text, confidence: 0.85)
            }
        } else if leader, !title.past {
            emitDocumentLeader(title, person: person, role: role, roleName: roleName, into: &builder)
        }
    }
}
