import GazetteCore

/// Persons and organisations the gazetteer does not know, found by the shape of a name next to a cue
/// that says what it is:
/// - an honorific or rank: "Mr. Podesta", "Rep. Elijah Cummings", "Gen. Michael Flynn" (a person);
/// - a speech verb: "Elaine Kamarck said", "said Ed Rendell", "according to Jennifer Palmieri" (a person
///   of two or more name words; an organisation when the name ends in an institution word or follows "the").
/// And a known person's name followed by a generational suffix is another person ("Donald Trump Jr.").
extension EntityMatcher {
    /// Speech verbs that mark the name before or after them as a speaker.
    static let speechCues: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "asked", "explained", "noted", "wrote", "argued", "warned",
        "insisted", "stated", "declared", "recalled", "continued", "replied", "responded", "tweeted", "acknowledged",
        "according", "contends", "contended", "testified", "announced",
    ]
    /// Prepositions before which a capitalised run continues another name, not a speaker's.
    static let namePrepositions: Set<String> = ["of", "on", "for", "at", "in", "from", "by", "with", "de", "van"]
    /// Last words that make a name an organisation's ("White House", "Clinton Foundation").
    static let institutionWords: Set<String> = [
        "House", "Department", "Ministry", "Office", "Committee", "Campaign", "Party", "Council", "Agency", "Service",
        "Bureau", "Commission", "Court", "Post", "Times", "Journal", "News", "Network", "Press", "Association",
        "Institute", "Center", "Centre", "Foundation", "Group", "Company", "Corporation", "Inc", "Corp", "University",
        "College", "School", "Board", "Administration", "Senate", "Congress", "Police", "Army", "Navy", "Fund", "Bank",
        "Union", "Organization", "Organisation", "Federation", "Coalition", "Alliance", "Project", "Magazine",
        "Tribune", "Review", "Media", "Television", "Radio", "Government", "Authority", "Caucus", "Club", "Society",
        "Trust", "Program", "Programme", "Initiative", "Council", "Assembly", "Parliament", "Statement", "Report",
        "Democrats", "Republicans", "Watch", "International", "Today", "Daily", "Herald", "Globe", "Examiner",
    ]

    /// The persons and organisations found by shape in a document whose gazetteer entities are `entities`
    /// (sorted by span).
    func shapePersons(tokens: [Token], entities: [Entity], utf8: UnsafeBufferPointer<UInt8>) -> [Entity] {
        var covered = [Bool](repeating: false, count: tokens.count)
        var entityIndex = 0
        for (index, token) in tokens.enumerated() {
            while entityIndex < entities.count && entities[entityIndex].span.end <= token.span.start { entityIndex += 1 }
            if entityIndex == entities.count { break }
            if entities[entityIndex].span.overlaps(token.span) { covered[index] = true }
        }
        var result: [Entity] = []
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard !covered[index], tokens[index].kind == .word else { continue }
            let word = PersonNameShape.surface(tokens[index], utf8)
            if PersonNameShape.abbreviatedHonorifics.contains(word), PersonNameShape.isTightStop(index + 1, tokens, utf8) || word.hasPrefix("M"),
                case let first = PersonNameShape.skipHonorifics(from: index, tokens, utf8), first > index,
                let last = PersonNameShape.nameEnd(from: first, tokens, utf8, covered: covered, limit: first + 6)
            {
                result.append(entity(.person, tokens, first, last, utf8))
                for position in index...last { covered[position] = true }
                index = last
                continue
            }
            guard let last = PersonNameShape.nameEnd(from: index, tokens, utf8, covered: covered, limit: index + 6), last > index,
                isSpeakerPosition(first: index, last: last, tokens, utf8),
                !Self.isTitleCase(sentence: tokens[index].sentence, tokens, utf8)
            else { continue }
            // "the Commission on Presidential Debates announced": a name after a preposition is part of another.
            if index > 0, Self.namePrepositions.contains(PersonNameShape.surface(tokens[index - 1], utf8)) { continue }
            let lastWord = PersonNameShape.surface(tokens[last], utf8)
            let afterThe = index > 0 && PersonNameShape.surface(tokens[index - 1], utf8).lowercased() == "the"
            let type: EntityType = Self.institutionWords.contains(lastWord) || afterThe ? .org : .person
            result.append(entity(type, tokens, index, last, utf8))
            for position in index...last { covered[position] = true }
            index = last
        }
        return result
    }

    /// Whether a speech verb stands right after a name ("Elaine Kamarck said") or right before it
    /// ("said Elaine Kamarck", "according to Elaine Kamarck").
    func isSpeakerPosition(first: Int, last: Int, _ tokens: [Token], _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        if last + 1 < tokens.count, tokens[last + 1].kind == .word,
            Self.speechCues.contains(PersonNameShape.surface(tokens[last + 1], utf8))
        {
            return true
        }
        guard first > 0, tokens[first - 1].kind == .word else { return false }
        let before = PersonNameShape.surface(tokens[first - 1], utf8)
        if before == "to", first > 1, PersonNameShape.surface(tokens[first - 2], utf8).lowercased() == "according" { return true }
        return Self.speechCues.contains(before) && before != "according"
    }

    /// A pattern entity over tokens `first...last`.
    func entity(_ type: EntityType, _ tokens: [Token], _ first: Int, _ last: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Entity {
        let text = Self.text(tokens, first, last, utf8)
        return Entity(id: "", type: type, span: TextSpan(start: tokens[first].span.start, end: tokens[last].span.end),
                      text: text, kb: nil, canonical: text, wikidata: nil, sentence: tokens[first].sentence,
                      source: "pattern", form: .pattern)
    }

    /// Known persons whose name is followed by a generational suffix become other, unknown persons:
    /// "Donald Trump Jr." is not Donald Trump.
    func detachingSuffixedNames(_ entities: [Entity], tokens: [Token], utf8: UnsafeBufferPointer<UInt8>) -> [Entity] {
        var result = entities
        for index in result.indices where result[index].type == .person && result[index].kb != nil && result[index].form == .name {
            let next = EntityMatcher.firstToken(startingAtOrAfter: result[index].span.end, tokens)
            guard next < tokens.count, tokens[next].kind == .word, tokens[next].span.start == result[index].span.end + 1,
                PersonNameShape.generational.contains(PersonNameShape.surface(tokens[next], utf8))
            else { continue }
            let end = PersonNameShape.isTightStop(next + 1, tokens, utf8) ? tokens[next + 1].span.end : tokens[next].span.end
            let first = EntityMatcher.firstToken(startingAtOrAfter: result[index].span.start, tokens)
            let last = PersonNameShape.isTightStop(next + 1, tokens, utf8) ? next + 1 : next
            var entity = entity(.person, tokens, first, last, utf8)
            entity.span.end = end
            result[index] = entity
        }
        return result
    }
}
