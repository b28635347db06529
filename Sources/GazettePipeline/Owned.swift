/// Hands a value that is not Sendable to exactly one thread.
final class Owned<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
