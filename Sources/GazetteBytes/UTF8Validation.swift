/// Strict UTF-8 well-formedness on raw bytes (Unicode Table 3-7: no overlong forms, no surrogates, nothing
/// above U+10FFFF), without decoding to `Unicode.Scalar`s.
///
/// Reference: the standard library's `UTF8` decoder (`UTF8ValidationTests` compares them).
public enum UTF8Validation {
    /// The length of the well-formed scalar encoding that starts at `start`, or nil when the bytes there (up
    /// to `end`) are not one. The byte at `start` must be 0x80 or above.
    ///
    /// The caller guarantees that `start..<end` is readable memory and `start < end`.
    @inlinable @inline(__always)
    public static func sequenceLength(at start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Int? {
        // Safety: every byte read, start[k], has k < the length required, which is checked against `available`
        // first; start[0] is readable since start < end.
        let lead = start[0]
        let available = end - start
        @inline(__always) func isContinuation(_ offset: Int) -> Bool { start[offset] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return available >= 2 && isContinuation(1) ? 2 : nil
        case 0xE0...0xEF:
            guard available >= 3 else { return nil }
            let second = start[1]
            let secondValid: Bool
            switch lead {
            case 0xE0: secondValid = (0xA0...0xBF).contains(second)
            case 0xED: secondValid = (0x80...0x9F).contains(second)
            default: secondValid = second & 0xC0 == 0x80
            }
            return secondValid && isContinuation(2) ? 3 : nil
        case 0xF0...0xF4:
            guard available >= 4 else { return nil }
            let second = start[1]
            let secondValid: Bool
            switch lead {
            case 0xF0: secondValid = (0x90...0xBF).contains(second)
            case 0xF4: secondValid = (0x80...0x8F).contains(second)
            default: secondValid = second & 0xC0 == 0x80
            }
            return secondValid && isContinuation(2) && isContinuation(3) ? 4 : nil
        default:
            return nil
        }
    }

    /// Offset of the first byte of the first ill-formed sequence, or nil when all of `bytes` is UTF-8.
    public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let end = base + bytes.count
        var offset = 0
        while offset < bytes.count {
            // ASCII runs are skipped eight bytes at a time.
            offset = ByteScan.firstNonASCII(in: bytes, from: offset)
            guard offset < bytes.count else { break }
            // Safety: offset < count, so base + offset is inside the buffer and before `end`.
            guard let length = sequenceLength(at: base + offset, end: end) else { return offset }
            offset += length
        }
        return nil
    }

    /// Whether all of `bytes` is well-formed UTF-8.
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { firstInvalidOffset(bytes) == nil }

    /// Whether all of `bytes` is well-formed UTF-8.
    public static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.withUnsafeBufferPointer(isValid) }
}
