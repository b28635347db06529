import GazetteCore
import GazetteGazetteer

/// When a place name in the text is a place: the rules that keep a large generated place list from flooding
/// the output with false places, and that keep a country inside a longer place name from being the country.
enum PlaceContext {
    /// Generated cities at least this large count wherever their (capitalised) name stands, unless the name
    /// is also a word of a person's name.
    static let largeCity = 1_000_000
    /// Generated cities smaller than this are small: a locative word shows only its own mention of them.
    static let smallCity = 100_000

    /// Folded words of the gazetteer's person names ("lincoln", "douglas"): a city of that name needs context.
    static func personNameWords(_ gazetteer: Gazetteer) -> Set<String> {
        var words: Set<String> = []
        for person in gazetteer.persons {
            for name in [person.name] + person.aliases {
                // Split on the space byte: splitting the String compares Characters, ten times slower.
                for word in name.utf8.split(separator: 0x20) { words.insert(Gazetteer.fold(String(decoding: word, as: UTF8.self))) }
            }
        }
        return words
    }

    /// Whether a city form only counts in a place context: generated (not hand-written) cities that are smaller
    /// than `largeCity`, or whose one-word name is also a word of a person's name.
    static func needsContext(_ city: City, form: String, nameWords: Set<String>) -> Bool {
        guard !city.isHandWritten else { return false }
        if (city.population ?? 0) < largeCity { return true }
        return !form.contains(" ") && nameWords.contains(Gazetteer.fold(form))
    }

    /// Words before a place name that say a place follows ("in Lyon", "near Basra", "uit Gent", "nach Graz").
    static let locativeWords: TokenWords = [
        "in", "at", "near", "from", "outside", "to", "In", "At", "Near", "From", "Outside", "AT",
        "bij", "uit", "naar", "te", "Bij", "Uit", "Naar", "Te",
        "bei", "aus", "nach", "Bei", "Aus", "Nach", "à", "À",
    ]

    /// Capitalised words that make a country name part of a longer place name ("New Jersey", "North America",
    /// "Latin America") when the longer name is not itself a form.
    static let placeNamePrefixes: TokenWords = [
        "New", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Latin",
        "Upper", "Lower", "Greater", "Nieuw", "Noord", "Zuid", "Oost", "Midden", "Neu", "Nord", "Süd", "Ost",
        "Nouvelle", "Nouveau",
    ]

    /// Whether a country candidate at `first` is the tail of a longer place name: right after a capitalised
    /// direction or "New" word of the same sentence that no other candidate covers.
    static func isInsideLongerName(first: Int, previousCandidateEnd: Int?, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard first > 0, previousCandidateEnd != first - 1 else { return false }
        let before = tokens[first - 1]
        // Most places follow a lower-case word ("in", "the"): rejected on the first byte, without a string.
        guard before.kind == .word, before.sentence == tokens[first].sentence, EntityMatcher.startsUppercase(before, utf8),
            before.utf8End - before.utf8Start <= 9
        else { return false }
        return placeNamePrefixes.contains(before, utf8)
    }

    /// Whether the text around a city candidate shows it is a place: a locative word before it (not before a
    /// possessive: "interested in Dome's plan"), or strong evidence (`showsPlaceStrongly`).
    static func showsPlace(first: Int, last: Int, possessive: Bool, nextCandidate: (first: Int, type: EntityType)?,
                           _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        if !possessive, isAfterLocative(first: first, tokens, utf8) { return true }
        return showsPlaceStrongly(first: first, last: last, nextCandidate: nextCandidate, tokens, utf8)
    }

    /// Whether a locative word stands right before the name ("in Lyon", "uit Gent").
    static func isAfterLocative(first: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        first > 0 && tokens[first - 1].sentence == tokens[first].sentence && tokens[first - 1].utf8End - tokens[first - 1].utf8Start <= 7
            && locativeWords.contains(tokens[first - 1], utf8)
    }

    /// Whether a place noun before it ("the town of X", "de stad X"), ", Country" after it, or a dateline (the
    /// name in capitals opening a sentence, followed by a comma, a parenthesis, a dash or a number) shows a place.
    static func showsPlaceStrongly(first: Int, last: Int, nextCandidate: (first: Int, type: EntityType)?,
                                   _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        if isAfterPlaceNoun(first: first, tokens, utf8) { return true }
        if last + 2 < tokens.count, EntityMatcher.isText(tokens[last + 1], utf8, ","),
            let next = nextCandidate, next.first == last + 2, next.type == .country
        {
            return true
        }
        return isDateline(first: first, last: last, tokens, utf8)
    }

