/// Replaces bytes that are not UTF-8 with U+FFFD, counting them.
///
/// Used on containers Gazette parses itself (Reuters files, feeds, NITF) when they are UTF-8 by declaration or
/// default: one stray byte must not make the whole container unreadable. Each maximal ill-formed subpart is
/// replaced by one U+FFFD, as the standard library's `UTF8` decoder does.
public enum UTF8Repair {
    /// The bytes with every invalid sequence replaced by U+FFFD (EF BF BD), and how many were replaced.
    /// Valid input is returned unchanged, without copying work beyond the check.
    public static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], replaced: Int) {
        // Valid input is handed back as it is (shared, not copied).
        UTF8Validation.isValid(bytes[...]) ? (bytes, 0) : repair(bytes[...])
    }

    /// As `repair(_:)`, for a slice.
    public static func repair(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], replaced: Int) {
        if UTF8Validation.isValid(bytes) { return (Array(bytes), 0) }
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

    /// Whether the bytes are valid UTF-8 (`UTF8Validation.isValid`).
    public static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool { UTF8Validation.isValid(bytes) }
}
