import GazetteBytes
import GazetteCore
import GazetteGazetteer
import GazetteSegment

/// Later mentions of a pattern person's surname.
extension EntityMatcher {
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
        let utf8 = text.utf8.span
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
        return (count, last.map { utf8.array($0) }, beforeLast.map { utf8.array($0) })
    }

    /// Later mentions of a pattern person's surname ("Witkoff" after "negotiator Witkoff").
    /// `grown` holds the starts of pattern persons that `extendingPersonNames` grew by a word: the word
    /// they ended in before is a surname of theirs too ("Hernandez" of "Arturo Hernandez Grisanti").
    func patternCoreference(tokens: [Token], entities: [Entity], utf8: Span<UInt8>, grown: Set<Int> = []) -> [Entity] {
        var surnames: [(surname: [UInt8], canonical: String, after: Int)] = []
        // By index, not `for entity in`: copying an entity retains and releases all its strings.
        for index in entities.indices where entities[index].type == .person && entities[index].source == .pattern {
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
            hashes.append(KeyHash.of(bytes: surname.surname))
            hashes.append(KeyHash.of(bytes: surname.surname + [UInt8(ascii: "'"), UInt8(ascii: "s")]))
        }
        // One bit per hash's low six bits: most tokens fail this before the hashes are compared.
        let hashBits = hashes.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) }
        let usesKeyFilters = usesKeyFilters
        var result: [Entity] = []
        var entityIndex = 0
        // A surname counts only after its pattern person: tokens before the earliest one are passed over.
        let earliest = surnames.reduce(Int.max) { min($0, $1.after) }
        for index in Self.firstToken(startingAtOrAfter: earliest, tokens)..<tokens.count {
            let hash = tokens[index].keyHash
            if usesKeyFilters, hash != 0, hashBits & (1 << UInt64(hash & 63)) == 0 || !hashes.contains(hash) { continue }
            let token = tokens[index]
            guard token.kind == .word else { continue }
            guard wordLengths & (1 << UInt64(min(token.utf8End - token.utf8Start, 63))) != 0 else { continue }
            var length = token.utf8End - token.utf8Start
            var trim = 0
            // A possessive ending ("Witkoff's", "Witkoff’s") is not part of the name.
            let suffixLength = Self.possessiveSuffixLength(utf8, token.utf8Start..<token.utf8End, upperS: false)
            if suffixLength > 0 {
                length -= suffixLength
                trim = 2
            }
            guard lengths & (1 << UInt64(min(length, 63))) != 0 else { continue }
            let stem = token.utf8Start..<(token.utf8Start + length)
            guard let match = surnames.first(where: { $0.after <= token.span.start && utf8.bytes(stem, equal: $0.surname) }) else {
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
                text: utf8.string(stem), kb: nil, canonical: match.canonical, wikidata: nil,
                sentence: token.sentence, source: .coreference, form: .partial))
        }
        return result
    }
}
