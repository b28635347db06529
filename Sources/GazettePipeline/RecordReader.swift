import GazetteReaders

/// The reader thread of a `ParallelAnnotationRun`: splits the inputs into records, numbers batches of
/// consecutive records, skips those already done, and feeds the queue.
///
/// Batches (of small documents) keep the hand-over cost low; standard input goes one document at a time
/// (`batchLimit` 1) so that a pipe stage answers each document as it comes.
struct RecordReader: Sendable {
    let stream: DocumentStream
    /// Documents an earlier run already wrote (`--resume`).
    let skip: Set<DocumentKey>
    /// Records per batch at most.
    let batchLimit: Int
    /// A batch is sent once its records hold this many bytes.
    let batchBytes: Int
    let queue: BoundedQueue
    let reorder: ReorderBuffer
    let state: ReaderState

    /// Reads every record into the queue, then tells the reorder buffer how many batches there are and
    /// closes the queue.
    func run() {
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
            if !skip.isEmpty && skip.contains(Self.key(of: record)) {
                skipped += 1
                // A skipped JSONL record still claims its id: a later duplicate stays a duplicate.
                if case .pending = record { batch.append(JobItem(record: record, inputBytes: 0, claimOnly: true)) }
                continue
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
        state.finish(sequenced: documents, skipped: skipped, readTime: readTime,
                     inputBytes: iterator.bytesConsumed, reading: iterator.statistics)
        reorder.setTotal(sequence)
        queue.close()
    }

    /// The key a record is skipped by.
    static func key(of record: ReadRecord) -> DocumentKey {
        switch record {
        case .item(let item): DocumentKey(item)
        case .pending(let pending): DocumentKey(pending.source)
        }
    }
}
