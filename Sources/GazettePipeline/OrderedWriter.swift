import GazetteCore
import GazetteOutput
import GazetteReaders

/// The writing side of a `ParallelAnnotationRun` (the calling thread): takes the encoded batches strictly in
/// sequence order, turns a repeated id into a `duplicate_id` reject, writes articles, rejects and document
/// sinks, counts, and reports progress.
struct OrderedWriter {
    let encoder: ArticleEncoder
    /// The JSONL output; nil writes no article lines.
    let output: LineSink?
    let rejects: LineSink
    let documentSinks: [any DocumentSink]
    let progress: ProgressReporter?
    /// What has been written so far.
    private(set) var summary = RunSummary()
    /// Nanoseconds spent writing.
    private(set) var writeTime: UInt64 = 0
    private var duplicates = DuplicateIDFilter()
    /// Input bytes read up to the last document written, for progress.
    private var lastInputBytes = 0

    init(encoder: ArticleEncoder, output: LineSink?, rejects: LineSink, documentSinks: [any DocumentSink],
         progress: ProgressReporter?) {
        self.encoder = encoder
        self.output = output
        self.rejects = rejects
        self.documentSinks = documentSinks
        self.progress = progress
    }

    /// Writes every batch of the buffer in order until the last; stops at the first write error.
    mutating func drain(_ reorder: ReorderBuffer) throws(PipelineError) {
        while true {
            switch reorder.next(timeout: 0.25) {
            case .finished:
                return
            case .waiting:
                reportProgress()
            case .item(let batch):
                var clock = StageClock()
                var failure: PipelineError?
                do throws(PipelineError) {
                    try write(batch)
                } catch {
                    failure = error
                }
                writeTime += clock.lap()
                reportProgress()
                if let failure { throw failure }
            }
        }
    }

    /// Flushes both sinks (the time counts as writing).
    mutating func flush() throws(PipelineError) {
        var clock = StageClock()
        try rejects.flush()
        try output?.flush()
        writeTime += clock.lap()
    }

    /// Writes one batch. Article lines are written in runs straight from the batch's block; a duplicate
    /// ends a run.
    mutating func write(_ batch: EncodedBatch) throws(PipelineError) {
        var run = 0..<0
        for line in batch.lines {
            if let claim = line.claim, !duplicates.isFirst(claim) || line.claimOnly {
                guard !line.claimOnly else { continue }
                // The second record with this id: its reject replaces whatever the worker made of it.
                if let article = line.article, let block = batch.articles {
                    try output?.write(block, lines: run)
                    run = article + 1..<article + 1
                }
                try rejects.write(encoder.encode(claim.duplicate))
                summary.rejected += 1
                summary.rejectsByCode[RejectCode.duplicateID.rawValue, default: 0] += 1
                lastInputBytes = line.inputBytes
                continue
            }
            if let code = line.rejectCode {
                try rejects.write(line.text)
                summary.rejected += 1
                summary.rejectsByCode[code.rawValue, default: 0] += 1
            } else {
                if let article = line.article { run = run.lowerBound..<article + 1 }
                if let document = line.document {
                    for sink in documentSinks { try sink.write(document) }
                }
                summary.annotated += 1
            }
            summary.bytes += line.textBytes
            lastInputBytes = line.inputBytes
        }
        if let block = batch.articles { try output?.write(block, lines: run) }
    }

    /// Tells the progress reporter how far the run is.
    func reportProgress() {
        progress?.update(documents: summary.annotated + summary.rejected, bytes: lastInputBytes,
                         rejects: summary.rejected)
    }
}
