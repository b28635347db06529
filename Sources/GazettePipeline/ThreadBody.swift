import Foundation

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
