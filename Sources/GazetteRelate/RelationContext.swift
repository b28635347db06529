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
    /// The text's UTF-8 bytes (tokens give their offsets in them).
    let utf8: [UInt8]
    /// The text's scalars: its bytes when they are all ASCII, else decoded.
    let scalars: ScalarText
    let entities: [Entity]
    /// How often each country (by kb) is mentioned, and the countries of the title paragraph, counted when first asked for.
    lazy var countryMentions: (counts: [String: Int], inTitle: Set<String>) = {
        var counts: [String: Int] = [:]
        var inTitle: Set<String> = []
        // The title paragraph ends at the first line break.
        let firstBreak = scalars.firstLineBreak(from: 0, limit: scalars.count)
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
    lazy var quotations: [Quotation] = QuotationScanner.quotations(in: scalars)
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
        utf8 = Array(document.text.utf8)
        scalars = utf8.withUnsafeBufferPointer { ASCIIBytes.isASCII($0) }
            ? ScalarText(ascii: utf8) : ScalarText(decoded: Self.scalars(of: document.text))
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

    /// `Array(text.unicodeScalars)`, decoded from the UTF-8 in one counting pass and one decoding
    /// pass, eight bytes at a time while they are ASCII.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return [] }
            let highBits: UInt64 = 0x8080_8080_8080_8080
            // Scalars are the bytes that are not continuation bytes (10xxxxxx).
            var count = utf8.count
            var index = 0
            while index + 8 <= utf8.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                count -= (word & ~(word << 1) & highBits).nonzeroBitCount
                index += 8
            }
            while index < utf8.count {
                if utf8[index] & 0xC0 == 0x80 { count -= 1 }
                index += 1
            }
            return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                // A String's UTF-8 is valid: every lead byte has its continuation bytes.
                var index = 0
                var decoded = 0
                while index < utf8.count {
                    if index + 8 <= utf8.count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & highBits == 0 {
                        for offset in 0..<8 { buffer[decoded + offset] = Unicode.Scalar(utf8[index + offset]) }
                        index += 8
                        decoded += 8
                        continue
                    }
                    let lead = UInt32(utf8[index])
                    var value: UInt32
                    if lead < 0x80 {
                        value = lead
                        index += 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                        index += 3
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
                            | UInt32(utf8[index + 3] & 0x3F)
                        index += 4
                    }
                    buffer[decoded] = Unicode.Scalar(value)!
                    decoded += 1
                }
                initialized = decoded
            }
        }
    }

    /// The indices in `entities` of the mentions in a sentence, in document order.
    func entityIndices(inSentence sentence: Int) -> SentenceMentions {
        guard sentence >= 0, sentence + 1 < mentionStarts.count else { return SentenceMentions(startIndex: 0, endIndex: 0, order: nil) }
        return SentenceMentions(startIndex: mentionStarts[sentence], endIndex: mentionStarts[sentence + 1], order: mentionOrder)
    }

    /// The text between two scalar offsets.
    func text(_ start: Int, _ end: Int) -> String {
        guard start < end, start >= 0, end <= scalars.count else { return "" }
        if scalars.isASCII { return String(decoding: utf8[start..<end], as: UTF8.self) }
        if let ascii = asciiText(start, end) { return ascii }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[start..<end])
        return result
    }

    func text(of span: TextSpan) -> String { text(span.start, span.end) }

    /// The text of a valid range of ASCII scalars, copied byte by byte; `nil` when the range holds other scalars.
    private func asciiText(_ start: Int, _ end: Int) -> String? {
        for index in start..<end where scalars[index].value >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) { buffer[offset] = UInt8(truncatingIfNeeded: scalars[start + offset].value) }
            return end - start
        }
    }

    /// How many words stand between two offsets (runs of letters), without building strings; counting
    /// stops at `limit` (the result is `min(count, limit)`), so that a test such as `count <= 6` reads
    /// no further than the seventh word.
    func wordCount(_ start: Int, _ end: Int, limit: Int = .max) -> Int {
        guard start < end, start >= 0, end <= scalars.count, limit > 0 else { return 0 }
        if scalars.isASCII { return asciiWordCount(start, end, limit: limit) }
        // The same words as `words(_:)`: runs of letters, hyphens and apostrophes holding a letter.
        var counter = WordRunCounter(limit: limit)
        for index in start..<end {
            let scalar = scalars[index]
            let letter = scalar.value < 0x80 ? ASCII.isLetter(scalar.value) : Character(scalar).isLetter
            if counter.take(letter: letter, joiner: scalar == "-" || scalar == "'" || scalar == "’") { return limit }
        }
        return counter.total
    }

    /// `wordCount(start, end, limit:)` of a valid range of an ASCII text, on its bytes.
    private func asciiWordCount(_ start: Int, _ end: Int, limit: Int) -> Int {
        utf8.withUnsafeBufferPointer { bytes in
            var counter = WordRunCounter(limit: limit)
            for index in start..<end {
                let value = UInt32(bytes[index])
                if counter.take(letter: ASCII.isLetter(value), joiner: value == 0x2D || value == 0x27) { return limit }
            }
            return counter.total
        }
    }

    /// Counts words, runs of letters and joiners (hyphens, apostrophes) that hold a letter, up to a limit.
    private struct WordRunCounter {
        let limit: Int
        var count = 0
        var run = false
        var runHasLetter = false

        /// Takes the class of the next scalar; true once `limit` words are counted.
        @inline(__always)
        mutating func take(letter: Bool, joiner: Bool) -> Bool {
            if letter || joiner {
                run = true
                if letter { runHasLetter = true }
                return false
            }
            if run && runHasLetter {
                count += 1
                if count == limit { return true }
            }
            run = false
            runHasLetter = false
            return false
        }

        /// The words counted, with one that runs to the end.
        var total: Int { run && runHasLetter ? count + 1 : count }
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

    /// `words(start, end)` when there are at most `limit` words, else nil; in ASCII text the words are
    /// counted first and not built when there are more (a gap between two mentions may be long).
    func words(_ start: Int, _ end: Int, atMost limit: Int) -> [String]? {
        if scalars.isASCII, wordCount(start, end, limit: limit + 1) > limit { return nil }
        let words = words(start, end)
        return words.count <= limit ? words : nil
    }

    /// `words(start, end).last`, without building strings for the other words of ASCII text.
    func lastWord(_ start: Int, _ end: Int) -> String? {
        var last: Range<Int>?
        if forEachASCIIWord(start, end, { last = $0..<$1 }) { return last.map { lowercasedASCII($0.lowerBound, $0.upperBound) } }
        return Self.words(text(start, end)).last
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
            if !found, set.contains(length: wordEnd - wordStart, byte: { lowercasedASCII(at: wordStart + $0) }) { found = true }
        }
        if ascii { return (count, found) }
        let words = Self.words(text(start, end))
        return (words.count, words.contains { fallback.contains($0) })
    }

    /// The ASCII scalars from `start` to `end`, lower-cased, as a string.
    func lowercasedASCII(_ start: Int, _ end: Int) -> String {
        String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) { buffer[offset] = lowercasedASCII(at: start + offset) }
            return end - start
        }
    }

    /// The lower-cased byte of the ASCII scalar at `index`.
    @inline(__always)
    func lowercasedASCII(at index: Int) -> UInt8 { ASCII.lowercased(UInt8(truncatingIfNeeded: scalars[index].value)) }

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

