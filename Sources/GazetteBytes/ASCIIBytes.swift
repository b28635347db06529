/// Byte classes of ASCII text that several stages share (scans over many bytes are `ByteScan`'s).
public enum ASCIIBytes {
    /// Space, tab, line feed, vertical tab, form feed or carriage return: the ASCII bytes with the
    /// Unicode White_Space property.
    @inlinable @inline(__always)
    public static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }
}
