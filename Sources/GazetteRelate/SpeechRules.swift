import GazetteCore

/// `said(speaker → statement span)` for quoted and reported speech, in English and Dutch:
/// - quotes: `"…," Merkel said`, `"…", zei Schoof`, `Macron said: "…"`;
/// - reported speech: `Macron said (on Thursday) that …`, `Schoof said the Netherlands would …`,
///   `Guterres urged member states to …`, `…, zei premier Schoof`;
/// - attribution: `According to correspondent Kysia Hekster, …`, `Volgens hem moet Nederland …`.
///
/// The speaker is a person, an organisation or a country named in the clause before the verb
/// (appositions such as ", the refugee agency of the United Nations," are skipped), or after it in
/// inverted order; "he", "she", "hij", "zij" resolve to the nearest person before them in the same
/// or the previous sentence. The statement is the quote without its quotation marks, or the
/// reported clause without the final punctuation and without a trailing ", but …" clause.
struct SpeechRules {
    let context: RelationContext

    static let verbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "noted", "notes", "confirmed",
        "confirms", "urged", "urges", "argued", "argues", "announced", "announces", "stated", "emphasised", "emphasized",
        "stressed", "insisted", "insists", "claimed", "claims", "declared", "explained", "acknowledged", "admitted",
        "predicted", "promised", "replied", "wrote", "urging", "saying", "warning",
        "zei", "zegt", "zeiden", "zeggen", "stelde", "stelt", "verklaarde", "verklaart", "benadrukte", "benadrukt",
        "waarschuwde", "waarschuwt", "meldde", "meldt", "bevestigde", "bevestigt", "schreef", "voegde", "drong",
        "kondigde", "liet", "onderstreepte", "erkende", "beloofde", "riep", "gezegd", "verklaard", "gesteld",
        "gewaarschuwd", "gemeld", "bevestigd", "aangekondigd", "beloofd", "erkend",
    ]
    static let pronouns: Set<String> = ["he", "she", "hij", "zij", "ze"]
    /// Pronouns after "according to" and "volgens".
    static let objectPronouns: Set<String> = ["him", "her", "hem", "haar", "he", "she", "hij", "zij", "ze"]
    static let objects: Set<String> = ["reporters", "journalists", "journalisten", "verslaggevers", "parliament", "lawmakers", "delegates"]
    static let complementizers: Set<String> = ["that", "dat"]
    /// What ends a reported clause: a contrast or a new clause.
    static let clauseEnds: [[Unicode.Scalar]] = [", but ", ", while ", ", whereas ", ", though ", ", although ", "; ",
                                                 ", maar ", ", terwijl ", ", hoewel "].map { Array($0.unicodeScalars) }

    struct Word {
        let index: Int
        let span: TextSpan
        let lower: String
    }

    /// Speakers of the previous statement in the sentence, for a coordinated verb ("…, but emphasized").
    var carried: (verb: Int, speakers: [Entity])? = nil

    func apply(to builder: inout RelationBuilder) {
        var rules = self
        rules.collect(into: &builder)
    }

    mutating func collect(into builder: inout RelationBuilder) {
        let tokens = context.document.tokens
        guard !tokens.isEmpty else { return }
        var bySentence: [[Word]] = Array(repeating: [], count: context.document.sentences.count)
        var text = context.document.text
        text.withUTF8 { utf8 in
            for (index, token) in tokens.enumerated() where token.sentence < bySentence.count {
                // Only short words can be triggers or markers; punctuation is kept for quotes and commas.
                let lower = token.utf8End - token.utf8Start <= 14 ? Self.lowercased(utf8, token.utf8Start, token.utf8End) : ""
                bySentence[token.sentence].append(Word(index: index, span: token.span, lower: lower))
            }
        }
        for (sentence, words) in bySentence.enumerated() {
            var covered: [TextSpan] = []
            // The sentence's quotations, found once at its first speech verb.
            var quotes: [TextSpan]?
            for (position, word) in words.enumerated() {
                if covered.contains(where: { $0.contains(word.span) }) { continue }
                var found: (speakers: [Entity], statement: TextSpan, trigger: String, confidence: Double)?
                if word.lower == "according", position + 1 < words.count, words[position + 1].lower == "to" {
                    found = attribution(words, at: position + 1, sentence: sentence, trigger: "According to")
                } else if word.lower == "volgens" {
                    found = attribution(words, at: position, sentence: sentence, trigger: context.text(of: word.span))
                } else if Self.verbs.contains(word.lower) {
                    if quotes == nil { quotes = context.sentence(sentence).map { quotations(in: $0) } ?? [] }
                    found = verb(words, at: position, sentence: sentence, quotes: quotes ?? [])
                }
                guard let found, found.statement.length > 0 else { continue }
                covered.append(found.statement)
                // A speech verb right after the statement, joined by "but"/"and", has the same speakers.
                carried = nil
                if let next = words[(position + 1)...].first(where: { $0.span.start >= found.statement.end && Self.verbs.contains($0.lower) }),
                    case let between = RelationContext.words(context.text(found.statement.end, next.span.start)),
                    ["but", "and", "maar", "en"].contains(between.last ?? ""), between.count <= 2,
                    let nextPosition = words.firstIndex(where: { $0.index == next.index })
                {
                    carried = (nextPosition, found.speakers)
                }
                for speaker in found.speakers {
                    let start = min(speaker.span.start, word.span.start, found.statement.start)
                    let end = max(speaker.span.end, word.span.end, found.statement.end)
                    builder.add(.said, head: speaker, tail: nil, statement: found.statement, role: nil,
                                evidence: TextSpan(start: start, end: end), trigger: found.trigger, confidence: found.confidence)
                }
            }
        }
    }

    /// A token's bytes with ASCII letters lower-cased: short strings are stored inline, so no
    /// allocation per token (the triggers and markers are ASCII).
    @inline(__always)
    static func lowercased(_ utf8: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) {
                let byte = utf8[start + offset]
                buffer[offset] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            }
            return end - start
        }
    }

    // MARK: - Patterns

    /// "According to X, …" and "Volgens X …": the speaker follows the marker, the statement follows the speaker.
    func attribution(_ words: [Word], at marker: Int, sentence: Int, trigger: String) -> (speakers: [Entity], statement: TextSpan, trigger: String, confidence: Double)? {
        guard marker + 1 < words.count, let span = context.sentence(sentence) else { return nil }
        let after = words[marker].span.end
        // The first speaker-capable entity or pronoun within the next few words.
        var speaker: Entity?
        var speakerEnd = after
        var confidence = 0.85
        let phraseEnd: Int = {
            let rest = context.text(after, span.end)
            guard let comma = rest.unicodeScalars.firstIndex(of: ",") else { return span.end }
            return after + rest.unicodeScalars.distance(from: rest.unicodeScalars.startIndex, to: comma)
        }()
        let phrase = context.entities.filter { isSpeaker($0) && $0.span.start >= after && $0.span.end <= phraseEnd && $0.sentence == sentence }
        if Self.objectPronouns.contains(words[marker + 1].lower) {
            speaker = antecedent(before: words[marker + 1].span.start, sentence: sentence)
            speakerEnd = words[marker + 1].span.end
            confidence = 0.75
        } else if let entity = phrase.last(where: { $0.type == .person }) ?? phrase.first,
            RelationContext.words(context.text(after, entity.span.start)).count <= 6
        {
            speaker = entity
            speakerEnd = entity.span.end
        }
        guard let speaker else { return nil }
        var start = speakerEnd
        let rest = context.text(start, span.end)
        if let comma = rest.firstIndex(of: ","), rest[..<comma].allSatisfy({ $0.isWhitespace }) || RelationContext.words(String(rest[..<comma])).count <= 6 {
            start += rest.unicodeScalars.distance(from: rest.unicodeScalars.startIndex, to: comma.samePosition(in: rest.unicodeScalars)!) + 1
        }
        guard let statement = clause(from: start, to: span.end) else { return nil }
        return ([speaker], statement, trigger, confidence)
    }

    /// A speech verb: quoted speech around it, inverted order after a comma, or reported speech after it.
    /// `quotes` are the sentence's quotations (`quotations(in:)`).
    func verb(_ words: [Word], at position: Int, sentence: Int, quotes: [TextSpan]) -> (speakers: [Entity], statement: TextSpan, trigger: String, confidence: Double)? {
        guard let span = context.sentence(sentence) else { return nil }
        let verb = words[position]
        let trigger = context.text(of: verb.span)
        // `"…," Merkel said` / `"…", zei Schoof` / `"…," said Merkel`.
        if let quote = quotes.last(where: { $0.end <= verb.span.start }), context.wordCount(quote.end, verb.span.start) <= 6 {
            let speakers = subject(before: verb.span.start, from: quote.end, sentence: sentence)
                ?? inverted(after: verb, words: words, sentence: sentence).map { [$0] }
            guard let speakers, !speakers.isEmpty, let statement = trimmed(quote) else { return nil }
            return (speakers, statement, trigger, 0.85)
        }
        let subjectSpeakers = carried.flatMap { $0.verb == position ? $0.speakers : nil }
            ?? subject(before: verb.span.start, from: span.start, sentence: sentence)
        // `…, zei premier Schoof.` / `…, said Schoof.`: the statement comes first.
        if subjectSpeakers == nil, context.lastNonSpace(before: verb.span.start, limit: span.start, is: ","),
            let speaker = inverted(after: verb, words: words, sentence: sentence)
        {
            var comma = verb.span.start - 1
            while comma > span.start, context.scalars[comma] != "," { comma -= 1 }
            guard let statement = clause(from: span.start, to: comma) else { return nil }
            return ([speaker], statement, trigger, 0.8)
        }
        guard let speakers = subjectSpeakers, !speakers.isEmpty else { return nil }
        // `Macron said: "…"`.
        if let quote = quotes.first(where: { $0.start >= verb.span.end }),
            context.wordCount(verb.span.end, quote.start) <= 2, let statement = trimmed(quote)
        {
            return (speakers, statement, trigger, 0.85)
        }
        // Reported speech: after "that"/"dat" when it comes soon, else right after the verb (and its object).
        var start = verb.span.end
        var index = position + 1
        while index < words.count, index <= position + 12 {
            let word = words[index].lower
            if Self.complementizers.contains(word) {
                start = words[index].span.end
                break
            }
            if word == "," || word == "\"" || word == "“" || Self.verbs.contains(word) { break }
            index += 1
        }
        if start == verb.span.end, position + 1 < words.count, Self.objects.contains(words[position + 1].lower) {
            start = words[position + 1].span.end
        }
        guard let statement = clause(from: start, to: span.end) else { return nil }
        let confidence = speakers.contains { $0.span.start > verb.span.start || $0.span.end < span.start } ? 0.75 : 0.8
        return (speakers, statement, trigger, confidence)
    }

    // MARK: - Speakers

    /// Whether an entity can speak: persons, organisations, and countries named as such.
    func isSpeaker(_ entity: Entity) -> Bool {
        switch entity.type {
        case .person, .org: return true
        case .country: return entity.form == .name
        case .city, .role: return false
        }
    }

    /// The speakers named in the clause before a verb; appositions between commas are skipped, persons
    /// win over organisations and countries, and "X and Y said" gives both; pronouns resolve to a person.
    func subject(before end: Int, from start: Int, sentence: Int) -> [Entity]? {
        guard start < end else { return nil }
        let sentenceStart = context.sentence(sentence)?.start ?? 0
        // Split the clause at commas; "X, apposition, said" takes X. A quotation mark in the clause
        // (other than after a closing quote) means the subject is not simply before the verb.
        var segments: [TextSpan] = []
        var segmentStart = start
        for offset in start..<end {
            let scalar = context.scalars[offset]
            if scalar == "," {
                segments.append(TextSpan(start: segmentStart, end: offset))
                segmentStart = offset + 1
            } else if start <= sentenceStart, scalar == "\"" || scalar == "“" || scalar == "”" {
                return nil
            }
        }
        segments.append(TextSpan(start: segmentStart, end: end))
        // The clause right before the verb; then, for "the chair, NAME, said", the name between the
        // commas; then, for "NAME, apposition, said", the part before the apposition.
        var candidates = segments.count >= 1 ? [segments[segments.count - 1]] : []
        if segments.count >= 3 {
            let middle = segments[segments.count - 2]
            if context.entities.contains(where: { $0.type == .person && middle.contains($0.span) }),
                context.wordCount(middle.start, middle.end) <= 5
            {
                candidates.append(middle)
            }
            candidates.append(segments[segments.count - 3])
        }
        for segment in candidates {
            let inside = context.entities.filter { $0.sentence == sentence && segment.contains($0.span) && isSpeaker($0) }
            if let person = inside.last(where: { $0.type == .person }) {
                var speakers = [person]
                // "Macron and Ukrainian President Volodymyr Zelensky told reporters".
                let persons = inside.filter { $0.type == .person }
                if persons.count >= 2, let previous = persons.dropLast().last {
                    let between = RelationContext.words(context.text(previous.span.end, person.span.start))
                    if let first = between.first, first == "and" || first == "en" { speakers.insert(previous, at: 0) }
                }
                // Too far from the verb to be its subject (a person inside the statement's lead-in).
                if context.wordCount(person.span.end, segment.end) > 8 { continue }
                return speakers
            }
            if let other = inside.last {
                if context.wordCount(other.span.end, segment.end) > 8 { continue }
                return [other]
            }
            // A pronoun subject: the last word of the segment or followed only by auxiliaries and adverbs.
            let words = RelationContext.words(context.text(segment.start, segment.end))
            if let pronoun = words.lastIndex(where: { Self.pronouns.contains($0) }), words.count - pronoun <= 3 {
                if let antecedent = antecedent(before: segment.start + 1, sentence: sentence, within: segment) { return [antecedent] }
            }
        }
        return nil
    }

    /// The speaker right after an inverted verb ("zei premier Schoof", "said Merkel", "zei hij").
    func inverted(after verb: Word, words: [Word], sentence: Int) -> Entity? {
        if let entity = context.entities.first(where: { $0.sentence == sentence && $0.span.start >= verb.span.end && isSpeaker($0) }),
            case let between = RelationContext.words(context.text(verb.span.end, entity.span.start)),
            between.count <= 3, !between.contains(where: { Self.complementizers.contains($0) }),
            !context.text(verb.span.end, entity.span.start).contains(",")
        {
            return entity
        }
        if let next = words.first(where: { $0.span.start >= verb.span.end }), Self.pronouns.contains(next.lower) {
            return antecedent(before: next.span.start, sentence: sentence)
        }
        return nil
    }

    /// The nearest person mentioned before an offset, in the same sentence or the previous one.
    func antecedent(before offset: Int, sentence: Int, within segment: TextSpan? = nil) -> Entity? {
        let limit = segment.map { max($0.end, offset) } ?? offset
        return context.entities.last { entity in
            entity.type == .person && entity.span.end <= limit && (entity.sentence == sentence || entity.sentence == sentence - 1)
        }
    }

    // MARK: - Statements

    /// Quotations in a sentence: between straight double quotes, or “ and ”.
    func quotations(in span: TextSpan) -> [TextSpan] {
        var result: [TextSpan] = []
        var open: Int?
        for offset in span.start..<span.end {
            let scalar = context.scalars[offset]
            switch scalar {
            case "“", "„":
                open = offset
            case "”":
                if let start = open { result.append(TextSpan(start: start + 1, end: offset)) }
                open = nil
            case "\"":
                if let start = open {
                    result.append(TextSpan(start: start + 1, end: offset))
                    open = nil
                } else {
                    open = offset
                }
            default:
                continue
            }
        }
        // Short quoted phrases ("fairly precise") inside reported speech are not quotations of their own.
        return result.filter { context.wordCount($0.start, $0.end) >= 5 }
    }

    /// A quotation without its trailing comma or stop.
    func trimmed(_ quote: TextSpan) -> TextSpan? {
        var end = quote.end
        var start = quote.start
        while end > start, [",", ".", " ", ";", ":"].contains(context.scalars[end - 1]) { end -= 1 }
        while start < end, context.scalars[start] == " " { start += 1 }
        return start < end ? TextSpan(start: start, end: end) : nil
    }

    /// A reported clause from `start` to `end`: trimmed, without final punctuation and without a
    /// trailing ", but …" or ", while …" clause.
    func clause(from start: Int, to end: Int) -> TextSpan? {
        var start = start
        var end = end
        while start < end, context.scalars[start].properties.isWhitespace || context.scalars[start] == "," { start += 1 }
        var earliest: Int?
        for marker in Self.clauseEnds {
            if let found = context.firstOccurrence(of: marker, from: start, to: earliest ?? end) { earliest = found }
        }
        if let earliest { end = earliest }
        // "… troop deployment but emphasized …": a second speech verb of the same speaker ends the clause.
        // The scalars from `start` to `end` (none when the range is empty or out of bounds), then a space.
        let stop = start < end && start >= 0 && end <= context.scalars.count ? end : start
        var previousWord = ""
        var wordStart = start
        var current = ""
        for offset in start...stop {
            let scalar: Unicode.Scalar = offset < stop ? context.scalars[offset] : " "
            if scalar.properties.isAlphabetic {
                if current.isEmpty { wordStart = offset }
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                let lower = current.lowercased()
                if Self.verbs.contains(lower), ["but", "and", "maar", "en"].contains(previousWord), wordStart - start > 10 {
                    end = wordStart - previousWord.count - 1
                    break
                }
                previousWord = lower
                current = ""
            }
        }
        while end > start, [".", "!", "?", " ", ","].contains(context.scalars[end - 1]) { end -= 1 }
        guard end > start, context.wordCount(start, end) >= 2 else { return nil }
        return TextSpan(start: start, end: end)
    }
}
