/// Where a document came from, precise enough to find it again.
public struct SourceLocator: Sendable, Hashable, Codable {
    /// The input file's path as given ("-" for standard input).
    public var path: String
    /// The input format that produced the document (`source.format` in the output); nil for a document that was
    /// not read from an input (CoNLL gold, a search index row) or whose line named no known format.
    public var format: InputFormat?
    /// The document's position within its file (0 for single-document files).
    public var index: Int

    public init(path: String, format: InputFormat?, index: Int = 0) {
        self.path = path
        self.format = format
        self.index = index
    }
}

/// A half-open range `[start, end)` of Unicode scalar offsets into a document's text.
public struct TextSpan: Sendable, Hashable, Codable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Number of scalars covered.
    public var length: Int { end - start }

    /// Whether two spans share at least one scalar.
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    /// Whether this span covers all of another.
    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}

/// What a token is, from ICU's word break rule status.
public enum TokenKind: UInt8, Sendable, Codable {
    case word, number, punctuation, space, ideographic
}

/// One token of the text with its offsets and its normalised matching key.
public struct Token: Sendable, Hashable {
    /// Scalar offsets in the document text.
    public var span: TextSpan
    /// UTF-8 byte offsets in the document text.
    public var utf8Start: Int
    public var utf8End: Int
    /// Word, number, punctuation, …
    public var kind: TokenKind
    /// The hash the matcher looks the token up by, computed by the segmenter while the bytes are
    /// at hand (see GazetteSegment's `KeyHash`); 0 when not computed (tokens with non-ASCII bytes).
    /// Declared after `kind` so that it fills padding and the token stays 48 bytes.
    public var keyHash: UInt32
    /// Index of the sentence holding the token.
    public var sentence: Int

    public init(span: TextSpan, utf8Start: Int, utf8End: Int, kind: TokenKind, keyHash: UInt32 = 0, sentence: Int = 0) {
        self.span = span
        self.utf8Start = utf8Start
        self.utf8End = utf8End
        self.kind = kind
        self.keyHash = keyHash
        self.sentence = sentence
    }
}

/// The entity types of the `gazette.article/1` schema.
public enum EntityType: String, Sendable, Codable, CaseIterable {
    case person = "PERSON"
    case country = "COUNTRY"
    case org = "ORG"
    case city = "CITY"
    case role = "ROLE"
}

/// How a mention names its entity; internal to the pipeline, not written out.
public enum MentionForm: String, Sendable, Codable {
    /// The full name or an alias ("Emmanuel Macron", "France").
    case name
    /// A surname or short form linked to an earlier full name ("Macron").
    case partial
    /// A demonym or adjective standing for a country ("French", "Dutch").
    case demonym
    /// A place or building standing for a government ("White House").
    case metonym
    /// A title or role word ("President").
    case title
    /// A name found by a pattern, with no gazetteer entry ("Witkoff").
    case pattern
    /// An occupation word that announces a name ("economist"); never an entity itself.
    case cue
}

/// Where an entity mention comes from (the `source` field of the output).
public enum EntitySource: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// A gazetteer form matched in the text.
    case gazetteer
    /// A name found by a pattern, with no gazetteer form written in the text.
    case pattern
    /// A short mention linked to an earlier full name.
    case coreference

    /// The value as the output writes it.
    public var description: String { rawValue }
}

/// How a relation is known (the `source` field of the output).
public enum RelationSource: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The text states it.
    case pattern
    /// The text states the title; the gazetteer's term for the person and office chose the country.
    case patternAndKB = "pattern+kb"
    /// Only the gazetteer knows it (`--kb-relations`).
    case kb

    /// The value as the output writes it.
    public var description: String { rawValue }
}

/// A mention of an entity in the text.
public struct Entity: Sendable, Hashable {
    /// Document-local id ("e1").
    public var id: String
    public var type: EntityType
    public var span: TextSpan
    /// The mention as it is written.
    public var text: String
    /// The gazetteer id, when the gazetteer knows the entity.
    public var kb: String?
    /// The gazetteer's canonical name, or the mention itself.
    public var canonical: String
    public var wikidata: String?
    /// Index of the sentence holding the mention.
    public var sentence: Int
    /// Where the mention comes from.
    public var source: EntitySource
    /// How the mention names the entity (not part of the output).
    public var form: MentionForm
    /// For demonyms and metonyms: the id of the country or government they stand for.
    public var refersTo: String?

