import GazetteCore
import GazetteIndex

/// A parameter the application refuses, with the reason shown on the 400 page.
public struct BadRequest: Error, Sendable, Equatable {
    public let message: String
    /// A refusal with the reason shown to the user.
    public init(_ message: String) { self.message = message }
}

/// The search page's and the API's parameters, checked and bounded: `q`, `entity` (repeated), `type`,
/// `relation`, `since`, `until`, `page`, `size`; the API also takes `limit`, `facets` and `facet-size`.
public struct SearchParameters: Sendable, Equatable {
    /// Longest accepted full-text query and entity key, in characters.
    public static let maxQueryLength = 500
    public static let maxKeyLength = 200
    /// Most filters of one kind, largest page and deepest page.
    public static let maxFilters = 10
    public static let maxPageSize = 100
    public static let maxPage = 1000

    public var text: String?
    public var entities: [String] = []
    public var types: [EntityType] = []
    public var relations: [RelationType] = []
    public var since: String?
    public var until: String?
    public var page = 1
    public var size = 10
    public var facets = true
    public var facetSize = 8

    /// No query, no filter: the newest articles, first page.
    public init() {}

    /// Reads and checks the parameters; throws `BadRequest` naming the first bad one.
    public init(_ request: BrowserRequest, api: Bool = false) throws(BadRequest) {
        text = request.value("q")
        if let text, text.count > Self.maxQueryLength {
            throw BadRequest("the query is longer than \(Self.maxQueryLength) characters")
        }
        entities = request.values("entity").filter { !$0.isEmpty }
        for entity in entities where entity.count > Self.maxKeyLength {
            throw BadRequest("an entity key is longer than \(Self.maxKeyLength) characters")
        }
        for type in request.values("type") where !type.isEmpty {
            guard let value = EntityType(rawValue: type.uppercased()) else { throw BadRequest("unknown entity type '\(type)'") }
            if !types.contains(value) { types.append(value) }
        }
        for relation in request.values("relation") where !relation.isEmpty {
            guard let value = RelationType(rawValue: relation) else { throw BadRequest("unknown relation type '\(relation)'") }
            if !relations.contains(value) { relations.append(value) }
        }
        if entities.count > Self.maxFilters || types.count > Self.maxFilters || relations.count > Self.maxFilters {
            throw BadRequest("at most \(Self.maxFilters) filters of one kind")
        }
        since = try Self.date(request.value("since"), name: "since")
        until = try Self.date(request.value("until"), name: "until")
        page = try Self.integer(request.value("page"), name: "page", default: 1, range: 1...Self.maxPage)
        let sizeName = api ? "limit" : "size"
        size = try Self.integer(request.value(sizeName), name: sizeName, default: 10, range: api ? 0...Self.maxPageSize : 1...Self.maxPageSize)
        if api {
            facets = try Self.flag(request.value("facets"), name: "facets")
            facetSize = try Self.integer(request.value("facet-size"), name: "facet-size", default: 5, range: 0...50)
        }
    }

    /// The index query for this page.
    public var query: SearchQuery {
        SearchQuery(text: text, entities: entities, types: types, relations: relations, since: since, until: until,
                    limit: size, facets: facets, facetSize: facetSize)
    }

    /// Hits skipped before this page.
    public var offset: Int { (page - 1) * size }

    /// Whether anything narrows the search (else the page lists the newest articles).
    public var isFiltered: Bool {
        text != nil || !entities.isEmpty || !types.isEmpty || !relations.isEmpty || since != nil || until != nil
    }

    /// The parameters as `name=value` pairs for links (page 1 and the default size are left out).
    public var pairs: [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        if let text { pairs.append(("q", text)) }
        pairs += entities.map { ("entity", $0) }
        pairs += types.map { ("type", $0.rawValue) }
        pairs += relations.map { ("relation", $0.rawValue) }
        if let since { pairs.append(("since", since)) }
        if let until { pairs.append(("until", until)) }
        if size != 10 { pairs.append(("size", String(size))) }
        if page != 1 { pairs.append(("page", String(page))) }
        return pairs
    }

    private static func date(_ value: String?, name: String) throws(BadRequest) -> String? {
        guard let value else { return nil }
        guard value.count <= 10, value.wholeMatch(of: /\d{4}(-\d{2}(-\d{2})?)?/) != nil else {
            throw BadRequest("\(name) must be YYYY, YYYY-MM or YYYY-MM-DD")
        }
        return value
    }

    private static func integer(_ value: String?, name: String, default fallback: Int, range: ClosedRange<Int>) throws(BadRequest) -> Int {
        guard let value else { return fallback }
        guard value.count <= 9, let number = Int(value), range.contains(number) else {
            throw BadRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    private static func flag(_ value: String?, name: String) throws(BadRequest) -> Bool {
        switch value {
        case nil, "0", "false": return false
        case "1", "true": return true
        default: throw BadRequest("\(name) must be 1 or 0")
        }
    }
}
