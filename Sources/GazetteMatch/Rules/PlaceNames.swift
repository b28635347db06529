import GazetteCore

/// When a place name in the text is part of another name: a hyphenated compound ("Bergamo-based",
/// "Bosnisch-Servische"), the tail of a longer proper name ("Real Madrid", "Air France", "Studio Brussel"),
/// the object of "Name of …" ("Bank of Canada", "Ronde van Frankrijk"), or the head of an event's name
/// ("Hong Kong Open", "Sydney 2000").
extension PlaceContext {
    /// Whether a country or city candidate over tokens `[first, last]` is part of another name (see the type).
    /// A demonym ("Native American", "the Swedish 1994 referendum") is an adjective: neither a capitalised word
    /// before it nor a year after it makes it part of a name; nor does a year after a possessive ("Angola's 2016 team").
    static func isPartOfOtherName(first: Int, last: Int, demonym: Bool, possessive: Bool, previousCandidateEnd: Int?,
                                  _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        if isInHyphenCompound(first: first, last: last, tokens, utf8) { return true }
        if isEventName(first: first, last: last, year: !demonym && !possessive, tokens, utf8) { return true }
        guard !demonym, first > 0, previousCandidateEnd != first - 1, tokens[first - 1].sentence == tokens[first].sentence else { return false }
        if isTailOfLongerName(first: first, tokens, utf8) || isAfterNameParticle(first: first, tokens, utf8) { return true }
        return isObjectOfName(first: first, previousCandidateEnd: previousCandidateEnd, tokens, utf8)
    }

    /// "ex-England", "Bergamo-based", "Brits-Amerikaanse", "TDL-Belgium": a hyphen written tight between the
    /// name and a word. Forms that contain the hyphen ("Guinea-Bissau") are matched whole and never get here.
    static func isInHyphenCompound(first: Int, last: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        if first >= 2, tokens[first - 2].kind == .word, EntityMatcher.isJoiningHyphen(at: first - 1, tokens, utf8) { return true }
        return last + 2 < tokens.count && EntityMatcher.isJoiningHyphen(at: last + 1, tokens, utf8)
    }

    /// Capitalised words after a place that make it an event's name ("Hong Kong Open", "German Cup",
    /// "Spelen"), compared in lower case since headlines write them in capitals.
    static let eventNouns: TokenWords = [
        "open", "cup", "masters", "league", "tournament", "championship", "championships", "games", "classic", "trophy",
        "marathon", "grand", "rally", "derby", "beker", "spelen", "kampioenschap", "meisterschaft", "pokal",
    ]

    /// Whether the place heads an event's name: a capitalised event noun after it, or a year ("Sydney 2000",
    /// "Brussel 2000") outside a dateline ("LONDON 1996-08-30").
    static func isEventName(first: Int, last: Int, year: Bool, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard last + 1 < tokens.count, tokens[last + 1].sentence == tokens[last].sentence else { return false }
        let next = tokens[last + 1]
        if next.kind == .word {
            let length = next.utf8End - next.utf8Start
            guard length >= 3, length <= 14, EntityMatcher.startsUppercase(next, utf8) else { return false }
            return eventNouns.containsLowercased(next, utf8)
        }
        guard year, next.kind == .number, isYear(next, utf8) else { return false }
        let tight = last + 2 < tokens.count && tokens[last + 2].utf8Start == next.utf8End
        return !tight && !isDateline(first: first, last: last, tokens, utf8)
    }

    /// Whether a number token is a year of the 20th or 21st century ("1996", "2000").
    static func isYear(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        guard token.utf8End - token.utf8Start == 4 else { return false }
        let century = (utf8[token.utf8Start], utf8[token.utf8Start + 1])
        return century == (UInt8(ascii: "1"), UInt8(ascii: "9")) || century == (UInt8(ascii: "2"), UInt8(ascii: "0"))
    }

    /// "Real Madrid", "Air France", "AMP België", "Eddie Irvine": right after a capitalised word of the same
    /// sentence that no candidate covers (an acronym, or a name word inside the sentence), outside a headline.
    /// A locative word ("In Lyon") is not a name.
    static func isTailOfLongerName(first: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        let before = tokens[first - 1]
        guard before.kind == .word, EntityMatcher.startsUppercase(before, utf8) else { return false }
        let opensSentence = first < 2 || tokens[first - 2].sentence != before.sentence
        let acronym = isAcronym(before, utf8)
        guard acronym || (!opensSentence && EntityMatcher.isNameWord(before, utf8)) else { return false }
        if before.utf8End - before.utf8Start <= 7, locativeWords.contains(before, utf8) { return false }
        return !EntityMatcher.isTitleCaseSentence(containing: first, tokens, utf8)
    }

