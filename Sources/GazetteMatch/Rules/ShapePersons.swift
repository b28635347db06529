import GazetteBytes
import GazetteCore
import GazetteSegment

/// Persons and organisations the gazetteer does not know, found by the shape of a name next to a cue
/// that says what it is:
/// - an honorific or rank: "Mr. Podesta", "Rep. Elijah Cummings", "Gen. Michael Flynn" (a person);
/// - a speech verb: "Elaine Kamarck said", "said Ed Rendell", "according to Jennifer Palmieri" (a person
///   of two or more name words; an organisation when the name ends in an institution word or follows "the").
/// And a known person's name followed by a generational suffix is another person ("Donald Trump Jr.").
extension EntityMatcher {
    /// Speech verbs that mark the name before or after them as a speaker.
    static let speechCues: TokenWords = [
        "said", "says", "told", "tells", "added", "adds", "asked", "explained", "noted", "wrote", "argued", "warned",
        "insisted", "stated", "declared", "recalled", "continued", "replied", "responded", "tweeted", "acknowledged",
        "according", "contends", "contended", "testified", "announced",
    ]
    /// Prepositions before which a capitalised run continues another name, not a speaker's.
    static let namePrepositions: TokenWords = ["of", "on", "for", "at", "in", "from", "by", "with", "de", "van"]
    /// Last words that make a name an organisation's ("White House", "Clinton Foundation").
    static let institutionWords: TokenWords = [
        "House", "Department", "Ministry", "Office", "Committee", "Campaign", "Party", "Council", "Agency", "Service",
        "Bureau", "Commission", "Court", "Post", "Times", "Journal", "News", "Network", "Press", "Association",
        "Institute", "Center", "Centre", "Foundation", "Group", "Company", "Corporation", "Inc", "Corp", "University",
        "College", "School", "Board", "Administration", "Senate", "Congress", "Police", "Army", "Navy", "Fund", "Bank",
        "Union", "Organization", "Organisation", "Federation", "Coalition", "Alliance", "Project", "Magazine",
        "Tribune", "Review", "Media", "Television", "Radio", "Government", "Authority", "Caucus", "Club", "Society",
        "Trust", "Program", "Programme", "Initiative", "Council", "Assembly", "Parliament", "Statement", "Report",
        "Democrats", "Republicans", "Watch", "International", "Today", "Daily", "Herald", "Globe", "Examiner", "League",
        "Cup", "Division", "Championship", "Series", "Palace", "Castle", "Cathedral", "Church", "Hall", "Stadium",
        // Company legal forms and the business nouns company names end in ("Orbis Holdings", "Vantel Co Ltd").
        "Co", "Ltd", "Limited", "Plc", "PLC", "LLC", "Llc", "AG", "SA", "NV", "BV", "GmbH", "SpA", "Bancorp",
        "Holdings", "Industries", "Brands", "Airlines", "Airways", "Securities", "Insurance", "Savings",
        "Enterprises", "Technologies", "Pharmaceuticals", "Chemicals", "Petroleum", "Motors",
    ]

    /// The case-folded `KeyHash` of a word.
    static func hash(_ word: String) -> UInt32 { KeyHash.of(bytes: Array(word.utf8)) }
    /// The hashes of `speechCues` and of the honorifics: tokens with other hashes are passed over.
    static let cueHashes: Set<UInt32> = Set(speechCues.map(hash))
    static let honorificHashes: Set<UInt32> = Set(PersonNameShape.abbreviatedHonorifics.map(hash))
    /// `cueHashes` and `honorificHashes` in one short list: a linear search of a few dozen numbers is
    /// cheaper than hashing a hash for two sets.
    static let cueAndHonorificHashes: [UInt32] = Array(cueHashes.union(honorificHashes))
    /// A screen for `cueHashes` and `honorificHashes`.
    static let cueScreen = HashBitmap(cueHashes.union(honorificHashes))

