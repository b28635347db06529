import GazetteCore

/// A person's name written longer than the gazetteer's or the pattern's: middle names between a
/// known person's given name and surname ("Frederick Jacob Titus Chiluba" for Frederick Chiluba),
/// further surnames after it ("Eloy Alfaro Delgado"), a surname that is also a city's name
/// ("President Manuel Luis Quezon"); and a monarch's name before a regnal number, which is no
/// known person's surname ("King Philip V").
extension EntityMatcher {
    /// Whether the word after token `last` is a regnal number ("Philip V", "Louis XIV", "Carol I of"),
    /// written after one space in the same sentence.
    static func precedesRegnalNumber(_ last: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        let next = last + 1
        guard next < tokens.count, tokens[next].kind == .word, tokens[next].sentence == tokens[last].sentence,
            isSpaceBetween(last, next, tokens, utf8)
        else { return false }
        if isRomanNumeral(tokens[next], utf8) { return true }
        return tokens[next].utf8End - tokens[next].utf8Start == 1 && utf8[tokens[next].utf8Start] == UInt8(ascii: "I")
            && PersonNameShape.isRegnalOne(next, tokens, utf8)
    }

    /// Whether exactly one space stands between tokens `left` and `right`.
    static func isSpaceBetween(_ left: Int, _ right: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        tokens[right].utf8Start == tokens[left].utf8End + 1 && utf8[tokens[left].utf8End] == 0x20
    }

    /// The first token of a known person's given and middle names written before the surname at
    /// token `surname` ("Frederick Jacob Titus" before "Chiluba"): up to three name words, one space
    /// apart, in the surname's sentence and from `earliest` on, of which one is the given name of
    /// the person's canonical name. Returns that token, or nil.
    static func givenNamesStart(before surname: Int, canonical: String, earliest: Int, _ tokens: [Token],
                                _ utf8: Span<UInt8>) -> Int? {
        guard let space = canonical.utf8.firstIndex(of: 0x20) else { return nil }
        let given = canonical.utf8[..<space]
        var position = surname - 1
        var found: Int?
        while position >= earliest, surname - position <= 3, tokens[position].kind == .word,
            tokens[position].sentence == tokens[surname].sentence, isSpaceBetween(position, position + 1, tokens, utf8),
            PersonNameShape.isNameWord(tokens[position], utf8)
        {
            if utf8.bytes(tokens[position].utf8Start..<tokens[position].utf8End, equal: given) { found = position }
            position -= 1
        }
        return found
    }

    /// Persons whose name goes on in the next word: a person ending in a name word grows over the one
    /// name word written one space after it ("Eloy Alfaro Delgado", "Keith Lamont Scott"), a free
    /// word or a one-word city ("Quezon"), which is then no city. The capitalised run after the name
    /// must end there, hold no institution word or geographic noun ("the George W. Bush Presidential
    /// Center", "Election Day"), and the name must not follow "the" ("The Laura Ingraham Show"). Not in
    /// title-case sentences (headlines), except for the names that `confirmed` starts (given names
    /// written before a known surname).
    /// The starts of the pattern persons grown go to `grown`.
    func extendingPersonNames(_ entities: [Entity], tokens: [Token], utf8: Span<UInt8>, confirmed: Set<Int>,
                              grown: inout Set<Int>) -> [Entity] {
        var result = entities
        var removed: Set<Int> = []
        for index in result.indices where result[index].type == .person && !removed.contains(index) {
            let last = Self.firstToken(startingAtOrAfter: result[index].span.end, tokens) - 1
            let word = last + 1
            guard last >= 0, word < tokens.count, tokens[last].span.end == result[index].span.end,
                tokens[word].sentence == tokens[last].sentence, Self.isSpaceBetween(last, word, tokens, utf8),
                PersonNameShape.isNameWord(tokens[word], utf8), PersonNameShape.isNameWord(tokens[last], utf8),
                Self.endsCapitalisedRun(word, tokens, utf8)
            else { continue }
            let first = Self.firstToken(startingAtOrAfter: result[index].span.start, tokens)
            if first > 0, tokens[first - 1].kind == .word, Self.isTextIgnoringCase(tokens[first - 1], utf8, "the") { continue }
            // The word is free, or a one-word city that the name takes over.
            var next = index + 1
            while next < result.count, result[next].span.end <= tokens[word].span.start { next += 1 }
            if next < result.count, result[next].span.start < tokens[word].span.end {
                guard result[next].type == .city, result[next].span == tokens[word].span, result[index].text.utf8.contains(0x20)
                else { continue }
                removed.insert(next)
            }
            if !confirmed.contains(result[index].span.start), Self.isTitleCaseSentence(containing: word, tokens, utf8) {
                removed.remove(next)
                continue
            }
            result[index].text = Self.text(tokens, first, word, utf8)
            result[index].span.end = tokens[word].span.end
            if result[index].kb == nil { result[index].canonical = result[index].text }
            if result[index].source == .pattern { grown.insert(result[index].span.start) }
        }
        guard !removed.isEmpty else { return result }
        return result.indices.filter { !removed.contains($0) }.map { result[$0] }
    }

    /// Whether the name word at `word` is neither an institution word nor a geographic noun and no
    /// capitalised word follows it in its sentence.
    static func endsCapitalisedRun(_ word: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard !institutionWords.contains(tokens[word], utf8), !isGeographicNoun(tokens[word], utf8) else { return false }
        let after = word + 1
        guard after < tokens.count, tokens[after].sentence == tokens[word].sentence, tokens[after].kind == .word else { return true }
        return !startsUppercase(tokens[after], utf8)
    }
}

