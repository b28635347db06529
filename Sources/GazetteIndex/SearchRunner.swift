import GRDB
import GazetteCore

/// One search over an index connection, with paging: the SQL of `SearchIndex.search` and of the web view (filters, ranking,
/// snippets and facets, so `IndexReader` answers as `gazette search` does) plus an offset and chosen snippet marks.
struct SearchRunner {
    let query: SearchQuery
    let offset: Int
    let marks: SnippetMarks
    let text: String?
    let from: String
    let condition: String
    let arguments: StatementArguments

    init(query: SearchQuery, offset: Int, marks: SnippetMarks) {
        self.query = query
        self.offset = max(0, offset)
        self.marks = marks
        let text = query.text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        self.text = text
        var filters: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        for entity in query.entities {
            filters.append("""
                d.rowid IN (SELECT document FROM entities WHERE kb = ? UNION SELECT document FROM entities WHERE canonical = ?)
                """)
            values += [entity, entity]
        }
        for type in query.types {
            filters.append("d.rowid IN (SELECT document FROM entities WHERE type = ?)")
            values.append(type.rawValue)
        }
        for relation in query.relations {
            filters.append("d.rowid IN (SELECT document FROM relations WHERE type = ?)")
            values.append(relation.rawValue)
        }
        if let since = query.since {
            filters.append("d.published >= ?")
            values.append(since)
        }
        if let until = query.until {
            filters.append("substr(d.published, 1, \(until.unicodeScalars.count)) <= ?")
            values.append(until)
        }
        if let text {
            from = "documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            filters.insert("documents_fts MATCH ?", at: 0)
            values.insert(text, at: 0)
        } else {
            from = "documents d"
        }
        condition = filters.isEmpty ? "1" : filters.joined(separator: " AND ")
        arguments = StatementArguments(values)
    }

    /// Total, the page of hits from `offset`, and facets when asked.
    func run(_ db: Database) throws -> SearchResult {
        let columns = text == nil
            ? "d.rowid, d.id, d.url, d.title, d.published, d.language, d.text, NULL AS score, NULL AS marked"
            : """
              d.rowid, d.id, d.url, d.title, d.published, d.language, d.text, bm25(documents_fts, 4.0, 1.0) AS score,
              highlight(documents_fts, 1, char(1), char(2)) AS marked
              """
        let order = text == nil ? "d.published DESC, d.id" : "score, d.published DESC, d.id"
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(from) WHERE \(condition)", arguments: arguments) ?? 0
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(columns) FROM \(from) WHERE \(condition) ORDER BY \(order) LIMIT ? OFFSET ?",
            arguments: arguments + [max(0, query.limit), offset])
        let hits = try rows.map { try hit($0, db) }
        let facets = query.facets ? try entityFacets(db) : []
        return SearchResult(total: total, hits: hits, facets: facets)
    }

    private func hit(_ row: Row, _ db: Database) throws -> SearchHit {
        let documentText: String = row["text"]
        var spans: [Snippet.Mark] = []
        if let highlighted: String = row["marked"] {
            let scalars = Array(documentText.unicodeScalars)
            spans += Snippet.markedSpans(in: highlighted, open: "\u{1}", close: "\u{2}").map { span in
                let term = String(String.UnicodeScalarView(scalars[min(span.start, scalars.count)..<min(span.end, scalars.count)]))
                return Snippet.Mark(span: span, open: marks.termOpen, close: marks.termClose, group: "term:" + term.lowercased())
            }
        }
        var anchors: [TextSpan] = []
        let rowid: Int64 = row["rowid"]
        if !query.entities.isEmpty {
            let placeholders = Array(repeating: "?", count: query.entities.count).joined(separator: ", ")
            let mentions = try Row.fetchAll(db, sql: """
                SELECT start, "end", coalesce(kb, canonical) AS entity FROM entities
                WHERE document = ? AND (kb IN (\(placeholders)) OR canonical IN (\(placeholders)))
                """, arguments: StatementArguments([rowid as (any DatabaseValueConvertible)?] + query.entities + query.entities))
            spans += mentions.map {
                Snippet.Mark(span: TextSpan(start: $0["start"], end: $0["end"]), open: marks.entityOpen,
                             close: marks.entityClose, group: "entity:" + ($0["entity"] as String))
            }
        }
        if spans.isEmpty, let relation = query.relations.first {
            anchors = try Row.fetchAll(db, sql: """
                SELECT evidence_start, evidence_end FROM relations WHERE document = ? AND type = ? LIMIT 1
                """, arguments: [rowid, relation.rawValue]).map { TextSpan(start: $0["evidence_start"], end: $0["evidence_end"]) }
        }
        return SearchHit(
            id: row["id"], url: row["url"], title: row["title"], published: row["published"], language: row["language"],
            score: row["score"], snippet: Snippet.render(text: documentText, marks: spans, anchors: anchors))
    }

    /// The `facetSize` entities per type mentioned by the most matching documents.
    private func entityFacets(_ db: Database) throws -> [Facet] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.type AS type, e.kb AS kb, min(e.canonical) AS canonical, count(DISTINCT e.document) AS documents
            FROM entities e
            WHERE e.document IN (SELECT d.rowid FROM \(from) WHERE \(condition))
            GROUP BY e.type, coalesce(e.kb, '\u{1}' || e.canonical)
            ORDER BY documents DESC, canonical
            """, arguments: arguments)
        var byType: [EntityType: [Facet]] = [:]
        for row in rows {
            guard let type = EntityType(rawValue: row["type"]) else { continue }
            if byType[type, default: []].count < query.facetSize {
                byType[type, default: []].append(
                    Facet(type: type, kb: row["kb"], canonical: row["canonical"], documents: row["documents"]))
            }
        }
        return EntityType.allCases.flatMap { byType[$0] ?? [] }
    }

    /// Matching documents per relation type, in schema order (types without a match are left out).
    func relationCounts(_ db: Database) throws -> [(type: RelationType, documents: Int)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.type AS type, count(DISTINCT r.document) AS documents FROM relations r
            WHERE r.document IN (SELECT d.rowid FROM \(from) WHERE \(condition)) GROUP BY r.type
            """, arguments: arguments)
        var counts: [RelationType: Int] = [:]
        for row in rows { if let type = RelationType(rawValue: row["type"]) { counts[type] = row["documents"] } }
        return RelationType.allCases.compactMap { type in counts[type].map { (type, $0) } }
    }
}
