#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GazetteBytes

/// Reads newline-terminated lines from a file descriptor in chunks, so a JSONL file or a pipe of any
/// length is read with memory bounded by the longest line (and the chunks whose lines are still in use),
/// and a line is available as soon as it arrives.
///
/// `nextLineSlice` hands a line out as a slice of the chunk it was read into, without copying it: each
/// fill reads into a fresh buffer (holding the unread tail of the last one), so a chunk never changes
/// while lines of it are alive, and is freed with its last line.
public final class LineReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private let chunkSize: Int
    /// Bytes of the lines handed out so far (newlines included).
    public private(set) var consumed = 0
    /// Whether the last line handed out ended with a newline (false for a torn last line).
    public private(set) var lastLineTerminated = true

    /// Reads from a descriptor; `owns` closes it when the reader is done.
    public init(descriptor: Int32, owns: Bool, chunkSize: Int = 1 << 20) {
        self.descriptor = descriptor
        ownsDescriptor = owns
        self.chunkSize = chunkSize
    }

    /// Opens a file for reading, or nil when it cannot be opened.
    public convenience init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        self.init(descriptor: descriptor, owns: true)
    }

    deinit { if ownsDescriptor && descriptor >= 0 { close(descriptor) } }

    /// The bytes read but not yet handed out as lines (used to sniff the format of standard input).
    var pending: ArraySlice<UInt8> { buffer[start...] }

    /// Reads at least one more chunk unless at end of input; false at end.
    @discardableResult
    func fill() -> Bool {
        guard !atEnd else { return false }
        // A new buffer: the unread tail, then room for a chunk, or for as much as the tail when a long line
        // (or a whole input, `readRest`) spans several chunks, so that copying tails stays linear.
        let tail = buffer.count - start
        let room = max(chunkSize, tail)
        var count = 0
        let next = [UInt8](unsafeUninitializedCapacity: tail + room) { storage, initialized in
            let base = storage.baseAddress!
            if tail > 0 {
                buffer.withUnsafeBufferPointer { old in base.initialize(from: old.baseAddress! + start, count: tail) }
            }
            repeat {
                count = read(descriptor, base + tail, room)
            } while count < 0 && errno == EINTR
            initialized = tail + max(count, 0)
        }
        buffer = next
        start = 0
        if count <= 0 { atEnd = true }
        return count > 0
    }

    /// The next line without its newline (a final unterminated line included), or nil at end of input.
    public func nextLine() -> [UInt8]? {
        nextLineSlice().map { Array($0) }
    }

    /// The next line like `nextLine`, as a slice of the chunk it was read into (no copy).
    public func nextLineSlice() -> ArraySlice<UInt8>? {
        var scanned = 0
        while true {
            if let newline = Self.newline(in: buffer, from: start + scanned) {
                let line = buffer[start..<newline]
                consumed += newline + 1 - start
                start = newline + 1
                lastLineTerminated = true
                return line
            }
            scanned = buffer.count - start
            if !fill() {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                consumed += buffer.count - start
                start = buffer.count
                lastLineTerminated = false
                return line
            }
        }
    }

    /// The index of the first newline at or after `from` (memchr: lines are long, newlines rare).
    static func newline(in buffer: [UInt8], from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        let found = buffer.withUnsafeBufferPointer { ByteScan.firstOffset(of: 0x0A, in: $0, from: from) }
        return found < buffer.count ? found : nil
    }

    /// Everything left, for inputs that turn out not to be JSONL.
    func readRest() -> [UInt8] {
        while fill() {}
        let rest = Array(buffer[start...])
        consumed += rest.count
        start = buffer.count
        return rest
    }
}
