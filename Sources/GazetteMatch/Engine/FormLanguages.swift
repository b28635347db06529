/// The languages of gazetteer forms and documents as bits, so that a form written in one language only matches
/// documents in that language (the German "Island" for Iceland is not matched in English text).
public enum FormLanguages {
    /// The bit of a language tag ("en", "en-GB", "nl"); every language outside the four gazetteer languages
    /// shares one bit. "any" and the empty tag give 0: a form of any language.
    public static func bit(_ language: String?) -> UInt8 {
        guard let language, !language.isEmpty, language != "any" else { return 0 }
        if let bit = asciiBit(language) { return bit }
        switch language.prefix(2).lowercased() {
        case "en": return 1
        case "nl": return 2
        case "de": return 4
        case "fr": return 8
        default: return 16
        }
    }

    /// `bit` read on the bytes of a tag whose first two characters are two ASCII bytes (a third byte that is
    /// ASCII too cannot extend the second character), without a lower-cased string; nil for other tags.
    static func asciiBit(_ language: String) -> UInt8? {
        var bytes = language.utf8.makeIterator()
        guard let first = bytes.next(), let second = bytes.next(), first < 0x80, second < 0x80,
            first != 0x0D, second != 0x0D, bytes.next().map({ $0 < 0x80 }) ?? true
        else { return nil }
        // `| 0x20` lower-cases "A"…"Z"; no other byte becomes one of the letters compared.
        switch (first | 0x20, second | 0x20) {
        case (UInt8(ascii: "e"), UInt8(ascii: "n")): return 1
        case (UInt8(ascii: "n"), UInt8(ascii: "l")): return 2
        case (UInt8(ascii: "d"), UInt8(ascii: "e")): return 4
        case (UInt8(ascii: "f"), UInt8(ascii: "r")): return 8
        default: return 16
        }
    }

    /// The forms a document may match: all of them when its language is unknown.
    public static func documentMask(_ language: String?) -> UInt8 {
        let bit = bit(language)
        return bit == 0 ? 0xFF : bit
    }

    /// The languages of one compiled form that several gazetteer rows give: any language wins.
    static func merged(_ first: UInt8, _ second: UInt8) -> UInt8 {
        first == 0 || second == 0 ? 0 : first | second
    }

    /// Whether a form of these languages may match in a document of this mask.
    @inline(__always)
    static func fits(_ languages: UInt8, _ documentMask: UInt8) -> Bool {
        languages == 0 || languages & documentMask != 0
    }
}
