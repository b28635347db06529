import Foundation
import GRDB
import GazetteCore

/// An embedded full-text index of annotated documents in one SQLite file (WAL mode).
///
/// Tables: `documents` (one row per document id), `entities` and `relations` (rows of a document,
/// replaced with it), `documents_fts` (FTS5 over title and text, kept in step by triggers) and
/// `meta` (the schema version, checked on open). Re-indexing a document id replaces the document.
public final class SearchIndex {
    /// The schema version this code writes and reads; an index of another version is refused.
    public static let schemaVersion = 1

    let queue: DatabaseQueue
    /// The index file's path.
    public let path: String

    /// Opens the index at `path`, creating it when the file does not exist yet; `readOnly` opens an existing
    /// index for searching only.
    ///
    /// Throws when the file is not an index of this schema version (a newer or older Gazette made it,
    /// or it is some other SQLite database).
    ///
    /// Each `upsert` is one transaction in WAL mode: a reader (another process searching while `gazette index`
    /// runs) sees the index as of the last committed batch, never half a batch, and is not blocked by the
    /// writer; a writer killed mid-batch (SIGKILL) leaves the batches committed before it, and the next open
    /// rolls the torn one back.
    public init(path: String, readOnly: Bool = false) throws(IndexError) {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        configuration.label = "gazette-index"
        configuration.prepareDatabase { db in
            // WAL with synchronous=NORMAL is durable across application crashes and fast for batches.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw IndexError("cannot open index \(path): \(error)")
        }
        try migrate(readOnly: readOnly)
    }

    /// Creates the schema in an empty database, or checks the version of an existing one.
    private func migrate(readOnly: Bool) throws(IndexError) {
        let found: Int?
        do {
            let version = { (db: Database) throws -> Int? in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if tables.isEmpty && !readOnly {
                    try Self.createSchema(db)
                    return Self.schemaVersion
                }
                guard tables.contains("meta") else { return nil }
                return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'").flatMap { Int($0) }
            }
            found = readOnly ? try queue.read(version) : try queue.write(version)
        } catch {
            throw IndexError("cannot read index \(path): \(error)")
        }
        guard let found else {
            throw IndexError("\(path) is an SQLite database but not a Gazette index (no schema version)")
        }
        guard found == Self.schemaVersion else {
            throw IndexError(
                "\(path) has index schema version \(found), this gazette reads version \(Self.schemaVersion): re-index into a new file")
        }
    }

    private static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO meta (key, value) VALUES ('schema_version', '\(schemaVersion)'), ('created_by', 'gazette');

            CREATE TABLE documents (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                url TEXT,
                title TEXT,
                published TEXT,
                language TEXT,
                text TEXT NOT NULL
            );
            CREATE INDEX documents_published ON documents (published);

            CREATE TABLE entities (
                document INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
                local_id TEXT NOT NULL,
                type TEXT NOT NULL,
                kb TEXT,
                canonical TEXT NOT NULL,
                text TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                source TEXT NOT NULL
            );
            CREATE INDEX entities_document ON entities (document, type, kb, canonical);
            CREATE INDEX entities_kb ON entities (kb, document);
            CREATE INDEX entities_canonical ON entities (canonical, document);
            CREATE INDEX entities_type ON entities (type, document);

            CREATE TABLE relations (
                document INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
                local_id TEXT NOT NULL,
                type TEXT NOT NULL,
                head TEXT NOT NULL,
                head_kb TEXT,
                head_canonical TEXT,
                tail TEXT,
                tail_kb TEXT,
                tail_canonical TEXT,
                role TEXT,
                evidence_start INTEGER NOT NULL,
                evidence_end INTEGER NOT NULL,
                source TEXT NOT NULL,
                confidence REAL NOT NULL
            );
            CREATE INDEX relations_document ON relations (document);
            CREATE INDEX relations_type ON relations (type, document);

