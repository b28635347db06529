import Foundation
import GazetteCore
import GazetteOutput
import GazetteReaders
import GazetteRelate

/// Annotates documents with N worker threads and writes them in input order.
///
/// One reader thread splits the inputs into records (`DocumentStream.Iterator.nextRecord`), numbers them
/// and feeds a bounded queue; N workers, each owning one `Annotator`, read the records (JSONL lines and
/// Reuters articles are parsed there, not on the reader thread, which would otherwise be the bottleneck),
/// annotate and encode; the calling thread checks duplicate ids and writes results strictly in sequence order. A worker holding a result more than `window` places ahead of the next one to write
/// waits, so memory is bounded by the queue and the window, not by the number of documents. The output
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
        let keepDocuments = !documentSinks.isEmpty
        let writesArticles = output != nil
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

        // Reader: numbers batches of consecutive items, skips those already done, feeds the queue. Batches
        // (of small documents) keep the hand-over cost low; standard input goes one document at a time so
        // that a pipe stage answers each document as it comes.
        let stream = DocumentStream(inputs: inputs, options: options.reader)
        let skip = options.skip
        let batchLimit = streaming ? 1 : max(1, options.batchSize)
        let batchBytes = 256 << 10
        Self.spawn(name: "gazette-reader", group: group) {
            var iterator = stream.makeIterator()
            var clock = StageClock()
            var sequence = 0, skipped = 0, documents = 0
            var readTime: UInt64 = 0
            var batch: [JobItem] = []
            var pendingBytes = 0
            func send() {
                guard !batch.isEmpty else { return }
                readTime += clock.lap()
                queue.put(Job(sequence: sequence, items: batch, bytes: pendingBytes))
                sequence += 1
                batch.removeAll(keepingCapacity: true)
                pendingBytes = 0
                _ = clock.lap()
            }
            while !queue.isCancelled, let record = iterator.nextRecord() {
                if !skip.isEmpty {
                    let key: DocumentKey
                    switch record {
                    case .item(let item): key = DocumentKey(item)
                    case .pending(let pending): key = DocumentKey(pending.source)
                    }
                    if skip.contains(key) {
                        skipped += 1
                        // A skipped JSONL record still claims its id: a later duplicate stays a duplicate.
                        if case .pending = record { batch.append(JobItem(record: record, inputBytes: 0, claimOnly: true)) }
                        continue
                    }
                }
                documents += 1
                batch.append(JobItem(record: record, inputBytes: iterator.bytesConsumed, claimOnly: false))
                switch record {
                case .item(.document(let raw)): pendingBytes += raw.bytes.count
                case .item(.reject): break
                case .pending(let pending): pendingBytes += pending.byteCount
                }
                if batch.count >= batchLimit || pendingBytes >= batchBytes { send() }
            }
            send()
            readTime += clock.lap()
            readerState.finish(sequenced: documents, skipped: skipped, readTime: readTime,
                               inputBytes: iterator.bytesConsumed, reading: iterator.statistics)
            reorder.setTotal(sequence)
            queue.close()
        }

        // Workers: read, annotate and encode.
        let totals = WorkerTotals()
        for (number, annotator) in annotators.enumerated() {
            let owned = Owned(annotator)
            Self.spawn(name: "gazette-worker-\(number + 1)", group: group) {
                let annotator = owned.value
                var local = StageTimings()
                var reading = ReadStatistics()
                while let job = queue.take() {
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
                            local.read += clock.lap()
                        }
                        if jobItem.claimOnly {
                            if let claim { lines.append(Line(claimOnly: claim)) }
                            continue
                        }
                        var textBytes = 0
                        if case .document(let raw) = item { textBytes = raw.bytes.count }
                        let result = annotator.annotate(item, timings: &local)
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
                        local.encode += clock.lap()
                    }
                    let batch = EncodedBatch(lines: lines, articles: articles.lineCount > 0 ? articles.finish() : nil)
                    guard reorder.put(job.sequence, batch) else { break }
                }
                totals.add(local, reading: reading)
            }
        }

        // Writer: this thread, strictly in sequence order.
        var summary = RunSummary()
        summary.workers = workers
        var writeTime: UInt64 = 0
        var failure: PipelineError?
        var duplicates = DuplicateIDFilter()
        var lastInputBytes = 0
        while true {
            let next = reorder.next(timeout: 0.25)
            switch next {
            case .finished:
                break
            case .waiting:
                progress?.update(documents: summary.annotated + summary.rejected, bytes: lastInputBytes,
                                 rejects: summary.rejected)
                continue
            case .item(let batch):
                var clock = StageClock()
                // Article lines are written in runs straight from the batch's block; a duplicate ends a run.
                var run = 0..<0
                for line in batch.lines {
                    if let claim = line.claim, !duplicates.isFirst(claim) || line.claimOnly {
                        guard !line.claimOnly else { continue }
                        // The second record with this id: its reject replaces whatever the worker made of it.
                        do throws(PipelineError) {
                            if let article = line.article, let block = batch.articles {
                                try output?.write(block, lines: run)
                                run = article + 1..<article + 1
                            }
                            try rejects.write(encoder.encode(claim.duplicate))
                        } catch {
                            failure = error
                            break
                        }
                        summary.rejected += 1
                        summary.rejectsByCode["duplicate_id", default: 0] += 1
                        lastInputBytes = line.inputBytes
                        continue
                    }
                    do throws(PipelineError) {
                        if let code = line.rejectCode {
                            try rejects.write(line.text)
                            summary.rejected += 1
                            summary.rejectsByCode[code, default: 0] += 1
                        } else {
                            if let article = line.article { run = run.lowerBound..<article + 1 }
                            if let document = line.document {
                                for sink in documentSinks { try sink.write(document) }
                            }
                            summary.annotated += 1
                        }
                    } catch {
                        failure = error
                        break
                    }
                    summary.bytes += line.textBytes
                    lastInputBytes = line.inputBytes
                }
                if failure == nil, let block = batch.articles {
                    do throws(PipelineError) {
                        try output?.write(block, lines: run)
                    } catch {
                        failure = error
                    }
                }
                writeTime += clock.lap()
                progress?.update(documents: summary.annotated + summary.rejected, bytes: lastInputBytes,
                                 rejects: summary.rejected)
                if failure != nil { break }
                continue
            }
            break
        }
        if let failure {
            queue.cancel()
            reorder.cancel()
            // Let the reader and the workers end (each finishes at most the record or batch in hand) so that
            // what they hold (mappings, records) is released before the caller reports the error and exits.
            // Bounded: a reader blocked on a pipe that never ends must not keep the error from being reported.
            _ = group.wait(timeout: .now() + .seconds(30))
            progress?.finish()
            throw failure
        }
        group.wait()
        do {
            var clock = StageClock()
            try rejects.flush()
            try output?.flush()
            writeTime += clock.lap()
        }
        progress?.finish()

        let reader = readerState.snapshot()
        summary.read = reader.sequenced + reader.skipped
        summary.skipped = reader.skipped
        summary.inputBytes = reader.inputBytes
        let workerTotals = totals.snapshot()
        summary.reading = reader.reading
        summary.reading += workerTotals.reading
        summary.stages = workerTotals.timings
        summary.stages.read += reader.readTime
        summary.stages.write = writeTime
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

