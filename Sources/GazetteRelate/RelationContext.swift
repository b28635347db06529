import GazetteBytes
import GazetteCore
import GazetteGazetteer

/// A document seen by the relation rules: its text as scalars, entities, tokens and the gazetteer.
/// A class, so that the rules share one context without copying (and retaining) its fields.
final class RelationContext {
    /// The document's sentences and tokens (the document itself is not kept: a copy retains every field).
    let sentences: [TextSpan]
    let tokens: [Token]
    let gazetteer: Gazetteer
    let asOf: String
    /// Whether `asOf` is the article's own date; when it is not, offices of any time count (`offices(of:role:)`).
    let dated: Bool
    /// The document's text: bytes, scalars and words, read the same way for ASCII and other text.
    let documentText: DocumentText
    /// The text's UTF-8 bytes (tokens give their offsets in them).
    let utf8: [UInt8]
    /// The text's scalars by offset.
    let scalars: DocumentText.Scalars
    let entities: [Entity]
    /// How often each country (by kb) is mentioned, and the countries of the title paragraph, counted when first asked for.
    lazy var countryMentions: (counts: [String: Int], inTitle: Set<String>) = {
        var counts: [String: Int] = [:]
        var inTitle: Set<String> = []
        // The title paragraph ends at the first line break.
        let firstBreak = documentText.firstLineBreak(from: 0, limit: scalars.count)
        // By index: the mentions are not copied, only their kb read.
        for index in entities.indices where entities[index].type == .country {
            guard let kb = entities[index].kb else { continue }
            counts[kb, default: 0] += 1
            if entities[index].span.end <= firstBreak { inTitle.insert(kb) }
        }
        return (counts, inTitle)
    }()
    /// The countries of `countryMentions` (by kb) with their counts, the most mentioned first (ties by kb),
    /// ranked when first asked for.
    lazy var countryRanking: [(key: String, value: Int)] = countryMentions.counts.sorted {
        $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }
    /// The document's direct quotations, found when first asked for.
    lazy var quotations: [Quotation] = QuotationScanner.quotations(in: documentText)
    /// Where each sentence's mentions start: sentence `s` holds positions `mentionStarts[s]..<mentionStarts[s + 1]`,
    /// indices in `entities` themselves when the mentions come in sentence order, else of `mentionOrder`.
    private let mentionStarts: [Int]
    /// `entities` indices grouped by sentence, each group in document order; nil when the mentions
    /// come in sentence order (each sentence's mentions one run of `entities`).
    private let mentionOrder: [Int]?

    init(document: Document, gazetteer: Gazetteer, asOf: String, dated: Bool = true) {
        sentences = document.sentences
        tokens = document.tokens
        self.gazetteer = gazetteer
        self.asOf = asOf
        self.dated = dated
        documentText = document.readText()
        utf8 = documentText.utf8
        scalars = documentText.scalars
        entities = document.entities
        (mentionStarts, mentionOrder) = Self.groupBySentence(entities, sentenceCount: document.sentences.count)
    }

    /// Where each sentence's mentions start and, unless the mentions come in sentence order (the
    /// usual case: each sentence's mentions are then one run of `entities`), the mention indices
    /// grouped by a counting sort that keeps each sentence's mentions in document order. Mentions
    /// without a valid sentence belong to none.
    static func groupBySentence(_ entities: [Entity], sentenceCount: Int, general: Bool = false) -> (starts: [Int], order: [Int]?) {
        var starts = Array(repeating: entities.count, count: sentenceCount + 1)
        if !general {
            // Sentence `s` starts at the first mention of a sentence from `s` on.
            var next = 0
            var previous = Int.min
            var ordered = true
            for index in entities.indices {
                let sentence = entities[index].sentence
                if sentence < previous {
                    ordered = false
                    break
                }
                previous = sentence
                while next <= sentenceCount, next <= sentence {
                    starts[next] = index
                    next += 1
                }
            }
            if ordered { return (starts, nil) }
            for sentence in 0...sentenceCount { starts[sentence] = 0 }
        } else {
            for sentence in 0...sentenceCount { starts[sentence] = 0 }
        }
        // A counting sort by sentence keeps each sentence's entities in their original order.
        for index in entities.indices where entities[index].sentence >= 0 && entities[index].sentence < sentenceCount {
            starts[entities[index].sentence + 1] += 1
        }
        for sentence in 0..<sentenceCount { starts[sentence + 1] += starts[sentence] }
        var next = starts
        var indices = Array(repeating: 0, count: starts[sentenceCount])
        for index in entities.indices where entities[index].sentence >= 0 && entities[index].sentence < sentenceCount {
            let sentence = entities[index].sentence
            indices[next[sentence]] = index
            next[sentence] += 1
        }
        return (starts, indices)
    }