            CREATE VIRTUAL TABLE documents_fts USING fts5 (
                title, text, content = 'documents', content_rowid = 'rowid',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
                INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
            END;
            CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
                INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            END;
            """)
    }

    /// Inserts documents, replacing any indexed document with the same id, in one transaction.
    ///
    /// Call it with batches (a few hundred documents) rather than one document at a time: each call commits.
    public func upsert(_ documents: [Document]) throws(IndexError) {
        guard !documents.isEmpty else { return }
        do {
            try queue.write { db in
                let delete = try db.cachedStatement(sql: "DELETE FROM documents WHERE id = ?")
                let insertDocument = try db.cachedStatement(sql: """
                    INSERT INTO documents (id, url, title, published, language, text) VALUES (?, ?, ?, ?, ?, ?)
                    """)
                let insertEntity = try db.cachedStatement(sql: """
                    INSERT INTO entities (document, local_id, type, kb, canonical, text, start, "end", source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let insertRelation = try db.cachedStatement(sql: """
                    INSERT INTO relations (document, local_id, type, head, head_kb, head_canonical, tail, tail_kb,
                                           tail_canonical, role, evidence_start, evidence_end, source, confidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for document in documents {
                    try delete.execute(arguments: [document.id])
                    try insertDocument.execute(arguments: [
                        document.id, document.url, document.title, document.published, document.language, document.text,
                    ])
                    let row = db.lastInsertedRowID
                    var byID: [String: Entity] = [:]
                    for entity in document.entities {
                        byID[entity.id] = entity
                        try insertEntity.execute(arguments: [
                            row, entity.id, entity.type.rawValue, entity.kb, entity.canonical, entity.text,
                            entity.span.start, entity.span.end, entity.source.rawValue,
                        ])
                    }
                    for relation in document.relations {
                        let head = byID[relation.head]
                        let tail = relation.tail.flatMap { byID[$0] }
                        try insertRelation.execute(arguments: [
                            row, relation.id, relation.type.rawValue, relation.head, head?.kb, head?.canonical,
                            relation.tail, tail?.kb, tail?.canonical, relation.role, relation.evidence.start,
                            relation.evidence.end, relation.source.rawValue, relation.confidence,
                        ])
                    }
                }
            }
        } catch {
            throw IndexError("cannot write to index \(path): \(error)")
        }
    }

    /// Row counts of the index's tables.
    public struct Counts: Sendable, Equatable, CustomStringConvertible {
        public var documents: Int
        public var entities: Int
        public var relations: Int

        public init(documents: Int, entities: Int, relations: Int) {
            self.documents = documents
            self.entities = entities
            self.relations = relations
        }

        public var description: String { "\(documents) documents, \(entities) entities, \(relations) relations" }
    }

    /// How many documents, entities and relations the index holds.
    public func counts() throws(IndexError) -> Counts {
        do {
            return try queue.read { db in
                Counts(
                    documents: try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0,
                    entities: try Int.fetchOne(db, sql: "SELECT count(*) FROM entities") ?? 0,
                    relations: try Int.fetchOne(db, sql: "SELECT count(*) FROM relations") ?? 0)
            }
        } catch {
            throw IndexError("cannot read index \(path): \(error)")
        }
    }

    /// Checks the full-text index against the documents table (FTS5 'integrity-check'); throws when they differ.
    public func checkIntegrity() throws(IndexError) {
        do {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")
                try db.execute(sql: "PRAGMA foreign_key_check")
            }
        } catch {
            throw IndexError("index \(path) is inconsistent: \(error)")
        }
    }

    /// Closes the database (the WAL is checkpointed); the index must not be used afterwards.
    public func close() throws(IndexError) {
        do {
            try queue.close()
        } catch {
            throw IndexError("cannot close index \(path): \(error)")
        }
    }
}

/// Collects documents and writes them to a `SearchIndex` in batches, for streams of unknown length.
public final class IndexBatcher {
    public let index: SearchIndex
    public let batchSize: Int
    private var pending: [Document] = []
    /// Documents written so far (including the pending ones once `flush()` ran).
    public private(set) var written = 0

    public init(index: SearchIndex, batchSize: Int = 500) {
        self.index = index
        self.batchSize = max(1, batchSize)
        pending.reserveCapacity(self.batchSize)
    }

    /// Adds a document; writes a batch when enough are pending.
    public func add(_ document: Document) throws(IndexError) {
        pending.append(document)
        if pending.count >= batchSize { try flush() }
    }

    /// Writes the pending documents.
    public func flush() throws(IndexError) {
        guard !pending.isEmpty else { return }
        try index.upsert(pending)
        written += pending.count
        pending.removeAll(keepingCapacity: true)
    }
}
