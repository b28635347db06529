import GazetteCore
import GazetteGazetteer

/// What relation extraction may add beyond what the text states.
public struct RelationOptions: Sendable {
    /// Also emit `leader_of` relations that only the gazetteer knows (the person held the office on
    /// the article's date but the text does not say so), with `source: .kb`.
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
    /// `dated` says whether that date is the article's own (its `published`, or a date the run was given);
    /// for an undated article the knowledge base's offices of any time may name a title's country.
    public func extract(_ document: inout Document, asOf: String, dated: Bool = true, options: RelationOptions = RelationOptions()) {
        // Every relation's head can speak: a person (titles, speech, the gazetteer), a named country
        // (membership, speech) or an organisation (speech). Without one, no rule can fire.
        // By index: the mentions' fields are read in place, not copied.
        let entities = document.entities
        guard entities.indices.contains(where: { SpeechRules.canSpeak(entities[$0].type, entities[$0].form) }) else {
            document.relations = []
            return
        }
        let context = RelationContext(document: document, gazetteer: gazetteer, asOf: asOf, dated: dated)
        var builder = RelationBuilder()
        TitleRules(context: context).apply(to: &builder)
        LeadershipNounRules(context: context).apply(to: &builder)
        RegnalNameRules(context: context).apply(to: &builder)
        MembershipRules(context: context).apply(to: &builder)
        let claimed = QuoteRules(context: context).apply(to: &builder)
        SpeechRules(context: context, claimed: claimed).apply(to: &builder)
        if options.kbRelations { KnowledgeRules(context: context).apply(to: &builder) }
        document.relations = builder.relations
    }
}

/// Collects relations, numbering them and dropping repeats of the same fact.
///
/// Two relations state the same fact when their string keys `type|head|tail|role` are equal (`stringKey`).
/// While no key part holds "|", that is the same as comparing the parts one by one (the separator
/// neither composes nor reorders with its neighbours), so the few keys of a document are kept as
/// parts and compared in a linear scan instead of being built into strings and hashed. A part with
/// "|", or a long list of relations, switches the builder to the string keys.
struct RelationBuilder {
    private(set) var relations: [Relation] = []
    /// The keys of `relations` as parts, one for each relation (scanned while `stringKeys` is nil).
    private var keys: [Key] = []
    /// The string keys of `relations`, once the parts no longer suffice (or are too many to scan).
    private var stringKeys: Set<String>?

    /// How many keys a linear scan may compare before the builder hashes string keys instead.
    static let scanLimit = 64

    /// What makes two mentions the same entity for de-duplication.
    static func identity(_ entity: Entity) -> String { entity.kb ?? entity.refersTo ?? entity.canonical }

    /// The tail part of a key: an entity's identity, a statement span or nothing.
    enum Tail {
        case none
        case entity(String)
        case statement(TextSpan)

        /// The tail as written in the string key.
        var string: String {
            switch self {
            case .none: return ""
            case .entity(let identity): return identity
            case .statement(let span): return "\(span.start)-\(span.end)"
            }
        }

        /// Whether the two tails are written alike in the string key.
        static func same(_ a: Tail, _ b: Tail) -> Bool {
            switch (a, b) {
            case let (.entity(x), .entity(y)): return x == y
            case let (.statement(x), .statement(y)): return x == y
            case (.none, .none): return true
            default: return a.string == b.string
            }
        }
    }

    /// The parts of a relation's key.
    struct Key {
        let type: RelationType
        let head: String
        let tail: Tail
        let role: String

        init(_ type: RelationType, head: Entity, tail: Entity?, statement: TextSpan?, role: String?) {
            self.type = type
            self.head = RelationBuilder.identity(head)
            self.tail = tail.map { .entity(RelationBuilder.identity($0)) } ?? statement.map { .statement($0) } ?? .none
            self.role = role ?? ""
        }

        /// `type|head|tail|role`: two relations with equal string keys state the same fact.
        var stringKey: String { "\(type.rawValue)|\(head)|\(tail.string)|\(role)" }

        /// Whether a part holds "|" (then comparing parts may differ from comparing string keys).
        var hasSeparator: Bool {
            func has(_ text: String) -> Bool {
                text.utf8.withContiguousStorageIfAvailable { $0.contains(0x7C) } ?? text.utf8.contains(0x7C)
            }
            if case .entity(let identity) = tail, has(identity) { return true }
            return has(head) || has(role)
        }

        /// Whether the string keys are equal, given that no part of either key holds "|".
        func sameParts(_ other: Key) -> Bool {
            type == other.type && head == other.head && role == other.role && Tail.same(tail, other.tail)
        }
    }

    mutating func add(_ type: RelationType, head: Entity, tail: Entity?, statement: TextSpan? = nil, quote: QuoteKind? = nil,
                      role: String?, evidence: TextSpan, trigger: String, source: RelationSource = .pattern, confidence: Double) {
        guard insert(Key(type, head: head, tail: tail, statement: statement, role: role)) else { return }
        relations.append(Relation(
            id: "r\(relations.count + 1)", type: type, head: head.id, tail: tail?.id, statement: statement, quote: quote,
            role: role,
            sentence: head.sentence, evidence: evidence, trigger: trigger, source: source, confidence: confidence))
    }

    /// Records a key; false when an equal one was recorded before.
    mutating func insert(_ key: Key) -> Bool {
        if stringKeys == nil {
            if !key.hasSeparator && keys.count < Self.scanLimit {
                if keys.contains(where: { $0.sameParts(key) }) { return false }
                keys.append(key)
                return true
            }
            stringKeys = Set(keys.map(\.stringKey))
        }
        guard stringKeys!.insert(key.stringKey).inserted else { return false }
        keys.append(key)
        return true
    }

    /// A state of the builder to roll back to.
    struct Mark {
        let count: Int
        let stringKeys: Set<String>?
    }

    /// The builder's state now.
    var mark: Mark { Mark(count: relations.count, stringKeys: stringKeys) }

    /// Drops the relations added since `mark`, as if they had never been added.
    mutating func rollBack(to mark: Mark) {
        relations.removeSubrange(mark.count...)
        keys.removeSubrange(mark.count...)
        stringKeys = mark.stringKeys
    }
}
