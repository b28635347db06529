import Foundation
import GazetteReaders

/// The exit statuses of `gazette annotate` (documented in docs/BATCH.md).
public enum AnnotateExitStatus {
    /// Every document was annotated.
    public static let success: Int32 = 0
    /// A fatal error: nothing usable, or the accounting did not balance.
    public static let fatal: Int32 = 1
    /// The run finished but some documents were rejected (they are in the rejects stream).
    public static let someRejected: Int32 = 3

    /// The status for a finished run's summary.
    public static func of(_ summary: RunSummary) -> Int32 {
        if !summary.balanced { return fatal }
        return summary.rejected > 0 || (summary.rejectLines ?? 0) > 0 ? someRejected : success
    }
}

/// A whole `gazette annotate` run: opens the sinks (resuming partial files when asked), runs the
/// parallel pipeline, moves finished files into place (rejects first, then output, so a finished
/// output always has finished rejects beside it), and writes `--stats`.
public struct BatchAnnotation {
    public var inputs: [String]
    /// An output file (written as NAME.partial, renamed at the end; `.gz` compressed), or "-" for standard output.
    public var output: String
    public var rejects: LineSink.Destination
    public var options: RunOptions
    /// Continue an interrupted run from its partial files.
    public var resume = false
    /// Where to write the run's figures as JSON.
    public var statisticsPath: String?
    /// Write no JSONL lines to the output (a document sink writes there instead, e.g. Elasticsearch bulk).
    public var suppressJSONL = false

    public init(inputs: [String], output: String, rejects: LineSink.Destination, options: RunOptions) {
        self.inputs = inputs
        self.output = output
        self.rejects = rejects
        self.options = options
    }

    /// Runs it; `progress` draws on standard error when wanted. A resumed run whose output was already
    /// finished does nothing and returns a summary of the existing files (`read` = their lines).
    ///
    /// `makeSinks` receives the opened output and returns the document sinks of the run (an index,
    /// Elasticsearch bulk lines); they are finished before the files are renamed into place.
    public func run(resources: AnnotationResources, progress: ProgressReporter?,
                    makeSinks: (LineSink) throws(PipelineError) -> [any DocumentSink] = { _ in [] },
                    finishSinks: () throws(PipelineError) -> Void = {}) throws(PipelineError) -> RunSummary {
        var options = options
        var state: ResumeState?
        if resume {
            guard output != "-" else { throw PipelineError("--resume needs an output file, not standard output") }
            let rejectsPath: String? = if case .file(let path) = rejects { path } else { nil }
            let prepared = try ResumeState.prepare(output: output, rejects: rejectsPath)
            if prepared.isComplete {
                var summary = RunSummary()
                summary.read = prepared.keptArticles + prepared.keptRejects
                summary.skipped = summary.read
                summary.outputLines = prepared.keptArticles
                summary.rejectLines = prepared.keptRejects
                summary.workers = 0
                summary.alreadyComplete = true
                if let statisticsPath { try summary.writeStatistics(to: statisticsPath) }
                return summary
            }
            options.skip.formUnion(prepared.done)
            state = prepared
        }
        let outputSink = try LineSink(output == "-" ? .standardOutput : .file(output), append: resume)
        let rejectSink = try LineSink(rejects, append: resume)
        if let state {
            if let kept = state.rewriteArticles { try outputSink.writeRaw(kept, lines: state.keptArticles) }
            if let kept = state.rewriteRejects { try rejectSink.writeRaw(kept, lines: state.keptRejects) }
        }
        let sinks = try makeSinks(outputSink)
        let summary = try ParallelAnnotationRun(resources: resources, options: options)
            .run(inputs: inputs, output: suppressJSONL ? nil : outputSink, rejects: rejectSink, progress: progress,
                 resume: state, documentSinks: sinks)
        try finishSinks()
        try rejectSink.close()
        try outputSink.close()
        if let statisticsPath { try summary.writeStatistics(to: statisticsPath) }
        return summary
    }
}
