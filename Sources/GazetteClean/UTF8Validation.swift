/// Strict UTF-8 well-formedness on raw bytes (Unicode Table 3-7: no overlong forms,
/// no surrogates, nothing above U+10FFFF), without decoding to `Unicode.Scalar`s.
enum UTF8Validation {
    /// The length of the well-formed scalar encoding that starts at `start`, or nil when the
    /// bytes there (up to `end`) are not one. The byte at `start` must be 0x80 or above.
    @inline(__always)
    static func sequenceLength(at start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Int? {
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
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let end = base + bytes.count
        var cursor = base
        while cursor < end {
            // ASCII runs are checked eight bytes at a time.
            while end - cursor >= 8,
                UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                cursor += 8
            }
            guard cursor < end else { break }
            if cursor[0] < 0x80 {
                cursor += 1
            } else if let length = sequenceLength(at: cursor, end: end) {
                cursor += length
            } else {
                return cursor - base
            }
        }
        return nil
    }
}