    /// The indices in `entities` of the mentions in a sentence, in document order.
    func entityIndices(inSentence sentence: Int) -> SentenceMentions {
        guard sentence >= 0, sentence + 1 < mentionStarts.count else { return SentenceMentions(startIndex: 0, endIndex: 0, order: nil) }
        return SentenceMentions(startIndex: mentionStarts[sentence], endIndex: mentionStarts[sentence + 1], order: mentionOrder)
    }

    /// The text between two scalar offsets.
    func text(_ start: Int, _ end: Int) -> String { documentText.string(start, end) }

    func text(of span: TextSpan) -> String { text(span.start, span.end) }

    /// How many words stand between two offsets (runs of letters, hyphens and apostrophes holding a
    /// letter, scalar by scalar), without building strings; counting stops at `limit` (the result is
    /// `min(count, limit)`), so that a test such as `count <= 6` reads no further than the seventh word.
    func wordCount(_ start: Int, _ end: Int, limit: Int = .max) -> Int {
        documentText.scalarWordCount(start, end, limit: limit)
    }

    /// `RelationContext.words(text(start, end))`: the lower-cased words between two offsets.
    func words(_ start: Int, _ end: Int) -> [String] {
        var result: [String] = []
        documentText.forEachWord(start, end) { result.append(documentText.string(of: $0)) }
        return result
    }

    /// `words(start, end)` when there are at most `limit` words, else nil; the words are counted
    /// first (no further than one past `limit`) and not built when there are more (a gap between two
    /// mentions may be long).
    func words(_ start: Int, _ end: Int, atMost limit: Int) -> [String]? {
        if splitWordCount(start, end, limit: limit + 1) > limit { return nil }
        return words(start, end)
    }

    /// `words(start, end).last`, without building strings for the other words.
    func lastWord(_ start: Int, _ end: Int) -> String? {
        var last: DocumentText.LowercasedWord?
        documentText.forEachWord(start, end) { last = $0 }
        return last.map { documentText.string(of: $0) }
    }

    /// `words(start, end).count`, without building strings. (Not always `wordCount`: that one splits
    /// at combining marks, this one keeps graphemes whole.) Counting stops at `limit`.
    func splitWordCount(_ start: Int, _ end: Int, limit: Int = .max) -> Int {
        var count = 0
        documentText.forEachWord(start, end, limit: limit) { _ in count += 1 }
        return count
    }

    /// `words(start, end).count`, and whether one of the words is in `set`, without building strings.
    func wordCount(_ start: Int, _ end: Int, containing set: ShortWordTable<Bool>) -> (count: Int, contains: Bool) {
        var count = 0
        var found = false
        documentText.forEachWord(start, end) { word in
            count += 1
            if !found, set.contains(word, in: documentText) { found = true }
        }
        return (count, found)
    }

    /// `text(start, end).allSatisfy { $0 == " " }`: every scalar is a space (true for an empty or invalid range).
    func isSpaces(_ start: Int, _ end: Int) -> Bool {
        guard start < end, start >= 0, end <= scalars.count else { return true }
        for index in start..<end where scalars[index] != " " { return false }
        return true
    }

    /// `text(start, end).trimmingSpaces` begins with a comma (`exactly`: is a comma and nothing else).
    func isComma(_ start: Int, _ end: Int, exactly: Bool) -> Bool {
        guard start < end, start >= 0, end <= scalars.count else { return false }
        var first = start
        var last = end
        while first < last, ASCII.isWhitespace(scalars[first].value) { first += 1 }
        while last > first, ASCII.isWhitespace(scalars[last - 1].value) { last -= 1 }
        // Other scalars may be spaces or join the comma into one grapheme: ask `String`.
        if first < last, scalars[first].value >= 0x80 || (first + 1 < end && scalars[first + 1].value >= 0x80) || (exactly && last - first > 1) {
            let trimmed = text(start, end).trimmingSpaces
            return exactly ? trimmed == "," : trimmed.hasPrefix(",")
        }
        return first < last && scalars[first] == "," && (!exactly || last - first == 1)
    }

