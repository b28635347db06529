import Foundation
@testable import GazettePipeline
import Testing

@Suite("Bounded queue")
struct BoundedQueueTests {
    /// One putter and three takers through queues of capacity 1 to 4, some takers slow: every job is taken
    /// exactly once, each taker sees increasing sequence numbers, and closing ends every taker (no lost wakeup).
    @Test(arguments: [1, 2, 3, 4])
    func everyJobIsTakenOnceAndTakersEndOnClose(capacity: Int) {
        let queue = BoundedQueue(capacity: capacity)
        let total = 3000
        let lock = NSLock()
        nonisolated(unsafe) var taken: [[Int]] = [[], [], []]
        let group = DispatchGroup()
        for taker in 0..<3 {
            group.enter()
            Thread {
                defer { group.leave() }
                var mine: [Int] = []
                while let job = queue.take() {
                    mine.append(job.sequence)
                    if job.sequence % (97 + taker) == 0 { usleep(100) }
                }
                lock.lock()
                taken[taker] = mine
                lock.unlock()
            }.start()
        }
        // The putter runs on its own thread: a lost wakeup leaves it stuck on a full queue, not the test.
        let putter = DispatchGroup()
        putter.enter()
        Thread {
            defer { putter.leave() }
            for sequence in 0..<total {
                queue.put(Job(sequence: sequence, items: []))
                if sequence % 500 == 0 { usleep(2000) }  // takers drain the queue and wait on it empty
            }
        }.start()
        let putAll = putter.wait(timeout: .now() + 30)
        #expect(putAll == .success, "the putter or the takers were never woken")
        if putAll != .success { queue.cancel() }
        queue.close()
        let ended = group.wait(timeout: .now() + 30)
        #expect(ended == .success, "a taker never woke up")
        lock.lock()
        defer { lock.unlock() }
        // Compared as Booleans, so that a failure does not print thousands of numbers.
        let everyJobOnce = taken.flatMap { $0 }.sorted() == Array(0..<total)
        #expect(everyJobOnce, "\(taken.map(\.count)) jobs taken of \(total)")
        let inOrder = taken.allSatisfy { $0 == $0.sorted() }
        #expect(inOrder)
    }

    /// Cancelling wakes a putter waiting on a full queue, and takers get nothing more.
    @Test func cancelWakesAWaitingPutter() {
        let queue = BoundedQueue(capacity: 2)
        queue.put(Job(sequence: 0, items: []))
        queue.put(Job(sequence: 1, items: []))
        let group = DispatchGroup()
        group.enter()
        Thread {
            defer { group.leave() }
            queue.put(Job(sequence: 2, items: []))  // waits: the queue is full
        }.start()
        usleep(20_000)
        queue.cancel()
        #expect(group.wait(timeout: .now() + 10) == .success)
        #expect(queue.take() == nil)
    }
}
