#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time spent in each stage of a run, in nanoseconds, summed over all threads.
public struct StageTimings: Sendable, Equatable {
    /// Reading and splitting inputs into raw documents.
    public var read: UInt64 = 0
    /// Cleaning: decoding, HTML/markup removal, metadata, language.
    public var clean: UInt64 = 0
    /// Sentence and word segmentation.
    public var segment: UInt64 = 0
    /// Gazetteer and pattern matching of entities.
    public var match: UInt64 = 0
    /// Relation extraction.
    public var relate: UInt64 = 0
    /// Encoding documents and rejects as JSON lines.
    public var encode: UInt64 = 0
    /// Writing lines to the output and rejects streams.
    public var write: UInt64 = 0

    public init() {}

    /// The stages in pipeline order, with their names as written in `--stats`.
    public var named: [(name: String, nanoseconds: UInt64)] {
        [("read", read), ("clean", clean), ("segment", segment), ("match", match), ("relate", relate),
         ("encode", encode), ("write", write)]
    }

    /// The sum of all stages.
    public var total: UInt64 { named.reduce(0) { $0 + $1.nanoseconds } }

    /// Adds another set of timings (another worker's).
    public static func += (lhs: inout StageTimings, rhs: StageTimings) {
        lhs.read += rhs.read
        lhs.clean += rhs.clean
        lhs.segment += rhs.segment
        lhs.match += rhs.match
        lhs.relate += rhs.relate
        lhs.encode += rhs.encode
        lhs.write += rhs.write
    }
}

/// A monotonic stopwatch that gives the time since its last lap.
public struct StageClock {
    private var last: UInt64

    public init() { last = Self.now() }

    /// Nanoseconds since the previous lap (or since the clock started).
    public mutating func lap() -> UInt64 {
        let now = Self.now()
        defer { last = now }
        return now &- last
    }

    /// The monotonic clock, in nanoseconds.
    public static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// The process's peak resident set size in bytes so far (from getrusage), or nil where unknown.
public func peakResidentBytes() -> Int? {
    var usage = rusage()
    #if os(Linux)
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
    return Int(usage.ru_maxrss) * 1024
    #else
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
    return Int(usage.ru_maxrss)
    #endif
}
