import Foundation

extension NSCondition {
    /// Changes shared state under the lock and wakes every waiter to look at it again.
    func changing(_ change: () -> Void) {
        lock()
        change()
        broadcast()
        unlock()
    }
}
