import ArgumentParser
import Foundation
import GazetteCore
import GazetteIndex

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search an index made by `gazette index` or `gazette annotate --index`.",
        discussion: """
            QUERY uses SQLite FTS5 syntax over title and text: words (all must occur), "a phrase", OR, NOT, \
            prefix*, NEAR(a b, 5). Every filter must hold as well: each --entity must be mentioned (so several \
            --entity options mean the entities co-occur in the document), each --type must have a mention, each \
            --relation must be extracted at least once (any head and tail), and published must lie within \
            --since/--until (inclusive, compared at the precision given: --until 2025-09 includes all of \
            September). With a QUERY hits are ranked by bm25 (title weighs 4x), otherwise newest first. \
            In snippets, query terms are in [brackets] and mentions of --entity filters in «guillemets».
            """)

    @Option(help: ArgumentHelp("The index file.", valueName: "file"))
    var db: String

    @Argument(help: ArgumentHelp("Full-text query (FTS5 syntax); optional when filters are given.", valueName: "query"))
    var query: [String] = []

    @Option(name: .customLong("entity"), help: ArgumentHelp(
        "An entity the document must mention: its kb id (as in the output) or its canonical name.", valueName: "kb"))
    var entities: [String] = []

    @Option(name: .customLong("type"), help: ArgumentHelp(
        "An entity type the document must mention: \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "type"))
    var types: [String] = []

    @Option(name: .customLong("relation"), help: ArgumentHelp(
        "A relation type the document must have: \(RelationType.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "type"))
    var relations: [String] = []

    @Option(help: ArgumentHelp("Earliest publication date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Latest publication date, inclusive.", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Most hits to show.", valueName: "n"))
    var limit = 10

    @Flag(help: "Also list the most frequent entities per type across all matching documents.")
    var facets = false

    @Option(name: .customLong("facet-size"), help: ArgumentHelp("Entities per type in --facets.", valueName: "n"))
    var facetSize = 5

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        for type in types where EntityType(rawValue: type.uppercased()) == nil {
            throw ValidationError("unknown entity type '\(type)'")
        }
        for relation in relations where RelationType(rawValue: relation) == nil {
            throw ValidationError("unknown relation type '\(relation)'")
        }
        for date in [since, until].compactMap({ $0 }) where !Self.isDatePrefix(date) {
            throw ValidationError("dates are YYYY, YYYY-MM or YYYY-MM-DD, not '\(date)'")
        }
        if limit < 0 { throw ValidationError("--limit must not be negative") }
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no index at \(db)") }
    }

    static func isDatePrefix(_ text: String) -> Bool {
        text.range(of: #"^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$"#, options: .regularExpression) != nil
    }

    func run() throws {
        let search = SearchQuery(
            text: query.isEmpty ? nil : query.joined(separator: " "), entities: entities,
            types: types.compactMap { EntityType(rawValue: $0.uppercased()) },
            relations: relations.compactMap(RelationType.init(rawValue:)), since: since, until: until, limit: limit,
            facets: facets, facetSize: facetSize)
        do {
            // Read-only: a search never writes, and runs beside a `gazette index` writing the same file.
            let index = try SearchIndex(path: db, readOnly: true)
            let result = try index.search(search)
            print(json ? SearchResultFormatter.json(result) : SearchResultFormatter.plainText(result))
            try index.close()
        } catch {
            printError("gazette: \(error)")
            throw ExitCode.failure
        }
    }
}