    /// The persons and organisations found by shape in a document whose gazetteer entities are `entities`
    /// (sorted by span). Only tokens next to a speech cue or an honorific are looked at.
    /// `cues` are the tokens `NameShapeCues.speech` screened.
    func shapePersons(tokens: [Token], entities: [Entity], cues: [Int], utf8: Span<UInt8>) -> [Entity] {
        // Without a cue whose hash is a cue's or an honorific's, or a dash, nothing is found. Screened tokens that
        // are none of them stay in the list: the loop below passes over them (they are no honorific, dash or cue).
        let cueHashes = Self.cueAndHonorificHashes
        guard cues.contains(where: { cueHashes.contains(tokens[$0].keyHash) || Self.isDash(tokens[$0], utf8) }) else { return [] }
        var covered = Self.coveredTokens(tokens, by: entities)
        var result: [Entity] = []
        // Whether the sentence of the last name looked at is in title case: names of one sentence come together.
        var titleCase: (sentence: Int, isTitleCase: Bool) = (-1, false)
        func add(_ type: EntityType, _ first: Int, _ last: Int) {
            result.append(entity(type, tokens, first, last, utf8))
            for position in first...last { covered[position] = true }
        }
        // Name runs, and whether one word is enough (right after a quote): one array for all cues.
        var candidates: [(first: Int, last: Int, single: Bool)] = []
        for cue in cues where !covered[cue] {
            if PersonNameShape.abbreviatedHonorifics.contains(tokens[cue], utf8) {
                // Every honorific is ASCII: its first byte is its first character.
                guard PersonNameShape.isTightStop(cue + 1, tokens, utf8) || utf8[tokens[cue].utf8Start] == UInt8(ascii: "M"),
                    case let first = PersonNameShape.skipHonorifics(from: cue, tokens, utf8), first > cue,
                    let last = PersonNameShape.nameEnd(from: first, tokens, utf8, covered: covered, limit: first + 6)
                else { continue }
                add(.person, first, last)
                continue
            }
            // A quote signed with a dash: "“…” ― Steve Quinlan." (the name ends its sentence).
            if Self.isDash(tokens[cue], utf8), cue > 0, Self.isClosingQuote(tokens[cue - 1], utf8),
                let last = PersonNameShape.nameEnd(from: cue + 1, tokens, utf8, covered: covered, limit: cue + 7), last > cue + 1,
                last + 1 >= tokens.count || tokens[last + 1].kind == .punctuation || tokens[last + 1].sentence != tokens[last].sentence
            {
                add(.person, cue + 1, last)
                continue
            }
            guard Self.speechCues.contains(tokens[cue], utf8) else { continue }
            let according = Self.isText(tokens[cue], utf8, "according")
            candidates.removeAll(keepingCapacity: true)
            Self.speechNameRuns(around: cue, according: according, tokens, utf8, covered: covered, into: &candidates)
            for (first, last, single) in candidates where last > first || single {
                if covered[first] { continue }
                if first > 0, Self.namePrepositions.contains(tokens[first - 1], utf8) { continue }
                let sentence = tokens[first].sentence
                if titleCase.sentence != sentence { titleCase = (sentence, Self.isTitleCaseSentence(containing: first, tokens, utf8)) }
                if titleCase.isTitleCase { continue }
                let afterThe = first > 0 && Self.isTextIgnoringCase(tokens[first - 1], utf8, "the")
                add(Self.institutionWords.contains(tokens[last], utf8) || afterThe ? .org : .person, first, last)
            }
        }
        return result
    }

