import Foundation

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
