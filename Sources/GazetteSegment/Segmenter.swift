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
    public func segment(_ document: inout Document) throws(SegmentError) {
        let sentenceBreaker = try sentenceIterator(for: document.language)
        let abbreviations = Abbreviations.forLanguage(document.language)
        var text = document.text
        var failure: SegmentError?
        var sentences: [TextSpan] = []
        var tokens: [Token] = []
        text.withUTF8 { utf8 in
            do throws(ICUError) {
                let byteSentences = try Self.sentenceRanges(utf8, breaker: sentenceBreaker, abbreviations: abbreviations)
                var counter = ScalarCounter(utf8)
                for range in byteSentences {
                    sentences.append(TextSpan(start: counter.scalar(at: range.start), end: counter.scalar(at: range.end)))
                }
                tokens = try Self.tokens(utf8, words: words, sentenceBytes: byteSentences)
            } catch {
                failure = SegmentError(error)
            }
        }
        if let failure { throw failure }
        document.sentences = sentences
        document.tokens = tokens
    }

    /// Tokens of a short text (a gazetteer form), without sentences.
    public func tokens(of text: String) throws(SegmentError) -> [Token] {
        var copy = text
        var result: [Token] = []
        var failure: SegmentError?
        copy.withUTF8 { utf8 in
            do throws(ICUError) {
                result = try Self.tokens(utf8, words: words, sentenceBytes: [])
            } catch {
                failure = SegmentError(error)
            }
        }
        if let failure { throw failure }
        return result
    }

    static func tokens(
        _ utf8: UnsafeBufferPointer<UInt8>, words: BreakIterator, sentenceBytes: [(start: Int, end: Int)]
    ) throws(ICUError) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(utf8.count / 5)
        var counter = ScalarCounter(utf8)
        var sentence = 0
        try words.forEachSegment(in: utf8) { start, end, status in
            let kind: TokenKind
            switch status {
            case .letter, .kana: kind = .word
            case .number: kind = .number
            case .ideographic: kind = .ideographic
            case .none:
                if isWhitespace(utf8, start, end) { return }
                kind = .punctuation
            }
            while sentence + 1 < sentenceBytes.count && start >= sentenceBytes[sentence].end { sentence += 1 }
            let scalarStart = counter.scalar(at: start)
            let scalarEnd = counter.scalar(at: end)
            tokens.append(Token(span: TextSpan(start: scalarStart, end: scalarEnd), utf8Start: start, utf8End: end,
                                kind: kind, sentence: sentence))
        }
        return tokens
    }

    static func isWhitespace(_ utf8: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        if end - start == 1 {
            let byte = utf8[start]
            return byte == 0x20 || (0x09...0x0D).contains(byte)
        }
        for scalar in String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self).unicodeScalars
        where !scalar.properties.isWhitespace {
            return false
        }
        return true
    }

    /// Sentence byte ranges: ICU's boundaries, minus those after known abbreviations,
    /// trimmed of surrounding whitespace.
    static func sentenceRanges(
        _ utf8: UnsafeBufferPointer<UInt8>, breaker: BreakIterator, abbreviations: Abbreviations
    ) throws(ICUError) -> [(start: Int, end: Int)] {
        var raw: [(start: Int, end: Int)] = []
        try breaker.forEachSegment(in: utf8) { start, end, _ in
            if let last = raw.last, shouldJoin(utf8, last, abbreviations) {
                raw[raw.count - 1].end = end
            } else {
                raw.append((start, end))
            }
        }
        var result: [(start: Int, end: Int)] = []
        result.reserveCapacity(raw.count)
        for var range in raw {
            while range.start < range.end && isSpaceByte(utf8[range.start]) { range.start += 1 }
            while range.end > range.start && isSpaceByte(utf8[range.end - 1]) { range.end -= 1 }
            if range.start < range.end { result.append(range) }
        }
        return result
    }

    static func isSpaceByte(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// Whether a sentence ending this way is really an abbreviation inside a sentence.
    static func shouldJoin(_ utf8: UnsafeBufferPointer<UInt8>, _ range: (start: Int, end: Int), _ abbreviations: Abbreviations) -> Bool {
        var end = range.end
        // A paragraph break always ends a sentence.
        while end > range.start && isSpaceByte(utf8[end - 1]) {
            if utf8[end - 1] == 0x0A || utf8[end - 1] == 0x0D { return false }
            end -= 1
        }
        guard end > range.start, utf8[end - 1] == UInt8(ascii: ".") else { return false }
        var start = end - 1
        while start > range.start && !isSpaceByte(utf8[start - 1]) && utf8[start - 1] != UInt8(ascii: "(") { start -= 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self)
        return abbreviations.contains(word)
    }
}

/// Converts increasing UTF-8 byte offsets to Unicode scalar offsets in one pass.
struct ScalarCounter {
    let utf8: UnsafeBufferPointer<UInt8>
    var byte = 0
    var scalar = 0

    init(_ utf8: UnsafeBufferPointer<UInt8>) { self.utf8 = utf8 }

    /// The scalar offset of a byte offset at or after the previous one asked for.
    mutating func scalar(at offset: Int) -> Int {
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