    /// The name runs a speech cue at `cue` may have as its speaker, appended to `candidates` with whether one
    /// word is enough (right after a quote): `"…," Tester said`, "Elaine Kamarck said", ", Elaine Kamarck, said",
    /// "said Elaine Kamarck", "according to Elaine Kamarck".
    @inline(__always)
    static func speechNameRuns(around cue: Int, according: Bool, _ tokens: [Token], _ utf8: Span<UInt8>, covered: [Bool],
                               into candidates: inout [(first: Int, last: Int, single: Bool)]) {
        // `"…," Tester said` / `"…," said Tester`: one name word is enough right after a quote.
        if cue >= 2, !covered[cue - 1], PersonNameShape.isNameWord(tokens[cue - 1], utf8), Self.isClosingQuote(tokens[cue - 2], utf8) {
            candidates.append((cue - 1, cue - 1, true))
        } else if cue >= 1, cue + 1 < tokens.count, Self.isClosingQuote(tokens[cue - 1], utf8), !covered[cue + 1],
            PersonNameShape.isNameWord(tokens[cue + 1], utf8),
            !PersonNameShape.honorifics.contains(tokens[cue + 1], utf8),
            cue + 2 >= tokens.count || tokens[cue + 2].kind == .punctuation
        {
            candidates.append((cue + 1, cue + 1, true))
        }
        // "Elaine Kamarck said": the run of name words ending right before the cue.
        if cue > 0 {
            var first = cue
            while first > 0, cue - first < 7, !covered[first - 1], tokens[first - 1].sentence == tokens[cue].sentence,
                Self.mayBeInName(first - 1, tokens, utf8)
            {
                first -= 1
            }
            while first < cue, !PersonNameShape.isNameWord(tokens[first], utf8) { first += 1 }
            if first < cue, let last = PersonNameShape.nameEnd(from: first, tokens, utf8, covered: covered, limit: cue - 1),
                last == cue - 1
            {
                candidates.append((first, last, false))
            }
        }
        // "one of the family's lawyers, Elaine Kamarck, said": a name between commas right before the cue.
        if let (first, last) = appositiveName(before: cue, tokens, utf8, covered: covered) {
            candidates.append((first, last, false))
        }
        // "said Elaine Kamarck", "according to Elaine Kamarck".
        var after = cue + 1
        if according, after < tokens.count, Self.isText(tokens[after], utf8, "to") { after += 1 }
        if !according || after == cue + 2, after < tokens.count,
            let last = PersonNameShape.nameEnd(from: after, tokens, utf8, covered: covered, limit: after + 6)
        {
            candidates.append((after, last, false))
        }
    }

    /// The name words between two commas right before a speech cue: ", Elaine Kamarck, said" (two to
    /// six tokens, starting with a name word).
    static func appositiveName(before cue: Int, _ tokens: [Token], _ utf8: Span<UInt8>, covered: [Bool]) -> (Int, Int)? {
        let last = cue - 2
        guard last > 1, tokens[cue - 1].kind == .punctuation, isText(tokens[cue - 1], utf8, ","),
            tokens[last].sentence == tokens[cue].sentence
        else { return nil }
        var first = last
        while first > 0, last - first < 6, !covered[first - 1], tokens[first - 1].sentence == tokens[cue].sentence,
            mayBeInName(first - 1, tokens, utf8)
        {
            first -= 1
        }
        guard first < last, first > 0, isText(tokens[first - 1], utf8, ","),
            let end = PersonNameShape.nameEnd(from: first, tokens, utf8, covered: covered, limit: last), end == last
        else { return nil }
        return (first, last)
    }

    /// Words that link a name to a title after it: "X was President of Y", "X reigned as King".
    static let titleLinks: TokenWords = ["was", "is", "became", "as"]

    /// Persons named next to a title by shape: before an apposition or copula with the title ("Zhou Enlai,
    /// the Premier of China", "Gregorio Pacheco (1823–1899) was the President of Bolivia"), or after
    /// "TITLE of COUNTRY" ("the President of Poland, Lech Wałęsa").
    /// `cues` are the tokens `NameShapeCues.leadership` screened.
    func titleShapePersons(tokens: [Token], entities: [Entity], cues: [Int], utf8: Span<UInt8>) -> [Entity] {
        // By index, not `contains(where:)`: that copies each entity, retaining and releasing all its strings.
        let hasRole = entities.indices.contains(where: { entities[$0].type == .role })
        guard hasRole || !cues.isEmpty else { return [] }
        var covered = Self.coveredTokens(tokens, by: entities)
        var result: [Entity] = []
        func add(_ first: Int, _ last: Int) {
            result.append(entity(.person, tokens, first, last, utf8))
            for position in first...last { covered[position] = true }
        }
        leadershipNounPersons(tokens, utf8, cues: cues, covered: &covered, into: &result)
        // Only the roles are looked at: no other entity is copied.
        for index in entities.indices where hasRole && entities[index].type == .role {
            let roleSpan = entities[index].span
            let roleFirst = EntityMatcher.firstToken(startingAtOrAfter: roleSpan.start, tokens)
            if let (first, last) = nameBefore(title: roleFirst, tokens, utf8, covered: covered) { add(first, last) }
            // "TITLE of [the|adjective] COUNTRY[,] NAME".
            guard index + 1 < entities.count, entities[index + 1].type == .country, entities[index + 1].form == .name else { continue }
            let country = entities[index + 1].span
            let roleLast = EntityMatcher.firstToken(startingAtOrAfter: roleSpan.end, tokens)
            let countryFirst = EntityMatcher.firstToken(startingAtOrAfter: country.start, tokens)
            guard roleLast < tokens.count, Self.isText(tokens[roleLast], utf8, "of"), countryFirst - roleLast <= 3 else { continue }
            var next = EntityMatcher.firstToken(startingAtOrAfter: country.end, tokens)
            // "TITLE of COUNTRY, NAME", "TITLE of COUNTRY was NAME".
            if next < tokens.count, Self.isText(tokens[next], utf8, ",") || Self.isText(tokens[next], utf8, "was") || Self.isText(tokens[next], utf8, "is") {
                next += 1
            }
            guard next < tokens.count, tokens[next].sentence == tokens[countryFirst].sentence,
                let last = PersonNameShape.nameEnd(from: next, tokens, utf8, covered: covered, limit: next + 6), last > next
            else { continue }
            add(next, last)
        }
        return result
    }

