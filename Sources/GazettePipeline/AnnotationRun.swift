import Foundation
import GazetteCore
import GazetteOutput
import GazetteReaders
import GazetteRelate

/// Figures of a finished run: every document read ends in exactly one of annotated or rejected.
public struct RunSummary: Sendable, Equatable {
    public var read = 0
    public var annotated = 0
    public var rejected = 0
    public var rejectsByCode: [String: Int] = [:]
    public var seconds = 0.0
    public var bytes = 0
    /// What the readers skipped on purpose (WARC request/metadata records, …) or repaired.
    public var reading = ReadStatistics()

    /// Whether every document read is accounted for.
    public var balanced: Bool { read == annotated + rejected }

    /// The one-line summary printed on stderr.
    public var line: String {
        let rate = seconds > 0 ? Double(read) / seconds : 0
        var text = "gazette: \(read) documents read, \(annotated) annotated, \(rejected) rejected"
        if !rejectsByCode.isEmpty {
            text += " (" + rejectsByCode.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
        }
        if let reading = reading.summary { text += "; " + reading }
        text += String(format: " in %.2f s (%.0f docs/s)", seconds, rate)
        if !balanced { text += " — ACCOUNTING MISMATCH" }
        return text
    }
}

/// Options of an annotation run.
public struct RunOptions: Sendable {
    public var reader = ReaderOptions()
    public var includeTokens = false
    /// Date deciding offices for undated articles; nil means today.
    public var asOf: String?
    /// Also emit relations only the gazetteer knows, marked `source: "kb"`.
    public var kbRelations = false

    public init() {}
}

/// Reads inputs, annotates each document, writes articles and rejects, and counts.
public struct AnnotationRun {
    public let resources: AnnotationResources
    public let options: RunOptions

    public init(resources: AnnotationResources, options: RunOptions) {
        self.resources = resources
        self.options = options
    }

    /// Annotates every document of the inputs into the sinks; the sinks are not closed.
    /// `output` nil writes no JSONL; every annotated document also goes to each of `documentSinks`.
    public func run(inputs: [String], output: LineSink?, rejects: LineSink,
                    documentSinks: [any DocumentSink] = []) throws(PipelineError) -> RunSummary {
        let start = Date()
        let annotator = try Annotator(resources: resources, asOf: options.asOf)
        annotator.relationOptions = RelationOptions(kbRelations: options.kbRelations)
        let encoder = ArticleEncoder(includeTokens: options.includeTokens)
        var summary = RunSummary()
        var items = DocumentStream(inputs: inputs, options: options.reader).makeIterator()
        while let item = items.next() {
            summary.read += 1
            let result: Result<Document, Reject>
            switch item {
            case .document(let raw):
                summary.bytes += raw.bytes.count
                result = annotator.annotate(raw)
            case .reject(let reject):
                result = .failure(reject)
            }
            switch result {
            case .success(let document):
                try output?.write(encoder.encode(document, asOf: annotator.asOf(for: document),
                                                 gazetteerVersion: resources.gazetteerVersion))
                for sink in documentSinks { try sink.write(document) }
                summary.annotated += 1
            case .failure(let reject):
                try rejects.write(encoder.encode(reject))
                summary.rejected += 1
                summary.rejectsByCode[reject.reason.code, default: 0] += 1
            }
        }
        summary.reading = items.statistics
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}
