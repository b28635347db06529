import GazetteCore
import GazetteGazetteer

/// A document seen by the relation rules: its text as scalars, entities, tokens and the gazetteer.
struct RelationContext {
    let document: Document
    let gazetteer: Gazetteer
    let asOf: String
    let scalars: [Unicode.Scalar]
    let entities: [Entity]
    /// `entities` indices grouped by sentence, each group in document order: sentence `s` holds
    /// `entityIndices[entityGroupStarts[s]..<entityGroupStarts[s + 1]]`.
    private let entityIndices: [Int]
    private let entityGroupStarts: [Int]

    init(document: Document, gazetteer: Gazetteer, asOf: String) {
        self.document = document
        self.gazetteer = gazetteer
        self.asOf = asOf
        scalars = Array(document.text.unicodeScalars)
        entities = document.entities
        // A counting sort by sentence keeps each sentence's entities in their original order.
        let sentenceCount = document.sentences.count
        var starts = Array(repeating: 0, count: sentenceCount + 1)
        for entity in entities where entity.sentence >= 0 && entity.sentence < sentenceCount { starts[entity.sentence + 1] += 1 }
        for sentence in 0..<sentenceCount { starts[sentence + 1] += starts[sentence] }
        var next = starts
        var indices = Array(repeating: 0, count: starts[sentenceCount])
        for (index, entity) in entities.enumerated() where entity.sentence >= 0 && entity.sentence < sentenceCount {
            indices[next[entity.sentence]] = index
            next[entity.sentence] += 1
        }
        entityIndices = indices
        entityGroupStarts = starts
    }

    /// The indices in `entities` of the mentions in a sentence, in document order.
    func entityIndices(inSentence sentence: Int) -> ArraySlice<Int> {
        guard sentence >= 0, sentence + 1 < entityGroupStarts.count else { return [] }
        return entityIndices[entityGroupStarts[sentence]..<entityGroupStarts[sentence + 1]]
    }

