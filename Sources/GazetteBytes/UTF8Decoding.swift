/// Decoding well-formed UTF-8 to Unicode scalars, with an ASCII fast path.
///
/// Reference: `Array(string.unicodeScalars)` (`UTF8DecodingTests` compares them).
public enum UTF8Decoding {
    /// The length of the scalar encoding that a UTF-8 lead byte starts (1 for ASCII; 2 for any other byte below
    /// 0xE0, continuation bytes included: the caller checks well-formedness where it matters).
    @inlinable @inline(__always)
    public static func sequenceLength(lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0x80 ? 2 : 1
    }

    /// The Unicode scalars of a string, decoded from its UTF-8 in one pass after counting them.
    public static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        // A String's UTF-8 is always well-formed.
        return text.withUTF8 { scalars(ofWellFormed: $0) }
    }

    /// The Unicode scalars of `utf8`, which must be well-formed UTF-8 (as a `String`'s bytes are): every lead
    /// byte has its continuation bytes. Ill-formed input traps (bounds) or decodes to wrong scalars.
    public static func scalars(ofWellFormed utf8: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        // (No `Array(unsafeUninitializedCapacity: 0)`: the standard library writes the count into the shared empty
        // array's storage, a race ThreadSanitizer reports when two threads decode empty text.)
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return [] }
        let count = ByteScan.scalarCount(utf8)
        let raw = UnsafeRawPointer(base)
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            var index = 0
            var decoded = 0
            while index < utf8.count {
                // Safety: index + 8 <= count, so the eight bytes read lie inside the buffer; eight ASCII bytes
                // are eight scalars, and `count` scalars were reserved.
                if index + 8 <= utf8.count, ByteWord.nonASCII(ByteWord.load(raw, at: index)) == 0 {
                    for offset in 0..<8 { buffer[decoded + offset] = Unicode.Scalar(utf8[index + offset]) }
                    index += 8
                    decoded += 8
                    continue
                }
                let lead = UInt32(utf8[index])
                var value: UInt32
                if lead < 0x80 {
                    value = lead
                    index += 1
                } else if lead < 0xE0 {
                    value = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                    index += 2
                } else if lead < 0xF0 {
                    value = (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                    index += 3
                } else {
                    value = (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
                        | UInt32(utf8[index + 3] & 0x3F)
                    index += 4
                }
                // Safety: well-formed input has one lead byte per counted scalar, so decoded < count.
                buffer[decoded] = Unicode.Scalar(value) ?? "\u{FFFD}"
                decoded += 1
            }
            initialized = decoded
        }
    }
}
