import ArgumentParser
import Foundation
import GazetteIndex
import GazettePipeline

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert annotated JSONL (gazette.article/1) into another format.",
        discussion: """
            es-bulk: NDJSON for the _bulk API of Elasticsearch and OpenSearch, an action line \
            {"index":{"_index":NAME,"_id":ID}} then the document, for every document. Create the index first \
            with the settings and mapping in Schemas/elasticsearch-mapping.json.
            """)

    @Argument(help: ArgumentHelp("Annotated JSONL files, or - for standard input.", valueName: "file"))
    var files: [String] = ["-"]

    @Option(help: ArgumentHelp("Output format: es-bulk.", valueName: "format"))
    var format: String = "es-bulk"

    @Option(name: .customLong("index-name"), help: ArgumentHelp("The _index of the bulk actions.", valueName: "name"))
    var indexName = "gazette"

    @Option(name: [.short, .long], help: ArgumentHelp("Output file; - for standard output.", valueName: "file"))
    var output: String = "-"

    func validate() throws {
        guard format == "es-bulk" else { throw ValidationError("unknown export format '\(format)' (known: es-bulk)") }
    }

    func run() throws {
        var bad = 0
        do {
            let sink = try LineSink(output == "-" ? .standardOutput : .file(output))
            let bulk = ElasticBulkDocumentSink(indexName: indexName, output: sink)
            bad = try forEachArticle(in: files) { document in try bulk.write(document) }
            try sink.close()
        } catch {
            throw failure(error)
        }
        if bad > 0 { throw ExitCode.failure }
    }
}