    /// Regnal names with their realm: "Gustav III of Sweden", "Philip V of Spain". A person found
    /// before ("King Philip V") grows over "of COUNTRY"; a name word with a regnal number and "of
    /// COUNTRY" and no entity yet becomes a person. The country stays an entity of its own, inside.
    /// `cues` are the tokens `NameShapeCues.regnal` screened.
    func regnalNames(_ found: [Entity], tokens: [Token], cues: [Int], utf8: Span<UInt8>) -> [Entity] {
        guard !cues.isEmpty else { return found }
        var result = found
        var added: [Entity] = []
        for index in cues where Self.isRomanNumeral(tokens[index], utf8) {
            guard index > 0, index + 2 < tokens.count, Self.isText(tokens[index + 1], utf8, "of"),
                PersonNameShape.isNameWord(tokens[index - 1], utf8),
                let country = result.firstIndex(where: { $0.span.start == tokens[index + 2].span.start && $0.type == .country && $0.form == .name })
            else { continue }
            let end = result[country].span.end
            if let person = result.firstIndex(where: { $0.type == .person && $0.span.end == tokens[index].span.end }) {
                guard result[person].kb == nil else { continue }
                let first = EntityMatcher.firstToken(startingAtOrAfter: result[person].span.start, tokens)
                let last = EntityMatcher.firstToken(startingAtOrAfter: end, tokens) - 1
                var grown = entity(.person, tokens, first, last, utf8)
                grown.source = result[person].source
                result[person] = grown
            } else if !result.contains(where: { $0.span.overlaps(tokens[index - 1].span) }) {
                var first = index - 1
                while first > 0, index - first < 4, PersonNameShape.isNameWord(tokens[first - 1], utf8),
                    !result.contains(where: { $0.span.overlaps(tokens[first - 1].span) }),
                    !PersonNameShape.honorifics.contains(tokens[first - 1], utf8)
                {
                    first -= 1
                }
                let last = EntityMatcher.firstToken(startingAtOrAfter: end, tokens) - 1
                added.append(entity(.person, tokens, first, last, utf8))
            }
        }
        return added.isEmpty ? result : (result + added).sorted { $0.span < $1.span }
    }

    /// A screen for the hashes of the regnal numbers.
    static let regnalScreen = HashBitmap(PersonNameShape.regnal.map(hash))

    /// Whether a word is a regnal number from II to XX ("I" is left out: it is also the pronoun).
    static func isRomanNumeral(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        let length = token.utf8End - token.utf8Start
        guard length >= 1, length <= 5 else { return false }
        for index in token.utf8Start..<token.utf8End {
            let byte = utf8[index]
            guard byte == UInt8(ascii: "I") || byte == UInt8(ascii: "V") || byte == UInt8(ascii: "X") else { return false }
        }
        return PersonNameShape.regnal.contains(token, utf8)
    }

    /// Nouns of leadership that name the leader after "of" or before them: "the presidency of Harry
    /// Truman", "the Zuma administration".
    static let leadershipNouns: TokenWords = ["presidency", "premiership", "reign", "administration"]
    static let leadershipNounHashes: Set<UInt32> = Set(leadershipNouns.map(hash))
    static let leadershipNounScreen = HashBitmap(leadershipNounHashes)

