import GazetteCore
import GazetteGazetteer

/// `leader_of` for a leader title whose phrase names no country ("President John Quincy Adams",
/// "the country's Prime Minister Sheikh Hasina"): the country comes from
/// - the knowledge base: the office the person held on the article's date (no relation when the
///   person held that office only at another time); for an undated article, the office of any time when
///   all the person's terms of it were of one country (`source: "pattern+kb"`: the text states the title,
///   the knowledge base the country);
/// - the document: after "the country's" / "the nation's", or, when one country dominates the
///   document (the title paragraph's country, else the one mentioned most, by a margin), that country
///   (`source: "pattern"`, lower confidence).
extension TitleRules {
    /// Words before a title that point at the document's country.
    static let countryAnaphors: [[String]] = [["the", "country's"], ["the", "nation's"], ["the", "country’s"], ["the", "nation’s"]]

    /// Emits `leader_of` for a leader title without a qualifier in its phrase.
    func emitDocumentLeader(_ title: Title, person: Entity, role: Entity, roleName: String, into builder: inout RelationBuilder) {
        if let kb = person.kb, let roleID = role.kb {
            // The knowledge base's terms often name the office generically ("head of government" for a
            // prime minister): any leading office it has for the time counts for a leading title. Only a
            // term of the title's own role held at another time silences the document's country.
            let leading = LeaderKind.leadingRoles.contains(roleID)
            let (current, _) = context.offices(of: kb) { $0.role == roleID || (leading && LeaderKind.leadingRoles.contains($0.role)) }
            let ever = context.everHeld(kb) { $0.role == roleID }
            for office in current {
                if let tail = context.bestMention(of: office.of, near: person) {
                    builder.add(.leaderOf, head: person, tail: tail, role: roleName, evidence: title.evidence,
                                trigger: role.text, source: .patternAndKB, confidence: 0.8)
                    return
                }
            }
            if ever { return }
        }
        // A prince is seldom the one who leads: the document's country is not inferred for that title.
        guard !Self.consortRoles.contains(role.kb ?? ""), !Self.organisationTitles.contains(role.text.lowercased()) else { return }
        let before = context.words(max(0, role.span.start - 20), role.span.start).suffix(2)
        let anaphor = Self.countryAnaphors.contains { Array(before) == $0 }
        guard let country = statedCountry(of: role) ?? dominantCountry(anaphor: anaphor) else { return }
        let tail = context.bestMention(of: country, near: person) ?? context.entities.first { $0.kb == country }
        guard let tail else { return }
        builder.add(.leaderOf, head: person, tail: tail, role: roleName, evidence: title.evidence, trigger: role.text,
                    confidence: anaphor ? 0.75 : 0.6)
    }

    /// Title words that lead organisations more often than countries: no document country for them.
    static let organisationTitles: Set<String> = ["chairman", "chairwoman", "chair", "chairperson"]

    /// Titles held by members of a ruling family more often than by its ruler, or of one see only.
    static let consortRoles: Set<String> = ["role:prince", "role:pope"]

    /// The country the document states the same title of ("the President of the United States",
    /// "the French president"): the country right after "ROLE of (the)" or right before the title.
    func statedCountry(of role: Entity) -> String? {
        guard let kb = role.kb else { return nil }
        return statedCountry { $0.kb == kb }
    }

    /// `statedCountry(of:)` for the role with this name ("president").
    func statedCountry(ofRoleNamed name: String) -> String? {
        statedCountry { $0.kb.flatMap { context.gazetteer.role($0)?.name } == name }
    }

