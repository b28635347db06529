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

    /// Every stop word with the languages it belongs to, as bits in the order of `languages`.
    static let languages = ["de", "en", "fr", "nl"]
    static let index: [String: UInt8] = {
        var index: [String: UInt8] = [:]
        for (position, language) in languages.enumerated() {
            for word in stopWords[language] ?? [] { index[word, default: 0] |= 1 << position }
        }
        return index
    }()

    public init() {}

    /// The likeliest of en, nl, de, fr, or nil when the text has too few function words to tell.
    public func guess(_ text: String) -> String? {
        var counts = [Int](repeating: 0, count: Self.languages.count)
        var words = 0
        var word: [UInt8] = []
        var copy = text
        copy.withUTF8 { utf8 in
            // Function words are short: only words of up to 6 bytes are looked up.
            func finish() {
                if !word.isEmpty {
                    words += 1
                    if word.count <= 6 {
                        if let bits = Self.index[String(decoding: word, as: UTF8.self)] {
                            for position in counts.indices where bits & (1 << position) != 0 { counts[position] += 1 }
                        }
                    }
                    word.removeAll(keepingCapacity: true)
                }
            }
            for byte in utf8 {
                if words >= 2000 { break }
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), 0x80...: word.append(byte)
                default: finish()
                }
            }
            finish()
        }
        // Ties go to the first language in alphabetical order, so the guess is deterministic.
        guard let best = counts.indices.max(by: { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 > $1 }),
            counts[best] >= 2, counts[best] * 20 >= min(words, 2000)
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