    /// Persons named by shape with a noun of leadership ("the presidency of Harry Truman", "the Zuma administration").
    func leadershipNounPersons(_ tokens: [Token], _ utf8: Span<UInt8>, cues: [Int], covered: inout [Bool],
                               into result: inout [Entity]) {
        let hashes = Self.leadershipNounHashes
        for index in cues where hashes.contains(tokens[index].keyHash) {
            guard Self.leadershipNouns.contains(tokens[index], utf8) else { continue }
            if index + 2 < tokens.count, Self.isText(tokens[index + 1], utf8, "of"),
                let last = PersonNameShape.nameEnd(from: index + 2, tokens, utf8, covered: covered, limit: index + 8), last > index + 2
            {
                result.append(entity(.person, tokens, index + 2, last, utf8))
                for position in (index + 2)...last { covered[position] = true }
            } else if index >= 2, !covered[index - 1], PersonNameShape.isNameWord(tokens[index - 1], utf8) {
                var first = index - 1
                while first > 0, index - first < 4, !covered[first - 1], PersonNameShape.isNameWord(tokens[first - 1], utf8) { first -= 1 }
                guard first > 0, Self.isText(tokens[first - 1], utf8, "the") || Self.isText(tokens[first - 1], utf8, "first")
                    || Self.isText(tokens[first - 1], utf8, "second")
                else { continue }
                result.append(entity(.person, tokens, first, index - 1, utf8))
                for position in first...(index - 1) { covered[position] = true }
            }
        }
    }

    /// The name before a title's link: "NAME, the [...] TITLE", "NAME [(...)] was [the ...] TITLE".
    func nameBefore(title: Int, _ tokens: [Token], _ utf8: Span<UInt8>, covered: [Bool]) -> (Int, Int)? {
        var position = title - 1
        var skipped = 0
        // Up to three lower-case words or numbers ("the constitutional", "the 45th").
        while position >= 0, skipped < 3, tokens[position].kind != .punctuation, tokens[position].sentence == tokens[title].sentence,
            !EntityMatcher.startsUppercase(tokens[position], utf8), !Self.titleLinks.contains(tokens[position], utf8),
            !Self.namePrepositions.contains(tokens[position], utf8)
        {
            position -= 1
            skipped += 1
        }
        guard position >= 0, tokens[position].sentence == tokens[title].sentence else { return nil }
        let link = PersonNameShape.surface(tokens[position], utf8)
        if position + 1 < title, Self.namePrepositions.contains(tokens[position + 1], utf8) { return nil }
        guard link == "," || Self.titleLinks.contains(link) else { return nil }
        if link == "as", position > 0, !["reigned", "served", "ruled"].contains(PersonNameShape.surface(tokens[position - 1], utf8)) { return nil }
        var end = link == "as" ? position - 2 : position - 1
        // A parenthesis after the name: "Carol II (15 October 1893 – 4 April 1953) reigned as".
        if end >= 0, Self.isText(tokens[end], utf8, ")") {
            var open = end
            while open > 0, end - open < 30, !Self.isText(tokens[open], utf8, "(") { open -= 1 }
            guard Self.isText(tokens[open], utf8, "(") else { return nil }
            end = open - 1
        }
        guard end >= 0, !covered[end], tokens[end].sentence == tokens[title].sentence else { return nil }
        var first = end
        while first > 0, end - first < 6, !covered[first - 1], tokens[first - 1].sentence == tokens[end].sentence,
            Self.mayBeInName(first - 1, tokens, utf8)
        {
            first -= 1
        }
        while first < end, !PersonNameShape.isNameWord(tokens[first], utf8) { first += 1 }
        guard first < end, let last = PersonNameShape.nameEnd(from: first, tokens, utf8, covered: covered, limit: end), last == end else { return nil }
        return (first, last)
    }

    /// Whether a token is a dash: U+2015 ―, U+2014 — or U+2013 –.
    static func isDash(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        guard token.utf8End - token.utf8Start == 3, utf8[token.utf8Start] == 0xE2, utf8[token.utf8Start + 1] == 0x80 else { return false }
        let last = utf8[token.utf8Start + 2]
        return last == 0x95 || last == 0x94 || last == 0x93
    }

    /// Whether a token is a closing quotation mark: ” or a straight double quote.
    static func isClosingQuote(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        let length = token.utf8End - token.utf8Start
        if length == 1 { return utf8[token.utf8Start] == 0x22 }
        return length == 3 && utf8[token.utf8Start] == 0xE2 && utf8[token.utf8Start + 1] == 0x80 && utf8[token.utf8Start + 2] == 0x9D
    }

