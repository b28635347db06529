import ArgumentParser
import Foundation
import GazetteCore
import GazetteIndex
import GazettePipeline

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Load annotated JSONL (gazette.article/1) into an SQLite full-text index.",
        discussion: """
            Creates the index file when it does not exist. A document whose id is already indexed is replaced, \
            so indexing the same files twice leaves the index unchanged. Lines that cannot be read are reported \
            as FILE:LINE: MESSAGE and skipped; the exit status is then 1. Search it with `gazette search`.
            """)

    @Argument(help: ArgumentHelp("Annotated JSONL files (output of `gazette annotate`), or - for standard input.",
                                 valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("The index file (SQLite).", valueName: "file"))
    var db: String

    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Documents per transaction.", valueName: "n"))
    var batchSize = 500

    @Flag(name: .shortAndLong, help: "Print no summary.")
    var quiet = false

    func run() throws {
        let start = Date()
        let index: SearchIndex
        do {
            try requireIndexFile(db)
            index = try SearchIndex(path: db)
        } catch {
            printError("gazette: \(error)")
            throw ExitCode.failure
        }
        let batcher = IndexBatcher(index: index, batchSize: batchSize)
        var bad = 0
        do {
            bad = try forEachArticle(in: files) { document in try batcher.add(document) }
            try batcher.flush()
            let counts = try index.counts()
            try index.close()
            if !quiet {
                printError(String(format: "gazette: %d documents indexed into %@ in %.2f s; it now holds %@",
                                  batcher.written, db, Date().timeIntervalSince(start), counts.description))
            }
        } catch {
            printError("gazette: \(error)")
            throw ExitCode.failure
        }
        if bad > 0 { throw ExitCode.failure }
    }
}

/// Feeds annotated documents of an `annotate` run into a search index, in batches.
final class IndexDocumentSink: DocumentSink {
    let batcher: IndexBatcher

    init(path: String) throws {
        try requireIndexFile(path)
        batcher = IndexBatcher(index: try SearchIndex(path: path))
    }

    func write(_ document: Document) throws(PipelineError) {
        do { try batcher.add(document) } catch { throw PipelineError(error.message) }
    }

    /// Writes what is pending and closes the index.
    func finish() throws(PipelineError) {
        do {
            try batcher.flush()
            try batcher.index.close()
        } catch {
            throw PipelineError(error.message)
        }
    }
}

/// Writes annotated documents as Elasticsearch/OpenSearch bulk NDJSON to a line sink.
final class ElasticBulkDocumentSink: DocumentSink {
    let writer: ElasticBulkWriter
    let output: LineSink

    init(indexName: String, output: LineSink) {
        writer = ElasticBulkWriter(indexName: indexName)
        self.output = output
    }

    func write(_ document: Document) throws(PipelineError) {
        let (action, source) = writer.lines(for: document)
        try output.write(action)
        try output.write(source)
    }
}

/// Refuses an index path that is not a regular file (or a new path, or a link to either): SQLite keeps its
/// journal (`-wal`, `-shm`) beside a real file and rewrites it in place, which a FIFO or a device cannot be.
func requireIndexFile(_ path: String) throws(PipelineError) {
    let target = try OutputTarget.resolve(path)
    guard target.isReplaceable else {
        throw PipelineError("cannot use \(path) as an index: it is \(target.kindDescription), and an index is a regular SQLite file")
    }
}

/// Calls `body` for every article line of the files, reporting each unreadable line on standard
/// error; returns how many there were.
func forEachArticle(in files: [String], _ body: (Document) throws -> Void) throws -> Int {
    var bad = 0
    for file in files {
        for item in ArticleFileReader(path: file) {
            switch item {
            case .success(let document): try body(document)
            case .failure(let error):
                bad += 1
                printError("gazette: \(error)")
            }
        }
    }
    return bad
}