    /// `text(start, end).contains(",")`.
    func containsComma(_ start: Int, _ end: Int) -> Bool {
        guard start < end, start >= 0, end <= scalars.count else { return false }
        var comma = false
        for index in start..<end {
            let value = scalars[index].value
            if value >= 0x80 { return text(start, end).contains(",") }
            if value == 0x2C { comma = true }
        }
        return comma
    }

    /// Whether the scalar at `index` has the Unicode White_Space property.
    @inline(__always)
    func isWhitespace(at index: Int) -> Bool {
        let value = scalars[index].value
        return value < 0x80 ? ASCII.isWhitespace(value) : scalars[index].properties.isWhitespace
    }

    /// Whether the last non-space scalar before `offset` (not before `limit`) is `scalar`.
    func lastNonSpace(before offset: Int, limit: Int, is scalar: Unicode.Scalar) -> Bool {
        var index = offset - 1
        while index >= limit, isWhitespace(at: index) { index -= 1 }
        return index >= limit && scalars[index] == scalar
    }

    /// Where a marker first occurs between two offsets.
    func firstOccurrence(of marker: [Unicode.Scalar], from start: Int, to end: Int) -> Int? {
        guard !marker.isEmpty, end - start >= marker.count else { return nil }
        var index = start
        while index + marker.count <= end {
            if scalars[index] == marker[0] {
                var matched = true
                for offset in 1..<marker.count where scalars[index + offset] != marker[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// The words of a text, lower-cased, without punctuation (`DocumentText.words(_:)`).
    static func words(_ text: String) -> [String] { DocumentText.words(text) }

    /// The role entry of a ROLE mention.
    func role(of entity: Entity) -> Role? { entity.kb.flatMap { gazetteer.role($0) } }

    /// The mention of an entity closest to a person: in the same sentence first, then the nearest
    /// before it, then the first after it; names before demonyms.
    func bestMention(of kb: String, near person: Entity) -> Entity? {
        // A metonym ("the White House" for the United States) is no mention of the country as a place.
        // Indices in `entities`: the mentions are read in place and only the one chosen is copied.
        let entities = entities
        let mentions = entities.indices.filter { entities[$0].kb == kb || (entities[$0].refersTo == kb && entities[$0].type == .country) }
        let named = mentions.filter { entities[$0].form == .name }
        for pool in [named, mentions] {
            if let same = pool.first(where: { entities[$0].sentence == person.sentence }) { return entities[same] }
            if let before = pool.last(where: { entities[$0].span.end <= person.span.start }) { return entities[before] }
            if let after = pool.first { return entities[after] }
        }
        return nil
    }

    /// The span of a sentence.
    func sentence(_ index: Int) -> TextSpan? {
        index < sentences.count ? sentences[index] : nil
    }
}

/// The indices in `RelationContext.entities` of one sentence's mentions, in document order: the
/// positions themselves, or the values of `order` at them.
struct SentenceMentions: RandomAccessCollection {
    let startIndex: Int
    let endIndex: Int
    let order: [Int]?

    subscript(position: Int) -> Int { order?[position] ?? position }
}

extension RelationContext {
    /// The offices a person's title refers to, and whether the person ever held any office that passes
    /// `filter`. A dated article: the offices held on its date. An undated one (an encyclopedia entry, an
    /// archive without dates): every office the person held, when all of them were of one country or
    /// organisation; none when they were of several, since the title alone cannot choose.
    func offices(of person: String, where filter: (Office) -> Bool) -> (referred: [Office], ever: Bool) {
        if dated { return (gazetteer.offices(of: person, on: asOf).filter(filter), everHeld(person, where: filter)) }
        let ever = gazetteer.offices(of: person).filter(filter)
        let places = Set(ever.map(\.of))
        return (places.count == 1 ? ever : [], !ever.isEmpty)
    }

    /// Whether the person ever held an office that passes `filter`: `offices(of:where:).ever` alone.
    func everHeld(_ person: String, where filter: (Office) -> Bool) -> Bool {
        gazetteer.offices(of: person).contains(where: filter)
    }
}
