import GazetteBytes
import GazetteCore

/// `said(speaker → quotation)` for direct quotes, over the whole document rather than one sentence:
/// - speaker after the quote: `"…," Trump said as he left`, `"…," said Sen. Tim Kaine`, `"…," he told CNN`;
/// - speaker before it: `Trump said Monday: "…"`, `Clinton told the crowd, "…"`;
/// - a quote split by its attribution (`"…," he said. "…"`) or running on over paragraphs (the next
///   paragraph opens with a quotation mark) keeps the speaker and is one statement;
/// - pronoun speakers resolve to the last person mentioned outside quotations before them.
/// A person named inside a quotation is never its speaker. The statements these rules attribute are
/// `claimed`, so that the sentence-level `SpeechRules` do not attribute them again.
struct QuoteRules {
    let context: RelationContext

    /// Verbs that attribute a quotation next to them (the sentence rules' verbs and more).
    static let verbs: Set<String> = SpeechRules.verbs.union([
        "asked", "asks", "continued", "continues", "recalled", "responded", "responds", "tweeted", "tweets", "posted",
        "joked", "quipped", "shouted", "yelled", "recounted", "observed", "remarked", "suggested", "countered",
        "conceded", "boasted", "complained", "pointed", "added", "writes", "wrote", "explains", "testified", "pleaded",
        "vowed", "answered", "interjected", "mused", "cautioned", "concluded", "reiterated", "agreed", "began",
        "chanted", "cried", "screamed", "whispered", "exclaimed", "lamented", "scoffed", "snapped", "thundered",
        "proclaimed", "announced", "declared", "repeated", "charged", "alleged", "insisted", "maintained",
    ])
    /// Words that may stand between a speaker and a verb after it ("Trump later said").
    static let adverbs: Set<String> = ["also", "later", "then", "once", "again", "previously", "recently", "has", "had",
                                       "have", "would", "will", "often", "repeatedly", "simply", "just", "quickly", "further"]
    /// `verbs` for lookups by bytes.
    static let verbTable = ShortWordTable<Bool>(verbs)
    /// `adverbs` for lookups by bytes.
    static let adverbTable = ShortWordTable<Bool>(adverbs)
    /// Words after a verb that end the search for an inverted speaker ("said in", "told the").
    static let prepositions: Set<String> = ["for", "of", "to", "with", "from", "at", "in", "on", "about", "that", "by",
                                           "after", "before", "during", "when", "as", "while", "this", "last", "on"]

    /// How far (in scalars, about a sentence) before a pronoun speaker ("…," he said; "He said …") its antecedent may stand.
    static let pronounReach = 150

    /// A quote with its speaker and the statement it is part of.
    struct Attribution {
        var speaker: Entity
        var verb: TextSpan
        var statement: TextSpan
        var confidence: Double
    }

    /// Attributes the document's quotations; returns the statements attributed.
    func apply(to builder: inout RelationBuilder) -> [TextSpan] {
        let quotes = context.quotations
        guard !quotes.isEmpty else { return [] }
        var claimed: [TextSpan] = []
        var index = 0
        while index < quotes.count {
            let run = continuation(of: quotes, from: index)
            guard let found = attribute(quotes, run: run) else {
                index = run.upperBound
                continue
            }
            let start = min(found.speaker.span.start, found.verb.start, found.statement.start)
            let end = max(found.speaker.span.end, found.verb.end, found.statement.end)
            builder.add(.said, head: found.speaker, tail: nil, statement: found.statement, quote: .direct, role: nil,
                        evidence: TextSpan(start: start, end: end), trigger: context.text(of: found.verb),
                        confidence: found.confidence)
            claimed.append(found.statement)
            index = run.upperBound
        }
        return claimed
    }

