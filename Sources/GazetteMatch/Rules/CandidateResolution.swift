import GazetteCore
import GazetteGazetteer
import GazetteSegment

/// Which gazetteer candidates become entities, and as what (see `resolve`).
extension EntityMatcher {
    /// What `resolve` keeps while it walks the candidates.
    struct Resolution {
        /// The entities so far.
        var result: [Entity] = []
        /// The kb ids of the persons whose full name the document gives: their surnames count anywhere.
        var fullNames: Set<String> = []
        /// The last token and the type of the entity or title made last (nil after a cue).
        var previous: (last: Int, type: EntityType)?
        /// The last tokens of occupation cues, for the title pattern.
        var cueEnds: [Int]
        /// The starts of known persons' full names found around a surname (see `knownFullName`).
        var confirmedNames: Set<Int>
    }

    /// Turns candidates into entities.
    ///
    /// - Surnames count after a title, or when the person's full name appears anywhere in the
    ///   document (headlines name "Medvedev" before the lead says "Dmitry Medvedev"); a surname
    ///   that is also a month ("May") does not count in a date context ("in May", "May 5").
    /// - A place that is also a given name, followed by a capitalised word, is a person's name
    ///   ("Chad Miller", "Jordan Ellis"); one followed by a geographic noun is not the country
    ///   ("the Jordan River").
    /// - Occupation cues are not entities; their positions go to `cueEnds` for the title pattern.
    func resolve(_ candidates: [Candidate], tokens: [Token], utf8: Span<UInt8>, cueEnds: inout [Int],
                 confirmedNames: inout Set<Int>) -> [Entity] {
        var state = Resolution(cueEnds: cueEnds, confirmedNames: confirmedNames)
        state.result.reserveCapacity(candidates.count)
        let entries = compiled.entries
        // Entries are read field by field: copying one whole retains and releases all its strings.
        for candidate in candidates {
            let id = Int(candidate.entry)
            if entries[id].type == .person && entries[id].form == .name { state.fullNames.insert(entries[id].kb) }
        }
        let placesInContext = PlaceContext.placesShownInContext(candidates, entries: entries, tokens: tokens, utf8)
        for position in candidates.indices {
            resolveCandidate(at: position, candidates, entries: entries, tokens: tokens, utf8: utf8, placesInContext: placesInContext,
                             into: &state)
        }
        cueEnds = state.cueEnds
        confirmedNames = state.confirmedNames
        return state.result
    }

    /// Resolves the candidate at `position`: drops it, or adds to `state` the entity it makes.
    @inline(__always)
    func resolveCandidate(at position: Int, _ candidates: [Candidate], entries: [MatchEntry], tokens: [Token], utf8: Span<UInt8>,
                          placesInContext: (kbs: Set<String>, mentions: Set<Int>), into state: inout Resolution) {
        // Tokens a pattern person took ("Jordan Ellis") start no other entity.
        if let previous = state.previous, previous.type == .person, candidates[position].first <= previous.last { return }
        var candidate = candidates[position]
        // A surname several persons share names the one whose full name the article gives (most candidates have no
        // alternatives: the set is not read for them).
        var unresolved = candidate.alternatives.isEmpty
            ? false : choosingNamedPerson(&candidate, entries: entries, fullNames: state.fullNames)
        let id = Int(candidate.entry)
        if entries[id].form == .cue {
            state.cueEnds.append(candidate.last)
            state.previous = nil
            return
        }
        var source: EntitySource = .gazetteer
        if entries[id].form == .partial {
            switch resolveSurname(candidate, at: position, candidates, entries: entries, tokens: tokens, utf8: utf8,
                                  unresolved: &unresolved, into: &state) {
            case .dropped: return
            case .afterTitle: source = .gazetteer
            case .fullNameGiven: source = .coreference
            case .speaking: source = .pattern
            }
        }
        if addingTitledPerson(candidate, entries: entries, tokens: tokens, utf8: utf8, into: &state) { return }
        if entries[id].type == .country || entries[id].type == .city {
            guard keepsPlace(&candidate, at: position, candidates, entries: entries, tokens: tokens, utf8: utf8,
                             placesInContext: placesInContext, into: &state)
            else { return }
        }
        state.result.append(gazetteerEntity(candidate, entries: entries, source: source, unresolved: unresolved, tokens: tokens,
                                            utf8: utf8))
        state.previous = (candidate.last, entries[id].type)
    }

