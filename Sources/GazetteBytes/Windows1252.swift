/// windows-1252 as the WHATWG Encoding Standard decodes it: the charset browsers read ISO-8859-1, ASCII and
/// undeclared legacy pages in. Bytes 0x00-0x7F are ASCII and 0xA0-0xFF are U+00A0-U+00FF, as in ISO-8859-1;
/// 0x80-0x9F are the curly quotes, dashes, euro sign and other letters of `high`, and the five bytes the code
/// page leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) are the C1 controls of the same number.
///
/// Decoded here rather than by iconv, whose strict windows-1252 stops at those five bytes: one of them in a
/// comment (a page with a Shift-JIS comment in an English body) cost libxml2 the rest of the page.
public enum Windows1252 {
    /// The scalars of bytes 0x80-0x9F.
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The scalar a byte stands for.
    public static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
        // Every entry of `high` is a valid scalar (none is a surrogate), as is every byte value.
        return Unicode.Scalar(value)!
    }

    /// The bytes decoded and encoded as UTF-8.
    public static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                UTF8.encode(scalar(byte)) { output.append($0) }
            }
        }
        return output
    }
}
