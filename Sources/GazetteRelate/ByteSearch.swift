/// Searches for one byte in a stretch of bytes, eight bytes at a time: for the scans of ASCII text
/// that look for a rare byte (a quotation mark, a line break) over many others.
enum ByteSearch {
    /// The offset of the first `byte` in `start..<end` of `bytes`, else `end`. `start...end` must lie
    /// within the buffer (an empty or reversed range gives `end`).
    ///
    /// Reference: `(start..<end).first { bytes[$0] == byte } ?? end`.
    static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end, let base = bytes.baseAddress else { return end }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* UInt64(byte)
        var offset = start
        while offset + 8 <= end {
            // Safe: the eight bytes read, offset..<offset + 8, lie before `end`, inside the buffer.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) ^ pattern
            // A byte equal to `byte` is a zero byte of `word`; the lowest flagged byte is the first
            // zero byte (a borrow only flags bytes above a zero one).
            let zeros = (word &- ones) & ~word & highBits
            if zeros != 0 { return offset + zeros.trailingZeroBitCount / 8 }
            offset += 8
        }
        while offset < end {
            if bytes[offset] == byte { return offset }
            offset += 1
        }
        return end
    }
}
