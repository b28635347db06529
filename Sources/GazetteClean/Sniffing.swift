import Foundation
import GazetteBytes
/// Recognises binary files that arrive under a text or HTML name.
public enum BinarySniffer {
    static let signatures: [(bytes: [UInt8], kind: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF8".utf8), "a GIF image"),
        (Array("%PDF".utf8), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        (Array("RIFF".utf8), "a RIFF media file"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
    ]

    /// A description of the binary format of `bytes`, or nil when they may be text.
    public static func binaryKind(of bytes: [UInt8]) -> String? {
        for signature in signatures where bytes.starts(with: signature.bytes) { return signature.kind }
        let head = bytes.prefix(4096)
        // UTF-16 text has NULs too, but it starts with a byte order mark.
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return nil }
        if head.contains(0) { return "binary data (NUL bytes)" }
        return nil
    }
}

/// Finds the charset an HTML document declares in its own bytes, and names it as browsers read it.
public enum CharsetSniffer {
    /// The declared charset, lower-cased ("utf-8", "windows-1252"): a byte order mark's, else the page's XML
    /// declaration or first charset-naming `<meta>` (`HTMLCharsetPrescan`), or nil when none is declared.
    public static func declaredCharset(in bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "utf-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "utf-16le" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "utf-16be" }
        return HTMLCharsetPrescan.declaredCharset(in: bytes)
    }

    /// The charset a label names as browsers decode it (the WHATWG Encoding Standard): ISO-8859-1 and ASCII labels
    /// mean windows-1252, whose bytes 0x80-0x9F are curly quotes, dashes and the euro sign rather than controls.
    /// Other labels are passed on as written, for libxml2's converters.
    public static func decodingName(_ label: String) -> String {
        latin1Labels.contains(label) ? "windows-1252" : label
    }

    /// Labels the Encoding Standard maps to windows-1252.
    static let latin1Labels: Set<String> = [
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
        "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
    ]
}
