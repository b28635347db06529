import GazetteBytes
import GazetteCore
import GazetteICU

/// Why segmentation failed.
public struct SegmentError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    init(_ error: ICUError) { message = error.description }
}

/// Splits a document's text into tokens and sentences with ICU, keeping scalar offsets.
///
/// Holds ICU break iterators, which are costly to open: make one per worker and
/// reuse it. Not safe to share between threads.
public final class Segmenter {
    private let words: BreakIterator
    private var sentenceIterators: [String: BreakIterator] = [:]

    /// Opens the ICU iterators.
    public init() throws(SegmentError) {
        do {
            words = try BreakIterator(kind: .word, locale: "en")
        } catch {
            throw SegmentError(error)
        }
    }

    /// The ICU locale for sentence breaking: English uses CLDR's abbreviation suppressions.
    static func sentenceLocale(for language: String?) -> String {
        switch language {
        case "en", nil: return "en@ss=standard"
        case let other?: return other
        }
    }

    private func sentenceIterator(for language: String?) throws(SegmentError) -> BreakIterator {
        let locale = Self.sentenceLocale(for: language)
        if let iterator = sentenceIterators[locale] { return iterator }
        do {
            let iterator = try BreakIterator(kind: .sentence, locale: locale)
            sentenceIterators[locale] = iterator
            return iterator
        } catch {
            throw SegmentError(error)
        }
    }

    /// Fills `sentences` and `tokens` of the document.
    ///
    /// Tokens come from one pass of ICU's word break. Sentence boundaries can only follow
    /// terminal punctuation or a line break, so ICU's sentence iterator is asked only there
    /// (`isBoundary`), then boundaries after known abbreviations are removed.
    public func segment(_ document: inout Document) throws(SegmentError) {
        let sentenceBreaker = try sentenceIterator(for: document.language)
        let abbreviations = Abbreviations.forLanguage(document.language)
        var text = document.text
        var failure: SegmentError?
        var sentences: [TextSpan] = []
        var tokens: [Token] = []
        text.withUTF8 { utf8 in
            do throws(ICUError) {
                var splitter = SentenceSplitter(breaker: sentenceBreaker, abbreviations: abbreviations,
                                                expectedSentences: SentenceSplitter.expectedSentences(bytes: utf8.count))
                defer { splitter.detach() }
                tokens = try Self.tokens(utf8, words: words, splitter: &splitter)
                sentences = splitter.finish(tokens)
            } catch {
                failure = SegmentError(error)
            }
        }
        if let failure { throw failure }
        document.sentences = sentences
        document.tokens = tokens
        // The text is final here: the later stages read it through this one model.
        document.textModel = DocumentText(document.text)
    }

    /// What can end a sentence before a token.
    enum Terminal { case none, period, exclamation, icu }

    /// Whether token `index` starts a new sentence, given where the current one started.
    ///
    /// A line break always ends a sentence. After ASCII terminal punctuation the rules of
    /// UAX #29 are applied on the tokens (a period before a lower-case word, a comma or more
    /// punctuation does not end a sentence), then known abbreviations are joined. Unlike UAX #29,
    /// "!" and "?" before a lower-case word do not end it either, as in news quotes:
    /// `"Why?" he asked.` After non-ASCII punctuation ("。", "؟", "।") ICU's sentence iterator decides.
    static func startsSentence(
        _ index: Int, _ tokens: [Token], _ utf8: UnsafeBufferPointer<UInt8>,
        breaker: (UnsafeBufferPointer<UInt8>) -> BreakIterator?, abbreviations: Abbreviations, currentStart: Int
    ) -> Bool {
        let previous = tokens[index - 1]
        let next = tokens[index]
        var gap = previous.utf8End
        while gap < next.utf8Start {
            if utf8[gap] == 0x0A || utf8[gap] == 0x0D { return true }
            gap += 1
        }
        guard previous.kind == .punctuation else { return false }
        switch terminal(before: index, tokens, utf8) {
        case .none:
            return false
        case .icu:
            return breaker(utf8)?.isBoundary(next.utf8Start) ?? false
        case .period, .exclamation:
            guard previous.utf8End < next.utf8Start, !continuesSentence(next, utf8), !startsLowercase(next, utf8) else {
                return false
            }
            return !shouldJoin(utf8, (tokens[currentStart].utf8Start, next.utf8Start), abbreviations)
        }
    }