    public init(id: String, type: EntityType, span: TextSpan, text: String, kb: String? = nil, canonical: String,
                wikidata: String? = nil, sentence: Int, source: EntitySource, form: MentionForm = .name, refersTo: String? = nil) {
        self.id = id
        self.type = type
        self.span = span
        self.text = text
        self.kb = kb
        self.canonical = canonical
        self.wikidata = wikidata
        self.sentence = sentence
        self.source = source
        self.form = form
        self.refersTo = refersTo
    }
}

/// How a `said` relation's statement is given: in the speaker's words, between quotation marks
/// (`direct`), or told in the writer's words (`reported`: "she said the talks would resume").
public enum QuoteKind: String, Sendable, Codable, CaseIterable {
    case direct
    case reported
}

/// The relation types of the `gazette.article/1` schema.
public enum RelationType: String, Sendable, Codable, CaseIterable {
    case leaderOf = "leader_of"
    case holdsRole = "holds_role"
    case citizenOf = "citizen_of"
    case affiliatedWith = "affiliated_with"
    case memberOf = "member_of"
    case said = "said"
}

/// A relation between two entities (or an entity and a statement span), with its evidence.
public struct Relation: Sendable, Hashable {
    /// Document-local id ("r1").
    public var id: String
    public var type: RelationType
    /// Entity id of the head (the person, usually).
    public var head: String
    /// Entity id of the tail; nil for `said`, whose tail is `statement`.
    public var tail: String?
    /// For `said`: the statement's span.
    public var statement: TextSpan?
    /// For `said`: whether the statement is quoted or reported; nil for other relations.
    public var quote: QuoteKind?
    /// Role id word ("president", "prime minister"), where relevant.
    public var role: String?
    public var sentence: Int
    /// The text span that states the relation.
    public var evidence: TextSpan
    /// The words that triggered the rule ("President", "stated").
    public var trigger: String
    /// Whether the text states the relation or only the gazetteer knows it.
    public var source: RelationSource
    public var confidence: Double

    public init(id: String, type: RelationType, head: String, tail: String?, statement: TextSpan? = nil,
                quote: QuoteKind? = nil, role: String?,
                sentence: Int, evidence: TextSpan, trigger: String, source: RelationSource, confidence: Double) {
        self.id = id
        self.type = type
        self.head = head
        self.tail = tail
        self.statement = statement
        self.quote = quote
        self.role = role
        self.sentence = sentence
        self.evidence = evidence
        self.trigger = trigger
        self.source = source
        self.confidence = confidence
    }
}

/// One news article as it flows through the pipeline; each stage adds to it.
public struct Document: Sendable {
    public var id: String
    public var source: SourceLocator
    public var url: String?
    public var title: String?
    /// Publication date as ISO 8601 ("2025-09-04").
    public var published: String?
    /// BCP 47 language tag ("en", "nl").
    public var language: String?
    /// Clean text: title as first paragraph, paragraphs separated by blank lines.
    public var text: String
    public var sentences: [TextSpan] = []
    public var tokens: [Token] = []
    public var entities: [Entity] = []
    public var relations: [Relation] = []
    /// The model of `text` the stages read (bytes, ASCII flag, scalars, offset map), built once when the
    /// text is final (by the segmenter); nil before. Read it through `readText()`.
    public var textModel: DocumentText?

    public init(id: String, source: SourceLocator, url: String? = nil, title: String? = nil, published: String? = nil,
                language: String? = nil, text: String) {
        self.id = id
        self.source = source
        self.url = url
        self.title = title
        self.published = published
        self.language = language
        self.text = text
    }

    /// The text of a span, for tests and diagnostics.
    public func text(of span: TextSpan) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: span.start)
        let end = scalars.index(start, offsetBy: span.length)
        return String(scalars[start..<end])
    }

    /// `textModel` when it is built for the current text, else a model built now.
    @inlinable
    public func readText() -> DocumentText {
        if let textModel, textModel.utf8.count == text.utf8.count { return textModel }
        return DocumentText(text)
    }

    /// The entity with a document-local id.
    public func entity(_ id: String) -> Entity? { entities.first { $0.id == id } }
}
