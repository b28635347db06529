import Foundation
@testable import GazettePipeline
import Testing

@Suite("Reorder buffer")
struct ReorderBufferTests {
    /// Four producers put 400 batches (or 3, fewer than the writer's wake stride) in scrambled order through
    /// a window of 2 and a byte bound smaller than one batch: the writer still gets every batch, in order,
    /// without deadlock, also when it is woken only for several batches at a time (it must be woken when
    /// there is no room for them, and for the last ones).
    @Test(arguments: [(1, 400), (4, 400), (4, 3)])
    func releasesBatchesInOrderUnderTightBounds(wakeStride: Int, total: Int) {
        let buffer = ReorderBuffer(window: 2, maxBytes: 1, wakeStride: wakeStride)
        let next = NSLock()
        nonisolated(unsafe) var taken = 0
        let group = DispatchGroup()
        for _ in 0..<4 {
            group.enter()
            Thread {
                defer { group.leave() }
                while true {
                    next.lock()
                    let sequence = taken
                    taken += 1
                    next.unlock()
                    guard sequence < total else { return }
                    if sequence % 7 == 0 { usleep(200) }  // some batches are slow
                    let line = Line(text: "line \(sequence)", rejectCode: nil, inputBytes: sequence, textBytes: 1)
                    _ = buffer.put(sequence, EncodedBatch(lines: [line]))
                }
            }.start()
        }
        buffer.setTotal(total)
        var received: [Int] = []
        loop: while true {
            switch buffer.next(timeout: 5) {
            case .item(let batch): received += batch.lines.map(\.inputBytes)
            case .waiting: break loop  // no progress for 5 s: a deadlock
            case .finished: break loop
            }
        }
        // A writer that gave up leaves producers waiting for room: release them, so the test fails, not hangs.
        if received.count < total { buffer.cancel() }
        group.wait()
        let inOrder = received == Array(0..<total)
        #expect(inOrder, "\(received.count) of \(total) batches, in order: \(received == received.sorted())")
    }
}
