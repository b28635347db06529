/// Replaces bytes that are not UTF-8 with U+FFFD, counting them.
///
/// Used on containers Gazette parses itself (Reuters files, feeds, NITF) when they are UTF-8 by declaration or
/// default, and on HTML pages that are UTF-8 but for a few damaged bytes: one stray byte must not make the whole
/// container, or the article, unreadable. Each maximal ill-formed subpart is
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

    /// How many well-formed multi-byte characters and how many ill-formed subparts (each one U+FFFD when repaired)
    /// the bytes hold: the evidence for reading bytes that are not valid UTF-8 as damaged UTF-8 (many characters, a
    /// few bad bytes) or as a legacy charset (no multi-byte character at all).
    public static func census(_ bytes: ArraySlice<UInt8>) -> (multiByte: Int, invalid: Int) {
        var multiByte = 0
        var invalid = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar.value >= 0x80 { multiByte += 1 }
            case .error: invalid += 1
            case .emptyInput: break loop
            }
        }
        return (multiByte, invalid)
    }

    /// Whether the bytes are valid UTF-8 (`UTF8Validation.isValid`).
    public static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool { UTF8Validation.isValid(bytes) }
}
