import GazetteCore
import GazetteOutput
import GazetteReaders

/// A worker thread of a `ParallelAnnotationRun`: takes jobs from the queue, reads their pending records
/// (JSONL lines and Reuters articles are parsed here, not on the reader thread, which would otherwise be
/// the bottleneck), annotates and encodes them, and hands the lines to the reorder buffer.
struct AnnotationWorker {
    /// The worker's own annotator (not shared between threads).
    let annotator: Annotator
    let encoder: ArticleEncoder
    /// Whether article lines are written (there is a JSONL output).
    let writesArticles: Bool
    /// Whether annotated documents are kept for document sinks.
    let keepDocuments: Bool
    let queue: BoundedQueue
    let reorder: ReorderBuffer
    let totals: WorkerTotals

    /// Works until the queue is closed and empty or the run is cancelled, then adds its figures to `totals`.
    func run() {
        var timings = StageTimings()
        var reading = ReadStatistics()
        while let job = queue.take() {
            let batch = encode(job, timings: &timings, reading: &reading)
            guard reorder.put(job.sequence, batch) else { break }
        }
        totals.add(timings, reading: reading)
    }

    /// The lines of one job: an article or a reject per record, a bare claim per record done earlier.
    func encode(_ job: Job, timings: inout StageTimings, reading: inout ReadStatistics) -> EncodedBatch {
        var lines: [Line] = []
        lines.reserveCapacity(job.items.count)
        // The batch's article lines go into one block (about twice the input bytes: the annotations).
        var articles = LineBlockBuilder(capacity: writesArticles ? 2 * job.bytes + 512 * job.items.count : 0)
        for jobItem in job.items {
            let item: ReadItem
            var claim: IDClaim?
            switch jobItem.record {
            case .item(let read): item = read
            case .pending(let pending):
                var clock = StageClock()
                let statistics: ReadStatistics
                (item, claim, statistics) = pending.read()
                reading += statistics
                timings.read += clock.lap()
            }
            if jobItem.claimOnly {
                if let claim { lines.append(Line(claimOnly: claim)) }
                continue
            }
            var textBytes = 0
            if case .document(let raw) = item { textBytes = raw.bytes.count }
            let result = annotator.annotate(item, timings: &timings)
            var clock = StageClock()
            switch result {
            case .success(let document):
                // Without a JSONL output (Elasticsearch bulk only) the article line is not needed.
                let article = writesArticles
                    ? annotator.appendLine(for: document, encoder: encoder, to: &articles) : nil
                lines.append(Line(article: article, inputBytes: jobItem.inputBytes, textBytes: textBytes,
                                  document: keepDocuments ? document : nil, claim: claim))
            case .failure(let reject):
                lines.append(Line(text: encoder.encode(reject), rejectCode: reject.reason.code,
                                  inputBytes: jobItem.inputBytes, textBytes: textBytes, claim: claim))
            }
            timings.encode += clock.lap()
        }
        return EncodedBatch(lines: lines, articles: articles.lineCount > 0 ? articles.finish() : nil)
    }
}