    /// What ends just before token `index`: a period, "!" or "?", possibly followed by closing
    /// quotes or brackets; non-ASCII punctuation is left to ICU.
    static func terminal(before index: Int, _ tokens: [Token], _ utf8: UnsafeBufferPointer<UInt8>) -> Terminal {
        var position = index - 1
        // Closing quotes and brackets after the terminal mark: ."  .)  ?'  .”  .»
        while position > 0, tokens[position].kind == .punctuation {
            let token = tokens[position]
            let length = token.utf8End - token.utf8Start
            let first = utf8[token.utf8Start]
            let closing = (length == 1 && (first == 0x22 || first == 0x27 || first == 0x29 || first == 0x5D))
                || (length == 3 && first == 0xE2 && utf8[token.utf8Start + 1] == 0x80
                    && (utf8[token.utf8Start + 2] == 0x9D || utf8[token.utf8Start + 2] == 0x99))
                || (length == 2 && first == 0xC2 && utf8[token.utf8Start + 1] == 0xBB)
            guard closing else { break }
            position -= 1
        }
        guard position >= 0, tokens[position].kind == .punctuation else { return .none }
        switch utf8[tokens[position].utf8End - 1] {
        case UInt8(ascii: "."): return .period
        case UInt8(ascii: "!"), UInt8(ascii: "?"): return .exclamation
        case 0x80...: return .icu
        default: return .none
        }
    }

    /// A comma, colon, semicolon, dash or further terminal mark continues the sentence (UAX #29 SB8a).
    static func continuesSentence(_ token: Token, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.kind == .punctuation else { return false }
        switch utf8[token.utf8Start] {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "!"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    /// Whether a word starts with a lower-case letter (after a period it continues the sentence: UAX #29 SB8).
    static func startsLowercase(_ token: Token, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.kind == .word else { return false }
        let first = utf8[token.utf8Start]
        if first < 0x80 { return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) }
        return startsLowercaseScalar(token, utf8)
    }

    /// `startsLowercase` for a word that starts with a non-ASCII scalar. Kept out of line: inlined,
    /// its scalar properties cost every token a type-metadata call and a stack allocation.
    @inline(never)
    static func startsLowercaseScalar(_ token: Token, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let prefix = UnsafeBufferPointer(rebasing: utf8[token.utf8Start..<min(token.utf8End, token.utf8Start + 4)])
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.first?.properties.isLowercase ?? false
    }

    /// Tokens of a short text (a gazetteer form), without sentences.
    public func tokens(of text: String) throws(SegmentError) -> [Token] {
        var copy = text
        var result: [Token] = []
        var failure: SegmentError?
        copy.withUTF8 { utf8 in
            do throws(ICUError) {
                var splitter = SentenceSplitter(breaker: nil, abbreviations: Abbreviations(words: []))
                result = try Self.tokens(utf8, words: words, splitter: &splitter)
            } catch {
                failure = SegmentError(error)
            }
        }
        if let failure { throw failure }
        return result
    }

    static func tokens(
        _ utf8: UnsafeBufferPointer<UInt8>, words: BreakIterator, splitter: inout SentenceSplitter
    ) throws(ICUError) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(utf8.count / 5)
        var counter = ScalarCounter(utf8)
        try words.forEachWord(in: utf8, skippingASCIISpaces: true) { start, end, status in
            let kind: TokenKind
            switch status {
            case .letter, .kana: kind = .word
            case .number: kind = .number
            case .ideographic: kind = .ideographic
            case .none:
                if isWhitespace(utf8, start, end) { return }
                kind = .punctuation
            }
            let scalarStart = counter.scalar(at: start)
            let scalarEnd = counter.scalar(at: end)
            tokens.append(Token(span: TextSpan(start: scalarStart, end: scalarEnd), utf8Start: start, utf8End: end,
                                kind: kind, keyHash: KeyHash.ascii(in: utf8, from: start, to: end), sentence: 0))
            splitter.observe(&tokens, utf8)
        }
        return tokens
    }