    /// The quotes that form one statement with `quotes[start]`: the next ones while the previous one
    /// runs on over a paragraph break, or is followed in its paragraph only by a short attribution
    /// clause ending a sentence or a clause (`"…," he said. "…"`, `"…," he said, "…"`).
    func continuation(of quotes: [Quotation], from start: Int) -> Range<Int> {
        var end = start + 1
        while end < quotes.count {
            let previous = quotes[end - 1]
            let next = quotes[end]
            if !previous.closed {
                guard next.paragraph == previous.paragraph + 1, startsParagraph(next) else { break }
            } else {
                guard next.paragraph == previous.paragraph, context.wordCount(previous.close + 1, next.open, limit: 9) <= 8,
                    hasVerb(from: previous.close + 1, to: next.open),
                    context.lastNonSpace(before: next.open, limit: previous.close + 1, is: ".")
                        || context.lastNonSpace(before: next.open, limit: previous.close + 1, is: ","),
                    // A quote with an attribution of its own after it is another statement.
                    !next.closed || !hasVerb(from: next.close + 1, to: min(lineEnd(after: next.close), next.close + 60))
                else { break }
            }
            end += 1
        }
        return start..<end
    }

    /// Whether a quotation's opening mark is the first non-space scalar of its line.
    func startsParagraph(_ quote: Quotation) -> Bool {
        var index = quote.open - 1
        while index >= 0, context.scalars[index] == " " || context.scalars[index] == "\t" { index -= 1 }
        return index < 0 || context.scalars[index] == "\n"
    }

    /// The speaker of a run of quotes: from the attribution after one of them, else before the first.
    func attribute(_ quotes: [Quotation], run: Range<Int>) -> Attribution? {
        let first = quotes[run.lowerBound]
        let last = quotes[run.upperBound - 1]
        let statement = trimmed(TextSpan(start: first.open + 1, end: last.close))
        guard let statement else { return nil }
        for position in run {
            let quote = quotes[position]
            guard quote.closed else { continue }
            // The line's end or the next quote's opening, whichever comes first (the line read no further than that).
            let limit = position + 1 < quotes.count ? lineEnd(after: quote.close, before: quotes[position + 1].open) : lineEnd(after: quote.close)
            if let (speaker, dash) = signature(after: quote) {
                return Attribution(speaker: speaker, verb: dash, statement: statement, confidence: 0.85)
            }
            if let found = speakerAfter(quote, limit: limit, quotes: quotes) {
                return Attribution(speaker: found.speaker, verb: found.verb, statement: statement, confidence: 0.85)
            }
        }
        if let found = speakerBefore(first, quotes: quotes) {
            return Attribution(speaker: found.speaker, verb: found.verb, statement: statement, confidence: 0.85)
        }
        return nil
    }

    /// A quote signed with a dash and a name that ends the sentence: `“…” ― Steve Quinlan.`
    func signature(after quote: Quotation) -> (speaker: Entity, dash: TextSpan)? {
        var index = quote.close + 1
        while index < context.scalars.count, context.scalars[index] == " " { index += 1 }
        guard index < context.scalars.count, ["―", "—", "–"].contains(context.scalars[index]) else { return nil }
        guard let person = context.entities.first(where: { $0.span.start > index && $0.span.start <= index + 3 && $0.type == .person }),
            context.isSpaces(index + 1, person.span.start)
        else { return nil }
        var end = person.span.end
        while end < context.scalars.count, context.scalars[end] == " " { end += 1 }
        guard end >= context.scalars.count || [".", "\n"].contains(context.scalars[end]) else { return nil }
        return (person, TextSpan(start: index, end: index + 1))
    }

    /// The offset of the line break after `offset`, or the text's end, looking no further than 400 scalars.
    func lineEnd(after offset: Int) -> Int {
        context.documentText.firstLineBreak(from: offset, limit: min(context.scalars.count, offset + 400))
    }

    /// `min(lineEnd(after: offset), end)` for an `end` at or after `offset`.
    func lineEnd(after offset: Int, before end: Int) -> Int {
        context.documentText.firstLineBreak(from: offset, limit: min(context.scalars.count, offset + 400, end))
    }