    /// The country stated of the first title that `matches` and has one.
    func statedCountry(matching matches: (Entity) -> Bool) -> String? {
        let entities = context.entities
        for index in entities.indices where entities[index].type == .role && matches(entities[index]) {
            if index + 1 < entities.count, entities[index + 1].type == .country, let kb = entities[index + 1].kb,
                let words = context.words(entities[index].span.end, entities[index + 1].span.start, atMost: 2),
                words.first == "of"
            {
                return kb
            }
            if index > 0, entities[index - 1].type == .country, let kb = entities[index - 1].kb,
                context.isSpaces(entities[index - 1].span.end, entities[index].span.start)
                    || context.words(entities[index - 1].span.end, entities[index].span.start, atMost: 1) == ["s"]
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
        let titleCountries = context.countryMentions.inTitle
        if titleCountries.count == 1, let only = titleCountries.first { return only }
        let ranked = context.countryRanking
        guard let top = ranked.first else { return nil }
        if anaphor { return top.key }
        let second = ranked.count > 1 ? ranked[1].value : 0
        return top.value >= 2 && top.value > second ? top.key : nil
    }
}

/// `leader_of` stated by a noun of leadership next to a person: "X's administration", "the X
/// administration", "the presidency of X", "X's premiership". The country is the knowledge base's
/// for an office the person held on the article's date (`pattern+kb`), else the document's.
struct LeadershipNounRules {
    let context: RelationContext
    /// Nouns that say a person led a government, with the role they imply.
    static let nouns: [String: String] = [
        "administration": "head of government", "presidency": "president", "premiership": "prime minister",
        "reign": "head of state", "government": "head of government",
    ]

    func apply(to builder: inout RelationBuilder) {
        let entities = context.entities
        for index in entities.indices where entities[index].type == .person {
            // Most persons have no such noun: the mention is copied only for one that has.
            guard let found = noun(near: entities[index].span) else { continue }
            let person = entities[index]
            let title = TitleRules(context: context)
            if let kb = person.kb {
                let (offices, ever) = context.offices(of: kb) { context.gazetteer.role($0.role)?.leader ?? false }
                if let office = offices.first, let tail = context.bestMention(of: office.of, near: person) {
                    builder.add(.leaderOf, head: person, tail: tail, role: context.gazetteer.role(office.role)?.name ?? found.role,
                                evidence: found.evidence, trigger: found.trigger, source: .patternAndKB, confidence: 0.7)
                    continue
                }
                if ever { continue }
            }
            guard let country = title.statedCountry(ofRoleNamed: found.role) ?? title.dominantCountry(anaphor: false),
                let tail = context.bestMention(of: country, near: person)
            else { continue }
            builder.add(.leaderOf, head: person, tail: tail, role: found.role, evidence: found.evidence, trigger: found.trigger,
                        confidence: 0.55)
        }
    }

    /// A cheap screen: a possessive after the person (at `person`), or a word of a noun's length (5, 10 or 11
    /// letters) right after it or two words before it.
    func mayHaveNoun(near person: TextSpan) -> Bool {
        let scalars = context.scalars
        let end = person.end
        if end < scalars.count, scalars[end] == "'" || scalars[end] == "’" { return true }
        // The word after the person, then the two words before it, measured without building strings.
        var index = end
        while index < scalars.count, scalars[index] == " " { index += 1 }
        var length = 0
        while index + length < scalars.count, Self.isLetter(scalars[index + length]) { length += 1 }
        if [5, 10, 11, 14].contains(length) { return true }
        // "the presidency of X": "of" right before the person, a noun's length before it.
        var start = person.start
        while start > 0, scalars[start - 1] == " " { start -= 1 }
        guard start >= 3, scalars[start - 1] == "f", scalars[start - 2] == "o", scalars[start - 3] == " " || start == 2 else { return false }
        var nounEnd = start - 3
        while nounEnd > 0, scalars[nounEnd - 1] == " " { nounEnd -= 1 }
        var nounStart = nounEnd
        while nounStart > 0, Self.isLetter(scalars[nounStart - 1]) { nounStart -= 1 }
        return [5, 10, 11, 14].contains(nounEnd - nounStart)
    }

    /// Whether a scalar is a letter (`isAlphabetic`), tested without its properties when it is ASCII.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? ASCII.isLetter(scalar.value) : scalar.properties.isAlphabetic
    }

