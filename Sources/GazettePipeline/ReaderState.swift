import Foundation
import GazetteReaders

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
