import Foundation
import GRDB
import GazetteCore

/// Read-only access to an index made by `SearchIndex`, for browsing: search with paging, whole articles back as
/// `Document`s, and what the index knows about one entity. The file is opened read-only; nothing is ever written.
public final class IndexReader: Sendable {
    let pool: DatabasePool
    /// The index file's path.
    public let path: String

    /// Opens the index at `path` read-only; throws when it is missing or not an index of this schema version.
    public init(path: String) throws(IndexError) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { throw IndexError("no index at \(path)") }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "gazette-index-reader"
        configuration.maximumReaderCount = 4
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw IndexError("cannot open index \(path) read-only: \(error)")
        }
        let version: Int?
        do {
            version = try pool.read { db in
                guard try db.tableExists("meta") else { return nil }
                return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'").flatMap { Int($0) }
            }
        } catch {
            throw IndexError("cannot read index \(path): \(error)")
        }
        guard let version else { throw IndexError("\(path) is not a Gazette index (no schema version)") }
        guard version == SearchIndex.schemaVersion else {
            throw IndexError("\(path) has index schema version \(version), this gazette reads version \(SearchIndex.schemaVersion)")
        }
    }

    /// Runs a search, skipping the first `offset` hits; snippets carry `marks`.
    public func search(_ query: SearchQuery, offset: Int = 0, marks: SnippetMarks = .plain) throws(IndexError) -> SearchResult {
        do {
            return try pool.read { db in try SearchRunner(query: query, offset: offset, marks: marks).run(db) }
        } catch let error as IndexError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR && query.text != nil {
            throw IndexError("invalid full-text query '\(query.text ?? "")': \(error.message ?? "\(error)")")
        } catch {
            throw IndexError("cannot search index \(path): \(error)")
        }
    }

    /// Relation types with the number of matching documents that have at least one, for facets.
    public func relationFacets(_ query: SearchQuery) throws(IndexError) -> [(type: RelationType, documents: Int)] {
        do {
            return try pool.read { db in try SearchRunner(query: query, offset: 0, marks: .plain).relationCounts(db) }
        } catch {
            throw IndexError("cannot search index \(path): \(error)")
        }
    }

    /// The article with this id, its entities and relations in output order; nil when the index has no such id.
    /// The index keeps no Wikidata ids, sentences, triggers or quote spans, so those are empty.
    public func document(id: String) throws(IndexError) -> Document? {
        do {
            return try pool.read { db -> Document? in
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT rowid, id, url, title, published, language, text FROM documents WHERE id = ?
                    """, arguments: [id]) else { return nil }
                var document = Document(
                    id: row["id"], source: SourceLocator(path: row["id"], format: nil), url: row["url"],
                    title: row["title"], published: row["published"], language: row["language"], text: row["text"])
                let rowid: Int64 = row["rowid"]
                document.entities = try Row.fetchAll(db, sql: """
                    SELECT local_id, type, kb, canonical, text, start, "end", source FROM entities
                    WHERE document = ? ORDER BY rowid
                    """, arguments: [rowid]).compactMap(Self.entity)
                document.relations = try Row.fetchAll(db, sql: """
                    SELECT local_id, type, head, tail, role, evidence_start, evidence_end, source, confidence
                    FROM relations WHERE document = ? ORDER BY rowid
                    """, arguments: [rowid]).compactMap(Self.relation)
                return document
            }
        } catch {
            throw IndexError("cannot read index \(path): \(error)")
        }
    }

    private static func entity(_ row: Row) -> Entity? {
        guard let type = EntityType(rawValue: row["type"]) else { return nil }
        return Entity(id: row["local_id"], type: type, span: TextSpan(start: row["start"], end: row["end"]),
                      text: row["text"], kb: row["kb"], canonical: row["canonical"], sentence: 0,
                      source: EntitySource(rawValue: row["source"]) ?? .gazetteer)
    }

    private static func relation(_ row: Row) -> Relation? {
        guard let type = RelationType(rawValue: row["type"]) else { return nil }
        return Relation(id: row["local_id"], type: type, head: row["head"], tail: row["tail"], role: row["role"],
                        sentence: 0, evidence: TextSpan(start: row["evidence_start"], end: row["evidence_end"]),
                        trigger: "", source: RelationSource(rawValue: row["source"]) ?? .pattern, confidence: row["confidence"])
    }
}

/// The marks put around query terms and filtered entities in snippets.
public struct SnippetMarks: Sendable, Equatable {
    public var termOpen: String
    public var termClose: String
    public var entityOpen: String
    public var entityClose: String

    /// Marks of your own around query terms and entity mentions.
    public init(termOpen: String, termClose: String, entityOpen: String, entityClose: String) {
        self.termOpen = termOpen
        self.termClose = termClose
        self.entityOpen = entityOpen
        self.entityClose = entityClose
    }

    /// `[term]` and `«entity»`, as `gazette search` prints them.
    public static let plain = SnippetMarks(termOpen: "[", termClose: "]", entityOpen: "«", entityClose: "»")
    /// Control characters U+0001…U+0004, for callers that turn them into markup after escaping the text.
    public static let control = SnippetMarks(termOpen: "\u{1}", termClose: "\u{2}", entityOpen: "\u{3}", entityClose: "\u{4}")
}
