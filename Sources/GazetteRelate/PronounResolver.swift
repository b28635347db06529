import GazetteBytes
import GazetteCore

/// Resolves a subject pronoun ("he", "she") to the person it most likely stands for: the last person
/// mentioned before it as the subject of a clause (the name followed by a verb or an apposition, not
/// by a preposition or a full stop), outside every quotation, not as a possessor ("Clinton's"), and
/// not of the other gender when the document marks it with "Mr." / "Mrs." / "Ms.".
struct PronounResolver {
    let context: RelationContext
    /// The document's quotations: persons named inside them are not antecedents.
    let quotes: [Quotation]
    /// How far back (in scalars) an antecedent may stand.
    static let reach = 1500
    /// Words that, right after a name, show it is not a clause's subject.
    static let nonSubjectFollowers: Set<String> = [
        "of", "to", "for", "with", "by", "against", "about", "on", "at", "from", "than", "as", "in", "into", "over",
        "and", "or", "nor", "but", "if", "because", "campaign", "administration", "supporters", "team", "aides",
    ]

    /// `nonSubjectFollowers` for lookups by bytes.
    static let nonSubjectFollowerTable = ShortWordTable<Bool>(nonSubjectFollowers)

    /// Whether a scalar is lower-case (`isLowercase`), tested without its properties when it is ASCII.
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value &- 0x61 < 26 : scalar.properties.isLowercase
    }

    /// The grammatical gender a pronoun asks for: true for "she", false for "he", nil otherwise.
    static func isFemale(_ pronoun: String) -> Bool? {
        switch pronoun.lowercased() {
        case "she", "her", "zij", "ze": return true
        case "he", "him", "hij", "hem": return false
        default: return nil
        }
    }

    /// The antecedent of the pronoun at `offset` (`female` as `isFemale(_:)` gives it).
    func antecedent(before offset: Int, female: Bool?, reach: Int = PronounResolver.reach) -> Entity? {
        let entities = context.entities
        var genders: [String: Bool?] = [:]
        var index = entities.count - 1
        while index >= 0, entities[index].span.end > offset { index -= 1 }
        while index >= 0 {
            // The mention's fields are read in place: it is copied only when it is the antecedent.
            let current = index
            index -= 1
            guard entities[current].type == .person else { continue }
            let span = entities[current].span
            if offset - span.end > reach { return nil }
            if quotes.contains(where: { $0.content.contains(span) }) { continue }
            if isPossessor(span) || !isSubject(span) { continue }
            if let female, let gender = gender(of: entities[current], cache: &genders), gender != female { continue }
            return entities[current]
        }
        return nil
    }

    /// Whether "'s" or "’s" follows a mention.
    func isPossessor(_ mention: TextSpan) -> Bool {
        let end = mention.end
        guard end + 1 < context.scalars.count else { return false }
        return (context.scalars[end] == "'" || context.scalars[end] == "’") && context.scalars[end + 1] == "s"
    }

    /// Whether a mention reads as a clause's subject: a lower-case word that is not a preposition or
    /// conjunction follows it, or a comma does (an apposition: "Rendell, a Clinton surrogate, said").
    func isSubject(_ mention: TextSpan) -> Bool {
        var index = mention.end
        let scalars = context.scalars
        while index < scalars.count, scalars[index] == " " { index += 1 }
        if index < scalars.count {
            if scalars[index] == "," || scalars[index] == "(" { return true }
            if Self.isLowercase(scalars[index]) {
                var end = index
                while end < scalars.count, LeadershipNounRules.isLetter(scalars[end]) { end += 1 }
                if !context.isWord(TextSpan(start: index, end: end), in: Self.nonSubjectFollowerTable) {
                    return true
                }
            }
        }
        // An inverted speaker ("…, zei premier Schoof.", "said Sen. Kaine") is a subject too.
        let before = context.words(max(0, mention.start - 24), mention.start).suffix(3)
        return before.contains { QuoteRules.verbs.contains($0) }
    }

    /// The gender a document gives a person by an honorific before one of its mentions (same canonical name).
    func gender(of person: Entity, cache: inout [String: Bool?]) -> Bool? {
        if let known = cache[person.canonical] { return known }
        let found = gender(of: person)
        cache[person.canonical] = found
        return found
    }

    /// `gender(of:cache:)` without a cache.
    func gender(of person: Entity) -> Bool? {
        for entity in context.entities where entity.type == .person && entity.canonical == person.canonical {
            var start = entity.span.start
            let scalars = context.scalars
            while start > 0, scalars[start - 1] == " " { start -= 1 }
            if start > 0, scalars[start - 1] == "." { start -= 1 }
            var wordStart = start
            while wordStart > 0, LeadershipNounRules.isLetter(scalars[wordStart - 1]) { wordStart -= 1 }
            switch context.text(wordStart, start) {
            case "Mr", "Sir", "Lord": return false
            case "Mrs", "Ms", "Miss", "Dame", "Lady", "Madam": return true
            default: continue
            }
        }
        return nil
    }
}

extension RelationContext {
    /// The spans of up to `max` words from `start` to `end` (runs of letters, hyphens and apostrophes).
    func wordSpans(from start: Int, to end: Int, max: Int) -> [TextSpan] {
        let scalars = scalars
        let count = scalars.count
        var result: [TextSpan] = []
        // Room for the usual few words at once, instead of growing the array word by word.
        result.reserveCapacity(Swift.min(max, 16))
        var wordStart = -1
        var index = start
        while index <= end, result.count < max {
            if index < end && index < count && Self.isWordScalar(scalars[index]) {
                if wordStart < 0 { wordStart = index }
            } else if wordStart >= 0 {
                result.append(TextSpan(start: wordStart, end: index))
                wordStart = -1
            }
            index += 1
        }
        return result
    }

    /// Whether a scalar belongs to a word of `wordSpans(from:to:max:)`: a letter, a hyphen or an apostrophe.
    @inline(__always)
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (ASCII.isLetter(scalar.value) || scalar == "-" || scalar == "'")
            : (scalar.properties.isAlphabetic || scalar == "’")
    }

    /// Whether the text at `span`, lower-cased, is one of the words of `table`.
    func isWord(_ span: TextSpan, in table: ShortWordTable<Bool>) -> Bool {
        table.contains(documentText.lowercased(span.start, span.end), in: documentText)
    }
}