    /// The leadership noun next to a person (at `person`), with the role it implies, its evidence and its text.
    func noun(near person: TextSpan) -> (role: String, evidence: TextSpan, trigger: String)? {
        guard mayHaveNoun(near: person) else { return nil }
        let after = context.wordSpans(from: person.end, to: min(context.scalars.count, person.end + 20), max: 2)
        let afterWords = after.map { context.text(of: $0).lowercased() }
        // "X's administration": the possessive ending is its own word ("'s") or glued to nothing.
        if let first = afterWords.first, first == "'s" || first == "’s", afterWords.count == 2, let role = Self.nouns[afterWords[1]],
            context.isSpaces(person.end + 2, after[1].start)
        {
            return (role, TextSpan(start: person.start, end: after[1].end), context.text(of: after[1]))
        }
        let before = Array(context.wordSpans(from: max(0, person.start - 30), to: person.start, max: 8).suffix(3))
        let beforeWords = before.map { context.text(of: $0).lowercased() }
        // "the X administration".
        if beforeWords.last == "the" || beforeWords.last == "first" || beforeWords.last == "second",
            let first = afterWords.first, let role = Self.nouns[first], context.isSpaces(person.end, after[0].start)
        {
            return (role, TextSpan(start: before.last!.start, end: after[0].end), context.text(of: after[0]))
        }
        // "the presidency of X".
        if beforeWords.count >= 2, beforeWords.last == "of", let role = Self.nouns[beforeWords[beforeWords.count - 2]], role != "head of government" || beforeWords[beforeWords.count - 2] == "administration" {
            let noun = before[before.count - 2]
            return (role, TextSpan(start: noun.start, end: person.end), context.text(of: noun))
        }
        return nil
    }
}

/// `leader_of` stated by a regnal name with its realm: "Gustav III of Sweden" (a person whose name
/// holds a regnal number and, inside it, the country after "of").
struct RegnalNameRules {
    let context: RelationContext

    func apply(to builder: inout RelationBuilder) {
        let entities = context.entities
        for index in entities.indices where entities[index].type == .person && entities[index].kb == nil {
            // The person's fields are read in place: the mention is copied only for a relation.
            let span = entities[index].span
            guard index + 1 < entities.count, entities[index + 1].type == .country, span.contains(entities[index + 1].span),
                context.words(span.start, entities[index + 1].span.start).last == "of",
                // A title right before the name ("King Philip V of Spain") states it already.
                index == 0 || entities[index - 1].type != .role || entities[index - 1].sentence != entities[index].sentence
            else { continue }
            let person = entities[index]
            builder.add(.leaderOf, head: person, tail: entities[index + 1], role: "monarch", evidence: person.span,
                        trigger: person.text, confidence: 0.8)
        }
    }
}

extension TitleRules {
    /// Links from a relative pronoun to a title: "who was", "who is", "who became", "who served as".
    static let relativeLinks: Set<String> = ["was", "is", "became", "served"]

