import Foundation

/// Converts text in a declared legacy charset to UTF-8 (for plain-text payloads; HTML is decoded by libxml2).
enum Transcoder {
    static let encodings: [String: String.Encoding] = [
        "iso-8859-1": .isoLatin1, "latin1": .isoLatin1, "iso8859-1": .isoLatin1, "windows-1252": .windowsCP1252,
        "cp1252": .windowsCP1252, "iso-8859-2": .isoLatin2, "windows-1250": .windowsCP1250,
        "windows-1251": .windowsCP1251, "utf-16": .utf16, "utf-16le": .utf16LittleEndian,
        "utf-16be": .utf16BigEndian, "shift_jis": .shiftJIS, "euc-jp": .japaneseEUC,
    ]

    /// The bytes as UTF-8, or nil when the charset is unknown or the bytes do not fit it.
    static func utf8(from bytes: [UInt8], charset: String) -> [UInt8]? {
        guard let encoding = encodings[charset.lowercased()],
            !([.utf16, .utf16LittleEndian, .utf16BigEndian].contains(encoding) && bytes.count % 2 != 0),
            let string = String(bytes: bytes, encoding: encoding)
        else { return nil }
        return Array(string.utf8)
    }
}