    /// Nouns for places that a place name follows directly in Dutch and German ("de stad Gent", "de deelstaat
    /// Karnataka", "die Stadt Eisenach").
    static let placeNouns: TokenWords = [
        "stad", "gemeente", "deelgemeente", "dorp", "deelstaat", "provincie", "hoofdstad", "havenstad", "eiland", "regio",
        "badplaats", "grensstad", "Stadt", "Gemeinde", "Dorf", "Hauptstadt", "Provinz", "Insel", "ville", "village",
    ]
    /// Nouns for places that "of" joins to a place name in English ("the town of Tavildara", "the province of Yunnan").
    static let placeOfNouns: TokenWords = [
        "town", "city", "village", "province", "state", "capital", "port", "island", "region", "suburb", "outskirts",
        "district", "county", "municipality", "resort", "towns", "villages", "cities",
    ]

    /// Whether a place noun stands right before the name ("de stad Gent") or before "of" ("the town of Liege").
    static func isAfterPlaceNoun(first: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard first > 0, tokens[first - 1].sentence == tokens[first].sentence, tokens[first - 1].kind == .word else { return false }
        let before = tokens[first - 1]
        if before.utf8End - before.utf8Start <= 12, placeNouns.contains(before, utf8) { return true }
        guard EntityMatcher.isText(before, utf8, "of"), first > 1, tokens[first - 2].sentence == tokens[first].sentence else { return false }
        let noun = tokens[first - 2]
        return noun.utf8End - noun.utf8Start <= 12 && placeOfNouns.contains(noun, utf8)
    }

    /// Whether a number token starts with "19" or "20" and has four characters or more (a year or an ISO date).
    static func startsWithCentury(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        guard token.utf8End - token.utf8Start >= 4 else { return false }
        let century = (utf8[token.utf8Start], utf8[token.utf8Start + 1])
        return century == (UInt8(ascii: "1"), UInt8(ascii: "9")) || century == (UInt8(ascii: "2"), UInt8(ascii: "0"))
    }

    /// Whether a word has more than one character and no letter in lower case ("LYON", "U.S."); an ASCII
    /// word is decided on its bytes (its letters are "A"…"Z" and "a"…"z", each byte a character but for CR LF).
    static func isWrittenInCapitals(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        guard token.keyHash != 0 else {
            let surface = EntityMatcher.surface(token, utf8)
            return surface.count > 1 && surface.allSatisfy({ !$0.isLetter || $0.isUppercase })
        }
        let length = token.utf8End - token.utf8Start
        guard length > 2 || length == 2 && !(utf8[token.utf8Start] == 0x0D && utf8[token.utf8Start + 1] == 0x0A) else { return false }
        for index in token.utf8Start..<token.utf8End where (0x61...0x7A).contains(utf8[index]) { return false }
        return true
    }

    /// "LYON, France (Reuters)", "LONDON 1996-08-30": a name in capitals that opens its sentence.
    static func isDateline(first: Int, last: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard first == 0 || tokens[first - 1].sentence != tokens[first].sentence else { return false }
        for index in first...last where tokens[index].kind == .word {
            guard isWrittenInCapitals(tokens[index], utf8) else { return false }
        }
        guard last + 1 < tokens.count else { return false }
        let next = tokens[last + 1]
        // A date ("1996-08-30", "1987"), not a figure of a table ("CAN 1.3073", "DATE 1,400").
        if next.kind == .number { return startsWithCentury(next, utf8) }
        return EntityMatcher.isText(next, utf8, ",") || EntityMatcher.isText(next, utf8, "(") || EntityMatcher.isText(next, utf8, "-")
            || EntityMatcher.isText(next, utf8, "—")
    }
}

extension PlaceContext {
    /// The context-needing places that some mention of the document shows to be places: `kbs`, the ids of the
    /// places one mention shows for the whole document (one "in Lyon" lets the later "Lyon" count too), and
    /// `mentions`, the first tokens of mentions of small places shown only where they stand (see
    /// `MatchEntry.isSmallPlace`). A mention that is part of another name shows nothing ("a stake in Dome
    /// Petroleum", "in Bank of America", "in March", "in ICO talks").
    static func placesShownInContext(_ candidates: [EntityMatcher.Candidate], entries: [MatchEntry], tokens: [Token],
                                     _ utf8: Span<UInt8>) -> (kbs: Set<String>, mentions: Set<Int>) {
        var shown: Set<String> = []
        var mentions: Set<Int> = []
        for (position, candidate) in candidates.enumerated() where entries[Int(candidate.entry)].needsContext {
            let next = position + 1 < candidates.count
                ? (first: candidates[position + 1].first, type: entries[Int(candidates[position + 1].entry)].type) : nil
            guard showsPlace(first: candidate.first, last: candidate.last, possessive: candidate.trimEnd > 0, nextCandidate: next, tokens, utf8),
                !isAcronymOutsideDateline(candidate.first, candidate.last, tokens, utf8),
                !EntityMatcher.isDateContext(candidate, tokens, utf8), !isMonth(candidate, tokens, utf8),
                !isHeadOfLongerName(last: candidate.last, nextCandidateFirst: next?.first, tokens, utf8),
                !isHeadOfOfName(last: candidate.last, tokens, utf8),
                !isPartOfOtherName(first: candidate.first, last: candidate.last, demonym: false, possessive: candidate.trimEnd > 0,
                                   previousCandidateEnd: position > 0 ? candidates[position - 1].last : nil, tokens, utf8)
            else { continue }
            if entries[Int(candidate.entry)].isSmallPlace, !showsPlaceStrongly(first: candidate.first, last: candidate.last, nextCandidate: next, tokens, utf8) {
                mentions.insert(candidate.first)
            } else {
                shown.insert(entries[Int(candidate.entry)].kb)
            }
        }
        return (shown, mentions)
    }

