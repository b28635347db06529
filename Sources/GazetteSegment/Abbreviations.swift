/// Abbreviations after which a period does not end a sentence, per language.
///
/// ICU's CLDR suppressions cover English only (`en@ss=standard`); Dutch, German and
/// French lists are Gazette's own, and English gets a few more that news uses.
public struct Abbreviations: Sendable {
    let words: Set<String>
    /// UTF-8 length of the longest word: longer ASCII words need no set lookup.
    let longest: Int

    init(words: Set<String>) {
        self.words = words
        longest = words.map(\.utf8.count).max() ?? 0
    }

    /// `contains(_:)` of a word given as UTF-8 bytes; ASCII words are tested on their bytes and
    /// made into a string only when short enough to be in the list.
    public func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return contains(String(decoding: bytes, as: UTF8.self)) }
        // An ASCII string equals (is canonically equivalent to) no string of another UTF-8 length.
        if bytes.count <= longest && words.contains(String(decoding: bytes, as: UTF8.self)) { return true }
        return Self.isASCIIInitials(bytes)
    }

    /// Initials and dotted acronyms in ASCII ("J.", "U.S."): single letters between periods,
    /// ending in a period (as `contains(_:)` tests them on a string).
    static func isASCIIInitials(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last, last == UInt8(ascii: ".") else { return false }
        var parts = 0
        var partLength = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if partLength > 0 { parts += 1 }
                partLength = 0
                continue
            }
            let letter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            guard letter, partLength == 0 else { return false }
            partLength = 1
        }
        return parts > 0
    }

    /// Whether a word with its final period ("Mr.", "dhr.") is a known abbreviation.
    public func contains(_ word: String) -> Bool {
        if words.contains(word) { return true }
        // Initials and dotted acronyms: "J.", "U.S.", "o.a.".
        let parts = word.split(separator: ".", omittingEmptySubsequences: true)
        return !parts.isEmpty && parts.allSatisfy { $0.count == 1 && $0.first!.isLetter } && word.last == "."
    }

    static let common: Set<String> = ["Gen.", "Lt.", "Col.", "Sgt.", "Capt.", "Gov.", "Sen.", "Rep.", "No.", "nr.", "Nr.", "St.", "Jr.", "Sr.", "Dr.", "Prof.", "ca.", "vs.", "etc.", "Inc.", "Ltd.", "Corp.", "Co."]

    static let english = common.union([
        "Mr.", "Mrs.", "Ms.", "Messrs.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.",
        "Dec.", "approx.", "Dept.", "Gov.", "Pres.", "Amb.", "Adm.", "Supt.", "Rev.", "Hon.", "Mt.", "Ave.", "est.",
        "fig.", "p.", "pp.", "vol.", "e.g.", "i.e.",
    ])

    static let dutch = common.union([
        "dhr.", "Dhr.", "mevr.", "Mevr.", "mr.", "Mr.", "drs.", "Drs.", "ir.", "Ir.", "ing.", "Ing.", "bijv.", "Bijv.",
        "blz.", "o.a.", "m.a.w.", "d.w.z.", "i.p.v.", "t.o.v.", "z.g.a.n.", "jl.", "a.s.", "zgn.", "resp.", "incl.",
        "excl.", "min.", "max.", "mln.", "mld.", "mrd.", "jan.", "feb.", "mrt.", "apr.", "aug.", "sept.", "okt.",
        "nov.", "dec.", "ong.", "enz.", "evt.", "ca.", "vnl.", "Kon.", "kon.", "wo.", "St.",
    ])

    static let german = common.union([
        "Hr.", "Fr.", "bzw.", "z.B.", "u.a.", "d.h.", "usw.", "vgl.", "ggf.", "Mio.", "Mrd.", "Jan.", "Feb.", "Okt.",
        "Nov.", "Dez.", "Bd.", "Abs.", "Str.", "Nr.",
    ])

    static let french = common.union([
        "M.", "MM.", "Mme.", "Mlle.", "av.", "apr.", "env.", "janv.", "févr.", "avr.", "juil.", "sept.", "oct.",
        "nov.", "déc.", "p.ex.",
    ])

    static let forEnglish = Abbreviations(words: english)
    static let forDutch = Abbreviations(words: dutch)
    static let forGerman = Abbreviations(words: german)
    static let forFrench = Abbreviations(words: french)

    /// The list for a language ("en", "nl", "de", "fr"); English for others.
    public static func forLanguage(_ language: String?) -> Abbreviations {
        switch language {
        case "nl": return forDutch
        case "de": return forGerman
        case "fr": return forFrench
        default: return forEnglish
        }
    }
}
