import GazetteCore
import GazetteGazetteer
import GazetteSegment

/// What rules ask of a token's text: its surface, whether it is a name word, upper case, a hyphen, and where
/// tokens are. Rules read the text as a bounds-checked `Span<UInt8>`.
extension EntityMatcher {
    /// Capitalised words that follow titles without being names.
    static let notNames: TokenWords = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "June", "July", "August", "September", "October", "November", "December", "The", "A",
        "An", "He", "She", "They", "It", "This", "That", "On", "In", "At", "And", "But", "Of", "For", "De", "Het",
        "Een", "En", "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag", "Mr", "Mrs", "Ms",
        // Indefinite pronouns are capitalised in titles ("King Nothing") but name nobody.
        "Nothing", "Everything", "Nobody", "Everybody", "Everyone", "Someone", "Somebody", "Anyone", "Anybody",
    ]

    /// Lower-case particles that may stand inside a name ("Ursula von der Leyen").
    static let nameParticles: TokenWords = ["von", "van", "der", "den", "de", "ter", "te", "la", "le", "du", "da", "di", "bin", "al", "el"]

    static func surface(_ token: Token, _ utf8: Span<UInt8>) -> Substring {
        Substring(utf8.string(token.utf8Start..<token.utf8End))
    }

    static func text(_ tokens: [Token], _ first: Int, _ last: Int, _ utf8: Span<UInt8>, trimEnd: Int = 0) -> String {
        let text = utf8.string(tokens[first].utf8Start..<tokens[last].utf8End)
        return trimEnd > 0 ? String(text.unicodeScalars.dropLast(trimEnd)) : text
    }

    /// Whether a sentence is written in title case, as headlines are ("Jordan Warns of Water Crisis"):
    /// there a capital says nothing about names.
    static func isTitleCase(sentence: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        var words = 0
        var capitalised = 0
        for token in tokens where token.sentence == sentence && token.kind == .word {
            words += 1
            if startsUppercase(token, utf8) { capitalised += 1 }
        }
        return words >= 3 && capitalised * 10 >= words * 6
    }

    /// The next word token after a token, if it directly follows (punctuation in between stops it).
    static func nextWord(after index: Int, _ tokens: [Token]) -> Int? {
        guard index + 1 < tokens.count, tokens[index + 1].kind == .word else { return nil }
        return index + 1
    }

    /// Whether the token is a hyphen written tight between two words.
    static func isJoiningHyphen(at index: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard index > 0, index + 1 < tokens.count, tokens[index].kind == .punctuation else { return false }
        // "-" or "‐" (U+2010), compared on bytes: no other text is canonically equivalent to either.
        let token = tokens[index]
        let length = token.utf8End - token.utf8Start
        let first = utf8[token.utf8Start]
        let hyphen = (length == 1 && first == 0x2D)
            || (length == 3 && first == 0xE2 && utf8[token.utf8Start + 1] == 0x80 && utf8[token.utf8Start + 2] == 0x90)
        guard hyphen else { return false }
        return tokens[index - 1].utf8End == tokens[index].utf8Start && tokens[index].utf8End == tokens[index + 1].utf8Start
            && tokens[index + 1].kind == .word
    }

    /// Whether a token's first character is upper case; ASCII tokens are decided on their first
    /// byte (an ASCII character followed by ASCII is a grapheme of its own).
    @inline(__always)
    static func startsUppercase(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        if token.keyHash != 0 { return (0x41...0x5A).contains(utf8[token.utf8Start]) }
        return surface(token, utf8).first?.isUppercase ?? false
    }

    /// `isNameWord(_:)` of a token; ASCII words are tested on their bytes (capital first, a
    /// lower-case letter after it) before the list of capitalised non-names is consulted.
    static func isNameWord(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        guard token.keyHash != 0 else { return isNameWord(surface(token, utf8)) }
        guard token.utf8End - token.utf8Start > 1, (0x41...0x5A).contains(utf8[token.utf8Start]) else { return false }
        var lowercase = false
        // One bounds check for the token, none per byte.
        let bytes = utf8.extracting(token.utf8Start..<token.utf8End)
        for index in 1..<bytes.count where (0x61...0x7A).contains(bytes[index]) {
            lowercase = true
            break
        }
        return lowercase && !notNames.contains(token, utf8)
    }

    /// Whether a word looks like a name: a capital, more than one character, some lower case,
    /// and not a capitalised word that follows titles without being a name ("Monday", "The").
    static func isNameWord(_ surface: Substring) -> Bool {
        guard let first = surface.first, first.isUppercase, surface.count > 1 else { return false }
        guard !notNames.contains(String(surface)) else { return false }
        // All-capital words are acronyms, not names.
        return surface.dropFirst().contains { $0.isLowercase }
    }

    /// The index of the first token whose span starts at or after a scalar offset (`tokens.count` if none),
    /// by binary search: token spans are in text order.
    static func firstToken(startingAtOrAfter offset: Int, _ tokens: [Token]) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].span.start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension EntityMatcher {
    /// Whether a token's text is `word` (ASCII): compared on the bytes of an ASCII token (one
    /// whose `keyHash` is set), as a String otherwise.
    @inline(__always)
    static func isText(_ token: Token, _ utf8: Span<UInt8>, _ word: StaticString) -> Bool {
        guard token.keyHash != 0 else { return PersonNameShape.surface(token, utf8) == word.description }
        return utf8.bytes(token.utf8Start..<token.utf8End, equal: word, foldingASCII: false)
    }

    /// Whether a token's text in lower case is `word` (ASCII, lower case): compared on the folded
    /// bytes of an ASCII token, as a String otherwise.
    @inline(__always)
    static func isTextIgnoringCase(_ token: Token, _ utf8: Span<UInt8>, _ word: StaticString) -> Bool {
        guard token.keyHash != 0 else { return PersonNameShape.surface(token, utf8).lowercased() == word.description }
        return utf8.bytes(token.utf8Start..<token.utf8End, equal: word, foldingASCII: true)
    }
}
