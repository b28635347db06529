import GazetteCore

/// The shape of a person's name in running text, for names found by pattern: honorifics and ranks
/// before it are tokens of their own ("Dr. Mahathir bin Mohamad" is "Mahathir bin Mohamad"); the name
/// runs over particles ("Ursula von der Leyen"), initials ("Ulysses S. Grant"), hyphens
/// ("Prayut Chan-o-cha") and ends with a generational or regnal suffix ("Donald Trump Jr.", "Carol II").
enum PersonNameShape {
    /// Honorifics and civil, military or religious ranks written before a name.
    static let honorifics: TokenWords = [
        "Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Rev", "Reverend",
        "Gen", "General", "Lt", "Lieutenant", "Col", "Colonel", "Maj", "Major", "Capt", "Captain", "Cmdr", "Commander",
        "Sgt", "Sergeant", "Adm", "Admiral", "Brig", "Brigadier", "Marshal", "Sen", "Senator", "Rep", "Representative",
        "Gov", "Governor", "Hon", "Judge", "Justice", "Rabbi", "Imam", "Cardinal", "Bishop", "Archbishop", "Mme", "Mlle",
        "Herr", "Frau", "Dhr", "Mevr", "Ir", "Drs", "Mevrouw", "Meneer",
    ]
    /// Honorifics that name a person even before a single name word ("Mr. Obama", "Sen. Kaine").
    static let abbreviatedHonorifics: TokenWords = [
        "Dr", "Mr", "Mrs", "Ms", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Rev", "Mme",
    ]
    /// Generational suffixes ("Jr.", "Sr.").
    static let generational: TokenWords = ["Jr", "Sr", "Jnr", "Snr"]
    /// Regnal and generational numbers ("II" … "XX"); "I" only before a break, "of" or "and".
    static let regnal: TokenWords = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
                                      "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]

    /// A screen for the hashes of the words `nameEnd` and `mayBeInName` compare a token with: the
    /// name particles, the generational and regnal suffixes, "I" and the single letters of initials.
    static let shapeWordScreen = HashBitmap((EntityMatcher.nameParticles.words.union(generational).union(regnal)
        .union((UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) })).map(EntityMatcher.hash))

    /// A token's text when it may be one of the words `shapeWordScreen` was made from, else "" (which
    /// is none of them): most words are passed over without building a String. Every one of those
    /// words is ASCII, and an ASCII token's `keyHash` is the hash of its case-folded bytes, so a hash
    /// that misses the screen rules them all out; a non-ASCII token (hash 0) is compared as before.
    static func shapeText(_ token: Token, _ utf8: Span<UInt8>) -> String {
        if token.keyHash != 0, !shapeWordScreen.mayContain(token.keyHash) { return "" }
        return surface(token, utf8)
    }

    /// A screen for the hashes of `EntityMatcher.notNames`.
    static let notNameScreen = HashBitmap(EntityMatcher.notNames.map(EntityMatcher.hash))

    /// `EntityMatcher.isNameWord(_:_:)`, with its String built only when the token's hash may be one
    /// of `notNames` (an ASCII token's `keyHash` is the hash of its case-folded bytes).
    static func isNameWord(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        guard token.keyHash != 0, !notNameScreen.mayContain(token.keyHash) else { return EntityMatcher.isNameWord(token, utf8) }
        guard token.utf8End - token.utf8Start > 1, (0x41...0x5A).contains(utf8[token.utf8Start]) else { return false }
        // One bounds check for the token, none per byte.
        let bytes = utf8.extracting(token.utf8Start..<token.utf8End)
        for index in 1..<bytes.count where (0x61...0x7A).contains(bytes[index]) { return true }
        return false
    }

    /// A token's text.
    static func surface(_ token: Token, _ utf8: Span<UInt8>) -> String {
        utf8.string(token.utf8Start..<token.utf8End)
    }

    /// Whether the token at `index` is a full stop written tight after the previous token.
    static func isTightStop(_ index: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        index > 0 && index < tokens.count && tokens[index].kind == .punctuation && tokens[index].utf8End - tokens[index].utf8Start == 1
            && utf8[tokens[index].utf8Start] == UInt8(ascii: ".") && tokens[index - 1].utf8End == tokens[index].utf8Start
    }

    /// The first token after the honorifics that start at `index` (each with its optional stop).
    static func skipHonorifics(from index: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Int {
        var position = index
        while position < tokens.count, tokens[position].kind == .word, honorifics.contains(tokens[position], utf8) {
            var next = position + 1
            if isTightStop(next, tokens, utf8) { next += 1 }
            guard next < tokens.count, tokens[next].sentence == tokens[index].sentence || isTightStop(position + 1, tokens, utf8),
                isNameWord(tokens[next], utf8) || honorifics.contains(tokens[next], utf8)
            else { break }
            position = next
        }
        return position
    }

    /// The last token of a name that starts at `first` (a name word), not past `limit` or an
    /// uncovered token (`covered[i]` true means another entity holds token `i`).
    static func nameEnd(from first: Int, _ tokens: [Token], _ utf8: Span<UInt8>, covered: [Bool], limit: Int) -> Int? {
        guard first < tokens.count, !covered[first], isNameWord(tokens[first], utf8) else { return nil }
        var last = first
        var position = first + 1
        while position < tokens.count, position <= limit, !covered[position], tokens[position].sentence == tokens[first].sentence {
            let token = tokens[position]
            if EntityMatcher.isJoiningHyphen(at: position, tokens, utf8), last == position - 1 {
                // "Chan-o-cha", "Jean-Paul": any word joined tight by a hyphen belongs to the name.
                last = position + 1
                position += 2
                continue
            }
            guard token.kind == .word else { break }
            // A name word is the usual case: only other words need their text.
            if isNameWord(token, utf8), token.utf8End - token.utf8Start > 4 || !isSuffixLike(token, utf8) {
                last = position
                position += 1
                continue
            }
            // "" for a word that is none of a suffix, a number, "I", an initial or a particle.
            let text = shapeText(token, utf8)
            if !text.isEmpty {
                if generational.contains(text) || (regnal.contains(text) && last == position - 1) {
                    last = isTightStop(position + 1, tokens, utf8) && generational.contains(text) ? position + 1 : position
                    break
                }
                if text == "I", last == position - 1, isRegnalOne(position, tokens, utf8) {
                    last = position
                    break
                }
                // An initial: one capital with a tight stop ("S."), inside the name.
                if text.utf8.count == 1, (0x41...0x5A).contains(utf8[token.utf8Start]), isTightStop(position + 1, tokens, utf8),
                    position + 2 < tokens.count,
                    isNameWord(tokens[position + 2], utf8)
                {
                    last = position + 2
                    position += 3
                    continue
                }
            }
            if isNameWord(token, utf8) {
                last = position
            } else if text.isEmpty || !EntityMatcher.nameParticles.contains(text) {
                break
            }
            position += 1
        }
        return last
    }

    /// Whether a short token may be a suffix ("Jr", "Sr", "Jnr", "Snr"): it starts with "J" or "S".
    static func isSuffixLike(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        let first = utf8[token.utf8Start]
        return first == UInt8(ascii: "J") || first == UInt8(ascii: "S")
    }

    /// Whether "I" after a name is a regnal number: a break, "of" or "and" follows it.
    static func isRegnalOne(_ index: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard index + 1 < tokens.count else { return true }
        let next = tokens[index + 1]
        if next.kind == .punctuation { return true }
        return EntityMatcher.isText(next, utf8, "of") || EntityMatcher.isText(next, utf8, "and") || EntityMatcher.isText(next, utf8, "in")
    }
}
