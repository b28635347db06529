import GRDB
import GazetteCore

extension SearchIndex {
    /// The marks FTS5 `highlight()` puts around query terms; control characters never found in clean text.
    private static let termOpen: Unicode.Scalar = "\u{1}"
    private static let termClose: Unicode.Scalar = "\u{2}"

    /// Runs a query: the matching documents (ranked), their total number and, on request, entity facets.
    public func search(_ query: SearchQuery) throws(IndexError) -> SearchResult {
        let text = query.text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        var filters: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        for entity in query.entities {
            filters.append("""
                d.rowid IN (SELECT document FROM entities WHERE kb = ? UNION SELECT document FROM entities WHERE canonical = ?)
                """)
            arguments += [entity, entity]
        }
        for type in query.types {
            filters.append("d.rowid IN (SELECT document FROM entities WHERE type = ?)")
            arguments.append(type.rawValue)
        }
        for relation in query.relations {
            filters.append("d.rowid IN (SELECT document FROM relations WHERE type = ?)")
            arguments.append(relation.rawValue)
        }
        if let since = query.since {
            filters.append("d.published >= ?")
            arguments.append(since)
        }
        if let until = query.until {
            filters.append("substr(d.published, 1, \(until.unicodeScalars.count)) <= ?")
            arguments.append(until)
        }
        let from: String
        if let text {
            from = "documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            filters.insert("documents_fts MATCH ?", at: 0)
            arguments.insert(text, at: 0)
        } else {
            from = "documents d"
        }
        let condition = filters.isEmpty ? "1" : filters.joined(separator: " AND ")
        let matchArguments = StatementArguments(arguments)
        let columns = text == nil
            ? "d.rowid, d.id, d.url, d.title, d.published, d.language, d.text, NULL AS score, NULL AS marked"
            : """
              d.rowid, d.id, d.url, d.title, d.published, d.language, d.text, bm25(documents_fts, 4.0, 1.0) AS score,
              highlight(documents_fts, 1, char(1), char(2)) AS marked
              """
        let order = text == nil ? "d.published DESC, d.id" : "score, d.published DESC, d.id"
        do {
            return try queue.read { db in
                let total = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM \(from) WHERE \(condition)", arguments: matchArguments) ?? 0
                let rows = try Row.fetchAll(
                    db, sql: "SELECT \(columns) FROM \(from) WHERE \(condition) ORDER BY \(order) LIMIT ?",
                    arguments: matchArguments + [max(0, query.limit)])
                var hits: [SearchHit] = []
                for row in rows {
                    let documentText: String = row["text"]
                    var marks: [Snippet.Mark] = []
                    if let highlighted: String = row["marked"] {
                        let scalars = Array(documentText.unicodeScalars)
                        marks += Snippet.markedSpans(in: highlighted, open: Self.termOpen, close: Self.termClose)
                            .map { span in
                                let term = String(String.UnicodeScalarView(scalars[span.start..<min(span.end, scalars.count)]))
                                return Snippet.Mark(span: span, open: "[", close: "]", group: "term:" + term.lowercased())
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
                        marks += mentions.map {
                            Snippet.Mark(span: TextSpan(start: $0["start"], end: $0["end"]), open: "«", close: "»",
                                         group: "entity:" + ($0["entity"] as String))
                        }
                    }
                    if marks.isEmpty, let relation = query.relations.first {
                        anchors = try Row.fetchAll(db, sql: """
                            SELECT evidence_start, evidence_end FROM relations WHERE document = ? AND type = ? LIMIT 1
                            """, arguments: [rowid, relation.rawValue]).map {
                            TextSpan(start: $0["evidence_start"], end: $0["evidence_end"])
                        }
                    }
                    hits.append(SearchHit(
                        id: row["id"], url: row["url"], title: row["title"], published: row["published"],
                        language: row["language"], score: row["score"],
                        snippet: Snippet.render(text: documentText, marks: marks, anchors: anchors)))
                }
                var facets: [Facet] = []
                if query.facets {
                    facets = try Self.facets(db, from: from, condition: condition, arguments: matchArguments,
                                             size: query.facetSize)
                }
                return SearchResult(total: total, hits: hits, facets: facets)
            }
        } catch let error as DatabaseError where text != nil && error.resultCode == .SQLITE_ERROR {
            throw IndexError("invalid full-text query '\(text ?? "")': \(error.message ?? "\(error)")")
        } catch {
            throw IndexError("cannot search index \(path): \(error)")
        }
    }

    /// The `size` entities per type mentioned by the most matching documents.
    private static func facets(_ db: Database, from: String, condition: String, arguments: StatementArguments,
                               size: Int) throws -> [Facet] {
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
            if byType[type, default: []].count < size {
                byType[type, default: []].append(
                    Facet(type: type, kb: row["kb"], canonical: row["canonical"], documents: row["documents"]))
            }
        }
        return EntityType.allCases.flatMap { byType[$0] ?? [] }
    }
}