    /// `"…," Trump said` / `"…," said Trump` / `"…," he said`: a speech verb within a few words
    /// after the closing mark, with its subject between them or its speaker right after it.
    func speakerAfter(_ quote: Quotation, limit: Int, quotes: [Quotation]) -> (speaker: Entity, verb: TextSpan)? {
        // The quote ends its clause: a comma, "?", "!" or dash inside or right after the closing mark.
        guard endsClause(quote) else { return nil }
        let words = wordSpans(from: quote.close + 1, to: min(limit, quote.close + 160), max: 8)
        guard let verbPosition = words.firstIndex(where: { isVerb($0) }) else {
            return nil
        }
        let verb = words[verbPosition]
        // Nothing but words may stand between the quote and the verb ("Trump, smiling, said" is rare; stops are not).
        guard !containsStop(quote.close + 1, verb.start) else { return nil }
        if verbPosition > 0, let speaker = subject(endingBefore: verb, from: quote.close + 1, words: Array(words[..<verbPosition]), quotes: quotes) {
            return (speaker, verb)
        }
        if verbPosition == 0 || words[..<verbPosition].allSatisfy({ isAdverb($0) }),
            let speaker = inverted(after: verb, limit: limit, quotes: quotes)
        {
            return (speaker, verb)
        }
        return nil
    }

    /// `Trump said Monday: "…"` / `Clinton told the crowd, "…"`: a colon or comma right before the
    /// opening mark, and a speech verb with its subject in the few words before it, in the same paragraph.
    func speakerBefore(_ quote: Quotation, quotes: [Quotation]) -> (speaker: Entity, verb: TextSpan)? {
        guard context.lastNonSpace(before: quote.open, limit: max(0, quote.open - 3), is: ":")
            || context.lastNonSpace(before: quote.open, limit: max(0, quote.open - 3), is: ",")
        else { return nil }
        var start = quote.open - 1
        // Back to the start of the clause: the line, a sentence end or the previous quotation.
        while start > 0, start > quote.open - 200 {
            let scalar = context.scalars[start - 1]
            if scalar == "\n" || scalar == "." || scalar == "\"" || scalar == "”" || scalar == ";" { break }
            start -= 1
        }
        let words = wordSpans(from: start, to: quote.open, max: 40)
        guard let verbPosition = words.lastIndex(where: { isVerb($0) }),
            words.count - verbPosition <= 7
        else { return nil }
        let verb = words[verbPosition]
        if let speaker = subject(endingBefore: verb, from: start, words: Array(words[..<verbPosition]), quotes: quotes) {
            return (speaker, verb)
        }
        if let speaker = inverted(after: verb, limit: quote.open, quotes: quotes) { return (speaker, verb) }
        return nil
    }

    /// Whether a quotation ends a clause: its last scalar inside, or the first after the closing mark,
    /// is a comma, "?", "!", a dash or an ellipsis.
    func endsClause(_ quote: Quotation) -> Bool {
        var inside = quote.close - 1
        while inside > quote.open, context.scalars[inside] == " " { inside -= 1 }
        let last = context.scalars[inside]
        if last == "," || last == "?" || last == "!" || last == "—" || last == "–" || last == "…" || last == "-" { return true }
        var after = quote.close + 1
        while after < context.scalars.count, context.scalars[after] == " " { after += 1 }
        guard after < context.scalars.count else { return false }
        let next = context.scalars[after]
        return next == "," || next == "—" || next == "–"
    }

    /// Whether sentence-ending or clause-breaking punctuation stands between two offsets.
    func containsStop(_ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        for index in start..<end {
            switch context.scalars[index] {
            case ".", ";", ":", "\n", "\"", "“", "”", "(": return true
            default: continue
            }
        }
        return false
    }

    /// The spans of up to `max` words from `start` to `end`.
    func wordSpans(from start: Int, to end: Int, max: Int) -> [TextSpan] { context.wordSpans(from: start, to: end, max: max) }

