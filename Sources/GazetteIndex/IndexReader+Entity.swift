import GRDB
import GazetteCore

/// What the index knows about one entity: the articles that mention it, the entities it co-occurs with and the
/// relations the articles state about it.
public struct EntityProfile: Sendable {
    /// An article that mentions the entity.
    public struct Article: Sendable, Equatable {
        public var id: String
        public var title: String?
        public var published: String?
        public var mentions: Int
    }

    /// A relation with the entity as head or tail, with the article it was found in.
    public struct Statement: Sendable, Equatable {
        public var type: RelationType
        public var role: String?
        public var headKB: String?
        public var head: String?
        public var tailKB: String?
        public var tail: String?
        public var source: String
        public var confidence: Double
        public var document: String
        public var published: String?
        public var evidence: String
    }

    public var type: EntityType
    public var kb: String?
    public var canonical: String
    /// Documents mentioning it, and its mentions in all of them.
    public var documents: Int
    public var mentions: Int
    /// Newest first (undated last), one page of them.
    public var articles: [Article]
    /// Other entities by the number of documents shared with this one.
    public var cooccurring: [Facet]
    /// Oldest first (undated last), at most the limit given.
    public var statements: [Statement]
}

extension IndexReader {
    /// The profile of the entity with this kb id or, for entities without one, this canonical name; nil when the
    /// index has no such entity. `offset`/`limit` page the articles; co-occurring entities and statements are capped.
    public func entity(_ key: String, offset: Int = 0, limit: Int = 20, cooccurring: Int = 30,
                       statements: Int = 200) throws(IndexError) -> EntityProfile? {
        do {
            return try pool.read { db -> EntityProfile? in
                let match = "(SELECT rowid FROM entities WHERE kb = ?1 UNION SELECT rowid FROM entities WHERE kb IS NULL AND canonical = ?1)"
                guard let summary = try Row.fetchOne(db, sql: """
                    SELECT type, kb, min(canonical) AS canonical, count(DISTINCT document) AS documents, count(*) AS mentions
                    FROM entities WHERE rowid IN \(match) GROUP BY type ORDER BY mentions DESC LIMIT 1
                    """, arguments: [key]), let type = EntityType(rawValue: summary["type"]) else { return nil }
                let kb: String? = summary["kb"]
                let documents = "(SELECT document FROM entities WHERE rowid IN \(match))"
                let articles = try Row.fetchAll(db, sql: """
                    SELECT d.id, d.title, d.published, count(*) AS mentions FROM entities e JOIN documents d ON d.rowid = e.document
                    WHERE e.rowid IN \(match) GROUP BY d.rowid
                    ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ?2 OFFSET ?3
                    """, arguments: [key, max(0, limit), max(0, offset)]).map {
                    EntityProfile.Article(id: $0["id"], title: $0["title"], published: $0["published"], mentions: $0["mentions"])
                }
                let others = try Row.fetchAll(db, sql: """
                    SELECT type, kb, min(canonical) AS canonical, count(DISTINCT document) AS documents FROM entities
                    WHERE document IN \(documents) AND coalesce(kb, char(1) || canonical) != coalesce(?2, char(1) || ?1)
                    GROUP BY type, coalesce(kb, char(1) || canonical) ORDER BY documents DESC, canonical LIMIT ?3
                    """, arguments: [key, kb, max(0, cooccurring)]).compactMap { row -> Facet? in
                    guard let type = EntityType(rawValue: row["type"]) else { return nil }
                    return Facet(type: type, kb: row["kb"], canonical: row["canonical"], documents: row["documents"])
                }
                return EntityProfile(
                    type: type, kb: kb, canonical: summary["canonical"], documents: summary["documents"],
                    mentions: summary["mentions"], articles: articles, cooccurring: others,
                    statements: try Self.statements(db, key: key, kb: kb, limit: statements))
            }
        } catch {
            throw IndexError("cannot read index \(path): \(error)")
        }
    }

    private static func statements(_ db: Database, key: String, kb: String?, limit: Int) throws -> [EntityProfile.Statement] {
        let side = kb != nil ? "head_kb = ?1 OR tail_kb = ?1" : "(head_kb IS NULL AND head_canonical = ?1) OR (tail_kb IS NULL AND tail_canonical = ?1)"
        return try Row.fetchAll(db, sql: """
            SELECT r.type, r.role, r.head_kb, r.head_canonical, r.tail_kb, r.tail_canonical, r.source, r.confidence,
                   d.id AS document, d.published,
                   substr(d.text, r.evidence_start + 1, r.evidence_end - r.evidence_start) AS evidence
            FROM relations r JOIN documents d ON d.rowid = r.document
            WHERE \(side)
            ORDER BY d.published IS NULL, d.published, d.id, r.rowid LIMIT ?2
            """, arguments: [kb ?? key, max(0, limit)]).compactMap { row in
            guard let type = RelationType(rawValue: row["type"]) else { return nil }
            return EntityProfile.Statement(
                type: type, role: row["role"], headKB: row["head_kb"], head: row["head_canonical"], tailKB: row["tail_kb"],
                tail: row["tail_canonical"], source: row["source"], confidence: row["confidence"], document: row["document"],
                published: row["published"], evidence: row["evidence"] ?? "")
        }
    }
}