    /// The entity of a candidate that stands: its entry's, or with no kb when `unresolved`.
    @inline(__always)
    func gazetteerEntity(_ candidate: Candidate, entries: [MatchEntry], source: EntitySource, unresolved: Bool, tokens: [Token],
                         utf8: Span<UInt8>) -> Entity {
        let id = Int(candidate.entry)
        let first = tokens[candidate.first]
        let last = tokens[candidate.last]
        let text = Self.text(tokens, candidate.first, candidate.last, utf8, trimEnd: candidate.trimEnd)
        // Entries are read field by field: copying one whole retains and releases all its strings.
        return Entity(
            id: "", type: entries[id].type, span: TextSpan(start: first.span.start, end: last.span.end - candidate.trimEnd),
            text: text, kb: unresolved ? nil : entries[id].kb, canonical: unresolved ? text : entries[id].canonical,
            wikidata: unresolved ? nil : entries[id].wikidata, sentence: first.sentence,
            source: source, form: entries[id].form, refersTo: entries[id].refersTo)
    }

    /// A surname several persons share names the one whose full name the article gives (`fullNames`): the
    /// candidate's entry becomes that person's. Returns whether the article names none of them while the
    /// candidate is a surname (`unresolved`): then it names nobody known and keeps no kb.
    @inline(__always)
    func choosingNamedPerson(_ candidate: inout Candidate, entries: [MatchEntry], fullNames: Set<String>) -> Bool {
        guard !candidate.alternatives.isEmpty, !fullNames.contains(entries[Int(candidate.entry)].kb) else { return false }
        if let better = candidate.alternatives.first(where: { fullNames.contains(entries[Int($0)].kb) }) {
            candidate.entry = better
            return false
        }
        return entries[Int(candidate.entry)].form == .partial
    }

    /// Why a surname candidate counts as the person's mention, or that it does not (`dropped`).
    enum SurnameReading {
        /// It does not count, or it became another entity (added to the resolution).
        case dropped
        /// It stands after or before a title, or with a noun of leadership ("the Reagan administration").
        case afterTitle
        /// The document gives the person's full name.
        case fullNameGiven
        /// A reporting verb follows ("REAGAN SAYS"): someone of that name speaks.
        case speaking
    }

    /// How a surname candidate counts (see `SurnameReading`); a known person's longer name or a namesake it
    /// turned out to be is added to `state`.
    @inline(__always)
    func resolveSurname(_ candidate: Candidate, at position: Int, _ candidates: [Candidate], entries: [MatchEntry], tokens: [Token],
                        utf8: Span<UInt8>, unresolved: inout Bool, into state: inout Resolution) -> SurnameReading {
        // The kb is read where it is used, not up front: most surnames are dropped before, and a read retains it.
        let afterTitle = (state.previous.map { $0.type == .role && $0.last == candidate.first - 1 } ?? false)
            || titleFollows(position, candidates, tokens, utf8) || Self.isLeadershipNounContext(candidate, tokens, utf8)
        if Self.isDateContext(candidate, tokens, utf8) { return .dropped }
        // "King Philip V": a word before a regnal number is a monarch's name, not a known person's surname.
        if Self.precedesRegnalNumber(candidate.last, tokens, utf8) { return .dropped }
        // "Frederick Jacob Titus Chiluba": the known person's full name, with middle names.
        if let entity = knownFullName(candidate, earliest: state.previous.map { $0.last + 1 } ?? 0, tokens, utf8) {
            state.result.append(entity)
            state.confirmedNames.insert(entity.span.start)
            // Later mentions of the surname are the person's, as after a full name the gazetteer matched.
            if let kb = entity.kb { state.fullNames.insert(kb) }
            state.previous = (candidate.last, .person)
            return .dropped
        }
        if addingNamesake(candidate, at: position, candidates, entries: entries, tokens: tokens, utf8: utf8, into: &state) { return .dropped }
        if afterTitle {
            // "the Reagan administration" names the person for the later bare surname too.
            if !unresolved, Self.isLeadershipNounContext(candidate, tokens, utf8) {
                state.fullNames.insert(entries[Int(candidate.entry)].kb)
            }
            return .afterTitle
        }
        if state.fullNames.contains(entries[Int(candidate.entry)].kb) { return .fullNameGiven }
        if candidate.trimEnd == 0, Self.isFollowedByReportingVerb(candidate.last, tokens, utf8) {
            // "REAGAN SAYS …", "Miyazawa expects …": a person by that name speaks, but which of the persons
            // who bear it the article does not say.
            unresolved = true
            return .speaking
        }
        return .dropped
    }

