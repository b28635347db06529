/// The bytes of one record (a JSONL line), as a slice of storage it shares with the other records of its
/// input — a `LineReader` chunk, a whole file read into an array, or a `MappedFile` — never a copy.
///
/// The slice keeps its storage alive, and storage is never written once records of it are handed out, so
/// a record can be read on any thread.
struct RecordBytes: Sendable {
    private enum Storage: Sendable {
        case array(ArraySlice<UInt8>)
        case mapped(MappedFile, Range<Int>)
    }

    private let storage: Storage

    /// The bytes of an array slice.
    init(_ slice: ArraySlice<UInt8>) { storage = .array(slice) }

    /// The bytes of a range of a mapped file.
    init(_ file: MappedFile, _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= file.bytes.count)
        storage = .mapped(file, range)
    }

    /// The number of bytes.
    var count: Int {
        switch storage {
        case .array(let slice): slice.count
        case .mapped(_, let range): range.count
        }
    }

    /// Calls `body` with the bytes, valid only during the call.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch storage {
        case .array(let slice):
            return try slice.withUnsafeBufferPointer(body)
        case .mapped(let file, let range):
            return try withExtendedLifetime(file) { try body(UnsafeBufferPointer(rebasing: file.bytes[range])) }
        }
    }

    /// A copy of the bytes (for tests and diagnostics).
    var array: [UInt8] { withUnsafeBufferPointer { Array($0) } }

    /// Whether every byte is a space, a tab or a carriage return (a blank JSONL line, skipped).
    var isBlank: Bool {
        withUnsafeBufferPointer { bytes in bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
    }
}