/// The scalars of a document's text by offset: read from its UTF-8 bytes when they are all ASCII
/// (one byte per scalar), else from an array of decoded scalars.
struct ScalarText: RandomAccessCollection {
    /// Whether every scalar is ASCII (and `bytes` holds them).
    let isASCII: Bool
    private let bytes: [UInt8]
    private let decoded: [Unicode.Scalar]

    /// The scalars of ASCII bytes.
    init(ascii bytes: [UInt8]) {
        isASCII = true
        self.bytes = bytes
        decoded = []
    }

    /// Decoded scalars.
    init(decoded: [Unicode.Scalar]) {
        isASCII = false
        bytes = []
        self.decoded = decoded
    }

    var startIndex: Int { 0 }
    var endIndex: Int { isASCII ? bytes.count : decoded.count }

    @inline(__always)
    subscript(position: Int) -> Unicode.Scalar {
        isASCII ? Unicode.Scalar(bytes[position]) : decoded[position]
    }

    /// The offset of the first line break in `start..<limit`, else `limit` (or `start` when it is past `limit`);
    /// `limit` is at most `count`. Reads the bytes or scalars directly, without a test per scalar of which they are.
    func firstLineBreak(from start: Int, limit: Int) -> Int {
        guard start < limit else { return start }
        // `start..<limit` lies inside the text (`limit` is at most `count`).
        if isASCII { return bytes.withUnsafeBufferPointer { ASCIIBytes.firstOffset(of: 0x0A, in: $0, from: start, to: limit) } }
        var index = start
        while index < limit, decoded[index] != "\n" { index += 1 }
        return index
    }

    /// Whether the text may hold the scalar `byte` (an ASCII value): false only for ASCII text without
    /// that byte, found eight bytes at a time; decoded text always may.
    func mayContain(ascii byte: UInt8) -> Bool {
        guard isASCII else { return true }
        var found = false
        withASCIIBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            let ones: UInt64 = 0x0101_0101_0101_0101
            let pattern = ones &* UInt64(byte)
            var offset = 0
            while offset + 8 <= bytes.count {
                // Safe: the eight bytes read, offset..<offset + 8, lie inside the buffer.
                let x = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) ^ pattern
                if (x &- ones) & ~x & 0x8080_8080_8080_8080 != 0 {
                    found = true
                    return
                }
                offset += 8
            }
            found = bytes[offset...].contains(byte)
        }
        return found
    }

    /// Calls `body` with the bytes of ASCII text (empty for decoded text).
    func withASCIIBytes(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer(body)
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
