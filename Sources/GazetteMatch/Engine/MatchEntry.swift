import GazetteCore
import GazetteGazetteer

/// One compiled gazetteer form: what it names and how its tokens must look.
public struct MatchEntry: Sendable {
    /// The knowledge-base id of what the form names.
    public var kb: String
    /// The type of entity the form names.
    public var type: EntityType
    /// How the form names it (full name, surname, demonym, title, …).
    public var form: MentionForm
    /// The canonical name of what the form names.
    public var canonical: String
    /// The Wikidata id, when known.
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
