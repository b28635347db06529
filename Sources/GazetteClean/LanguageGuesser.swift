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

    public init() {}

    /// The likeliest of en, nl, de, fr, or nil when the text has too few function words to tell.
    public func guess(_ text: String) -> String? {
        var counts: [String: Int] = [:]
        var words = 0
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }).prefix(2000) {
            words += 1
            let value = String(word)
            for (language, list) in Self.stopWords where list.contains(value) { counts[language, default: 0] += 1 }
        }
        guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
            best.value >= 2, best.value * 20 >= min(words, 2000)
        else { return nil }
        return best.key
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
