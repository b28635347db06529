import GazetteCore
import GazetteGazetteer

/// How the case of a text token must agree with the gazetteer form's token.
public enum CaseRule: Sendable, Hashable {
    /// Any case ("premier", "van").
    case any
    /// The text token must start with a capital ("Turkey" but not "turkey").
    case capitalized
    /// The text token must be written exactly so ("US", "EU", "NATO").
    case exact(String)

    /// The rule for a form token: short capitals are exact, capitalised words need a capital.
    public static func forForm(_ token: String) -> CaseRule {
        // ASCII forms (nearly all) are classified on their bytes.
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            var letters = 0
            var upper = 0
            for byte in token.utf8 {
                if (0x41...0x5A).contains(byte) {
                    letters += 1
                    upper += 1
                } else if (0x61...0x7A).contains(byte) {
                    letters += 1
                }
            }
            if letters > 0, upper == letters, letters <= 4 { return .exact(token) }
            if let first = token.utf8.first, (0x41...0x5A).contains(first) { return .capitalized }
            return .any
        }
        let letters = token.filter(\.isLetter)
        if !letters.isEmpty, letters.allSatisfy(\.isUppercase), letters.count <= 4 { return .exact(token) }
        if let first = token.first, first.isUppercase { return .capitalized }
        return .any
    }

    /// Whether a text token satisfies the rule.
    public func accepts(_ surface: Substring) -> Bool {
        switch self {
        case .any: return true
        case .capitalized: return surface.first?.isUppercase ?? false
        case .exact(let form): return surface == form
        }
    }
}

/// One compiled gazetteer form: what it names and how its tokens must look.
public struct MatchEntry: Sendable {
    public var kb: String
    public var type: EntityType
    public var form: MentionForm
    public var canonical: String
    public var wikidata: String?
    /// For demonyms and metonyms: the country or government they stand for.
    public var refersTo: String?
    /// Higher wins when two entries claim the same span.
    public var priority: Int
    /// One rule per token of the form.
    public var caseRules: [CaseRule]
    /// The form as written in the gazetteer.
    public var surface: String
    /// The document languages the form may match in (`FormLanguages` bits); 0 for any language.
    public var languages: UInt8 = 0
    /// Whether the form only counts where the text shows it is a place (a generated city that is small or shares
    /// its name with a person's name word): see `PlaceContext`.
    public var needsContext = false
    /// Whether the form is a small generated city (see `PlaceContext.smallCity`): a locative word before one mention
    /// ("in Gillette") shows only that mention, since companies bear such names too ("a stake in Gillette").
    public var isSmallPlace = false
}
