/// Abbreviations after which a period does not end a sentence, per language.
///
/// ICU's CLDR suppressions cover English only (`en@ss=standard`); Dutch, German and
/// French lists are Gazette's own, and English gets a few more that news uses.
public struct Abbreviations: Sendable {
    let words: Set<String>

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

    /// The list for a language ("en", "nl", "de", "fr"); English for others.
    public static func forLanguage(_ language: String?) -> Abbreviations {
        switch language {
        case "nl": return Abbreviations(words: dutch)
        case "de": return Abbreviations(words: german)
        case "fr": return Abbreviations(words: french)
        default: return Abbreviations(words: english)
        }
    }
}