    /// The text between two scalar offsets.
    func text(_ start: Int, _ end: Int) -> String {
        guard start < end, start >= 0, end <= scalars.count else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[start..<end])
        return result
    }

    func text(of span: TextSpan) -> String { text(span.start, span.end) }

    /// How many words stand between two offsets (runs of letters), without building strings.
    func wordCount(_ start: Int, _ end: Int) -> Int {
        guard start < end, start >= 0, end <= scalars.count else { return 0 }
        // The same words as `words(_:)`: runs of letters, hyphens and apostrophes holding a letter.
        var count = 0
        var run = false
        var runHasLetter = false
        for index in start..<end {
            let scalar = scalars[index]
            let letter = scalar.value < 0x80 ? ASCII.isLetter(scalar.value) : Character(scalar).isLetter
            if letter || scalar == "-" || scalar == "'" || scalar == "’" {
                run = true
                if letter { runHasLetter = true }
            } else {
                if run && runHasLetter { count += 1 }
                run = false
                runHasLetter = false
            }
        }
        if run && runHasLetter { count += 1 }
        return count
    }

    /// Calls `body` with the range of each word between two offsets (as `words(_:)` splits them)
    /// while they hold only ASCII scalars. Returns false at the first other scalar, having called
    /// `body` for the words before it: the caller then starts over with `words(_:)`.
    @inline(__always)
    func forEachASCIIWord(_ start: Int, _ end: Int, _ body: (_ start: Int, _ end: Int) -> Void) -> Bool {
        guard start < end, start >= 0, end <= scalars.count else { return true }
        var runStart = -1
        var runHasLetter = false
        for index in start...end {
            let value = index < end ? scalars[index].value : 0x20
            if value >= 0x80 { return false }
            let letter = ASCII.isLetter(value)
            if letter || value == 0x2D || value == 0x27 {
                if runStart < 0 { runStart = index }
                if letter { runHasLetter = true }
            } else if runStart >= 0 {
                if runHasLetter { body(runStart, index) }
                runStart = -1
                runHasLetter = false
            }
        }
        return true
    }

    /// `RelationContext.words(text(start, end))`: the lower-cased words between two offsets. ASCII text
    /// is split scalar by scalar; text with other scalars goes through `words(_:)` (graphemes, full
    /// Unicode case mapping).
    func words(_ start: Int, _ end: Int) -> [String] {
        var result: [String] = []
        if forEachASCIIWord(start, end, { result.append(lowercasedASCII($0, $1)) }) { return result }
        return Self.words(text(start, end))
    }

    /// `words(start, end).count`, without building strings for ASCII text. (Not always `wordCount`:
    /// that one splits at combining marks, this one keeps graphemes whole.)
    func splitWordCount(_ start: Int, _ end: Int) -> Int {
        var count = 0
        if forEachASCIIWord(start, end, { _, _ in count += 1 }) { return count }
        return Self.words(text(start, end)).count
    }

    /// `words(start, end).count`, and whether one of the words is in `set` (`fallback` holds the same
    /// words), without building strings for ASCII text.
    func wordCount(_ start: Int, _ end: Int, containing set: ShortWordTable<Bool>, fallback: Set<String>) -> (count: Int, contains: Bool) {
        var count = 0
        var found = false
        let ascii = forEachASCIIWord(start, end) { wordStart, wordEnd in
            count += 1
            if !found, let key: ShortWordTable<Bool>.Key = asciiKey(wordStart, wordEnd), set.contains(key) { found = true }
        }
        if ascii { return (count, found) }
        let words = Self.words(text(start, end))
        return (words.count, words.contains { fallback.contains($0) })
    }

    /// The ASCII scalars from `start` to `end`, lower-cased, as a string.
    func lowercasedASCII(_ start: Int, _ end: Int) -> String {
        String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) { buffer[offset] = ASCII.lowercased(UInt8(truncatingIfNeeded: scalars[start + offset].value)) }
            return end - start
        }
    }

    /// The ASCII scalars from `start` to `end`, lower-cased and packed for a `ShortWordTable`; `nil` when
    /// the range is too long or holds other scalars.
    @inline(__always)
    func asciiKey<Value>(_ start: Int, _ end: Int) -> ShortWordTable<Value>.Key? {
        guard end - start <= ShortWordTable<Value>.maxLength else { return nil }
        for index in start..<end where scalars[index].value >= 0x80 { return nil }
        return ShortWordTable<Value>.Key(length: end - start) { ASCII.lowercased(UInt8(truncatingIfNeeded: scalars[start + $0].value)) }
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

    /// Whether the last non-space scalar before `offset` (not before `limit`) is `scalar`.
    func lastNonSpace(before offset: Int, limit: Int, is scalar: Unicode.Scalar) -> Bool {
        var index = offset - 1
        while index >= limit, scalars[index].properties.isWhitespace { index -= 1 }
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

    /// The words of a text, lower-cased, without punctuation.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" && $0 != "’" })
            .filter { $0.contains { $0.isLetter } }.map(String.init)
    }

    /// The role entry of a ROLE mention.
    func role(of entity: Entity) -> Role? { entity.kb.flatMap { gazetteer.role($0) } }

    /// The mention of an entity closest to a person: in the same sentence first, then the nearest
    /// before it, then the first after it; names before demonyms.
    func bestMention(of kb: String, near person: Entity) -> Entity? {
        let mentions = entities.filter { $0.kb == kb || $0.refersTo == kb }
        let named = mentions.filter { $0.form == .name }
        for pool in [named, mentions] {
            if let same = pool.first(where: { $0.sentence == person.sentence }) { return same }
            if let before = pool.last(where: { $0.span.end <= person.span.start }) { return before }
            if let after = pool.first { return after }
        }
        return nil
    }

    /// The span of a sentence.
    func sentence(_ index: Int) -> TextSpan? {
        index < document.sentences.count ? document.sentences[index] : nil
    }
}
