import Foundation
import GazetteReaders

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