/// A numbered batch of consecutive records on its way to a worker.
struct Job: Sendable {
    let sequence: Int
    let items: [JobItem]
    /// The bytes of the records (for sizing the output).
    var bytes = 0
}

/// One record for a worker, with the input bytes read up to it.
struct JobItem: Sendable {
    let record: ReadRecord
    let inputBytes: Int
    /// A record already done in an earlier run (`--resume`): read only for the id it claims, not annotated.
    let claimOnly: Bool
}

/// The lines a worker made of one job, on their way to the writer.
struct EncodedBatch: Sendable {
    var lines: [Line]
    /// The article lines, in the order of `lines`; nil when there are none (or no JSONL output).
    var articles: LineBlock?

    /// About the memory the batch holds: its lines, and the documents kept for document sinks (about their text).
    var bytes: Int {
        lines.reduce(articles?.byteCount ?? 0) { $0 + $1.text.utf8.count + ($1.document == nil ? 0 : $1.textBytes) }
    }
}

/// What became of one record, on its way to the writer: an article (its line in the batch's block), or a
/// reject line.
struct Line: Sendable {
    /// The reject line; empty for an article.
    let text: String
    /// The reject code when the line is a reject.
    let rejectCode: String?
    /// The index of the article's line in the batch's block, when the document was annotated and is written.
    var article: Int? = nil
    /// Input bytes read up to this document, for progress.
    let inputBytes: Int
    let textBytes: Int
    /// The document itself, kept only when document sinks need it.
    var document: Document? = nil
    /// The id the record claims; the writer turns the line into a `duplicate_id` reject when it is not the first.
    var claim: IDClaim? = nil
    /// Only a claim, of a record skipped because an earlier run did it: nothing is written.
    var claimOnly = false

