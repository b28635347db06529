import Foundation
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

/// Finds the charset an HTML or XML document declares in its first bytes.
public enum CharsetSniffer {
    /// The declared charset, lower-cased ("utf-8", "windows-1252"), or nil when none is declared.
    public static func declaredCharset(in bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "utf-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "utf-16le" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "utf-16be" }
        let head = String(decoding: bytes.prefix(2048).map { $0 < 0x80 ? $0 : UInt8(ascii: " ") }, as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding="] {
            guard let range = head.range(of: marker) else { continue }
            let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if !value.isEmpty { return String(value) }
        }
        return nil
    }

    /// The charset a `<meta>` tag in the first 8 KiB declares, lower-cased, as score.py finds it (its regular expression
    /// `<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)`): a `charset` attribute of a `<script>` names the
    /// script's charset, not the page's.
    public static func metaCharset(in html: [UInt8]) -> String? {
        let head = Array(html.prefix(8192)).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        let meta = Array("<meta".utf8), charset = Array("charset".utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var index = 0
        while index + meta.count <= head.count {
            guard head[index..<(index + meta.count)].elementsEqual(meta) else {
                index += 1
                continue
            }
            // `[^>]+` before "charset": at least one byte of the tag, none of them `>`.
            var position = index + meta.count + 1
            while position + charset.count <= head.count, head[position - 1] != UInt8(ascii: ">") {
                if head[position..<(position + charset.count)].elementsEqual(charset) {
                    var cursor = position + charset.count
                    while cursor < head.count, isSpace(head[cursor]) { cursor += 1 }
                    if cursor < head.count, head[cursor] == UInt8(ascii: "=") {
                        cursor += 1
                        while cursor < head.count, isSpace(head[cursor]) { cursor += 1 }
                        if cursor < head.count, head[cursor] == UInt8(ascii: "\"") || head[cursor] == UInt8(ascii: "'") { cursor += 1 }
                        while cursor < head.count, isSpace(head[cursor]) { cursor += 1 }
                        var end = cursor
                        while end < head.count, head[end] < 0x80,
                            Character(UnicodeScalar(head[end])).isLetter || Character(UnicodeScalar(head[end])).isNumber
                                || [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: ".")].contains(head[end]) {
                            end += 1
                        }
                        if end > cursor { return String(decoding: head[cursor..<end], as: UTF8.self) }
                    }
                }
                position += 1
            }
            index += 1
        }
        return nil
    }
}
