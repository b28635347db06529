import ArgumentParser
import Foundation
import GazetteCore
import GazetteIndex
import GazettePipeline
import GazetteReaders

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate news documents into gazette.article/1 JSONL.",
        discussion: """
            Inputs are files, directories (read recursively in sorted order) or - for standard input. \
            Every input document ends as one line of the output or one line of the rejects stream \
            (gazette.reject/1), in input order whatever the number of workers, and a one-line summary \
            goes to standard error. A regular file output is written as NAME.partial and renamed when the run \
            ends (a symbolic link is followed, its target replaced); a FIFO, a device or /dev/stdout is written \
            in place. A name ending in .gz is gzip-compressed. Exit status: 0 when every document was \
            annotated, 3 when some were rejected, 1 on a fatal error (a write error names the file) or an \
            accounting mismatch, 64 on a usage error; killed by SIGPIPE (141) when the reader of standard \
            output closes the pipe. \
            See docs/BATCH.md.
            """)

    @Argument(help: ArgumentHelp("Files, directories, or - for standard input.", valueName: "input"))
    var inputs: [String] = ["-"]

    @Option(name: [.short, .long], help: ArgumentHelp("Output JSONL file; - for standard output.", valueName: "file"))
    var output: String = "-"

    @Option(help: ArgumentHelp(
        "Rejects JSONL file.", discussion: "Default: beside the output as NAME.rejects.jsonl, or standard error when the output is standard output or not a regular file (a FIFO, a device, /dev/stdout).",
        valueName: "file"))
    var rejects: String?

    @Option(name: .customLong("input-format"), help: ArgumentHelp(
        "Read every input as this format instead of guessing: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "format"))
    var inputFormat: String?

    @Option(name: .customLong("jsonl-field"), help: ArgumentHelp(
        "Rename JSONL fields: FIELD=NAME[|NAME…],… with FIELD one of id, url, title, published, language, text, html (e.g. text=body,title=headline).",
        valueName: "spec"))
    var jsonlFields: String?

    @Option(name: .customLong("max-document-bytes"), help: ArgumentHelp(
        "Reject a document (file, feed item, WARC record, article) larger than this many bytes (too_large).", valueName: "n"))
    var maxDocumentBytes: Int = ReaderOptions().maxDocumentBytes

    @Option(name: .customLong("max-input-bytes"), help: ArgumentHelp(
        "Reject an input file larger than this many bytes, after gzip decompression (too_large, gzip_too_large).", valueName: "n"))
    var maxInputBytes: Int = ReaderOptions().maxInputBytes

    @Option(name: .customLong("max-depth"), help: ArgumentHelp(
        "Reject HTML or XML whose elements nest deeper than this (too_deep).", valueName: "n"))
    var maxDepth: Int = ReaderOptions().maxNestingDepth

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Date (YYYY-MM-DD) that decides who held an office when an article has no date. Default: today.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Output format: jsonl (gazette.article/1) or es-bulk (Elasticsearch/OpenSearch _bulk NDJSON).",
                               valueName: "format"))
    var format = "jsonl"

    @Option(name: .customLong("index-name"), help: ArgumentHelp("The _index of es-bulk actions.", valueName: "name"))
    var indexName = "gazette"

    @Option(name: .customLong("index"), help: ArgumentHelp(
        "Also write every annotated document into this SQLite search index (see `gazette search`).", valueName: "db"))
    var searchIndex: String?

    @Flag(name: .customLong("kb-relations"), help: ArgumentHelp(
        "Also write leader_of relations that only the gazetteer knows (source \"kb\"), dated by the article or --as-of."))
    var kbRelations = false

    @Flag(help: "Write each document's tokens too.")
    var tokens = false

    @Option(name: [.customShort("j"), .long], help: ArgumentHelp(
        "Annotation workers (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Draw no progress line (it is drawn only when standard error is a terminal).")
    var quiet = false

    @Option(help: ArgumentHelp("Write the run's figures as JSON to this file.", valueName: "file"))
    var stats: String?

    @Flag(help: "Continue an interrupted run from OUTPUT.partial: keep its complete lines, skip the documents done.")
    var resume = false

    @OptionGroup var gazetteer: GazetteerOptions

    func validate() throws {
        if let inputFormat, InputFormat(rawValue: inputFormat) == nil {
            throw ValidationError("unknown input format '\(inputFormat)'")
        }
        if let jsonlFields {
            do {
                _ = try JSONLFields(spec: jsonlFields)
            } catch {
                throw ValidationError("--jsonl-field: \(error)")
            }
        }
        if maxDocumentBytes < 1 || maxInputBytes < 1 || maxDepth < 1 {
            throw ValidationError("--max-document-bytes, --max-input-bytes and --max-depth want positive numbers")
        }
        if format != "jsonl" && format != "es-bulk" { throw ValidationError("unknown output format '\(format)'") }
        if let asOf, CalendarDay(asOf) == nil {
            throw ValidationError("--as-of wants a date as YYYY-MM-DD, not '\(asOf)'")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs wants a number of workers of at least 1") }
        if resume && output == "-" { throw ValidationError("--resume needs --output FILE") }
        if resume {
            // A FIFO, a device or /dev/stdout is written in place: there is no partial file to continue.
            var paths = [output]
            if case .file(let rejects) = rejectsDestination { paths.append(rejects) }
            for path in paths {
                if let target = try? OutputTarget.resolve(path), !target.isReplaceable {
                    throw ValidationError(ResumeState.refusal(path: path, target: target))
                }
            }
        }
    }

    /// The rejects destination, following the documented default: beside a regular output file, else (standard
    /// output, a FIFO, a device, /dev/stdout) standard error, so that nothing is created beside a device.
    var rejectsDestination: LineSink.Destination {
        if let rejects { return rejects == "-" ? .standardError : .file(rejects) }
        guard output != "-", (try? OutputTarget.resolve(output))?.isReplaceable ?? true else { return .standardError }
        let base = output.hasSuffix(".jsonl") ? String(output.dropLast(6)) : output
        return .file(base + ".rejects.jsonl")
    }

    func run() throws {
        let resources = try gazetteer.resources()
        var options = RunOptions()
        options.reader.forcedFormat = inputFormat.flatMap(InputFormat.init(rawValue:))
        if let jsonlFields { options.reader.jsonlFields = try JSONLFields(spec: jsonlFields) }
        options.reader.maxDocumentBytes = maxDocumentBytes
        options.reader.maxInputBytes = maxInputBytes
        options.reader.maxNestingDepth = maxDepth
        options.includeTokens = tokens
        options.asOf = asOf
        options.kbRelations = kbRelations
        if let jobs { options.workers = jobs }
        var batch = BatchAnnotation(inputs: inputs, output: output, rejects: rejectsDestination, options: options)
        batch.resume = resume
        batch.statisticsPath = stats
        batch.suppressJSONL = format == "es-bulk"
        let summary: RunSummary
        do {
            let progress = ProgressReporter.standardError(quiet: quiet, totalBytes: DocumentStream.inputSize(inputs: inputs))
            var indexSink: IndexDocumentSink?
            let format = self.format
            let indexName = self.indexName
            let searchIndex = self.searchIndex
            summary = try batch.run(
                resources: resources, progress: progress,
                makeSinks: { (output) throws(PipelineError) -> [any DocumentSink] in
                    var sinks: [any DocumentSink] = []
                    if format == "es-bulk" { sinks.append(ElasticBulkDocumentSink(indexName: indexName, output: output)) }
                    if let searchIndex {
                        do {
                            indexSink = try IndexDocumentSink(path: searchIndex)
                        } catch {
                            throw PipelineError("cannot open the index \(searchIndex): \(error)")
                        }
                        sinks.append(indexSink!)
                    }
                    return sinks
                },
                finishSinks: { () throws(PipelineError) in try indexSink?.finish() })
        } catch {
            throw failure(error)
        }
        if summary.alreadyComplete { printError("gazette: \(output) is already complete; nothing to resume") }
        printError(summary.line)
        let status = AnnotateExitStatus.of(summary)
        if status != AnnotateExitStatus.success { throw ExitCode(status) }
    }
}