    init(text: String, rejectCode: String?, inputBytes: Int, textBytes: Int, document: Document? = nil,
         claim: IDClaim? = nil) {
        self.text = text
        self.rejectCode = rejectCode
        self.inputBytes = inputBytes
        self.textBytes = textBytes
        self.document = document
        self.claim = claim
    }

    init(article: Int?, inputBytes: Int, textBytes: Int, document: Document?, claim: IDClaim?) {
        self.init(text: "", rejectCode: nil, inputBytes: inputBytes, textBytes: textBytes, document: document,
                  claim: claim)
        self.article = article
    }

    init(claimOnly claim: IDClaim) {
        self.init(text: "", rejectCode: nil, inputBytes: 0, textBytes: 0, claim: claim)
        claimOnly = true
    }
}

/// The work of one thread, released by the thread as soon as it has run.
final class ThreadBody: @unchecked Sendable {
    private var body: (@Sendable () -> Void)?

    init(_ body: @escaping @Sendable () -> Void) { self.body = body }

    /// Runs the work once and lets go of it (and of everything it captured).
    func run() {
        guard let body else { return }
        self.body = nil
        body()
    }
}

/// Hands a value that is not Sendable to exactly one thread.
final class Owned<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A FIFO of jobs with a fixed capacity: `put` waits while full, `take` waits while empty.
///
/// Threads are woken only when they can go on: a taker when a job comes, the putter (one reading thread)
/// once a full queue has drained to half, so that it refills the queue in one go instead of being woken
/// for every job taken.
final class BoundedQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Job] = []
    private var head = 0
    private let capacity: Int
    /// A waiting putter is woken when the queue is down to this many jobs.
    private let resumeAt: Int
    private var closed = false
    private var cancelled = false
    private var waitingTakers = 0
    private var waitingPutters = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        resumeAt = self.capacity / 2
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    func put(_ job: Job) {
        condition.lock()
        defer { condition.unlock() }
        if items.count - head >= capacity {
            waitingPutters += 1
            while items.count - head > resumeAt && !cancelled { condition.wait() }
            waitingPutters -= 1
        }
        guard !cancelled else { return }
        items.append(job)
        // Putters and takers never wait at the same time (one waits on a full queue, the other on an empty
        // one), so a signal reaches a taker.
        if waitingTakers > 0 { condition.signal() }
    }

    /// The next job, or nil once the queue is closed and empty (or cancelled).
    func take() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        if head == items.count && !closed && !cancelled {
            waitingTakers += 1
            while head == items.count && !closed && !cancelled { condition.wait() }
            waitingTakers -= 1
        }
        guard !cancelled, head < items.count else { return nil }
        let job = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        if waitingPutters > 0 && items.count - head <= resumeAt { condition.broadcast() }
        return job
    }

    func close() {
        condition.changing { closed = true }
    }

    func cancel() {
        condition.changing { cancelled = true }
    }
}

