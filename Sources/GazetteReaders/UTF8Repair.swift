/// Replaces bytes that are not UTF-8 with U+FFFD, counting them.
///
/// Used on containers Gazette parses itself (Reuters files, feeds, NITF) when they are UTF-8 by
/// declaration or default: one stray byte must not make the whole container unreadable.
public enum UTF8Repair {
    /// The bytes with every invalid sequence replaced by U+FFFD (EF BF BD), and how many were replaced.
    /// Valid input is returned unchanged, without copying work beyond the check.
    public static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], replaced: Int) {
        // Valid input is handed back as it is (shared, not copied).
        isValid(bytes[...]) ? (bytes, 0) : repair(bytes[...])
    }

    /// As `repair(_:)`, for a slice.
    public static func repair(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], replaced: Int) {
        if isValid(bytes) { return (Array(bytes), 0) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var replaced = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                UTF8.encode(scalar) { output.append($0) }
            case .error:
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                replaced += 1
            case .emptyInput:
                break loop
            }
        }
        return (output, replaced)
    }

    /// Whether the bytes are valid UTF-8.
    public static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        // ASCII fast path, then the standard decoder for the rest.
        var index = bytes.startIndex
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset + 8 <= buffer.count,
                UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                offset += 8
            }
            index += offset
        }
        while index < bytes.endIndex, bytes[index] < 0x80 { index += 1 }
        if index == bytes.endIndex { return true }
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
