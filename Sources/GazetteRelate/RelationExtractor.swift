import GazetteCore
import GazetteGazetteer

/// What relation extraction may add beyond what the text states.
public struct RelationOptions: Sendable {
    /// Also emit `leader_of` relations that only the gazetteer knows (the person held the office on
    /// the article's date but the text does not say so), with `source: "kb"`.
    public var kbRelations: Bool

    public init(kbRelations: Bool = false) {
        self.kbRelations = kbRelations
    }
}

/// Finds relations between a document's entities with explainable rules over tokens and entities:
/// titles (`leader_of`, `holds_role`, `citizen_of`, `affiliated_with`), membership (`member_of`) and
/// speech (`said`). Every relation carries its trigger and evidence span.
///
/// Stateless apart from the shared gazetteer: safe to share between workers.
public struct RelationExtractor: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// Adds relations to a document with entities; `asOf` ("YYYY-MM-DD") decides who held an office.
    public func extract(_ document: inout Document, asOf: String, options: RelationOptions = RelationOptions()) {
        // Every relation's head can speak: a person (titles, speech, the gazetteer), a named country
        // (membership, speech) or an organisation (speech). Without one, no rule can fire.
        guard document.entities.contains(where: { SpeechRules.canSpeak($0.type, $0.form) }) else {
            document.relations = []
            return
        }
        let context = RelationContext(document: document, gazetteer: gazetteer, asOf: asOf)
        var builder = RelationBuilder()
        TitleRules(context: context).apply(to: &builder)
        MembershipRules(context: context).apply(to: &builder)
        SpeechRules(context: context).apply(to: &builder)
        if options.kbRelations { KnowledgeRules(context: context).apply(to: &builder) }
        document.relations = builder.relations
    }
}

/// Collects relations, numbering them and dropping repeats of the same fact.
struct RelationBuilder {
    private(set) var relations: [Relation] = []
    private var seen: Set<String> = []

    /// What makes two mentions the same entity for de-duplication.
    static func identity(_ entity: Entity) -> String { entity.kb ?? entity.refersTo ?? entity.canonical }

    mutating func add(_ type: RelationType, head: Entity, tail: Entity?, statement: TextSpan? = nil, role: String?,
                      evidence: TextSpan, trigger: String, source: String = "pattern", confidence: Double) {
        let tailIdentity = tail.map(Self.identity) ?? statement.map { "\($0.start)-\($0.end)" } ?? ""
        let key = "\(type.rawValue)|\(Self.identity(head))|\(tailIdentity)|\(role ?? "")"
        guard seen.insert(key).inserted else { return }
        relations.append(Relation(
            id: "r\(relations.count + 1)", type: type, head: head.id, tail: tail?.id, statement: statement, role: role,
            sentence: head.sentence, evidence: evidence, trigger: trigger, source: source, confidence: confidence))
    }
}