/// Batches of results keyed by sequence number, released strictly in order.
///
/// A batch more than `window` places ahead of the next one to write, or one that would take the
/// waiting lines over `maxBytes`, waits for the writer. The next batch to write never waits, and
/// workers take jobs in sequence order, so the batch the writer needs is always either stored or held
/// by a worker that will store it: no deadlock. A waiting writer is woken once `wakeStride` batches are
/// ready in order from the one it waits for (or the last ones, or as soon as a worker has to wait for
/// room), so that it writes a few at a time; workers only when the writer has taken a batch while some of
/// them wait.
final class ReorderBuffer: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [Int: (batch: EncodedBatch, bytes: Int)] = [:]
    private var pendingBytes = 0
    private var next = 0
    private var total: Int?
    private var cancelled = false
    private var writerWaiting = false
    private var waitingPutters = 0
    private let window: Int
    private let maxBytes: Int
    private let wakeStride: Int

    enum Next {
        case item(EncodedBatch)
        case waiting
        case finished
    }

    init(window: Int, maxBytes: Int, wakeStride: Int = 1) {
        self.window = window
        self.maxBytes = maxBytes
        self.wakeStride = max(1, wakeStride)
    }

    /// Whether the waiting writer should be woken: its batch is here and enough follow it in order (or the
    /// rest of the run does, or workers wait for room). Called with the lock held.
    private var writerShouldWake: Bool {
        guard writerWaiting, pending[next] != nil else { return false }
        if waitingPutters > 0 || wakeStride == 1 { return true }
        var ready = 1
        while ready < wakeStride && pending[next + ready] != nil { ready += 1 }
        if ready == wakeStride { return true }
        if let total, next + ready >= total { return true }
        return false
    }

    /// Stores a batch of results; false when the run was cancelled.
    func put(_ sequence: Int, _ batch: EncodedBatch) -> Bool {
        let bytes = batch.bytes
        condition.lock()
        defer { condition.unlock() }
        if !cancelled && sequence != next && (sequence >= next + window || pendingBytes + bytes > maxBytes) {
            waitingPutters += 1
            // The writer may be waiting for more batches than there is room for: let it take what is here.
            if writerShouldWake { condition.broadcast() }
            while !cancelled && sequence != next && (sequence >= next + window || pendingBytes + bytes > maxBytes) {
                condition.wait()
            }
            waitingPutters -= 1
        }
        guard !cancelled else { return false }
        pending[sequence] = (batch, bytes)
        pendingBytes += bytes
        if writerShouldWake { condition.broadcast() }
        return true
    }

    /// The next result in order; `.waiting` after `timeout` seconds without it; `.finished` after the last.
    func next(timeout: Double) -> Next {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while true {
            if let done = pending.removeValue(forKey: next) {
                pendingBytes -= done.bytes
                next += 1
                if waitingPutters > 0 { condition.broadcast() }
                return .item(done.batch)
            }
            if let total, next >= total { return .finished }
            writerWaiting = true
            let woken = condition.wait(until: deadline)
            writerWaiting = false
            if !woken { return .waiting }
        }
    }

    func setTotal(_ total: Int) {
        condition.changing { self.total = total }
    }

    func cancel() {
        condition.changing { cancelled = true }
    }
}

/// The reader thread's figures, handed over when it ends.
final class ReaderState: @unchecked Sendable {
    private let lock = NSLock()
    private var figures = (sequenced: 0, skipped: 0, readTime: UInt64(0), inputBytes: 0, reading: ReadStatistics())

    func finish(sequenced: Int, skipped: Int, readTime: UInt64, inputBytes: Int, reading: ReadStatistics) {
        lock.lock()
        figures = (sequenced, skipped, readTime, inputBytes, reading)
        lock.unlock()
    }

    func snapshot() -> (sequenced: Int, skipped: Int, readTime: UInt64, inputBytes: Int, reading: ReadStatistics) {
        lock.lock()
        defer { lock.unlock() }
        return figures
    }
}

/// Sums the workers' stage timings and what their reading of pending records saw.
final class WorkerTotals: @unchecked Sendable {
    private let lock = NSLock()
    private var timings = StageTimings()
    private var reading = ReadStatistics()

    func add(_ timings: StageTimings, reading: ReadStatistics) {
        lock.lock()
        self.timings += timings
        self.reading += reading
        lock.unlock()
    }

    func snapshot() -> (timings: StageTimings, reading: ReadStatistics) {
        lock.lock()
        defer { lock.unlock() }
        return (timings, reading)
    }
}

extension NSCondition {
    /// Changes shared state under the lock and wakes every waiter to look at it again.
    func changing(_ change: () -> Void) {
        lock()
        change()
        broadcast()
        unlock()
    }
}