    /// "X (1923–2011) was a Zambian politician who was the second President of Zambia": a copula right
    /// after the name (and its parenthesis), a noun phrase of up to five words, then "who" and a link
    /// with at most three words before the title; no comma in between. The country follows "of".
    func relativeCopula(of person: Int) -> Title? {
        let entities = context.entities
        let sentence = entities[person].sentence
        var roleIndex = person + 1
        while roleIndex < entities.count, entities[roleIndex].sentence == sentence, entities[roleIndex].type == .country { roleIndex += 1 }
        guard roleIndex < entities.count, entities[roleIndex].sentence == sentence, entities[roleIndex].type == .role else { return nil }
        let roleStart = entities[roleIndex].span.start
        var start = entities[person].span.end
        if let open = context.firstOccurrence(of: ["("], from: start, to: min(start + 3, roleStart)),
            let close = context.firstOccurrence(of: [")"], from: open, to: roleStart)
        {
            start = close + 1
        }
        // At most about a dozen words: the words are built only for a short stretch.
        guard roleStart - start <= 120, !context.containsComma(start, roleStart) else { return nil }
        let words = context.words(start, roleStart)
        guard let first = words.first, first == "was" || first == "is", let who = words.firstIndex(of: "who"), who <= 6,
            who + 1 < words.count, Self.relativeLinks.contains(words[who + 1])
        else { return nil }
        var link = who + 1
        if words[link] == "served" {
            guard link + 1 < words.count, words[link + 1] == "as" else { return nil }
            link += 1
        }
        let between = words[(link + 1)...]
        guard between.count <= 3, between.allSatisfy({ !Self.pastModifiers.contains($0) && !Self.timeWords.contains($0) }) else { return nil }
        var qualifier: Int?
        var end = entities[roleIndex].span.end
        if roleIndex + 1 < entities.count, entities[roleIndex + 1].sentence == sentence,
            entities[roleIndex + 1].type == .country || entities[roleIndex + 1].type == .org,
            case let gap = context.words(entities[roleIndex].span.end, entities[roleIndex + 1].span.start),
            gap.first.map({ Self.of.contains($0) }) ?? false, gap.count <= 3
        {
            qualifier = roleIndex + 1
            end = entities[roleIndex + 1].span.end
        }
        return Title(person: person, role: roleIndex, qualifier: qualifier,
                     evidence: TextSpan(start: entities[person].span.start, end: end), past: false, confidence: 0.8)
    }
}

extension TitleRules {
    /// Verbs that give their object a title: "elected X president", "appointed X prime minister".
    static let conferringVerbs: Set<String> = ["elected", "appointed", "named", "proclaimed", "crowned", "declared", "re-elected"]

    /// "The assembly elected X the president of Y", "they named X prime minister": a conferring verb
    /// right before the name and the title right after it ("the" or "as" may stand between), not a
    /// possessive title ("the president's adviser"). The country follows "of".
    func objectComplement(of person: Int) -> Title? {
        let entities = context.entities
        let roleIndex = person + 1
        guard roleIndex < entities.count, entities[roleIndex].sentence == entities[person].sentence, entities[roleIndex].type == .role,
            let verb = context.lastWord(max(0, entities[person].span.start - 16), entities[person].span.start),
            Self.conferringVerbs.contains(verb), context.lastWordTouches(entities[person].span.start)
        else { return nil }
        let between = context.words(entities[person].span.end, entities[roleIndex].span.start)
        guard between.count <= 1, between.allSatisfy({ $0 == "the" || $0 == "as" }),
            !context.containsComma(entities[person].span.end, entities[roleIndex].span.start)
        else { return nil }
        let roleEnd = entities[roleIndex].span.end
        if roleEnd < context.scalars.count, context.scalars[roleEnd] == "'" || context.scalars[roleEnd] == "’" { return nil }
        var qualifier: Int?
        var end = roleEnd
        if roleIndex + 1 < entities.count, entities[roleIndex + 1].sentence == entities[person].sentence,
            entities[roleIndex + 1].type == .country || entities[roleIndex + 1].type == .org,
            case let gap = context.words(roleEnd, entities[roleIndex + 1].span.start), gap.first.map({ Self.of.contains($0) }) ?? false,
            gap.count <= 3
        {
            qualifier = roleIndex + 1
            end = entities[roleIndex + 1].span.end
        }
        return Title(person: person, role: roleIndex, qualifier: qualifier,
                     evidence: TextSpan(start: entities[person].span.start, end: end), past: false, confidence: 0.8)
    }
}

extension RelationContext {
    /// Whether only spaces stand between the word before `offset` and `offset` (no punctuation).
    func lastWordTouches(_ offset: Int) -> Bool {
        var index = offset - 1
        while index >= 0, scalars[index] == " " { index -= 1 }
        return index >= 0 && index < offset - 1 && LeadershipNounRules.isLetter(scalars[index])
    }
}
