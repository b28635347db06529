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
    /// Bytes of the raw documents handed to the annotator (document bodies).
    public var bytes = 0
    /// What the readers skipped on purpose (WARC request/metadata records, …) or repaired.
    public var reading = ReadStatistics()
    /// Bytes of input read (files, JSONL lines, standard input).
    public var inputBytes = 0
    /// Documents skipped because a resumed run's partial files already hold them.
    public var skipped = 0
    /// Lines in the output when the run ended (kept lines of a resumed run included); nil when not counted.
    public var outputLines: Int?
    /// Lines in the rejects stream when the run ended (kept lines included); nil when not counted.
    public var rejectLines: Int?
    /// Annotation workers used.
    public var workers = 1
    /// A resumed run found its output already finished and annotated nothing (workers is then 0).
    public var alreadyComplete = false
    /// Time per stage, summed over threads.
    public var stages = StageTimings()
    /// The process's peak resident set size at the end of the run, in bytes.
    public var peakResidentBytes: Int?

    public init() {}

    /// Whether every document read is accounted for: each one annotated, rejected or skipped as already
    /// done, and (when lines were counted) input documents = output lines + reject lines.
    public var balanced: Bool {
        guard read == annotated + rejected + skipped else { return false }
        if let outputLines, let rejectLines { return read == outputLines + rejectLines }
        return true
    }

    /// Documents processed per second (resumed ones not counted).
    public var documentsPerSecond: Double { seconds > 0 ? Double(read - skipped) / seconds : 0 }

    /// Input megabytes (10^6 bytes) read per second.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(inputBytes) / 1_000_000 / seconds : 0 }

    /// The one-line summary printed on stderr.
    public var line: String {
        var text = "gazette: \(read) documents read, \(annotated) annotated, \(rejected) rejected"
        if skipped > 0 { text += ", \(skipped) already done (resumed)" }
        if !rejectsByCode.isEmpty {
            text += " (" + rejectsByCode.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
        }
        if let reading = reading.summary { text += "; " + reading }
        text += String(format: " in %.2f s (%.0f docs/s, %.2f MB/s)", seconds, documentsPerSecond, megabytesPerSecond)
        if let outputLines, let rejectLines {
            text += "; \(read) documents = \(outputLines) output lines + \(rejectLines) reject lines"
        }
        text += balanced ? "" : " — ACCOUNTING MISMATCH"
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
    /// Annotation workers of a `ParallelAnnotationRun` (each owns one `Annotator`).
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Documents handed to a worker at a time (fewer when they are large; one from standard input).
    public var batchSize = 64
    /// Documents to skip, already written by an interrupted run (see `ResumeState`).
    public var skip: Set<DocumentKey> = []

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
        let annotator = try Annotator(resources: resources, options: options)
        let encoder = ArticleEncoder(includeTokens: options.includeTokens)
        var summary = RunSummary()
        var timings = StageTimings()
        var items = DocumentStream(inputs: inputs, options: options.reader).makeIterator()
        while let item = items.next() {
            summary.read += 1
            if case .document(let raw) = item { summary.bytes += raw.bytes.count }
            switch annotator.annotate(item, timings: &timings) {
            case .success(let document):
                try output?.write(annotator.line(for: document, encoder: encoder))
                for sink in documentSinks { try sink.write(document) }
                summary.annotated += 1
            case .failure(let reject):
                try rejects.write(encoder.encode(reject))
                summary.rejected += 1
                summary.rejectsByCode[reject.reason.code.rawValue, default: 0] += 1
            }
        }
        summary.reading = items.statistics
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}