    /// Whether a token may be part of a name: a name word, a particle, an initial, a suffix, a tight
    /// stop or a joining hyphen.
    static func mayBeInName(_ index: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        if tokens[index].kind == .punctuation {
            return PersonNameShape.isTightStop(index, tokens, utf8) || isJoiningHyphen(at: index, tokens, utf8)
        }
        guard tokens[index].kind == .word else { return false }
        if PersonNameShape.isNameWord(tokens[index], utf8) { return true }
        let text = PersonNameShape.shapeText(tokens[index], utf8)
        guard !text.isEmpty else { return false }
        return nameParticles.contains(text) || PersonNameShape.generational.contains(text) || PersonNameShape.regnal.contains(text)
            || (text.utf8.count == 1 && (0x41...0x5A).contains(utf8[tokens[index].utf8Start]))
    }

    /// Which tokens overlap one of `entities` (sorted by start): for each entity, the tokens from the
    /// one it starts in to the one it ends in, found by binary search rather than by a pass over all tokens.
    static func coveredTokens(_ tokens: [Token], by entities: [Entity]) -> [Bool] {
        var covered = [Bool](repeating: false, count: tokens.count)
        for position in entities.indices {
            let span = entities[position].span
            var index = firstToken(startingAtOrAfter: span.start, tokens)
            // The token before may begin before the entity and reach into it.
            if index > 0, tokens[index - 1].span.overlaps(span) { covered[index - 1] = true }
            while index < tokens.count, tokens[index].span.start < span.end {
                if tokens[index].span.overlaps(span) { covered[index] = true }
                index += 1
            }
        }
        return covered
    }

    /// A pattern entity over tokens `first...last`.
    func entity(_ type: EntityType, _ tokens: [Token], _ first: Int, _ last: Int, _ utf8: Span<UInt8>) -> Entity {
        let text = Self.text(tokens, first, last, utf8)
        return Entity(id: "", type: type, span: TextSpan(start: tokens[first].span.start, end: tokens[last].span.end),
                      text: text, kb: nil, canonical: text, wikidata: nil, sentence: tokens[first].sentence,
                      source: .pattern, form: .pattern)
    }

    /// Known persons whose name is followed by a generational suffix become other, unknown persons:
    /// "Donald Trump Jr." is not Donald Trump.
    func detachingSuffixedNames(_ entities: [Entity], tokens: [Token], utf8: Span<UInt8>) -> [Entity] {
        var result = entities
        for index in result.indices where result[index].type == .person && result[index].kb != nil && result[index].form == .name {
            let next = EntityMatcher.firstToken(startingAtOrAfter: result[index].span.end, tokens)
            guard next < tokens.count, tokens[next].kind == .word, tokens[next].span.start == result[index].span.end + 1,
                PersonNameShape.generational.contains(tokens[next], utf8)
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

/// The tokens of a document that the name-shape passes start from, found in one pass over the
/// tokens by their hashes: speech cues, honorifics and dashes (`shapePersons`), nouns of leadership
/// (`titleShapePersons`) and regnal numbers (`regnalNames`). Each list may hold tokens that only
/// share a screen bit with those words; the passes compare them.
struct NameShapeCues {
    var speech: [Int] = []
    var leadership: [Int] = []
    var regnal: [Int] = []

    /// One screen for the three lists: most tokens miss it and are passed over at one bit test.
    static let screen = HashBitmap(EntityMatcher.cueHashes.union(EntityMatcher.honorificHashes)
        .union(EntityMatcher.leadershipNounHashes).union(PersonNameShape.regnal.map(EntityMatcher.hash)))

    init(tokens: [Token], utf8: Span<UInt8>) {
        let screen = Self.screen
        let speechScreen = EntityMatcher.cueScreen
        let leadershipScreen = EntityMatcher.leadershipNounScreen
        let regnalScreen = EntityMatcher.regnalScreen
        for index in tokens.indices {
            let hash = tokens[index].keyHash
            if screen.mayContain(hash) {
                if speechScreen.mayContain(hash) { speech.append(index) }
                if leadershipScreen.mayContain(hash) { leadership.append(index) }
                if regnalScreen.mayContain(hash) { regnal.append(index) }
            } else if hash == 0, EntityMatcher.isDash(tokens[index], utf8) {
                // Non-ASCII tokens (hash 0) are none of the words; a dash may sign a quote.
                speech.append(index)
            }
        }
    }
}
