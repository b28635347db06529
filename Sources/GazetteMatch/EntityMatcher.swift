import GazetteBytes
import GazetteCore
import GazetteGazetteer
import GazetteSegment

/// Finds gazetteer entities, title-pattern persons and their later short mentions in a segmented document.
///
/// Holds a key normaliser with a cache: make one per worker. The compiled gazetteer is shared.
public final class EntityMatcher {
    public let compiled: CompiledGazetteer
    private let normalizer: KeyNormalizer
    /// Whether the gazetteer scan passes over tokens and stops walks on the root and edge filters
    /// alone (tests turn it off to compare the scan with the one that looks every token up).
    var usesKeyFilters = true
    /// The scan's token ids (see `TokenKeys`), kept from document to document instead of
    /// allocated for each.
    private var keyIDs: UnsafeMutablePointer<Int32>
    private var keyIDCapacity = 0
    /// The `FormLanguages` mask of the document being matched: forms of other languages do not match.
    var documentLanguages: UInt8 = 0xFF

    /// Capitalised words that follow titles without being names.
    static let notNames: TokenWords = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "June", "July", "August", "September", "October", "November", "December", "The", "A",
        "An", "He", "She", "They", "It", "This", "That", "On", "In", "At", "And", "But", "Of", "For", "De", "Het",
        "Een", "En", "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag", "Mr", "Mrs", "Ms",
        // Indefinite pronouns are capitalised in titles ("King Nothing") but name nobody.
        "Nothing", "Everything", "Nobody", "Everybody", "Everyone", "Someone", "Somebody", "Anyone", "Anybody",
    ]

    /// Lower-case particles that may stand inside a name ("Ursula von der Leyen").
    static let nameParticles: TokenWords = ["von", "van", "der", "den", "de", "ter", "te", "la", "le", "du", "da", "di", "bin", "al", "el"]

    /// "e1" … "e1024", made once: string interpolation per entity is measurable at this speed.
    static let commonIDs: [String] = (1...1024).map { "e\($0)" }

    /// The document-local id of the entity at a position.
    static func entityID(_ index: Int) -> String {
        index < commonIDs.count ? commonIDs[index] : "e\(index + 1)"
    }

    /// Prepares a matcher for one worker.
    public init(compiled: CompiledGazetteer) throws(MatchError) {
        self.compiled = compiled
        keyIDs = .allocate(capacity: 0)
        do {
            normalizer = try KeyNormalizer()
        } catch {
            throw MatchError(message: "cannot open ICU for matching: \(error)")
        }
    }

    deinit { keyIDs.deallocate() }

    /// Room for the ids of `count` tokens.
    private func keyIDs(for count: Int) -> UnsafeMutablePointer<Int32> {
        if count > keyIDCapacity {
            keyIDs.deallocate()
            keyIDCapacity = max(count, 2 * keyIDCapacity, 1024)
            keyIDs = .allocate(capacity: keyIDCapacity)
        }
        return keyIDs
    }

    /// A match of one entry over tokens `[first, last]`, possibly ending before a possessive "'s".
    struct Candidate {
        var first: Int
        var last: Int
        var entry: Int32
        var trimEnd: Int = 0
        /// Other entries of the same priority for the same span (a surname several persons share).
        var alternatives: [Int32] = []
    }

    /// Adds entities to a segmented document (tokens and sentences must be set).
    public func match(_ document: inout Document) {
        var text = document.text
        let tokens = document.tokens
        var found: [Entity] = []
        documentLanguages = FormLanguages.documentMask(document.language)
        text.withUTF8 { utf8 in
            let candidates = gazetteerMatches(tokens: tokens, utf8: utf8)
            var cueEnds: [Int] = []
            var confirmedNames: Set<Int> = []
            found = resolve(candidates, tokens: tokens, utf8: utf8, cueEnds: &cueEnds, confirmedNames: &confirmedNames)
            found += titlePatternPersons(tokens: tokens, entities: found, cueEnds: cueEnds, utf8: utf8)
            found.sort { $0.span < $1.span }
            found = detachingSuffixedNames(found, tokens: tokens, utf8: utf8)
            let cues = NameShapeCues(tokens: tokens, utf8: utf8)
            found += shapePersons(tokens: tokens, entities: found, cues: cues.speech, utf8: utf8)
            found.sort { $0.span < $1.span }
            found += titleShapePersons(tokens: tokens, entities: found, cues: cues.leadership, utf8: utf8)
            found.sort { $0.span < $1.span }
            found = regnalNames(found, tokens: tokens, cues: cues.regnal, utf8: utf8)
            var grown: Set<Int> = []
            found = extendingPersonNames(found, tokens: tokens, utf8: utf8, confirmed: confirmedNames, grown: &grown)
            found += patternCoreference(tokens: tokens, entities: found, utf8: utf8, grown: grown)
        }
        found.sort { $0.span < $1.span }
        SurnameResolution.resolveNamesakes(&found)
        for index in found.indices { found[index].id = Self.entityID(index) }
        document.entities = found
    }

    /// The vocabulary id of one token's bytes: ASCII bytes are looked up directly, others normalised first.
    func keyID(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        TokenKeys.id(of: bytes, vocabulary: compiled.vocabulary, normalizer: normalizer)
    }

    /// The byte length of a possessive ending "'s" or "’s" on a word's bytes (0 when there is none);
    /// `upperS` also accepts a capital "S".
    @inline(__always)
    static func possessiveSuffixLength(_ bytes: UnsafeBufferPointer<UInt8>, upperS: Bool) -> Int {
        let count = bytes.count
        guard count > 2 else { return 0 }
        let last = upperS ? bytes[count - 1] | 0x20 : bytes[count - 1]
        guard last == UInt8(ascii: "s") else { return 0 }
        if bytes[count - 2] == UInt8(ascii: "'") { return 2 }
        if count > 4, bytes[count - 4] == 0xE2, bytes[count - 3] == 0x80, bytes[count - 2] == 0x99 { return 4 }
        return 0
    }

    /// The trie node reached from `node` by a key.
    @inline(__always)
    static func child(of node: Int32, _ key: Int32, root: UnsafeBufferPointer<Int32>, edges: TrieEdges) -> Int32? {
        if node == 0 {
            let child = root[Int(key)]
            return child >= 0 ? child : nil
        }
        return edges.child(of: node, key)
    }

    /// Leftmost-longest gazetteer matches whose case fits.
    func gazetteerMatches(tokens: [Token], utf8: UnsafeBufferPointer<UInt8>) -> [Candidate] {
        return compiled.rootChildren.withUnsafeBufferPointer { root in
            tokens.withUnsafeBufferPointer { buffer in
                let keys = TokenKeys(tokens: buffer, utf8: utf8, vocabulary: compiled.vocabulary, normalizer: normalizer,
                                     numbers: compiled.hasNumericKeys, prefiltered: usesKeyFilters, ids: keyIDs(for: buffer.count))
                return compiled.rootFilter.withWords { rootFilter in
                    gazetteerMatches(tokens: tokens, buffer: buffer, keys: keys, utf8: utf8, root: root, rootFilter: rootFilter)
                }
            }
        }
    }

    func gazetteerMatches(
        tokens: [Token], buffer: UnsafeBufferPointer<Token>, keys: TokenKeys, utf8: UnsafeBufferPointer<UInt8>,
        root: UnsafeBufferPointer<Int32>, rootFilter: UnsafePointer<UInt64>
    ) -> [Candidate] {
        let edges = compiled.edges
        func child(of node: Int32, _ key: Int32) -> Int32? { Self.child(of: node, key, root: root, edges: edges) }
        let nodeEntries = compiled.nodeEntries
        let usesKeyFilters = usesKeyFilters
        let edgeFilter = compiled.edgeFilter
        let lowercaseRootFilter = compiled.lowercaseRootFilter
        let caseRules = compiled.caseRules
        let documentLanguages = documentLanguages
        var result: [Candidate] = []
        // Room for a match every 16 tokens (news averages one in 30) saves growing the array step by step.
        result.reserveCapacity(tokens.count / 16 + 4)
        var index = 0
        let count = tokens.count
        while index < count {
            // Most tokens start nothing: skip them without setting up a trie walk. An ASCII token the
            // root filter does not know neither starts a form nor is a possessive ("Ukraine's") whose
            // stem does (the filter holds the stems' possessive hashes too), so its bytes are not read;
            // a tight loop reads only the hashes. Other tokens ending in "'s" may be such a possessive,
            // and are looked at below.
            if usesKeyFilters {
                while index < count {
                    let hash = buffer[index].keyHash
                    if hash == 0 || KeyHashFilter.mayContain(hash, words: rootFilter) { break }
                    index += 1
                }
                if index == count { break }
            }
            let token = tokens[index]
            // An ASCII token starting with a lower-case letter starts no form whose first rule wants a capital.
            if usesKeyFilters, token.keyHash != 0, (0x61...0x7A).contains(utf8[token.utf8Start]),
                !lowercaseRootFilter.mayContain(token.keyHash)
            {
                index += 1
                continue
            }
            let key = keys.id(at: index)
            if key < 0 || root[Int(key)] < 0 {
                if token.kind != .word
                    || Self.possessiveSuffixLength(UnsafeBufferPointer(rebasing: utf8[token.utf8Start..<token.utf8End]), upperS: true) == 0
                {
                    index += 1
                    continue
                }
            }
            var best: Candidate?
            var bestPriority: Int32 = 0
            var node: Int32 = 0
            var position = index
            while position < tokens.count, tokens[position].sentence == tokens[index].sentence {
                // Past the first token, an ASCII token the edge filter does not know is no key of an
                // edge below the root, nor a possessive of one: the walk ends without a lookup.
                if usesKeyFilters, position > index, tokens[position].keyHash != 0,
                    !edgeFilter.mayContain(tokens[position].keyHash)
                {
                    break
                }
                let id = keys.id(at: position)
                // The child is looked up once per key (the edge table is probed once per step).
                var next: Int32? = id >= 0 ? child(of: node, id) : nil
                var trim = 0
                if next == nil, utf8[tokens[position].utf8End - 1] | 0x20 == UInt8(ascii: "s"),
                    let stem = possessiveStem(tokens[position], utf8: utf8)
                {
                    next = child(of: node, stem.key)
                    trim = stem.trim
                }
                guard let next else { break }
                node = next
                for place in nodeEntries.positions(of: node) {
                    let slot = nodeEntries.slot(at: place)
                    let entryID = slot.id
                    guard FormLanguages.fits(slot.languages, documentLanguages),
                        caseFits(caseRules[Int(entryID)], tokens: tokens, from: index, utf8: utf8, trimLast: trim)
                    else { continue }
                    let priority = slot.priority
                    let candidate = Candidate(first: index, last: position, entry: entryID, trimEnd: trim)
                    if let current = best {
                        if position > current.last || bestPriority < priority {
                            best = candidate
                            bestPriority = priority
                        } else if position == current.last, bestPriority == priority {
                            best?.alternatives.append(entryID)
                        }
                    } else {
                        best = candidate
                        bestPriority = priority
                    }
                }
                if trim > 0 { break }
                position += 1
            }
            if let best {
                result.append(best)
                index = best.last + 1
            } else {
                index += 1
            }
        }
        return result
    }

    /// The key of a word without its possessive "'s" ("Ukraine's"), with the scalars to drop.
    func possessiveStem(_ token: Token, utf8: UnsafeBufferPointer<UInt8>) -> (key: Int32, trim: Int)? {
        guard token.kind == .word else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: utf8[token.utf8Start..<token.utf8End])
        let suffixLength = Self.possessiveSuffixLength(bytes, upperS: true)
        guard suffixLength > 0 else { return nil }
        let stem = UnsafeBufferPointer(rebasing: bytes[0..<(bytes.count - suffixLength)])
        guard let key = keyID(stem) else { return nil }
        return (key, 2)
    }

    /// Whether the tokens from `first` on are written as a form's case rules ask; with `trimLast`,
    /// the last token's possessive ending is left out.
    func caseFits(_ caseRules: [CaseRule], tokens: [Token], from first: Int, utf8: UnsafeBufferPointer<UInt8>, trimLast: Int) -> Bool {
        for (offset, rule) in caseRules.enumerated() {
            if case .any = rule { continue }
            let token = tokens[first + offset]
            let trimmed = trimLast > 0 && offset == caseRules.count - 1
            if let accepted = Self.asciiAccepts(rule, token, utf8, trimmed: trimmed) {
                if !accepted { return false }
                continue
            }
            var surface = Self.surface(token, utf8)
            if trimmed { surface = surface.dropLast(2) }
            if !rule.accepts(surface) { return false }
        }
        return true
    }

    /// `CaseRule.accepts` decided on the bytes of an ASCII token (its `keyHash` is set), or nil
    /// when the bytes cannot decide it and the token must be read as a string.
    ///
    /// A first ASCII character followed by another ASCII one is a grapheme of its own (ASCII
    /// characters extend none but CR LF), so it is upper case exactly when it is "A"…"Z"; an ASCII
    /// text equals an ASCII form exactly when their bytes are equal.
    @inline(__always)
    static func asciiAccepts(_ rule: CaseRule, _ token: Token, _ utf8: UnsafeBufferPointer<UInt8>, trimmed: Bool) -> Bool? {
        guard token.keyHash != 0 else { return nil }
        // A trimmed ASCII token ends in "'s" or "'S": two bytes.
        let end = trimmed ? token.utf8End - 2 : token.utf8End
        switch rule {
        case .any:
            return true
        case .capitalized:
            let first = utf8[token.utf8Start]
            return (0x41...0x5A).contains(first)
        case .exact(let form):
            var form = form
            return form.withUTF8 { form in
                guard form.allSatisfy({ $0 < 0x80 }) else { return nil }
                return form.elementsEqual(UnsafeBufferPointer(rebasing: utf8[token.utf8Start..<end]))
            }
        }
    }

    static func surface(_ token: Token, _ utf8: UnsafeBufferPointer<UInt8>) -> Substring {
        Substring(String(decoding: UnsafeBufferPointer(rebasing: utf8[token.utf8Start..<token.utf8End]), as: UTF8.self))
    }

    static func text(_ tokens: [Token], _ first: Int, _ last: Int, _ utf8: UnsafeBufferPointer<UInt8>, trimEnd: Int = 0) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[tokens[first].utf8Start..<tokens[last].utf8End]), as: UTF8.self)
        return trimEnd > 0 ? String(text.unicodeScalars.dropLast(trimEnd)) : text
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
    func resolve(_ candidates: [Candidate], tokens: [Token], utf8: UnsafeBufferPointer<UInt8>, cueEnds: inout [Int],
                 confirmedNames: inout Set<Int>) -> [Entity] {
        var result: [Entity] = []
        result.reserveCapacity(candidates.count)
        var fullNames: Set<String> = []
        let entries = compiled.entries
        // Entries are read field by field: copying one whole retains and releases all its strings.
        for candidate in candidates {
            let id = Int(candidate.entry)
            if entries[id].type == .person && entries[id].form == .name { fullNames.insert(entries[id].kb) }
        }
        let placesInContext = PlaceContext.placesShownInContext(candidates, entries: entries, tokens: tokens, utf8)
        var previous: (last: Int, type: EntityType)?
        for (position, original) in candidates.enumerated() {
            // Tokens a pattern person took ("Jordan Ellis") start no other entity.
            if let previous, previous.type == .person, original.first <= previous.last { continue }
            var candidate = original
            // A surname several persons share names the one whose full name the article gives; when the article
            // names none of them, it names nobody known (`unresolved`): the mention keeps no kb.
            var unresolved = false
            if !candidate.alternatives.isEmpty, !fullNames.contains(entries[Int(candidate.entry)].kb) {
                if let better = candidate.alternatives.first(where: { fullNames.contains(entries[Int($0)].kb) }) {
                    candidate.entry = better
                } else {
                    unresolved = entries[Int(candidate.entry)].form == .partial
                }
            }
            let id = Int(candidate.entry)
            if entries[id].form == .cue {
                cueEnds.append(candidate.last)
                previous = nil
                continue
            }
            var source = "gazetteer"
            if entries[id].form == .partial {
                let afterTitle = (previous.map { $0.type == .role && $0.last == candidate.first - 1 } ?? false)
                    || titleFollows(position, candidates, tokens, utf8) || Self.isLeadershipNounContext(candidate, tokens, utf8)
                if Self.isDateContext(candidate, tokens, utf8) { continue }
                // "King Philip V": a word before a regnal number is a monarch's name, not a known person's surname.
                if Self.precedesRegnalNumber(candidate.last, tokens, utf8) { continue }
                // "Frederick Jacob Titus Chiluba": the known person's full name, with middle names.
                if let entity = knownFullName(candidate, earliest: previous.map { $0.last + 1 } ?? 0, tokens, utf8) {
                    result.append(entity)
                    confirmedNames.insert(entity.span.start)
                    // Later mentions of the surname are the person's, as after a full name the gazetteer matched.
                    if let kb = entity.kb { fullNames.insert(kb) }
                    previous = (candidate.last, .person)
                    continue
                }
                // A surname right after a free name word inside a sentence belongs to another person's name
                // ("Naina Yeltsin", "Hillary Clinton"): that person, whom the gazetteer does not know, is named
                // (and a later "Clinton" may be hers, see `SurnameResolution`).
                // Headlines capitalise every word: there neither rule below says anything (computed last, once).
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
                    if candidate.trimEnd == 0 { result.append(Self.namesake(first: candidate.first - 1, last: candidate.last, tokens, utf8)) }
                    previous = (candidate.last, .person)
                    continue
                }
                // A surname followed by a name word is the given name of a longer name ("Secretary James Baker"),
                // which the title pattern finds.
                if let next = Self.nextWord(after: candidate.last, tokens), candidate.trimEnd == 0,
                    tokens[next].sentence == tokens[candidate.first].sentence, Self.isNameWord(tokens[next], utf8),
                    position + 1 >= candidates.count || candidates[position + 1].first != next
                        || entries[Int(candidates[position + 1].entry)].form == .partial,
                    !isHeadline()
                {
                    continue
                }
                if afterTitle {
                    source = "gazetteer"
                    // "the Reagan administration" names the person for the later bare surname too.
                    if !unresolved, Self.isLeadershipNounContext(candidate, tokens, utf8) { fullNames.insert(entries[id].kb) }
                } else if fullNames.contains(entries[id].kb) {
                    source = "coreference"
                } else if candidate.trimEnd == 0, Self.isFollowedByReportingVerb(candidate.last, tokens, utf8) {
                    // "REAGAN SAYS …", "Miyazawa expects …": a person by that name speaks, but which of the persons
                    // who bear it the article does not say.
                    source = "pattern"
                    unresolved = true
                } else {
                    continue
                }
            }
            // "Queen Victoria", "President Lincoln", "King George V": a one-word place right after a title is the titled person.
            // The cheap tests first: most candidates follow no title.
            if let title = previous, title.type == .role, title.last == candidate.first - 1, candidate.first == candidate.last,
                candidate.trimEnd == 0,
                entries[id].type == .city || (entries[id].type == .country && Self.givenNameLike.contains(entries[id].surface)),
                Self.isNameWord(tokens[candidate.first], utf8)
            {
                // "King George V": with its regnal number; "chairman Gary Klesch": with the name words after it.
                let last = Self.precedesRegnalNumber(candidate.last, tokens, utf8)
                    ? candidate.last + 1 : Self.nameWordsEnd(after: candidate.last, tokens, utf8)
                result.append(Self.namesake(first: candidate.first, last: last, tokens, utf8))
                previous = (last, .person)
                continue
            }
            if entries[id].type == .country || entries[id].type == .city {
                // Both drop the place: the set lookup goes first, as it is cheaper than reading the word before.
                if entries[id].needsContext,
                    !placesInContext.kbs.contains(entries[id].kb) && !placesInContext.mentions.contains(candidate.first)
                        || PlaceContext.isAcronymOutsideDateline(candidate.first, candidate.last, tokens, utf8)
                {
                    continue
                }
                let previousEnd = position > 0 ? candidates[position - 1].last : nil
                if PlaceContext.isInsideLongerName(first: candidate.first, previousCandidateEnd: previousEnd, tokens, utf8)
                    || PlaceContext.isPartOfOtherName(first: candidate.first, last: candidate.last,
                                                      demonym: entries[id].form == .demonym, possessive: candidate.trimEnd > 0,
                                                      previousCandidateEnd: previousEnd, tokens, utf8)
                    || Self.isDateContext(candidate, tokens, utf8)
                {
                    continue
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
                    if Self.isGeographicNoun(tokens[next], utf8) { continue }
                    if nextFree, candidate.first == candidate.last, Self.givenNameLike.contains(entries[id].surface),
                        Self.isNameWord(tokens[next], utf8),
                        !Self.isTitleCaseSentence(containing: candidate.first, tokens, utf8)
                    {
                        let text = Self.text(tokens, candidate.first, next, utf8)
                        result.append(Entity(
                            id: "", type: .person, span: TextSpan(start: tokens[candidate.first].span.start, end: tokens[next].span.end),
                            text: text, kb: nil, canonical: text, wikidata: nil, sentence: tokens[candidate.first].sentence,
                            source: "pattern", form: .pattern))
                        previous = (next, .person)
                        continue
                    }
                }
                if PlaceContext.isHeadOfLongerName(
                    last: candidate.last, nextCandidateFirst: position + 1 < candidates.count ? candidates[position + 1].first : nil,
                    tokens, utf8)
                {
                    continue
                }
                if entries[id].type == .city, PlaceContext.isTeamInResults(first: candidate.first, last: candidate.last, tokens, utf8) {
                    continue
                }
            }
            let first = tokens[candidate.first]
            let last = tokens[candidate.last]
            let text = Self.text(tokens, candidate.first, candidate.last, utf8, trimEnd: candidate.trimEnd)
            result.append(Entity(
                id: "", type: entries[id].type, span: TextSpan(start: first.span.start, end: last.span.end - candidate.trimEnd),
                text: text, kb: unresolved ? nil : entries[id].kb, canonical: unresolved ? text : entries[id].canonical,
                wikidata: unresolved ? nil : entries[id].wikidata, sentence: first.sentence,
                source: source, form: entries[id].form, refersTo: entries[id].refersTo))
            previous = (candidate.last, entries[id].type)
        }
        return result
    }

    /// Whether an apposition with a title follows a candidate: "Schoof, de Nederlandse premier,".
    func titleFollows(_ position: Int, _ candidates: [Candidate], _ tokens: [Token], _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
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
    static func isGeographicNoun(_ token: Token, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        geographicNounLengths.contains(token.utf8End - token.utf8Start)
            && geographicNouns.contains(token, utf8)
    }

    /// Whether a token's first byte is "A"…"Z".
    @inline(__always)
    static func startsWithASCIICapital(_ token: Token, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        (0x41...0x5A).contains(utf8[token.utf8Start])
    }

    static let months: TokenWords = ["January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December"]
    static let dateWords: TokenWords = ["in", "on", "since", "until", "by", "early", "late", "mid", "last", "next",
                                         "this", "of", "from", "through", "before", "after", "during", "till", "In",
                                         "On", "Since", "Until", "By", "Early", "Late", "Last", "Next", "This", "From"]

    /// Whether a surname candidate that is also a month stands in a date ("in May", "May 5", "May 2016").
    static func isDateContext(_ candidate: Candidate, _ tokens: [Token], _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
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

    /// Whether a sentence is written in title case, as headlines are ("Jordan Warns of Water Crisis"):
    /// there a capital says nothing about names.
    static func isTitleCase(sentence: Int, _ tokens: [Token], _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var capitalised = 0
        for token in tokens where token.sentence == sentence && token.kind == .word {
            words += 1
            if startsUppercase(token, utf8) { capitalised += 1 }
        }
        return words >= 3 && capitalised * 10 >= words * 6
    }

    /// The next word token after a token, if it directly follows (punctuation in between stops it).
    static func nextWord(after index: Int, _ tokens: [Token]) -> Int? {
        guard index + 1 < tokens.count, tokens[index + 1].kind == .word else { return nil }
        return index + 1
    }

    /// The tokens that the entity current in a walk over both lists overlaps (`covered`), and those that end
    /// where a role ends (`roleEnds`); entities sorted by span.
    static func coveredTokensAndRoleEnds(_ tokens: [Token], _ entities: [Entity]) -> (covered: [Bool], roleEnds: [Int]) {
        var covered = [Bool](repeating: false, count: tokens.count)
        var roleEnds: [Int] = []
        var entityIndex = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            while entityIndex < entities.count && entities[entityIndex].span.end <= token.span.start { entityIndex += 1 }
            // Past the last entity no token is covered.
            if entityIndex == entities.count { break }
            let span = entities[entityIndex].span
            if span.overlaps(token.span) {
                covered[index] = true
                if entities[entityIndex].type == .role && span.end == token.span.end { roleEnds.append(index) }
            }
            index += 1
            // Tokens that end before the (non-empty) entity starts neither overlap it nor move past it: passed over
            // without the tests above.
            while index < tokens.count, span.start < span.end, tokens[index].span.end <= span.start { index += 1 }
        }
        return (covered, roleEnds)
    }

    /// Persons the gazetteer does not know, named right after a title ("top negotiator Witkoff").
    func titlePatternPersons(tokens: [Token], entities: [Entity], cueEnds: [Int], utf8: UnsafeBufferPointer<UInt8>) -> [Entity] {
        // By index, not `contains(where:)`: that copies each entity, retaining and releasing all its strings.
        guard !cueEnds.isEmpty || entities.indices.contains(where: { entities[$0].type == .role }) else { return [] }
        let (covered, roleEnds) = Self.coveredTokensAndRoleEnds(tokens, entities)
        var result: [Entity] = []
        for roleEnd in (roleEnds + cueEnds).sorted() {
            // Honorifics and ranks after the title are not part of the name ("Prime Minister Dr. Mahathir").
            let first = PersonNameShape.skipHonorifics(from: roleEnd + 1, tokens, utf8)
            guard first < tokens.count, tokens[first].sentence == tokens[roleEnd].sentence, first - roleEnd <= 4,
                let last = PersonNameShape.nameEnd(from: first, tokens, utf8, covered: covered, limit: roleEnd + 9)
            else { continue }
            // "Premier League": a name ending in an institution word is not a person's.
            if Self.institutionWords.contains(tokens[last], utf8) { continue }
            let text = Self.text(tokens, first, last, utf8)
            result.append(Entity(
                id: "", type: .person, span: TextSpan(start: tokens[first].span.start, end: tokens[last].span.end),
                text: text, kb: nil, canonical: text, wikidata: nil, sentence: tokens[first].sentence,
                source: "pattern", form: .pattern))
        }
        return result
    }

    /// Whether the token is a hyphen written tight between two words.
    static func isJoiningHyphen(at index: Int, _ tokens: [Token], _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > 0, index + 1 < tokens.count, tokens[index].kind == .punctuation else { return false }
        // "-" or "‐" (U+2010), compared on bytes: no other text is canonically equivalent to either.
        let token = tokens[index]
        let length = token.utf8End - token.utf8Start
        let first = utf8[token.utf8Start]
        let hyphen = (length == 1 && first == 0x2D)
            || (length == 3 && first == 0xE2 && utf8[token.utf8Start + 1] == 0x80 && utf8[token.utf8Start + 2] == 0x90)
        guard hyphen else { return false }
        return tokens[index - 1].utf8End == tokens[index].utf8Start && tokens[index].utf8End == tokens[index + 1].utf8Start
            && tokens[index + 1].kind == .word
    }

    /// Whether a token's first character is upper case; ASCII tokens are decided on their first
    /// byte (an ASCII character followed by ASCII is a grapheme of its own).
    @inline(__always)
    static func startsUppercase(_ token: Token, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        if token.keyHash != 0 { return (0x41...0x5A).contains(utf8[token.utf8Start]) }
        return surface(token, utf8).first?.isUppercase ?? false
    }

    /// `isNameWord(_:)` of a token; ASCII words are tested on their bytes (capital first, a
    /// lower-case letter after it) before the list of capitalised non-names is consulted.
    static func isNameWord(_ token: Token, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.keyHash != 0 else { return isNameWord(surface(token, utf8)) }
        guard token.utf8End - token.utf8Start > 1, (0x41...0x5A).contains(utf8[token.utf8Start]) else { return false }
        var lowercase = false
        for index in (token.utf8Start + 1)..<token.utf8End where (0x61...0x7A).contains(utf8[index]) {
            lowercase = true
            break
        }
        return lowercase && !notNames.contains(token, utf8)
    }

    /// Whether a word looks like a name: a capital, more than one character, some lower case,
    /// and not a capitalised word that follows titles without being a name ("Monday", "The").
    static func isNameWord(_ surface: Substring) -> Bool {
        guard let first = surface.first, first.isUppercase, surface.count > 1 else { return false }
        guard !notNames.contains(String(surface)) else { return false }
        // All-capital words are acronyms, not names.
        return surface.dropFirst().contains { $0.isLowercase }
    }

    /// The index of the first token whose span starts at or after a scalar offset (`tokens.count` if none),
    /// by binary search: token spans are in text order.
    static func firstToken(startingAtOrAfter offset: Int, _ tokens: [Token]) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].span.start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A bitmask of lengths (bit `n` for `n` bytes, bit 63 for 63 or more) widened by the lengths of
    /// the same words with a possessive ending of 2 or 4 bytes.
    static func lengthsWithPossessive(_ lengths: UInt64) -> UInt64 {
        var widened: UInt64 = 0
        for length in 0..<64 where lengths & (1 << UInt64(length)) != 0 {
            for suffix in [0, 2, 4] { widened |= 1 << UInt64(min(length + suffix, 63)) }
        }
        return widened
    }

    /// The number of words of a text split on the space byte (empty words left out), and the bytes of
    /// its last two: `utf8.split(separator: 0x20)` without an array of slices.
    static func lastTwoWords(_ text: String) -> (count: Int, last: [UInt8]?, beforeLast: [UInt8]?) {
        var text = text
        return text.withUTF8 { utf8 in
            var count = 0
            var last: Range<Int>?
            var beforeLast: Range<Int>?
            var position = 0
            while position < utf8.count {
                if utf8[position] == 0x20 {
                    position += 1
                    continue
                }
                let start = position
                while position < utf8.count, utf8[position] != 0x20 { position += 1 }
                count += 1
                beforeLast = last
                last = start..<position
            }
            return (count, last.map { Array(utf8[$0]) }, beforeLast.map { Array(utf8[$0]) })
        }
    }

    /// Later mentions of a pattern person's surname ("Witkoff" after "negotiator Witkoff").
    /// `grown` holds the starts of pattern persons that `extendingPersonNames` grew by a word: the word
    /// they ended in before is a surname of theirs too ("Hernandez" of "Arturo Hernandez Grisanti").
    func patternCoreference(tokens: [Token], entities: [Entity], utf8: UnsafeBufferPointer<UInt8>, grown: Set<Int> = []) -> [Entity] {
        var surnames: [(surname: [UInt8], canonical: String, after: Int)] = []
        // By index, not `for entity in`: copying an entity retains and releases all its strings.
        for index in entities.indices where entities[index].type == .person && entities[index].source == "pattern" {
            let words = Self.lastTwoWords(entities[index].text)
            if let surname = words.last {
                surnames.append((surname, entities[index].canonical, entities[index].span.end))
            }
            if words.count >= 3, let word = words.beforeLast, grown.contains(entities[index].span.start) {
                surnames.append((word, entities[index].canonical, entities[index].span.end))
            }
        }
        guard !surnames.isEmpty else { return [] }
        // Surname lengths as a bitmask (longer ones share the last bit): a cheap first test per word.
        var lengths: UInt64 = 0
        for surname in surnames { lengths |= 1 << UInt64(min(surname.surname.count, 63)) }
        // The lengths a word has when it is a surname, possibly with "'s" (2 bytes) or "’s" (4 bytes):
        // words of other lengths are passed over without reading their bytes.
        let wordLengths = Self.lengthsWithPossessive(lengths)
        // An ASCII token that is a surname, or one with "'s", has the KeyHash of that text (the hash
        // folds case, so it is a superset test): other ASCII tokens are passed over on their hash.
        var hashes: [UInt32] = []
        for surname in surnames {
            hashes.append(surname.surname.withUnsafeBufferPointer { KeyHash.of($0) })
            hashes.append((surname.surname + [UInt8(ascii: "'"), UInt8(ascii: "s")]).withUnsafeBufferPointer { KeyHash.of($0) })
        }
        // One bit per hash's low six bits: most tokens fail this before the hashes are compared.
        let hashBits = hashes.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) }
        let usesKeyFilters = usesKeyFilters
        var result: [Entity] = []
        var entityIndex = 0
        // A surname counts only after its pattern person: tokens before the earliest one are passed over.
        let earliest = surnames.reduce(Int.max) { min($0, $1.after) }
        tokens.withUnsafeBufferPointer { buffer in
            for index in Self.firstToken(startingAtOrAfter: earliest, tokens)..<buffer.count {
                let hash = buffer[index].keyHash
                if usesKeyFilters, hash != 0, hashBits & (1 << UInt64(hash & 63)) == 0 || !hashes.contains(hash) { continue }
                let token = buffer[index]
                guard token.kind == .word else { continue }
                guard wordLengths & (1 << UInt64(min(token.utf8End - token.utf8Start, 63))) != 0 else { continue }
                var length = token.utf8End - token.utf8Start
                var trim = 0
                let bytes = UnsafeBufferPointer(rebasing: utf8[token.utf8Start..<token.utf8End])
                // A possessive ending ("Witkoff's", "Witkoff’s") is not part of the name.
                let suffixLength = Self.possessiveSuffixLength(bytes, upperS: false)
                if suffixLength > 0 {
                    length -= suffixLength
                    trim = 2
                }
                guard lengths & (1 << UInt64(min(length, 63))) != 0 else { continue }
                let stem = UnsafeBufferPointer(rebasing: bytes[0..<length])
                guard let match = surnames.first(where: { $0.after <= token.span.start && $0.surname.elementsEqual(stem) }) else {
                    continue
                }
                while entityIndex < entities.count && entities[entityIndex].span.end <= token.span.start { entityIndex += 1 }
                if entityIndex < entities.count && entities[entityIndex].span.overlaps(token.span) { continue }
                // "Mike Pence" again after "Mike Pence", and "Ivana Trump" after "Donald Trump": a surname after
                // a free given name is the person named again, or another person of that surname.
                if Self.followsFreeGivenName(index, tokens, utf8, previousEntity: entityIndex > 0 ? entities[entityIndex - 1].span : nil) {
                    result.append(Self.givenNameMention(index, trim: trim, canonical: match.canonical, tokens, utf8))
                    continue
                }
                result.append(Entity(
                    id: "", type: .person, span: TextSpan(start: token.span.start, end: token.span.end - trim),
                    text: String(decoding: stem, as: UTF8.self), kb: nil, canonical: match.canonical, wikidata: nil,
                    sentence: token.sentence, source: "coreference", form: .partial))
            }
        }
        return result
    }
}
