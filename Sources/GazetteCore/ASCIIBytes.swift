#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level tests on UTF-8 text that several stages share.
public enum ASCIIBytes {
    /// Space, tab, line feed, vertical tab, form feed or carriage return: the ASCII bytes with the
    /// Unicode White_Space property.
    @inlinable @inline(__always)
    public static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

    /// Whether every byte is below 0x80, so that byte offsets are scalar offsets (read eight bytes at a time).
    @inlinable
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(base[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// The offset of the first `byte` in `start..<end` of `bytes`, else `end` (an empty or reversed range gives
    /// `end`). The C library's `memchr` does the scan (vectorised), for the scans of ASCII text that look for a
    /// rare byte (a quotation mark, a line break) among many others.
    ///
    /// Reference: `(start..<end).first { bytes[$0] == byte } ?? end`.
    public static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end, let base = bytes.baseAddress else { return end }
        precondition(start >= 0 && end <= bytes.count, "range outside the buffer")
        // Safety: start..<end lies inside the buffer (checked above), so memchr reads only its bytes.
        guard let found = memchr(base + start, Int32(byte), end - start) else { return end }
        return start + (UnsafeRawPointer(found) - UnsafeRawPointer(base + start))
    }
}