    /// Whether a surname candidate stands in another person's longer name, outside a headline: after a free
    /// name word inside a sentence ("Naina Yeltsin", "Hillary Clinton": that person, whom the gazetteer does not
    /// know, is added, and a later "Clinton" may be hers, see `SurnameResolution`), or before a name word, as
    /// the given name of a longer name ("Secretary James Baker", which the title pattern finds).
    @inline(__always)
    func addingNamesake(_ candidate: Candidate, at position: Int, _ candidates: [Candidate], entries: [MatchEntry], tokens: [Token],
                        utf8: Span<UInt8>, into state: inout Resolution) -> Bool {
        // Headlines capitalise every word: there neither rule says anything (computed last, once).
        var headline: Bool?
        func isHeadline() -> Bool {
            if let headline { return headline }
            headline = Self.isTitleCaseSentence(containing: candidate.first, tokens, utf8)
            return headline!
        }
        if candidate.first > 1, position == 0 || candidates[position - 1].last != candidate.first - 1,
            tokens[candidate.first - 1].sentence == tokens[candidate.first].sentence,
            tokens[candidate.first - 2].sentence == tokens[candidate.first].sentence,
            Self.isNameWord(tokens[candidate.first - 1], utf8), !isHeadline()
        {
            if candidate.trimEnd == 0 { state.result.append(Self.namesake(first: candidate.first - 1, last: candidate.last, tokens, utf8)) }
            state.previous = (candidate.last, .person)
            return true
        }
        if let next = Self.nextWord(after: candidate.last, tokens), candidate.trimEnd == 0,
            tokens[next].sentence == tokens[candidate.first].sentence, Self.isNameWord(tokens[next], utf8),
            position + 1 >= candidates.count || candidates[position + 1].first != next
                || entries[Int(candidates[position + 1].entry)].form == .partial,
            !isHeadline()
        {
            return true
        }
        return false
    }

    /// "Queen Victoria", "President Lincoln", "King George V": a one-word place right after a title is the
    /// titled person, added to `state` with its regnal number or the name words after it ("chairman Gary Klesch").
    @inline(__always)
    func addingTitledPerson(_ candidate: Candidate, entries: [MatchEntry], tokens: [Token], utf8: Span<UInt8>,
                            into state: inout Resolution) -> Bool {
        let id = Int(candidate.entry)
        // The cheap tests first: most candidates follow no title.
        guard let title = state.previous, title.type == .role, title.last == candidate.first - 1, candidate.first == candidate.last,
            candidate.trimEnd == 0,
            entries[id].type == .city || (entries[id].type == .country && Self.givenNameLike.contains(entries[id].surface)),
            Self.isNameWord(tokens[candidate.first], utf8)
        else { return false }
        let last = Self.precedesRegnalNumber(candidate.last, tokens, utf8)
            ? candidate.last + 1 : Self.nameWordsEnd(after: candidate.last, tokens, utf8)
        state.result.append(Self.namesake(first: candidate.first, last: last, tokens, utf8))
        state.previous = (last, .person)
        return true
    }

    /// Whether a country or city candidate stays a place: not a place that needs context without it, not part of
    /// another name or a date, not a feature ("the Jordan River"), a team or the head of a longer name. A place
    /// that is also a given name before a name word becomes a pattern person, added to `state` ("Jordan Ellis").
    @inline(__always)
    func keepsPlace(_ candidate: inout Candidate, at position: Int, _ candidates: [Candidate], entries: [MatchEntry], tokens: [Token],
                    utf8: Span<UInt8>, placesInContext: (kbs: Set<String>, mentions: Set<Int>), into state: inout Resolution) -> Bool {
        let id = Int(candidate.entry)
        // Both drop the place: the set lookup goes first, as it is cheaper than reading the word before.
        if entries[id].needsContext,
            !placesInContext.kbs.contains(entries[id].kb) && !placesInContext.mentions.contains(candidate.first)
                || PlaceContext.isAcronymOutsideDateline(candidate.first, candidate.last, tokens, utf8)
        {
            return false
        }
        let previousEnd = position > 0 ? candidates[position - 1].last : nil
        if PlaceContext.isInsideLongerName(first: candidate.first, previousCandidateEnd: previousEnd, tokens, utf8)
            || PlaceContext.isPartOfOtherName(first: candidate.first, last: candidate.last,
                                              demonym: entries[id].form == .demonym, possessive: candidate.trimEnd > 0,
                                              previousCandidateEnd: previousEnd, tokens, utf8)
            || Self.isDateContext(candidate, tokens, utf8)
        {
            return false
        }
        // Dutch writes "'s" as part of the word ("India's", "Israëli's", plural or genitive): the mention is the whole word.
        if documentLanguages == Self.dutchOnly { candidate.trimEnd = 0 }
        // A surname candidate after the place does not stop it from being a given name ("Jordan Ellis").
        let nextFree = position + 1 >= candidates.count || candidates[position + 1].first > candidate.last + 1
            || entries[Int(candidates[position + 1].entry)].form == .partial
        // An ASCII word without a capital is neither a geographic noun nor a name word: no string needed.
        if let next = Self.nextWord(after: candidate.last, tokens), tokens[next].sentence == tokens[candidate.first].sentence,
            tokens[next].keyHash == 0 || Self.startsUppercase(tokens[next], utf8)
        {
            if Self.isGeographicNoun(tokens[next], utf8) { return false }
            if nextFree, candidate.first == candidate.last, Self.givenNameLike.contains(entries[id].surface),
                Self.isNameWord(tokens[next], utf8),
                !Self.isTitleCaseSentence(containing: candidate.first, tokens, utf8)
            {
                let text = Self.text(tokens, candidate.first, next, utf8)
                state.result.append(Entity(
                    id: "", type: .person, span: TextSpan(start: tokens[candidate.first].span.start, end: tokens[next].span.end),
                    text: text, kb: nil, canonical: text, wikidata: nil, sentence: tokens[candidate.first].sentence,
                    source: .pattern, form: .pattern))
                state.previous = (next, .person)
                return false
            }
        }
        if PlaceContext.isHeadOfLongerName(
            last: candidate.last, nextCandidateFirst: position + 1 < candidates.count ? candidates[position + 1].first : nil,
            tokens, utf8)
        {
            return false
        }
        return !(entries[id].type == .city && PlaceContext.isTeamInResults(first: candidate.first, last: candidate.last, tokens, utf8))
    }

