import Foundation
import GazetteCore
import GazetteOutput
import GazetteReaders
import GazetteRelate

/// Annotates documents with N worker threads and writes them in input order.
///
/// One reader thread (`RecordReader`) splits the inputs into records (`DocumentStream.Iterator.nextRecord`),
/// numbers them and feeds a `BoundedQueue`; N workers (`AnnotationWorker`), each owning one `Annotator`, read
/// the records (JSONL lines and Reuters articles are parsed there, not on the reader thread, which would
/// otherwise be the bottleneck), annotate and encode; the calling thread (`OrderedWriter`) checks duplicate ids
/// and writes results strictly in sequence order through a `ReorderBuffer`. A worker holding a result more
/// than `window` places ahead of the next one to write waits, so memory is bounded by the queue and the window, not by the number of documents. The output
/// is byte-identical for any number of workers: each document's line depends only on the document.
public struct ParallelAnnotationRun {
    public let resources: AnnotationResources
    public let options: RunOptions

    public init(resources: AnnotationResources, options: RunOptions) {
        self.resources = resources
        self.options = options
    }

    /// Annotates every document of the inputs into the sinks (which are not closed), reporting progress.
    ///
    /// `resume` adds the kept lines of an interrupted run to the accounting; its `done` keys should also
    /// be in `options.skip`.
    ///
    /// `output` nil writes no JSONL; every annotated document also goes to each of `documentSinks`
    /// (a search index, Elasticsearch bulk lines), in input order, on the writing thread.
    public func run(inputs: [String], output: LineSink?, rejects: LineSink, progress: ProgressReporter? = nil,
                    resume: ResumeState? = nil, documentSinks: [any DocumentSink] = []) throws(PipelineError) -> RunSummary {
        let started = StageClock.now()
        let workers = max(1, options.workers)
        var annotators: [Annotator] = []
        for _ in 0..<workers {
            annotators.append(try Annotator(resources: resources, options: options))
        }
        let encoder = ArticleEncoder(includeTokens: options.includeTokens)
        // Room for a few batches per worker: the reading thread, woken once the queue is down to half, then
        // refills it in one go.
        let queue = BoundedQueue(capacity: 4 * workers + 4)
        // Enough batches ahead that a worker rarely waits for a descheduled neighbour, and a byte bound
        // so that large documents do not pile up. The writer is woken for a few batches at a time, except
        // on standard input, where each document is answered as it comes.
        let streaming = inputs.contains("-")
        let reorder = ReorderBuffer(window: 64 * workers, maxBytes: 32 << 20, wakeStride: streaming ? 1 : 4)
        let group = DispatchGroup()

        let readerState = ReaderState()
        let reader = RecordReader(
            stream: DocumentStream(inputs: inputs, options: options.reader), skip: options.skip,
            batchLimit: streaming ? 1 : max(1, options.batchSize), batchBytes: 256 << 10,
            queue: queue, reorder: reorder, state: readerState)
        Self.spawn(name: "gazette-reader", group: group) { reader.run() }

        let totals = WorkerTotals()
        for (number, annotator) in annotators.enumerated() {
            let worker = Owned(AnnotationWorker(
                annotator: annotator, encoder: encoder, writesArticles: output != nil,
                keepDocuments: !documentSinks.isEmpty, queue: queue, reorder: reorder, totals: totals))
            Self.spawn(name: "gazette-worker-\(number + 1)", group: group) { worker.value.run() }
        }

        // Writer: this thread, strictly in sequence order.
        var writer = OrderedWriter(encoder: encoder, output: output, rejects: rejects, documentSinks: documentSinks,
                                   progress: progress)
        do throws(PipelineError) {
            try writer.drain(reorder)
        } catch {
            queue.cancel()
            reorder.cancel()
            // Let the reader and the workers end (each finishes at most the record or batch in hand) so that
            // what they hold (mappings, records) is released before the caller reports the error and exits.
            // Bounded: a reader blocked on a pipe that never ends must not keep the error from being reported.
            _ = group.wait(timeout: .now() + .seconds(30))
            progress?.finish()
            throw error
        }
        group.wait()
        try writer.flush()
        progress?.finish()

        var summary = writer.summary
        summary.workers = workers
        let read = readerState.snapshot()
        summary.read = read.sequenced + read.skipped
        summary.skipped = read.skipped
        summary.inputBytes = read.inputBytes
        let workerTotals = totals.snapshot()
        summary.reading = read.reading
        summary.reading += workerTotals.reading
        summary.stages = workerTotals.timings
        summary.stages.read += read.readTime
        summary.stages.write = writer.writeTime
        summary.outputLines = output.map { $0.lines + (resume?.rewriteArticles == nil ? resume?.keptArticles ?? 0 : 0) }
            ?? summary.annotated
        summary.rejectLines = rejects.lines + (resume?.rewriteRejects == nil ? resume?.keptRejects ?? 0 : 0)
        summary.seconds = Double(StageClock.now() - started) / 1e9
        summary.peakResidentBytes = peakResidentBytes()
        return summary
    }

    /// Runs `body` on a new thread in `group`. The thread leaves the group only once `body` and everything
    /// it holds (its locals, and the closure with what it captured) are released, so that when `group.wait()`
    /// returns no thread still holds a record, a mapping or an annotator: what is left is the caller's to free.
    static func spawn(name: String, group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        let work = ThreadBody(body)
        group.enter()
        let thread = Thread {
            work.run()
            group.leave()
        }
        thread.name = name
        thread.stackSize = 16 << 20
        thread.start()
    }
}

