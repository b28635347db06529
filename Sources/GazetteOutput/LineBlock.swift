/// Lines encoded one after another into one buffer, each ended by a newline, with where each one ends:
/// a batch of output that the thread which encoded it hands whole to the thread which writes it, so
/// that the writer passes runs of lines on without copying them line by line.
///
/// Immutable once built (`LineBlockBuilder.finish()`); frees its buffer when the last reference goes.
public final class LineBlock: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    /// The number of bytes, newlines included.
    public let byteCount: Int
    /// The offset just past each line's newline, in order.
    public let lineEnds: [Int]

    init(taking base: UnsafeMutablePointer<UInt8>, count: Int, lineEnds: [Int]) {
        self.base = base
        byteCount = count
        self.lineEnds = lineEnds
    }

    deinit { base.deallocate() }

    /// The number of lines.
    public var lineCount: Int { lineEnds.count }

    /// The byte range of lines `lines` (newlines included).
    public func byteRange(ofLines lines: Range<Int>) -> Range<Int> {
        guard !lines.isEmpty else { return 0..<0 }
        let start = lines.lowerBound == 0 ? 0 : lineEnds[lines.lowerBound - 1]
        return start..<lineEnds[lines.upperBound - 1]
    }

    /// Calls `body` with the bytes of lines `lines` (newlines included).
    public func withBytes<Result, Failure: Error>(
        ofLines lines: Range<Int>, _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let range = byteRange(ofLines: lines)
        return try body(UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// Line `index` without its newline, as a string.
    public func line(_ index: Int) -> String {
        let range = byteRange(ofLines: index..<index + 1)
        return String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count - 1),
                      as: UTF8.self)
    }
}

/// Collects encoded lines into one buffer for a `LineBlock` (see `ArticleEncoder.append(_:asOf:gazetteerVersion:to:)`).
public struct LineBlockBuilder: ~Copyable {
    var buffer: LineBuffer
    var lineEnds: [Int] = []

    /// An empty builder with room for about `capacity` bytes before it grows.
    public init(capacity: Int) {
        buffer = LineBuffer(capacity: capacity)
    }

    /// The number of lines appended so far.
    public var lineCount: Int { lineEnds.count }

    /// Ends the line being written with a newline; its index.
    mutating func endLine() -> Int {
        buffer.append(UInt8(ascii: "\n"))
        lineEnds.append(buffer.count)
        return lineEnds.count - 1
    }

    /// The block of the lines appended.
    public consuming func finish() -> LineBlock {
        buffer.block(lineEnds: lineEnds)
    }
}
