import GazetteCore

/// What to look for in a `SearchIndex`: a full-text query and filters, all of which must hold.
///
/// - `text`: FTS5 query syntax over title and text (`summit`, `"frozen assets"`, `NATO AND Hague`, `sanction*`).
/// - `entities`: each value must name an entity of the document, by `kb` id or by canonical name
///   (the latter finds pattern-only persons, which have no kb); all given entities must co-occur.
/// - `types`: the document mentions at least one entity of each given type.
/// - `relations`: the document has at least one relation of each given type (any head and tail).
/// - `since` / `until`: inclusive bounds on `published`, compared as ISO strings at the bound's precision
///   (`--until 2025-09` keeps all of September); documents without a date are left out when a bound is given.
public struct SearchQuery: Sendable, Equatable {
    public var text: String?
    public var entities: [String]
    public var types: [EntityType]
    public var relations: [RelationType]
    public var since: String?
    public var until: String?
    /// Most hits returned (the total count and facets cover all matches).
    public var limit: Int
    /// Whether to count the most frequent entities per type across all matching documents.
    public var facets: Bool
    /// Most facet values per entity type.
    public var facetSize: Int

    public init(text: String? = nil, entities: [String] = [], types: [EntityType] = [], relations: [RelationType] = [],
                since: String? = nil, until: String? = nil, limit: Int = 10, facets: Bool = false, facetSize: Int = 5) {
        self.text = text
        self.entities = entities
        self.types = types
        self.relations = relations
        self.since = since
        self.until = until
        self.limit = limit
        self.facets = facets
        self.facetSize = facetSize
    }
}

/// One matching document.
public struct SearchHit: Sendable, Equatable {
    public var id: String
    public var url: String?
    public var title: String?
    public var published: String?
    public var language: String?
    /// bm25 score (lower is better, as SQLite reports it); nil when there was no full-text query.
    public var score: Double?
    /// A passage of the text: query terms in `[`…`]`, mentions of the `entities` filters in `«`…`»`,
    /// whitespace collapsed, `…` where the passage is cut.
    public var snippet: String
}

/// How many matching documents mention an entity.
public struct Facet: Sendable, Equatable {
    public var type: EntityType
    public var kb: String?
    public var canonical: String
    /// Number of matching documents (not mentions).
    public var documents: Int

    public init(type: EntityType, kb: String?, canonical: String, documents: Int) {
        self.type = type
        self.kb = kb
        self.canonical = canonical
        self.documents = documents
    }
}

/// The answer to a `SearchQuery`.
public struct SearchResult: Sendable, Equatable {
    /// Number of matching documents (may exceed `hits.count`).
    public var total: Int
    /// The best `limit` matches: by bm25 with a text query, else newest first.
    public var hits: [SearchHit]
    /// Most frequent entities per type across all matches, types in schema order, counts descending.
    public var facets: [Facet]
}
