import GazetteBytes
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
    /// Statements attributed already (by `QuoteRules`): a statement overlapping one is not attributed again.
    var claimed: [TextSpan] = []

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
    /// Words that join a second speech verb to the first ("…, but emphasized").
    static let coordinators: Set<String> = ["but", "and", "maar", "en"]
    /// `complementizers` for lookups by bytes.
    static let complementizerTable = ShortWordTable<Bool>(complementizers)
    /// What ends a reported clause: a contrast or a new clause.
    static let clauseEnds: [[Unicode.Scalar]] = [", but ", ", while ", ", whereas ", ", though ", ", although ", "; ",
                                                 ", maar ", ", terwijl ", ", hoewel "].map { Array($0.unicodeScalars) }
    /// The quotation marks of `quotations(in:)`.
    static let quoteMarks = DocumentText.ScalarSet(["\"", "“", "”", "„"])
    /// The quotation marks that keep `lastCommas(from:to:quotesFail:)` from finding a subject.
    static let subjectQuoteMarks = DocumentText.ScalarSet(["\"", "“", "”"])
    /// The length in bytes of the longest coordinator.
    static let longestCoordinator = coordinators.map(\.utf8.count).max() ?? 0

    /// A token of a sentence with a speech trigger.
    struct Word {
        let index: Int
        let span: TextSpan
        /// The token's classes among `SpeechWordClass.triggers`; `classes(of:)` gives all of them.
        let triggers: SpeechWordClass
    }

    /// The words of a sentence, made from its tokens on access: a run of tokens from `start`, or the
    /// tokens at `indices`, each with its classes among `SpeechWordClass.triggers`.
    struct SentenceWords: RandomAccessCollection {
        let tokens: [Token]
        let start: Int
        let tokenIndices: [Int]?
        let triggers: [SpeechWordClass]

        /// The words of the tokens from `start` on, one for each of `triggers`.
        init(tokens: [Token], start: Int, triggers: [SpeechWordClass]) {
            self.tokens = tokens
            self.start = start
            tokenIndices = nil
            self.triggers = triggers
        }

        /// The words of the tokens at `indices`, with their `triggers`.
        init(tokens: [Token], indices: [Int], triggers: [SpeechWordClass]) {
            self.tokens = tokens
            start = 0
            tokenIndices = indices
            self.triggers = triggers
        }

        var startIndex: Int { 0 }
        var endIndex: Int { triggers.count }

        subscript(position: Int) -> Word {
            let index = tokenIndices?[position] ?? start + position
            return Word(index: index, span: tokens[index].span, triggers: triggers[position])
        }
    }

    /// Speakers of the previous statement in the sentence, for a coordinated verb ("…, but emphasized").
    var carried: (verb: Int, speakers: [Entity])? = nil
    /// `SpeechWordClass.table` and `.triggerTable`, read once per document instead of once per word.
    let table = SpeechWordClass.table
    let triggerTable = SpeechWordClass.triggerTable

    func apply(to builder: inout RelationBuilder) {
        var rules = self
        rules.collect(into: &builder)
    }

    /// Finds the statements of every sentence, in order. `general` takes the path for tokens in any
    /// order even when they come sentence by sentence (for tests).
    mutating func collect(into builder: inout RelationBuilder, general: Bool = false) {
        let tokens = context.tokens
        guard !tokens.isEmpty else { return }
        let sentenceCount = context.sentences.count
        // A speaker is a speaker-capable mention of the sentence or a person of the previous one
        // (a pronoun's antecedent). A sentence without either gives a statement only with speakers
        // carried over from an earlier verb, so only the others are searched for triggers.
        var mayHaveSpeaker = Array(repeating: false, count: sentenceCount)
        for entity in context.entities where entity.sentence >= 0 && entity.sentence < sentenceCount {
            if Self.canSpeak(entity.type, entity.form) { mayHaveSpeaker[entity.sentence] = true }
            if entity.type == .person, entity.sentence + 1 < sentenceCount { mayHaveSpeaker[entity.sentence + 1] = true }
        }
        if general {
            collectInAnyOrder(into: &builder, mayHaveSpeaker: mayHaveSpeaker)
            return
        }
        // Tokens come sentence by sentence, each sentence's tokens one run: look up a sentence's
        // tokens in the small table of triggers (its screen turns most words away) and give it a word
        // list only when one is a trigger. Should a sentence come again or out of order, what this
        // loop added is dropped and the tokens are taken in any order.
        let mark = builder.mark
        let carriedBefore = carried
        let table = triggerTable
        let utf8 = context.utf8
        var triggers: [SpeechWordClass] = []
        var previous = Int.min
        var runStart = 0
        while runStart < tokens.count {
            let sentence = tokens[runStart].sentence
            guard sentence > previous else {
                builder.rollBack(to: mark)
                carried = carriedBefore
                collectInAnyOrder(into: &builder, mayHaveSpeaker: mayHaveSpeaker)
                return
            }
            previous = sentence
            var runEnd = runStart + 1
            while runEnd < tokens.count, tokens[runEnd].sentence == sentence { runEnd += 1 }
            defer { runStart = runEnd }
            // Rare: carried speakers may still give a sentence without a possible speaker a statement.
            guard sentence >= 0, sentence < sentenceCount, mayHaveSpeaker[sentence] || carried != nil,
                Self.lookUpTriggers(of: runStart..<runEnd, in: tokens, utf8: utf8, table: table, into: &triggers)
            else { continue }
            statements(in: sentence, words: SentenceWords(tokens: tokens, start: runStart, triggers: triggers), into: &builder)
        }
    }

    /// Fills `triggers` with the classes among `SpeechWordClass.triggers` of a range of tokens (none
    /// for tokens over 14 bytes); false when none has one.
    static func lookUpTriggers(of range: Range<Int>, in tokens: [Token], utf8: [UInt8], table: ShortWordTable<SpeechWordClass>,
                               into triggers: inout [SpeechWordClass]) -> Bool {
        triggers.removeAll(keepingCapacity: true)
        triggers.append(contentsOf: repeatElement([], count: range.count))
        precondition(range.lowerBound >= 0 && range.upperBound <= tokens.count, "token range outside the tokens")
        // Safety: the unchecked reads stay inside their buffers: `index` lies in `range`, inside `tokens`
        // (checked above) and `triggers` (of `range.count` elements); a token's bytes `start..<end` are
        // read only when `0 <= start` and `end <= utf8.count` (the guard). The pointers do not escape.
        return tokens.withUnsafeBufferPointer { tokens in
            utf8.withUnsafeBufferPointer { utf8 in
                triggers.withUnsafeMutableBufferPointer { triggers in
                    var found = false
                    for index in range {
                        let start = tokens[index].utf8Start
                        let end = tokens[index].utf8End
                        // A token of 1...14 bytes inside the text (one unsigned test for the length).
                        guard start >= 0, end <= utf8.count, UInt(bitPattern: end &- start &- 1) < 14,
                            let classes = table.value(length: end &- start, byte: { ASCII.lowercased(utf8[start &+ $0]) })
                        else { continue }
                        triggers[index - range.lowerBound] = classes
                        found = true
                    }
                    return found
                }
            }
        }
    }

    /// A token's classes among `SpeechWordClass.triggers` (none for tokens over 14 bytes), from the text's bytes.
    @inline(__always)
    static func triggers(of token: Token, utf8: [UInt8], table: ShortWordTable<SpeechWordClass>) -> SpeechWordClass {
        let start = token.utf8Start
        let length = token.utf8End - start
        guard length <= 14 else { return [] }
        return table.value(length: length) { ASCII.lowercased(utf8[start + $0]) } ?? []
    }

    /// `collect(into:)` for tokens in any order: every sentence's tokens in the order of the token array.
    mutating func collectInAnyOrder(into builder: inout RelationBuilder, mayHaveSpeaker: [Bool]) {
        let tokens = context.tokens
        let sentenceCount = context.sentences.count
        // Look up their tokens in the small table of triggers (its screen turns most words away);
        // only sentences with a trigger get word lists. Other classes are looked up when asked for.
        var tokenTriggers = Array(repeating: SpeechWordClass(), count: tokens.count)
        var triggered = Array(repeating: false, count: sentenceCount)
        var counts = Array(repeating: 0, count: sentenceCount)
        let utf8 = context.utf8
        do {
            // Only short words can be triggers.
            let table = SpeechWordClass.triggerTable
            for (index, token) in tokens.enumerated() where token.sentence < sentenceCount && mayHaveSpeaker[token.sentence] {
                counts[token.sentence] += 1
                let start = token.utf8Start
                let length = token.utf8End - start
                guard length <= 14, let found = table.value(length: length, byte: { ASCII.lowercased(utf8[start + $0]) }) else { continue }
                tokenTriggers[index] = found
                triggered[token.sentence] = true
            }
        }
        var bySentence: [[Word]] = Array(repeating: [], count: sentenceCount)
        for sentence in 0..<sentenceCount where triggered[sentence] { bySentence[sentence].reserveCapacity(counts[sentence]) }
        for (index, token) in tokens.enumerated() where token.sentence < sentenceCount && triggered[token.sentence] {
            bySentence[token.sentence].append(Word(index: index, span: token.span, triggers: tokenTriggers[index]))
        }
        for sentence in 0..<sentenceCount {
            let words: [Word]
            if triggered[sentence] {
                words = bySentence[sentence]
            } else if !mayHaveSpeaker[sentence], carried != nil {
                // Rare: carried speakers may still give this sentence a statement.
                words = tokens.indices.filter { tokens[$0].sentence == sentence }.map {
                    Word(index: $0, span: tokens[$0].span, triggers: triggers(ofToken: $0))
                }
            } else {
                continue
            }
            statements(in: sentence, words: SentenceWords(tokens: tokens, indices: words.map(\.index), triggers: words.map(\.triggers)),
                       into: &builder)
        }
    }

    /// The statements of a sentence with its words, speech triggers first.
    mutating func statements(in sentence: Int, words: SentenceWords, into builder: inout RelationBuilder) {
        var covered: [TextSpan] = []
        // The sentence's quotations, found once at its first speech verb.
        var quotes: [TextSpan]?
        for position in words.indices where !words.triggers[position].isEmpty {
            let word = words[position]
            if covered.contains(where: { $0.contains(word.span) }) { continue }
            var found: (speakers: [Entity], statement: TextSpan, trigger: String, confidence: Double)?
            if word.triggers.contains(.according), position + 1 < words.count, classes(of: words[position + 1]).contains(.to) {
                found = attribution(words, at: position + 1, sentence: sentence, trigger: "According to")
            } else if word.triggers.contains(.volgens) {
                found = attribution(words, at: position, sentence: sentence, trigger: context.text(of: word.span))
            } else if word.triggers.contains(.speechVerb) {
                if quotes == nil { quotes = context.sentence(sentence).map { quotations(in: $0) } ?? [] }
                found = verb(words, at: position, sentence: sentence, quotes: quotes ?? [])
            }
            guard let found, found.statement.length > 0 else { continue }
            covered.append(found.statement)
            if claimed.contains(where: { $0.overlaps(found.statement) }) { continue }
            // A speech verb right after the statement, joined by "but"/"and", has the same speakers.
            carried = nil
            if let next = words[(position + 1)...].first(where: { $0.span.start >= found.statement.end && $0.triggers.contains(.speechVerb) }),
                case let between = context.words(found.statement.end, next.span.start),
                Self.coordinators.contains(between.last ?? ""), between.count <= 2,
                let nextPosition = words.firstIndex(where: { $0.index == next.index })
            {
                carried = (nextPosition, found.speakers)
            }
            let kind = quoteKind(of: found.statement)
            // A person named inside the statement is never its speaker.
            for speaker in found.speakers where !found.statement.contains(speaker.span) {
                let start = min(speaker.span.start, word.span.start, found.statement.start)
                let end = max(speaker.span.end, word.span.end, found.statement.end)
                builder.add(.said, head: speaker, tail: nil, statement: found.statement, quote: kind, role: nil,
                            evidence: TextSpan(start: start, end: end), trigger: found.trigger, confidence: found.confidence)
            }
        }
    }

    /// `direct` when the statement begins inside a quotation (the speaker's own words), else `reported`
    /// ("she said the talks would resume", and a partial quote: "he called the plan \"a disaster\"").
    func quoteKind(of statement: TextSpan) -> QuoteKind {
        context.quotations.contains { $0.open < statement.start && statement.start < max($0.close, $0.open + 1) }
            ? .direct : .reported
    }

    /// A token's classes among `SpeechWordClass.triggers` (none for tokens over 14 bytes).
    func triggers(ofToken index: Int) -> SpeechWordClass {
        Self.triggers(of: context.tokens[index], utf8: context.utf8, table: triggerTable)
    }

    /// All the classes of a word: its token's lower-cased bytes in the full table (none for tokens
    /// over 14 bytes).
    func classes(of word: Word) -> SpeechWordClass {
        let token = context.tokens[word.index]
        let start = token.utf8Start
        let length = token.utf8End - start
        guard length <= 14 else { return [] }
        let utf8 = context.utf8
        return SpeechWordClass.of(length: length, in: table) { ASCII.lowercased(utf8[start + $0]) }
    }

    // MARK: - Patterns

    /// "According to X, …" and "Volgens X …": the speaker follows the marker, the statement follows the speaker.
    func attribution(_ words: SentenceWords, at marker: Int, sentence: Int, trigger: String) -> (speakers: [Entity], statement: TextSpan, trigger: String, confidence: Double)? {
        guard marker + 1 < words.count, let span = context.sentence(sentence) else { return nil }
        let after = words[marker].span.end
        // The first speaker-capable entity or pronoun within the next few words.
        var speaker: Entity?
        var speakerEnd = after
        var confidence = 0.85
        let phraseEnd = context.firstOccurrence(of: [","], from: after, to: span.end) ?? span.end
        let phrase = context.entityIndices(inSentence: sentence).map { context.entities[$0] }
            .filter { isSpeaker($0) && $0.span.start >= after && $0.span.end <= phraseEnd }
        if classes(of: words[marker + 1]).contains(.objectPronoun) {
            speaker = antecedent(before: words[marker + 1].span.start, sentence: sentence)
            speakerEnd = words[marker + 1].span.end
            confidence = 0.75
        } else if let entity = phrase.last(where: { $0.type == .person }) ?? phrase.first,
            context.splitWordCount(after, entity.span.start) <= 6,
            // "according to a speech Mrs. Clinton delivered": the source is the speech, not the person in it.
            !context.words(after, entity.span.start).contains(where: { $0 == "a" || $0 == "an" })
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
    func verb(_ words: SentenceWords, at position: Int, sentence: Int, quotes: [TextSpan]) -> (speakers: [Entity], statement: TextSpan, trigger: String, confidence: Double)? {
        guard let span = context.sentence(sentence) else { return nil }
        let verb = words[position]
        var trigger: String { context.text(of: verb.span) }
        // `"…," Merkel said` / `"…", zei Schoof` / `"…," said Merkel`.
        if let quote = quotes.last(where: { $0.end <= verb.span.start }), context.wordCount(quote.end, verb.span.start, limit: 7) <= 6 {
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
            context.wordCount(verb.span.end, quote.start, limit: 3) <= 2, let statement = trimmed(quote)
        {
            return (speakers, statement, trigger, 0.85)
        }
        // Reported speech: after "that"/"dat" when it comes soon, else right after the verb (and its object).
        var start = verb.span.end
        var index = position + 1
        while index < words.count, index <= position + 12 {
            let word = classes(of: words[index])
            if word.contains(.complementizer) {
                start = words[index].span.end
                break
            }
            if !word.isDisjoint(with: [.clauseBreak, .speechVerb]) { break }
            index += 1
        }
        if start == verb.span.end, position + 1 < words.count, classes(of: words[position + 1]).contains(.object) {
            start = words[position + 1].span.end
        }
        guard let statement = clause(from: start, to: span.end) else { return nil }
        let confidence = speakers.contains { $0.span.start > verb.span.start || $0.span.end < span.start } ? 0.75 : 0.8
        return (speakers, statement, trigger, confidence)
    }

    // MARK: - Speakers

    /// Whether an entity can speak: persons, organisations, and countries named as such.
    func isSpeaker(_ entity: Entity) -> Bool { Self.canSpeak(entity.type, entity.form) }

    /// `isSpeaker(context.entities[index])`, reading the two fields in place instead of copying the entity.
    func isSpeaker(at index: Int) -> Bool { Self.canSpeak(context.entities[index].type, context.entities[index].form) }

    /// Whether a mention of this type and form can speak.
    static func canSpeak(_ type: EntityType, _ form: MentionForm) -> Bool {
        switch type {
        case .person, .org: return true
        case .country: return form == .name
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
        guard let commas = lastCommas(from: start, to: end, quotesFail: start <= sentenceStart) else { return nil }
        // Segment `i` runs from after comma `i - 1` (or `start`) to comma `i` (or `end`); only the last
        // three are candidates. The clause right before the verb; then, for "the chair, NAME, said", the
        // name between the commas; then, for "NAME, apposition, said", the part before the apposition.
        if let speakers = speakers(in: TextSpan(start: commas.count >= 1 ? commas.last + 1 : start, end: end), sentence: sentence) {
            return speakers
        }
        guard commas.count >= 2 else { return nil }
        let middle = TextSpan(start: commas.secondLast + 1, end: commas.last)
        // By index: the mentions' fields are read in place, not copied.
        let entities = context.entities
        if entities.indices.contains(where: { entities[$0].type == .person && middle.contains(entities[$0].span) }),
            context.wordCount(middle.start, middle.end, limit: 6) <= 5,
            let speakers = speakers(in: middle, sentence: sentence)
        {
            return speakers
        }
        return speakers(in: TextSpan(start: commas.count >= 3 ? commas.thirdLast + 1 : start, end: commas.secondLast), sentence: sentence)
    }

    /// How many commas stand between two offsets (counting stops at three) and where the last three
    /// are (-1 for none); nil when `quotesFail` and a quotation mark (straight, “ or ”) stands there.
    func lastCommas(from start: Int, to end: Int, quotesFail: Bool) -> (count: Int, last: Int, secondLast: Int, thirdLast: Int)? {
        var commas = (count: 0, last: -1, secondLast: -1, thirdLast: -1)
        let scalars = context.scalars
        guard start >= 0, start <= end, end <= scalars.count else { return commas }
        if quotesFail, context.documentText.firstOffset(of: Self.subjectQuoteMarks, from: start, to: end) < end { return nil }
        // The commas are read back from the end.
        var offset = end
        while commas.count < 3, let comma = context.documentText.lastOffset(of: ",", from: start, to: offset) {
            switch commas.count {
            case 0: commas.last = comma
            case 1: commas.secondLast = comma
            default: commas.thirdLast = comma
            }
            commas.count += 1
            offset = comma
        }
        return commas
    }

    /// The speakers named in one segment of the clause before a verb, as `subject(before:from:sentence:)`
    /// tries them: the last person (with one before it joined by "and"), else the last other speaker,
    /// else a pronoun's antecedent; nil when there is none or it stands more than eight words from the
    /// segment's end.
    func speakers(in segment: TextSpan, sentence: Int) -> [Entity]? {
        let entities = context.entities
        // The last two persons and the last speaker of the sentence inside the segment.
        var personIndex: Int?
        var previousPersonIndex: Int?
        var last: Int?
        for index in context.entityIndices(inSentence: sentence) where segment.contains(entities[index].span) && isSpeaker(at: index) {
            last = index
            if entities[index].type == .person {
                previousPersonIndex = personIndex
                personIndex = index
            }
        }
        if let personIndex {
            // Too far from the verb to be its subject (a person inside the statement's lead-in).
            if context.wordCount(entities[personIndex].span.end, segment.end, limit: 9) > 8 { return nil }
            // "Macron and Ukrainian President Volodymyr Zelensky told reporters".
            if let previousPersonIndex {
                let between = context.words(entities[previousPersonIndex].span.end, entities[personIndex].span.start)
                if let first = between.first, first == "and" || first == "en" { return [entities[previousPersonIndex], entities[personIndex]] }
            }
            return [entities[personIndex]]
        }
        if let last {
            if context.wordCount(entities[last].span.end, segment.end, limit: 9) > 8 { return nil }
            return [entities[last]]
        }
        // A pronoun subject: the last word of the segment or followed only by auxiliaries and adverbs.
        if endsWithPronoun(segment), let antecedent = antecedent(before: segment.start + 1, sentence: sentence, within: segment) {
            return [antecedent]
        }
        return nil
    }

    /// Whether one of the last three words of a segment is a subject pronoun ("he", "zij").
    func endsWithPronoun(_ segment: TextSpan) -> Bool {
        var found = false
        let text = context.documentText
        text.forEachWordFromEnd(segment.start, segment.end, limit: 3) { word in
            if !found, (table.value(word, in: text) ?? []).contains(.pronoun) { found = true }
        }
        return found
    }

    /// The speaker right after an inverted verb ("zei premier Schoof", "said Merkel", "zei hij").
    func inverted(after verb: Word, words: SentenceWords, sentence: Int) -> Entity? {
        if let index = context.entityIndices(inSentence: sentence).first(where: {
            context.entities[$0].span.start >= verb.span.end && isSpeaker(at: $0)
        }),
            case let entity = context.entities[index],
            case let between = context.wordCount(verb.span.end, entity.span.start, containing: Self.complementizerTable),
            between.count <= 3, !between.contains, !context.containsComma(verb.span.end, entity.span.start)
        {
            return entity
        }
        if let next = words.first(where: { $0.span.start >= verb.span.end }), classes(of: next).contains(.pronoun) {
            return antecedent(before: next.span.start, sentence: sentence)
        }
        return nil
    }

    /// The person a subject or object pronoun stands for: the pronoun is the last one in `segment`,
    /// or the word at `offset`; `PronounResolver` picks the person (a subject outside quotations, of
    /// a compatible gender) before it.
    func antecedent(before offset: Int, sentence: Int, within segment: TextSpan? = nil) -> Entity? {
        let range = segment ?? TextSpan(start: offset, end: min(offset + 5, context.scalars.count))
        let words = context.wordSpans(from: range.start, to: range.end, max: 64)
        guard let pronoun = (segment == nil ? words.first : words.last(where: {
            PronounResolver.isFemale(context.text(of: $0)) != nil
        })) else { return nil }
        let female = PronounResolver.isFemale(context.text(of: pronoun))
        return PronounResolver(context: context, quotes: context.quotations).antecedent(before: pronoun.start, female: female,
                                                                                        reach: QuoteRules.pronounReach)
    }

    // MARK: - Statements

    /// Quotations in a sentence: between straight double quotes, or “ (or „) and ”.
    func quotations(in span: TextSpan) -> [TextSpan] {
        var result: [TextSpan] = []
        var open: Int?
        guard span.start >= 0, span.end <= context.scalars.count else { return [] }
        // From quotation mark to quotation mark: most sentences have none.
        for offset in context.documentText.offsets(of: Self.quoteMarks, from: span.start, to: span.end) {
            switch context.scalars[offset] {
            case "“", "„":
                open = offset
            case "”":
                if let start = open { result.append(TextSpan(start: start + 1, end: offset)) }
                open = nil
            default:
                if let start = open {
                    result.append(TextSpan(start: start + 1, end: offset))
                    open = nil
                } else {
                    open = offset
                }
            }
        }
        // Short quoted phrases ("fairly precise") inside reported speech are not quotations of their own.
        return result.filter { context.wordCount($0.start, $0.end, limit: 5) >= 5 }
    }

    /// A quotation without its trailing comma or stop.
    func trimmed(_ quote: TextSpan) -> TextSpan? {
        var end = quote.end
        var start = quote.start
        while end > start, Self.isQuoteTrailer(context.scalars[end - 1]) { end -= 1 }
        while start < end, context.scalars[start] == " " { start += 1 }
        return start < end ? TextSpan(start: start, end: end) : nil
    }

    /// A reported clause from `start` to `end`: trimmed, without final punctuation and without a
    /// trailing ", but …" or ", while …" clause.
    func clause(from start: Int, to end: Int) -> TextSpan? {
        var start = start
        var end = end
        while start < end, context.isWhitespace(at: start) || context.scalars[start] == "," { start += 1 }
        end = clauseEnd(from: start, to: end)
        while end > start, Self.isFinalPunctuation(context.scalars[end - 1]) { end -= 1 }
        guard end > start, context.wordCount(start, end, limit: 2) >= 2 else { return nil }
        return TextSpan(start: start, end: end)
    }

    /// Where `clause(from:to:)` cuts a clause (before trimming its final punctuation): at the first
    /// clause end marker (", but ", "; ", …), or before a second speech verb joined by a coordinator
    /// ("… troop deployment but emphasized …"), whichever comes first. Reads the words up to the first marker.
    func clauseEnd(from start: Int, to end: Int) -> Int {
        guard start < end, start >= 0, end <= context.scalars.count else { return end }
        let text = context.documentText
        let scalars = text.scalars
        let markers = Self.clauseEnds
        let longestCoordinator = Self.longestCoordinator
        // The length of the previous word when it is "but", "and", "maar" or "en".
        var coordinatorLength: Int?
        var offset = start
        while true {
            // A word: the run of letters from `offset` (none when a non-letter stands there).
            let wordStart = offset
            let (wordEnd, wordIsASCII) = text.letterRun(from: offset, to: end)
            offset = wordEnd
            if offset > wordStart {
                // Only a short word can be a coordinator, and a speech verb counts only after one: other
                // ASCII words are not looked up.
                let verbCounts = coordinatorLength != nil && wordStart - start > 10
                var classes: SpeechWordClass = []
                var length = offset - wordStart
                if !wordIsASCII {
                    (classes, length) = nonASCIIClasses(of: wordStart..<offset)
                } else if length <= longestCoordinator || verbCounts {
                    classes = SpeechWordClass.of(length: length, in: table) { scalars.lowercasedASCII(at: wordStart + $0) }
                }
                if classes.contains(.speechVerb), let coordinatorLength, verbCounts {
                    return wordStart - coordinatorLength - 1
                }
                coordinatorLength = classes.contains(.coordinator) ? length : nil
            }
            guard offset < end else { return end }
            // The first clause end marker ends the clause (every marker starts with "," or ";").
            let scalar = scalars[offset]
            if scalar == "," || scalar == ";", markers.contains(where: { marker in
                marker[0] == scalar && offset + marker.count <= end && marker.indices.allSatisfy { scalars[offset + $0] == marker[$0] }
            }) {
                return offset
            }
            offset += 1
        }
    }

    /// The classes that matter to `clauseEnd(from:to:)` (speech verb, coordinator) of a word with other
    /// than ASCII letters, and its length in characters, from its lower-cased string.
    private func nonASCIIClasses(of range: Range<Int>) -> (SpeechWordClass, Int) {
        let lower = context.text(range.lowerBound, range.upperBound).lowercased()
        return (Self.verbs.contains(lower) ? .speechVerb : Self.coordinators.contains(lower) ? .coordinator : [], lower.count)
    }

    /// What `clause(from:to:)` trims from the end of a reported clause.
    static func isFinalPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", " ", ",": return true
        default: return false
        }
    }

    /// What `trimmed(_:)` trims from the end of a quotation.
    static func isQuoteTrailer(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ".", " ", ";", ":": return true
        default: return false
        }
    }
}