    /// Whether an apposition with a title follows a candidate: "Schoof, de Nederlandse premier,".
    func titleFollows(_ position: Int, _ candidates: [Candidate], _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        let candidate = candidates[position]
        var next = candidate.last + 1
        guard next < tokens.count, Self.isText(tokens[next], utf8, ",") else { return false }
        next += 1
        if next < tokens.count, Self.appositionDeterminers.contains(tokens[next], utf8) { next += 1 }
        for following in candidates[(position + 1)...].prefix(2) {
            guard following.first == next else { return false }
            // The type alone: copying the whole entry retains and releases all its strings.
            let type = compiled.entries[Int(following.entry)].type
            if type == .role { return true }
            guard type == .country || type == .org else { return false }
            next = following.last + 1
        }
        return false
    }

    /// The `FormLanguages` mask of a Dutch document.
    static let dutchOnly = FormLanguages.documentMask("nl")

    static let appositionDeterminers: TokenWords = ["the", "a", "an", "de", "het", "een", "The", "De", "Het"]

    /// Places that are also given names: before a capitalised word they start a person's name.
    static let givenNameLike: TokenWords = [
        "Chad", "Jordan", "Georgia", "India", "Israel", "Kenya", "Paris", "Florence", "Sydney", "Austin", "Victoria",
        "Regina", "Savannah", "Virginia", "Carolina", "Lincoln", "Chelsea", "Houston", "Dallas", "Phoenix", "Aurora",
        "Adelaide", "Madison", "Niger",
    ]

    /// Capitalised words after a place name that make it a feature, not the country or city.
    static let geographicNouns: TokenWords = [
        "River", "Valley", "Sea", "Lake", "Basin", "Delta", "Mountains", "Mountain", "Bay", "Gulf", "Strait", "Street",
        "Avenue", "Square", "Airport", "University", "College", "Tech", "State", "County", "Peach", "Rivier", "Meer",
        "Vallei", "Straat", "Plein",
    ]

    /// The byte lengths of the geographic nouns: a word of another length is none of them, without a string.
    static let geographicNounLengths: ClosedRange<Int> = {
        let lengths = geographicNouns.map(\.utf8.count)
        return lengths.min()!...lengths.max()!
    }()

    /// Whether a word is one of `geographicNouns`.
    static func isGeographicNoun(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        geographicNounLengths.contains(token.utf8End - token.utf8Start)
            && geographicNouns.contains(token, utf8)
    }

    /// Whether a token's first byte is "A"…"Z".
    @inline(__always)
    static func startsWithASCIICapital(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        (0x41...0x5A).contains(utf8[token.utf8Start])
    }

    static let months: TokenWords = ["January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December"]
    static let dateWords: TokenWords = ["in", "on", "since", "until", "by", "early", "late", "mid", "last", "next",
                                         "this", "of", "from", "through", "before", "after", "during", "till", "In",
                                         "On", "Since", "Until", "By", "Early", "Late", "Last", "Next", "This", "From"]

    /// Whether a surname candidate that is also a month stands in a date ("in May", "May 5", "May 2016").
    static func isDateContext(_ candidate: Candidate, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        // Every month starts with an ASCII capital: other words are rejected on their first byte, without a string.
        guard candidate.first == candidate.last, startsWithASCIICapital(tokens[candidate.first], utf8),
            months.contains(tokens[candidate.first], utf8)
        else {
            return false
        }
        if candidate.first > 0, dateWords.contains(tokens[candidate.first - 1], utf8) { return true }
        if candidate.last + 1 < tokens.count, tokens[candidate.last + 1].kind == .number { return true }
        return false
    }
}
