import GazetteBytes
import GazetteCore

/// Classes of ASCII scalar values, for the fast paths that skip `Character` for ASCII text.
enum ASCII {
    /// A–Z or a–z: for ASCII, the same as `Character.isLetter` and `Unicode.Scalar.Properties.isAlphabetic`.
    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool { (value | 0x20) &- 0x61 < 26 }

    /// Tab, line feed, vertical tab, form feed, carriage return or space: the ASCII scalars with the
    /// Unicode White_Space property.
    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool { value == 0x20 || value &- 0x09 < 5 }

    /// A byte with A–Z lower-cased.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
}
