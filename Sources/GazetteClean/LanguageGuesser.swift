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

/// Stop words keyed by their bytes packed into a `UInt64`, in an open-addressing table, so an
/// ASCII word is looked up without building a `String`.
struct StopWordTable: Sendable {
    /// The longest word, in bytes, that is looked up; no stop word is longer.
    static let maximumWordLength = 6

    /// The byte as part of a word (ASCII letters lower-cased, non-ASCII bytes as they are), or 0
    /// when the byte separates words.
    @inline(__always)
    static func foldedWordByte(_ byte: UInt8) -> UInt8 {
        if byte >= 0x80 { return byte }
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") ? lower : 0
    }

    /// Packs a word's bytes, the first in the lowest byte; words have no zero bytes, so words
    /// of up to eight bytes have distinct keys.
    static func key(_ word: some Sequence<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for (index, byte) in word.enumerated() where index < 8 { key |= UInt64(byte) << (8 * UInt64(index)) }
        return key
    }

    /// The word packed in `key`, which must be well-formed UTF-8.
    static func word(_ key: UInt64) -> String {
        withUnsafeBytes(of: key.littleEndian) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    private static let slotBits: UInt64 = 8
    private var keys: [UInt64]
    private var bits: [UInt8]

    /// A table of `stopWords` (by language), each word's languages as bits in the order of `languages`.
    init(stopWords: [String: Set<String>], languages: [String]) {
        keys = Array(repeating: 0, count: 1 << Self.slotBits)
        bits = Array(repeating: 0, count: 1 << Self.slotBits)
        for (position, language) in languages.enumerated() {
            for word in stopWords[language] ?? [] {
                precondition(word.utf8.count <= Self.maximumWordLength, "stop word \(word) is too long to look up")
                let key = Self.key(word.utf8)
                var slot = Self.slot(of: key)
                while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
                keys[slot] = key
                bits[slot] |= 1 << position
            }
        }
    }

    @inline(__always)
    private static func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> (64 - slotBits))
    }

    /// The languages of the word packed in `key` as bits, or 0 when it is no stop word.
    @inline(__always)
    func languages(ofWord key: UInt64) -> UInt8 {
        var slot = Self.slot(of: key)
        while true {
            let stored = keys[slot]
            if stored == key { return bits[slot] }
            if stored == 0 { return 0 }
            slot = (slot + 1) & (keys.count - 1)
        }
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