    /// Whether a one-word mention is a month's name in any case ("March", "MARCH"): "to March" is no place.
    static func isMonth(_ candidate: EntityMatcher.Candidate, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard candidate.first == candidate.last, (3...9).contains(tokens[candidate.first].utf8End - tokens[candidate.first].utf8Start) else { return false }
        return EntityMatcher.months.contains(EntityMatcher.surface(tokens[candidate.first], utf8).capitalized)
    }

    /// "Bank of America", "Union of Soviet …": the name followed by "of" and a capitalised word.
    static func isHeadOfOfName(last: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard last + 2 < tokens.count, tokens[last + 2].sentence == tokens[last].sentence,
            EntityMatcher.isText(tokens[last + 1], utf8, "of")
        else { return false }
        return EntityMatcher.startsUppercase(tokens[last + 2], utf8)
    }

    /// A one-word name written as an acronym ("ICO", "CAN") outside a dateline: a small place's name in capitals
    /// is more often an organisation's acronym.
    static func isAcronymOutsideDateline(_ first: Int, _ last: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        first == last && isAcronym(tokens[first], utf8) && !isDateline(first: first, last: last, tokens, utf8)
    }
}

extension PlaceContext {
    /// Whether a place candidate is the head of a longer proper name: right after it, in the same sentence, a
    /// name word that starts no other entity ("New York Yankees", "France Telecom", "British Airways"). A title
    /// ("Moscow Mayor"), another place, or a title-case sentence (a headline) keeps it a place.
    static func isHeadOfLongerName(last: Int, nextCandidateFirst: Int?, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard let next = EntityMatcher.nextWord(after: last, tokens), tokens[next].sentence == tokens[last].sentence,
            nextCandidateFirst != next, EntityMatcher.isNameWord(tokens[next], utf8)
        else { return false }
        return !EntityMatcher.isTitleCaseSentence(containing: last, tokens, utf8)
    }

    /// Whether a city candidate names a team in a results line: followed by a score (a number of up to three
    /// digits: "CHICAGO 5 Boston 3") or by a capitalised "AT" ("BALTIMORE AT NEW YORK": Baltimore's team plays
    /// at New York, which is the place).
    static func isTeamInResults(first: Int, last: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        if last + 1 < tokens.count, tokens[last + 1].sentence == tokens[last].sentence, tokens[last + 1].kind == .number,
            tokens[last + 1].utf8End - tokens[last + 1].utf8Start <= 3
        {
            return true
        }
        return last + 1 < tokens.count && isCapitalAT(tokens[last + 1], utf8)
    }

    /// Whether a token is "AT", compared on its bytes.
    @inline(__always)
    static func isCapitalAT(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        token.utf8End - token.utf8Start == 2 && utf8[token.utf8Start] == UInt8(ascii: "A") && utf8[token.utf8Start + 1] == UInt8(ascii: "T")
    }
}

extension EntityMatcher {
    /// Whether a word that does not start with a capital starts with a lower-case letter and has five letters or more.
    static func isLongLowercaseWord(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        if token.keyHash != 0 { return token.utf8End - token.utf8Start >= 5 && (0x61...0x7A).contains(utf8[token.utf8Start]) }
        let word = surface(token, utf8)
        return word.count >= 5 && (word.first?.isLowercase ?? false)
    }

    /// `isTitleCase(sentence:)` for the sentence of a token, reading only that sentence's tokens (the token
    /// list is in text order, so a sentence is one run of tokens). A lower-case word of five letters or more
    /// ("talks", "others") is written so only in running text: a sentence full of names that has one is no headline.
    static func isTitleCaseSentence(containing index: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        let sentence = tokens[index].sentence
        var first = index
        while first > 0, tokens[first - 1].sentence == sentence { first -= 1 }
        var words = 0
        var capitalised = 0
        var position = first
        while position < tokens.count, tokens[position].sentence == sentence {
            if tokens[position].kind == .word {
                words += 1
                if startsUppercase(tokens[position], utf8) {
                    capitalised += 1
                } else if isLongLowercaseWord(tokens[position], utf8) {
                    return false
                }
            }
            position += 1
        }
        return words >= 3 && capitalised * 10 >= words * 6
    }
}