    /// Particles inside Romance names of places and persons ("Punta del Este", "Tour de France").
    static let nameParticles: TokenWords = ["del", "de", "da", "di", "do", "dos", "das", "la", "el", "du", "des", "della"]

    /// "Punta del Este", "Tour de France": right after a name particle that follows a capitalised name word.
    static func isAfterNameParticle(first: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard first >= 2, tokens[first - 2].sentence == tokens[first].sentence, tokens[first - 1].utf8End - tokens[first - 1].utf8Start <= 5,
            nameParticles.contains(tokens[first - 1], utf8)
        else { return false }
        return EntityMatcher.isNameWord(tokens[first - 2], utf8)
    }

    /// Whether a word is an acronym of two to five ASCII capitals ("FC", "AMP", "ADO").
    static func isAcronym(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        let length = token.utf8End - token.utf8Start
        guard token.keyHash != 0, (2...5).contains(length) else { return false }
        return (token.utf8Start..<token.utf8End).allSatisfy { (0x41...0x5A).contains(utf8[$0]) }
    }

    /// Words that join a name to the place it is of ("Bank of Canada", "Ronde van Frankrijk", "Tour de France").
    static let nameOfWords: TokenWords = ["of", "van", "de", "du", "des", "der", "von"]
    /// Articles that may stand between ("Tour of the Netherlands").
    static let nameOfArticles: TokenWords = ["the", "het", "de", "la", "le", "der"]

    /// Words of a state's formal name and of its government ("the Republic of Kazakhstan", "the Government of
    /// Norway", "het Koninkrijk der Nederlanden"): the place after them is the state itself.
    static let stateWords: TokenWords = [
        "Republic", "Kingdom", "Federation", "State", "States", "Commonwealth", "Principality", "Duchy", "Emirate",
        "Sultanate", "Government", "Republiek", "Koninkrijk", "Federatie", "Staat", "Regering", "Vorstendom",
        "Groothertogdom", "Republik", "Königreich", "Bundesrepublik", "Regierung", "République", "Royaume",
    ]

    /// Articles that open a name of the form "the Bank of Canada", "de Ronde van Frankrijk".
    static let nameArticles: TokenWords = ["the", "The", "de", "De", "het", "Het", "die", "Die", "der", "Der", "la", "La", "le", "Le"]

    /// "the Bank of Canada", "the News Agency of Nigeria", "de Ronde van Frankrijk": the place after "of" ("van",
    /// "de") and an optional article, when capitalised name words that no candidate covers (not a title:
    /// "President of France" keeps France; nor a state's formal name: "the Republic of Kazakhstan") stand before
    /// "of" and an article before them, outside a headline.
    /// Without the article the name is a person's or a company's, and the place where they are from
    /// ("Peter Nicol of Scotland", "Benetton of Italy").
    static func isObjectOfName(first: Int, previousCandidateEnd: Int?, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        var of = first - 1
        if of > 0, nameOfArticles.contains(tokens[of], utf8), of - 1 > 0,
            nameOfWords.contains(tokens[of - 1], utf8)
        {
            of -= 1
        }
        guard of >= 2, tokens[of].kind == .word, tokens[of].utf8End - tokens[of].utf8Start <= 3,
            nameOfWords.contains(tokens[of], utf8)
        else { return false }
        let name = of - 1
        guard previousCandidateEnd.map({ $0 < name }) ?? true, tokens[name].sentence == tokens[first].sentence,
            EntityMatcher.isNameWord(tokens[name], utf8), !stateWords.contains(tokens[name], utf8)
        else { return false }
        var start = name
        while start > 0, name - start < 4, tokens[start - 1].sentence == tokens[name].sentence,
            previousCandidateEnd.map({ $0 < start - 1 }) ?? true, EntityMatcher.isNameWord(tokens[start - 1], utf8)
        {
            start -= 1
        }
        guard start > 0, tokens[start - 1].sentence == tokens[name].sentence, tokens[start - 1].utf8End - tokens[start - 1].utf8Start <= 3,
            nameArticles.contains(tokens[start - 1], utf8)
        else { return false }
        return !EntityMatcher.isTitleCaseSentence(containing: first, tokens, utf8)
    }
}
