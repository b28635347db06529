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
        var counts = (0, 0, 0, 0)
        var words = 0
        let table = Self.table
        var copy = text
        copy.withUTF8 { utf8 in
            var key: UInt64 = 0
            var length = 0
            var isASCII = true
            func finishWord() {
                words += 1
                if length <= StopWordTable.maximumWordLength {
                    let bits = isASCII ? table.languages(ofWord: key) : Self.index[StopWordTable.word(key), default: 0]
                    if bits != 0 {
                        counts.0 += Int(bits & 1)
                        counts.1 += Int(bits >> 1 & 1)
                        counts.2 += Int(bits >> 2 & 1)
                        counts.3 += Int(bits >> 3 & 1)
                    }
                }
                key = 0
                length = 0
                isASCII = true
            }
            for byte in utf8 {
                let folded = StopWordTable.foldedWordByte(byte)
                if folded != 0 {
                    if length < 8 { key |= UInt64(folded) << (8 * UInt64(length)) }
                    length += 1
                    isASCII = isASCII && folded < 0x80
                } else if length > 0 {
                    finishWord()
                    if words == Self.wordLimit { return }
                }
            }
            if length > 0 { finishWord() }
        }
        let scores = [counts.0, counts.1, counts.2, counts.3]
        // Ties go to the first language in alphabetical order, so the guess is deterministic.
        guard let best = scores.indices.max(by: { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : $0 > $1 }),
            scores[best] >= 2, scores[best] * 20 >= min(words, Self.wordLimit)
        else { return nil }
        return Self.languages[best]
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
