import GazetteBytes

/// Whitespace normalisation shared by the cleaners.
public enum Whitespace {
    /// What normalisation does with one scalar of text.
    enum Role: UInt8 {
        /// Kept as it is.
        case text
        /// Part of a run that becomes one space (or nothing at the ends).
        case space
        /// A control character: dropped without separating what is around it.
        case dropped
        /// U+000A: whitespace to `collapse`, a line end to the plain-text paragraph layout.
        case lineFeed
    }

    /// The role of an ASCII byte.
    @inline(__always)
    static func role(ofASCII byte: UInt8) -> Role {
        if byte > 0x20 { return byte == 0x7F ? .dropped : .text }
        switch byte {
        case 0x0A: return .lineFeed
        case 0x09, 0x0B, 0x0C, 0x0D, 0x20: return .space
        default: return .dropped
        }
    }

    /// The role of the well-formed multi-byte scalar encoding of `length` bytes at `scalar`:
    /// Unicode White_Space, U+200B and U+FEFF are spaces, C1 controls are dropped.
    /// (The whitespace scalars are listed as bytes; a test checks them against `Unicode.Scalar.Properties`.)
    @inline(__always)
    static func role(ofScalarAt scalar: UnsafePointer<UInt8>, length: Int) -> Role {
        switch length {
        case 2:
            guard scalar[0] == 0xC2 else { return .text }
            switch scalar[1] {
            case 0x85, 0xA0: return .space  // U+0085 NEXT LINE, U+00A0 NO-BREAK SPACE
            case 0x80...0x9F: return .dropped  // C1 controls
            default: return .text
            }
        case 3:
            switch (scalar[0], scalar[1]) {
            case (0xE1, 0x9A): return scalar[2] == 0x80 ? .space : .text  // U+1680
            case (0xE2, 0x80):
                // U+2000...U+200B, U+2028, U+2029, U+202F
                switch scalar[2] {
                case 0x80...0x8B, 0xA8, 0xA9, 0xAF: return .space
                default: return .text
                }
            case (0xE2, 0x81): return scalar[2] == 0x9F ? .space : .text  // U+205F
            case (0xE3, 0x80): return scalar[2] == 0x80 ? .space : .text  // U+3000
            case (0xEF, 0xBB): return scalar[2] == 0xBF ? .space : .text  // U+FEFF
            default: return .text
            }
        default:
            return .text
        }
    }

    /// Collapses runs of whitespace (including no-break spaces) to one space, drops control
    /// characters, and trims the ends.
    public static func collapse(_ text: some StringProtocol) -> String {
        if let collapsed = text.utf8.withContiguousStorageIfAvailable({ collapse(utf8: $0) }) { return collapsed }
        var copy = String(text)
        return copy.withUTF8 { collapse(utf8: $0) }
    }

    /// `collapse` on the UTF-8 of a string (so well-formed), written straight into the result.
    static func collapse(utf8: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return "" }
        let end = base + utf8.count
        return String(unsafeUninitializedCapacity: utf8.count) { output in
            var count = 0
            var pendingSpace = false
            var cursor = base
            while cursor < end {
                let lead = cursor[0]
                let length = lead < 0x80 ? 1 : min(UTF8Decoding.sequenceLength(lead: lead), end - cursor)
                let role = lead < 0x80 ? role(ofASCII: lead) : role(ofScalarAt: cursor, length: length)
                switch role {
                case .text:
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    for offset in 0..<length { output[count + offset] = cursor[offset] }
                    count += length
                case .space, .lineFeed:
                    pendingSpace = count > 0
                case .dropped:
                    break
                }
                cursor += length
            }
            return count
        }
    }
}
