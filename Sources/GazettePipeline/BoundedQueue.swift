import Foundation

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
