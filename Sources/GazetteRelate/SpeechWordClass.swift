import GazetteBytes

/// What a word means to `SpeechRules`; a word may be in several classes ("he" is a pronoun and an
/// object pronoun).
struct SpeechWordClass: OptionSet, Sendable {
    let rawValue: UInt16

    static let speechVerb = SpeechWordClass(rawValue: 1 << 0)
    static let according = SpeechWordClass(rawValue: 1 << 1)
    static let to = SpeechWordClass(rawValue: 1 << 2)
    static let volgens = SpeechWordClass(rawValue: 1 << 3)
    static let pronoun = SpeechWordClass(rawValue: 1 << 4)
    static let objectPronoun = SpeechWordClass(rawValue: 1 << 5)
    static let object = SpeechWordClass(rawValue: 1 << 6)
    static let complementizer = SpeechWordClass(rawValue: 1 << 7)
    /// "but", "and", "maar", "en": joins a second speech verb to the first.
    static let coordinator = SpeechWordClass(rawValue: 1 << 8)
    /// ",", a straight double quote or “: ends the search for "that" after a verb.
    static let clauseBreak = SpeechWordClass(rawValue: 1 << 9)

    /// Words that start a speech pattern: a speech verb, "according" or "volgens".
    static let triggers: SpeechWordClass = [.speechVerb, .according, .volgens]

    /// Every word with a class, keyed by its lower-cased UTF-8 bytes.
    static let table = ShortWordTable<SpeechWordClass>(
        SpeechRules.verbs.map { ($0, .speechVerb) } + SpeechRules.pronouns.map { ($0, .pronoun) }
            + SpeechRules.objectPronouns.map { ($0, .objectPronoun) } + SpeechRules.objects.map { ($0, .object) }
            + SpeechRules.complementizers.map { ($0, .complementizer) } + SpeechRules.coordinators.map { ($0, .coordinator) }
            + [("according", .according), ("to", .to), ("volgens", .volgens), (",", .clauseBreak), ("\"", .clauseBreak),
               ("“", .clauseBreak)],
        merge: { $0.union($1) })

    /// The words with a class in `triggers`, with those classes.
    static let triggerTable = ShortWordTable<SpeechWordClass>(
        SpeechRules.verbs.map { ($0, .speechVerb) } + [("according", .according), ("volgens", .volgens)], merge: { $0.union($1) })

    /// The classes of a token whose lower-cased bytes are `byte(0)..<byte(length)`.
    @inline(__always)
    static func of(length: Int, in table: ShortWordTable<SpeechWordClass> = table, byte: (Int) -> UInt8) -> SpeechWordClass {
        table.value(length: length, byte: byte) ?? []
    }
}
