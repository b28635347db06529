import Foundation
@testable import GazettePipeline
import Testing

@Suite("Reorder buffer")
struct ReorderBufferTests {
    /// Four producers put 400 batches in scrambled order through a window of 2 and a byte bound smaller
    /// than one batch: the writer still gets every batch, in order, without deadlock.
    @Test func releasesBatchesInOrderUnderTightBounds() {
        let buffer = ReorderBuffer(window: 2, maxBytes: 1)
        let total = 400
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
        group.wait()
        #expect(received == Array(0..<total))
    }
}