    /// The speaker ending right before a verb (adverbs and auxiliaries may come between), or a subject
    /// pronoun there resolved to the last person before it.
    func subject(endingBefore verb: TextSpan, from start: Int, words: [TextSpan], quotes: [Quotation]) -> Entity? {
        var end = verb.start
        var position = words.count - 1
        while position >= 0, isAdverb(words[position]) {
            end = words[position].start
            position -= 1
        }
        guard position >= 0 else { return nil }
        let word = context.text(of: words[position]).lowercased()
        if word == "he" || word == "she" {
            return antecedent(before: words[position].start, quotes: quotes)
        }
        let candidates = context.entities.filter {
            $0.span.start >= start && $0.span.end <= end && SpeechRules.canSpeak($0.type, $0.form) && context.isSpaces($0.span.end, end)
        }
        return candidates.last
    }

    /// The speaker right after an inverted verb: the last person of the noun phrase after it
    /// ("said Trump campaign manager Kellyanne Conway"), else its first speaker-capable mention; "said he".
    func inverted(after verb: TextSpan, limit: Int, quotes: [Quotation]) -> Entity? {
        let words = wordSpans(from: verb.end, to: min(limit, verb.end + 120), max: 8)
        if let first = words.first, ["he", "she"].contains(context.text(of: first).lowercased()) {
            return antecedent(before: first.start, quotes: quotes)
        }
        var phrase: [Entity] = []
        var cursor = verb.end
        for entity in context.entities where entity.span.start >= verb.end && entity.span.end <= limit {
            guard let between = context.words(cursor, entity.span.start, atMost: 4), !containsBreak(cursor, entity.span.start),
                !between.contains(where: { Self.prepositions.contains($0) })
            else { break }
            phrase.append(entity)
            cursor = entity.span.end
        }
        return phrase.last(where: { $0.type == .person }) ?? phrase.first(where: { SpeechRules.canSpeak($0.type, $0.form) })
    }

    /// Whether a comma or stop stands between two offsets; the stop of a short capitalised
    /// abbreviation ("Rep.", "Sen.", "Dr.") is not one.
    func containsBreak(_ start: Int, _ end: Int) -> Bool {
        if context.containsComma(start, end) { return true }
        guard start < end else { return false }
        for index in start..<end {
            switch context.scalars[index] {
            case ".":
                if !isAbbreviationStop(index) { return true }
            case ";", ":", "\n", "\"", "“", "”", "(": return true
            default: continue
            }
        }
        return false
    }

    /// Whether the stop at `index` ends a capitalised word of at most four letters ("Rep", "Gen", "Dr").
    func isAbbreviationStop(_ index: Int) -> Bool {
        var start = index
        while start > 0, context.scalars[start - 1].properties.isAlphabetic { start -= 1 }
        let length = index - start
        return length >= 1 && length <= 4 && context.scalars[start].properties.isUppercase
    }

    /// The person a subject pronoun ("he", "she") at `offset` stands for.
    func antecedent(before offset: Int, quotes: [Quotation]) -> Entity? {
        let word = wordSpans(from: offset, to: min(offset + 4, context.scalars.count), max: 1).first.map { context.text(of: $0) } ?? ""
        return PronounResolver(context: context, quotes: quotes).antecedent(before: offset, female: PronounResolver.isFemale(word),
                                                                            reach: Self.pronounReach)
    }

    /// A statement without surrounding spaces and its final comma or stop.
    func trimmed(_ span: TextSpan) -> TextSpan? {
        var start = span.start
        var end = span.end
        while end > start, SpeechRules.isQuoteTrailer(context.scalars[end - 1]) || context.scalars[end - 1] == "\n" { end -= 1 }
        while start < end, context.scalars[start] == " " { start += 1 }
        return start < end ? TextSpan(start: start, end: end) : nil
    }

    /// Whether a verb stands between two offsets (for a quote split by its attribution).
    func hasVerb(from start: Int, to end: Int) -> Bool {
        wordSpans(from: start, to: end, max: 9).contains { isVerb($0) }
    }

    /// Whether the word at `span` is one of `verbs` (lower-cased).
    func isVerb(_ span: TextSpan) -> Bool { context.isWord(span, in: Self.verbTable) }

    /// Whether the word at `span` is one of `adverbs` (lower-cased).
    func isAdverb(_ span: TextSpan) -> Bool { context.isWord(span, in: Self.adverbTable) }
}
