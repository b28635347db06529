#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans over a run of bytes, eight at a time (`ByteWord`) or by the C library's `memchr`.
///
/// Each scan has a plain reference in `ByteScanTests`: a loop over single bytes.
public enum ByteScan {
    /// The offset of the first byte in `start..<end` of `bytes` that `marks` marks, else `end` (an empty or
    /// reversed range gives `end`).
    ///
    /// `marks` is a `ByteWord` test (a mask of the bytes of a word that match, exact per byte, or at least exact
    /// in its lowest marked byte), applied to eight bytes at a time; `matches` is the same test on one byte, for
    /// the last bytes (fewer than eight). Inlined, so that both tests are compiled into the loops.
    @inlinable @inline(__always)
    public static func firstOffset(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, where marks: (UInt64) -> UInt64,
        matching matches: (UInt8) -> Bool
    ) -> Int {
        guard start < end, let base = bytes.baseAddress else { return end }
        precondition(start >= 0 && end <= bytes.count, "range outside the buffer")
        let raw = UnsafeRawPointer(base)
        var index = start
        while index &+ 8 <= end {
            // Safety: index + 8 <= end <= bytes.count, so the eight bytes read lie inside the buffer.
            let found = marks(ByteWord.load(raw, at: index))
            if found != 0 { return index &+ ByteWord.firstByte(of: found) }
            index &+= 8
        }
        // Safety: index..<end lies inside the buffer (checked above).
        while index < end && !matches(base[index]) { index &+= 1 }
        return index
    }

    /// `firstOffset(in:from:to:where:matching:)` with the one-byte test taken from `marks` (the byte alone in
    /// the lowest position of a word: its mark is exact).
    @inlinable @inline(__always)
    public static func firstOffset(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, where marks: (UInt64) -> UInt64
    ) -> Int {
        firstOffset(in: bytes, from: start, to: end, where: marks, matching: { marks(UInt64($0)) & 0x80 != 0 })
    }

    /// `firstOffset(in:from:to:where:)` over the whole of `bytes` from `start`.
    @inlinable @inline(__always)
    public static func firstOffset(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, where marks: (UInt64) -> UInt64
    ) -> Int {
        firstOffset(in: bytes, from: start, to: bytes.count, where: marks)
    }

    /// The offset of the first byte of 0x80 or more at or after `start`, else `bytes.count`.
    @inlinable
    public static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int {
        firstOffset(in: bytes, from: start, to: bytes.count, where: ByteWord.nonASCII, matching: { $0 >= 0x80 })
    }

    /// Whether every byte is below 0x80, so that byte offsets are scalar offsets.
    @inlinable
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var high: UInt64 = 0
        // No early exit: the text is nearly always ASCII through, and the loop without a branch is faster.
        while index &+ 8 <= bytes.count {
            // Safety: index + 8 <= count, so the eight bytes read lie inside the buffer.
            high |= ByteWord.load(raw, at: index)
            index &+= 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index &+= 1
        }
        return ByteWord.nonASCII(high) == 0
    }

    /// Whether every byte of a span is below 0x80.
    @inlinable
    public static func isASCII(_ bytes: Span<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { isASCII($0) }
    }

    /// The offset of the first `byte` in `start..<end` of `bytes`, else `end` (an empty or reversed range gives
    /// `end`). The C library's `memchr` does the scan (vectorised): for rare bytes (a quotation mark, a line
    /// break) among many others. The one wrapper of `memchr` in Gazette.
    public static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end, let base = bytes.baseAddress else { return end }
        precondition(start >= 0 && end <= bytes.count, "range outside the buffer")
        // Safety: start..<end lies inside the buffer (checked above), so memchr reads only its bytes.
        guard let found = memchr(base + start, Int32(byte), end - start) else { return end }
        return start + (UnsafeRawPointer(found) - UnsafeRawPointer(base + start))
    }

    /// `firstOffset(of:in:from:to:)` from `start` to the end of `bytes`.
    public static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int {
        firstOffset(of: byte, in: bytes, from: start, to: bytes.count)
    }

    /// `firstOffset(of:in:from:to:)` on a span.
    public static func firstOffset(of byte: UInt8, in bytes: Span<UInt8>, from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { firstOffset(of: byte, in: $0, from: start, to: end) }
    }

    /// The number of bytes in `bytes` that are not UTF-8 continuation bytes (0b10xxxxxx): the number of
    /// Unicode scalars when the bytes are well-formed UTF-8.
    @inlinable
    public static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var count = bytes.count
        var index = 0
        while index &+ 8 <= bytes.count {
            // Safety: index + 8 <= count, so the eight bytes read lie inside the buffer.
            count &-= ByteWord.count(of: ByteWord.continuation(ByteWord.load(raw, at: index)))
            index &+= 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 == 0x80 { count &-= 1 }
            index &+= 1
        }
        return count
    }

    /// `scalarCount` of a span.
    @inlinable
    public static func scalarCount(_ bytes: Span<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { scalarCount($0) }
    }
}

/// Byte classes of ASCII text that several stages share.
public enum ASCIIBytes {
    /// Space, tab, line feed, vertical tab, form feed or carriage return: the ASCII bytes with the
    /// Unicode White_Space property.
    @inlinable @inline(__always)
    public static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

    /// Whether every byte is below 0x80 (`ByteScan.isASCII`).
    @inlinable
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { ByteScan.isASCII(bytes) }

    /// The offset of the first `byte` in `start..<end` of `bytes`, else `end` (`ByteScan.firstOffset(of:…)`,
    /// by `memchr`).
    @inlinable
    public static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        ByteScan.firstOffset(of: byte, in: bytes, from: start, to: end)
    }
}