extension EntityMatcher {
    /// A known person's full name ending in the surname `candidate` matched: given and middle names
    /// before the surname, one of them the person's given name ("Frederick Jacob Titus Chiluba" for
    /// Frederick Chiluba), from token `earliest` on. The first of the entries sharing the surname that fits.
    func knownFullName(_ candidate: Candidate, earliest: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Entity? {
        guard candidate.trimEnd == 0, candidate.first > earliest, PersonNameShape.isNameWord(tokens[candidate.first - 1], utf8) else {
            return nil
        }
        let entries = compiled.entries
        func fullName(_ entry: Int32) -> Entity? {
            let id = Int(entry)
            guard let start = Self.givenNamesStart(before: candidate.first, canonical: entries[id].canonical, earliest: earliest,
                                                   tokens, utf8)
            else { return nil }
            let text = Self.text(tokens, start, candidate.last, utf8)
            return Entity(
                id: "", type: .person, span: TextSpan(start: tokens[start].span.start, end: tokens[candidate.last].span.end),
                text: text, kb: entries[id].kb, canonical: entries[id].canonical, wikidata: entries[id].wikidata,
                sentence: tokens[start].sentence, source: .gazetteer, form: .name, refersTo: entries[id].refersTo)
        }
        // The candidate's entry, then the others of its span, without an array made to join them.
        if let entity = fullName(candidate.entry) { return entity }
        for entry in candidate.alternatives {
            if let entity = fullName(entry) { return entity }
        }
        return nil
    }
}

extension EntityMatcher {
    /// Whether the word at `index` follows, one space after, a name word of its sentence that follows
    /// another word (the first word of a sentence or quote is capitalised anyway) and is not inside
    /// `previousEntity` (the last entity before the word), in a sentence not written in title case.
    static func followsFreeGivenName(_ index: Int, _ tokens: [Token], _ utf8: Span<UInt8>, previousEntity: TextSpan?) -> Bool {
        guard index >= 2, tokens[index - 1].kind == .word, tokens[index - 2].sentence == tokens[index].sentence,
            tokens[index - 2].kind == .word,
            isSpaceBetween(index - 1, index, tokens, utf8), PersonNameShape.isNameWord(tokens[index - 1], utf8),
            !(previousEntity?.overlaps(tokens[index - 1].span) ?? false)
        else { return false }
        return !isTitleCaseSentence(containing: index, tokens, utf8)
    }
}

extension EntityMatcher {
    /// The mention of a pattern person's surname at `index` with the given name before it: the person
    /// again when the given name is the one of `canonical` ("Mike Pence" after "Mike Pence"), else a
    /// namesake whom the gazetteer does not know ("Ivana Trump" after "Donald Trump"). `trim` scalars
    /// of a possessive ending are left out.
    static func givenNameMention(_ index: Int, trim: Int, canonical: String, _ tokens: [Token], _ utf8: Span<UInt8>) -> Entity {
        var mention = namesake(first: index - 1, last: index, tokens, utf8)
        if trim > 0 {
            mention.span.end -= trim
            mention.text = String(mention.text.unicodeScalars.dropLast(trim))
            mention.canonical = mention.text
        }
        let words = canonical.split(separator: " ")
        let given = surface(tokens[index - 1], utf8)
        if words.count >= 2, words[words.count - 2] == given {
            mention.canonical = canonical
            mention.source = .coreference
        }
        return mention
    }
}

extension EntityMatcher {
    /// The words before "NAME administration" that make it the holder's ("the", "first", "second"), in lower case.
    static let leadershipDeterminers: TokenWords = ["the", "first", "second"]

    /// Whether a surname stands where a noun of leadership names its holder, which states the person
    /// as a title does: "the Obama administration", "the presidency of Truman" (one space apart).
    static func isLeadershipNounContext(_ candidate: Candidate, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard candidate.trimEnd == 0 else { return false }
        let hashes = leadershipNounHashes
        let next = candidate.last + 1
        if next < tokens.count, hashes.contains(tokens[next].keyHash), isSpaceBetween(candidate.last, next, tokens, utf8),
            leadershipNouns.contains(tokens[next], utf8)
        {
            return candidate.first > 0 && tokens[candidate.first - 1].kind == .word
                && leadershipDeterminers.containsLowercased(tokens[candidate.first - 1], utf8)
        }
        let first = candidate.first
        guard first >= 2, isText(tokens[first - 1], utf8, "of"), hashes.contains(tokens[first - 2].keyHash) else {
            return false
        }
        return leadershipNouns.contains(tokens[first - 2], utf8)
    }
}

extension EntityMatcher {
    /// The last of up to three name words written one space apart after token `last` in its sentence
    /// (`last` itself when none follows); an institution word ends the run before it.
    static func nameWordsEnd(after last: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Int {
        var end = last
        while end + 1 < tokens.count, end - last < 3, tokens[end + 1].sentence == tokens[last].sentence,
            isSpaceBetween(end, end + 1, tokens, utf8), PersonNameShape.isNameWord(tokens[end + 1], utf8),
            !institutionWords.contains(tokens[end + 1], utf8)
        {
            end += 1
        }
        return end
    }
}
