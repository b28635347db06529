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
