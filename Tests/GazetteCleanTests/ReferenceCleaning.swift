import GazetteCore
import GazetteTestSupport

/// The straightforward String- and `Unicode.Scalar`-based plain-text cleaning that the byte-level
/// `TextCleaner`, `Whitespace` and `LanguageGuesser` replaced; the tests hold them to it.
enum ReferenceCleaning {
    /// Offset of the first byte that breaks UTF-8, by the standard library's decoder.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Whitespace runs to one space (no-break spaces too), control characters dropped, ends trimmed.
    static func collapse(_ text: some StringProtocol) -> String {
        var source = String(text)
        return source.withUTF8 { utf8 in
            var output: [UInt8] = []
            output.reserveCapacity(utf8.count)
            var pendingSpace = false
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    index += 1
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        pendingSpace = !output.isEmpty
                    } else if byte < 0x20 || byte == 0x7F {
                        continue
                    } else {
                        if pendingSpace { output.append(0x20) }
                        pendingSpace = false
                        output.append(byte)
                    }
                    continue
                }
                // A multi-byte scalar: decode it to ask whether it is whitespace or a control.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(index + length, utf8.count)
                let scalar = String(decoding: UnsafeBufferPointer(rebasing: utf8[index..<end]), as: UTF8.self).unicodeScalars.first
                if let scalar, scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                    pendingSpace = !output.isEmpty
                } else if let scalar, (0x80..<0xA0).contains(scalar.value) {
                    // C1 controls carry no text.
                } else {
                    if pendingSpace { output.append(0x20) }
                    pendingSpace = false
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
                }
                index = end
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Blank-line separated blocks with lines joined by spaces, or every line when there is no blank line.
    static func paragraphs(of text: String) -> [String] {
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { collapse(String(decoding: $0, as: UTF8.self)) }
        guard let first = lines.firstIndex(where: { !$0.isEmpty }), let last = lines.lastIndex(where: { !$0.isEmpty }),
            lines[first...last].contains(where: \.isEmpty)
        else { return lines.filter { !$0.isEmpty } }
        var result: [String] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    /// Cleans plain-text bytes: UTF-8 checked (BOM dropped), no NULs, paragraphs, title.
    static func clean(_ raw: RawDocument) throws(RejectReason) -> Document {
        var body = raw.bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let offset = firstInvalidUTF8Offset(body) {
            throw RejectReason(
                code: .invalidUTF8,
                message: "the text is not valid UTF-8 (first bad byte at offset \(offset + (raw.bytes.count - body.count)))")
        }
        if body.contains(0) {
            throw RejectReason(code: .binaryContent, message: "the text contains NUL bytes; it looks like a binary file")
        }
        let paragraphs = paragraphs(of: String(decoding: body, as: UTF8.self))
        guard !paragraphs.isEmpty else {
            throw RejectReason(code: .emptyDocument, message: "the document holds no text")
        }
        var document = Document(
            id: raw.id, source: raw.source, url: raw.url, title: raw.title ?? paragraphs[0],
            published: raw.published, language: raw.language, text: paragraphs.joined(separator: "\n\n"))
        if let title = raw.title, !title.isEmpty, title != paragraphs[0] {
            document.text = title + "\n\n" + document.text
        }
        return document
    }

    static let stopWords: [String: Set<String>] = [
        "en": ["the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "by", "said", "from", "has", "have", "are", "which", "after", "its"],
        "nl": ["de", "het", "een", "en", "van", "is", "dat", "op", "te", "voor", "met", "zijn", "niet", "maar", "ook", "bij", "werd", "heeft", "naar", "zei"],
        "de": ["der", "die", "und", "das", "ist", "nicht", "mit", "ein", "eine", "auf", "den", "dem", "sich", "auch", "wird", "wurde", "nach", "bei", "sagte", "zu"],
        "fr": ["le", "la", "les", "et", "des", "est", "un", "une", "du", "dans", "que", "pour", "pas", "sur", "au", "avec", "qui", "ont", "été", "selon"],
    ]

    /// The language with the most stop words among the first 2000 words, looked up as `String`s.
    static func guessLanguage(_ text: String) -> String? {
        let languages = ["de", "en", "fr", "nl"]
        let (counts, words) = tally(text)
        guard let best = counts.indices.max(by: { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 > $1 }),
            counts[best] >= 2, counts[best] * 20 >= min(words, 2000)
        else { return nil }
        return languages[best]
    }

    /// Stop words per language (de, en, fr, nl) among the first 2000 words, and the number of words read.
    static func tally(_ text: String) -> (counts: [Int], words: Int) {
        let languages = ["de", "en", "fr", "nl"]
        var counts = [0, 0, 0, 0]
        var words = 0
        var word: [UInt8] = []
        func finish() {
            guard !word.isEmpty else { return }
            words += 1
            if word.count <= 6 {
                let string = String(decoding: word, as: UTF8.self)
                for (position, language) in languages.enumerated() where stopWords[language]!.contains(string) {
                    counts[position] += 1
                }
            }
            word.removeAll()
        }
        for byte in text.utf8 {
            if words >= 2000 { break }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), 0x80...: word.append(byte)
            default: finish()
            }
        }
        finish()
        return (counts, words)
    }
}

/// Random text made of the pieces that make cleaning hard: Unicode spaces, controls, line ends,
/// combining marks, astral characters, and stop words of every language.
enum TrickyText {
    static let pieces = [
        "the", "and", "of", "De", "het", "een", "der", "DIE", "und", "le", "la", "été", "Été", "e\u{301}t\u{E9}", "selon",
        "zei", "said", "Reuters", "über", "naïve", "café", "cafe\u{301}", "日本", "😀", "👍🏽", "🇳🇱", "ﬁ", "Straße", "İstanbul",
        "Москва", "مرحبا", "1987", "U.S.", "\"quoted\"", "back\\slash", "—", "…", "«", "»", "\u{AD}", "verylongword",
    ]
    static let separators = [
        " ", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\r\n", "\r", "\n \n", "\u{A0}", "\u{85}", "\u{1680}", "\u{2000}",
        "\u{2007}", "\u{200A}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}",
        "\u{2060}", "\u{3000}", "\u{FEFF}", "\u{180E}", "\u{0B}", "\u{0C}", "\u{01}", "\u{1B}", "\u{7F}", "\u{80}",
        "\u{84}", "\u{86}", "\u{9F}", "\u{0}", ",", ".",
    ]

    static func make(words: Int, using generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<words {
            text += pieces.randomElement(using: &generator)!
            text += Int.random(in: 0..<3, using: &generator) == 0 ? separators.randomElement(using: &generator)! : " "
        }
        return text
    }
}
