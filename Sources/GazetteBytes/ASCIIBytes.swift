/// Byte classes of ASCII text that several stages share (scans over many bytes are `ByteScan`'s).
public enum ASCIIBytes {
    /// Space, tab, line feed, vertical tab, form feed or carriage return: the ASCII bytes with the
    /// Unicode White_Space property.
    @inlinable @inline(__always)
    public static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

    /// The byte with ASCII letters lower-cased (other bytes unchanged).
    @inlinable @inline(__always)
    public static func lowercased(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// Whether `needle` (lower-case ASCII) occurs at `index` of `haystack`, ASCII case ignored.
    public static func matchesLowercased(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, at index: Int) -> Bool {
        guard index >= haystack.startIndex, index + needle.count <= haystack.endIndex else { return false }
        for offset in 0..<needle.count where lowercased(haystack[index + offset]) != needle[offset] { return false }
        return true
    }

    /// The first offset at or after `start` where `needle` (lower-case ASCII) occurs in `haystack`, ASCII case
    /// ignored: a search restarted at each byte, for the short markers of markup ("<meta", "ld+json").
    public static func firstOffset(ofLowercased needle: [UInt8], in haystack: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = max(start, haystack.startIndex)
        while index + needle.count <= haystack.endIndex {
            if matchesLowercased(needle, in: haystack, at: index) { return index }
            index += 1
        }
        return nil
    }
}
