import GazetteBytes
import GazetteCore

/// Guesses an article's language from its most frequent function words.
public struct LanguageGuesser: Sendable {
    /// Function words that are frequent in one language and rare in the others.
    static let stopWords: [String: Set<String>] = [
        "en": ["the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "by", "said", "from", "has", "have", "are", "which", "after", "its"],
        "nl": ["de", "het", "een", "en", "van", "is", "dat", "op", "te", "voor", "met", "zijn", "niet", "maar", "ook", "bij", "werd", "heeft", "naar", "zei"],
        "de": ["der", "die", "und", "das", "ist", "nicht", "mit", "ein", "eine", "auf", "den", "dem", "sich", "auch", "wird", "wurde", "nach", "bei", "sagte", "zu"],
        "fr": ["le", "la", "les", "et", "des", "est", "un", "une", "du", "dans", "que", "pour", "pas", "sur", "au", "avec", "qui", "ont", "été", "selon"],
    ]

    /// The languages a guess can name; a stop word's languages are bits in this order.
    static let languages = ["de", "en", "fr", "nl"]
    /// Every stop word with the languages it belongs to, for ASCII words.
    static let table = StopWordTable(stopWords: stopWords, languages: languages)
    /// Every stop word with the languages it belongs to, for words with non-ASCII letters: these
    /// are looked up as `String`s, so that canonically equivalent spellings ("e\u{301}t\u{E9}") count too.
    static let index: [String: UInt8] = {
        var index: [String: UInt8] = [:]
        for (position, language) in languages.enumerated() {
            for word in stopWords[language] ?? [] { index[word, default: 0] |= 1 << position }
        }
        return index
    }()
    /// Only the first this many words of a text are read.
    static let wordLimit = 2000

    public init() {}

    /// The likeliest of en, nl, de, fr, or nil when the text has too few function words to tell.
    ///
    /// Words are runs of ASCII letters (lower-cased) and non-ASCII bytes; only words of up to
    /// `StopWordTable.maximumWordLength` bytes can be function words.
    public func guess(_ text: String) -> String? {
        var copy = text
        let tally = copy.withUTF8 { Self.tally($0) }
        let scores = [tally.counts.0, tally.counts.1, tally.counts.2, tally.counts.3]
        // Ties go to the first language in alphabetical order, so the guess is deterministic.
        guard let best = scores.indices.max(by: { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : $0 > $1 }),
            scores[best] >= 2, scores[best] * 20 >= min(tally.words, Self.wordLimit)
        else { return nil }
        return Self.languages[best]
    }

    /// Stop-word counts per language (in the order of `languages`) and the number of words read.
    struct Tally: Equatable {
        var counts = (0, 0, 0, 0)
        var words = 0

        static func == (lhs: Tally, rhs: Tally) -> Bool { lhs.counts == rhs.counts && lhs.words == rhs.words }
    }

    /// Counts the function words among the first `wordLimit` words of UTF-8 text.
    ///
    /// Word bytes are found 64 at a time as a bit mask; only the edges of runs of word bytes are
    /// visited, so the text's bytes are not branched on one by one.
    static func tally(_ utf8: UnsafeBufferPointer<UInt8>) -> Tally {
        var tally = Tally()
        guard let base = utf8.baseAddress else { return tally }
        let raw = UnsafeRawPointer(base)
        let count = utf8.count
        let table = Self.table
        var blockStart = 0
        var inWord = false
        var wordStart = 0
        while blockStart < count {
            var mask: UInt64 = 0
            if blockStart + 64 <= count {
                for lane in 0..<8 {
                    // Safety: blockStart + 64 <= count, so the eight bytes of every lane lie inside the text.
                    mask |= wordByteBits(ByteWord.load(raw, at: blockStart + 8 * lane)) &<< UInt64(8 * lane)
                }
            } else {
                for offset in 0..<(count - blockStart) where StopWordTable.foldedWordByte(base[blockStart + offset]) != 0 {
                    mask |= 1 &<< UInt64(offset)
                }
            }
            // A set bit where a byte is in a word and the one before is not, or the other way round.
            var edges = mask ^ (mask &<< 1 | (inWord ? 1 : 0))
            while edges != 0 {
                let position = edges.trailingZeroBitCount
                edges &= edges &- 1
                if mask &>> UInt64(position) & 1 == 1 {
                    wordStart = blockStart + position
                } else {
                    tallyWord(wordStart..<(blockStart + position), in: utf8, table: table, into: &tally)
                    if tally.words == wordLimit { return tally }
                }
            }
            inWord = mask &>> 63 == 1
            blockStart += 64
        }
        // Only a full last block can end inside a word: in a partial one the bytes past the end are no word bytes.
        if inWord { tallyWord(wordStart..<count, in: utf8, table: table, into: &tally) }
        return tally
    }

    /// One bit per byte of `bytes` (the first byte in bit 0): set for word bytes, ASCII letters and non-ASCII bytes.
    @inline(__always)
    static func wordByteBits(_ bytes: UInt64) -> UInt64 {
        ByteWord.gatherMarks(ByteWord.asciiLetters(bytes) | ByteWord.nonASCII(bytes))
    }

    /// Counts one word: a function word adds to its languages.
    @inline(__always)
    static func tallyWord(_ word: Range<Int>, in utf8: UnsafeBufferPointer<UInt8>, table: StopWordTable, into tally: inout Tally) {
        tally.words += 1
        guard word.count <= StopWordTable.maximumWordLength else { return }
        var key: UInt64 = 0
        if word.lowerBound + 8 <= utf8.count, let base = utf8.baseAddress {
            // The word's bytes in one load: ASCII bytes of a word are letters, lower-cased by setting 0x20.
            // Safety: word.lowerBound + 8 <= count, so the eight bytes read lie inside the text.
            let bytes = ByteWord.load(UnsafeRawPointer(base), at: word.lowerBound)
            key = ByteWord.prefix(ByteWord.settingASCIICaseBit(bytes), count: word.count)
        } else {
            for offset in word.indices {
                key |= UInt64(StopWordTable.foldedWordByte(utf8[offset])) &<< UInt64(8 * (offset - word.lowerBound))
            }
        }
        let bits = ByteWord.nonASCII(key) == 0 ? table.languages(ofWord: key) : index[StopWordTable.word(key), default: 0]
        tally.counts.0 += Int(bits & 1)
        tally.counts.1 += Int(bits >> 1 & 1)
        tally.counts.2 += Int(bits >> 2 & 1)
        tally.counts.3 += Int(bits >> 3 & 1)
    }
}

/// Cleans any raw document by its format and fills in the language when the source did not say.
public struct ArticleCleaner: Sendable {
    let text = TextCleaner()
    let html = HTMLCleaner()
    let guesser = LanguageGuesser()

    public init() {}

    /// Cleans a raw document into a `Document` with text and metadata, or says why it cannot.
    public func clean(_ raw: RawDocument) throws(RejectReason) -> Document {
        var document: Document
        switch raw.format {
        case .text, .jsonl: document = try text.clean(raw)
        case .html: document = try html.clean(raw)
        default:
            throw RejectReason(code: "unsupported_format", message: "no cleaner for \(raw.format.rawValue) documents yet")
        }
        if document.language == nil { document.language = guesser.guess(document.text) }
        return document
    }
}