    static func isWhitespace(_ utf8: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        if end - start == 1 {
            let byte = utf8[start]
            return ASCIIBytes.isSpace(byte)
        }
        for scalar in String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self).unicodeScalars
        where !scalar.properties.isWhitespace {
            return false
        }
        return true
    }

    /// Whether a sentence ending this way is really an abbreviation inside a sentence.
    static func shouldJoin(_ utf8: UnsafeBufferPointer<UInt8>, _ range: (start: Int, end: Int), _ abbreviations: Abbreviations) -> Bool {
        var end = range.end
        // (A line break in the gap never gets here: `startsSentence` has already ended the sentence.)
        while end > range.start && ASCIIBytes.isSpace(utf8[end - 1]) { end -= 1 }
        guard end > range.start, utf8[end - 1] == UInt8(ascii: ".") else { return false }
        var start = end - 1
        while start > range.start && !ASCIIBytes.isSpace(utf8[start - 1]) && utf8[start - 1] != UInt8(ascii: "(") { start -= 1 }
        return abbreviations.contains(UnsafeBufferPointer(rebasing: utf8[start..<end]))
    }
}

/// Converts increasing UTF-8 byte offsets to Unicode scalar offsets in one pass.
struct ScalarCounter {
    let utf8: UnsafeBufferPointer<UInt8>
    /// In ASCII text, scalar offsets are byte offsets.
    let ascii: Bool
    var byte = 0
    var scalar = 0

    init(_ utf8: UnsafeBufferPointer<UInt8>) {
        self.utf8 = utf8
        ascii = ByteScan.isASCII(utf8)
    }

    /// The scalar offset of a byte offset at or after the previous one asked for.
    @inline(__always)
    mutating func scalar(at offset: Int) -> Int {
        if ascii { return offset }
        if offset < byte {
            byte = 0
            scalar = 0
        }
        while byte < offset {
            // Every byte that is not a continuation byte starts a scalar.
            if utf8[byte] & 0xC0 != 0x80 { scalar += 1 }
            byte += 1
        }
        return scalar
    }
}

/// Assigns sentence numbers to tokens as the word breaker produces them, and collects the sentence spans.
struct SentenceSplitter {
    /// ICU's sentence iterator, given the text only when a non-ASCII terminal mark needs it.
    let breaker: BreakIterator?
    let abbreviations: Abbreviations
    private var attached = false
    private var current = 0
    private var currentStart = 0
    private var spans: [TextSpan] = []

    /// With `expectedSentences`, room for that many spans is made at once instead of growing
    /// the array sentence by sentence (one allocation per document instead of several).
    init(breaker: BreakIterator?, abbreviations: Abbreviations, expectedSentences: Int = 0) {
        self.breaker = breaker
        self.abbreviations = abbreviations
        if expectedSentences > 0 { spans.reserveCapacity(expectedSentences) }
    }

    /// A generous guess of the number of sentences in a text of `bytes` UTF-8 bytes
    /// (news sentences average well over 100 bytes).
    static func expectedSentences(bytes: Int) -> Int { bytes / 64 + 4 }

    /// Looks at the token just appended and numbers its sentence.
    @inline(__always)
    mutating func observe(_ tokens: inout [Token], _ utf8: UnsafeBufferPointer<UInt8>) {
        guard breaker != nil else { return }
        let index = tokens.count - 1
        guard index > 0 else { return }
        if Segmenter.startsSentence(index, tokens, utf8, breaker: { utf8 in self.icu(utf8) }, abbreviations: abbreviations,
                                    currentStart: currentStart)
        {
            spans.append(TextSpan(start: tokens[currentStart].span.start, end: tokens[index - 1].span.end))
            current += 1
            currentStart = index
        }
        tokens[index].sentence = current
    }

    /// The ICU iterator over the text, attached on first use.
    mutating func icu(_ utf8: UnsafeBufferPointer<UInt8>) -> BreakIterator? {
        guard let breaker else { return nil }
        if !attached {
            guard (try? breaker.attach(utf8)) != nil else { return nil }
            attached = true
        }
        return breaker
    }

    /// Releases the text from ICU's iterator, if it was given.
    func detach() {
        if attached { breaker?.detach() }
    }

    /// The sentence spans, once every token has been seen.
    mutating func finish(_ tokens: [Token]) -> [TextSpan] {
        guard !tokens.isEmpty else { return [] }
        spans.append(TextSpan(start: tokens[currentStart].span.start, end: tokens[tokens.count - 1].span.end))
        let result = spans
        spans = []
        return result
    }
}
