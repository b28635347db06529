/// The charset an HTML page declares in its own bytes, found before parsing as a browser's prescan finds it: an
/// XML declaration at the very start (`<?xml … encoding="…"?>`), else the first `<meta>` tag in the first
/// `window` bytes whose attributes name a charset (`<meta charset="…">`, or `<meta http-equiv="Content-Type"
/// content="text/html; charset=…">`).
///
/// Only `<meta>` counts: a `charset` attribute of a `<script>` or `<link>` names that resource's charset, not the
/// page's (archived pages put a replay toolbar's `<script charset="utf-8">` above a Latin-1 page's own `<meta>`).
/// The window is 8 KiB rather than the 1 KiB of the WHATWG prescan, because such toolbars and long `<head>`s push
/// the `<meta>` further down; browsers that miss it there re-parse once they meet it.
///
/// Reference: the `<meta>` rule is the regular expression `<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)`
/// (case-insensitive, lazy) over the window, which `CharsetBytesTests` compares against on generated heads: the
/// first charset a tag names, as browsers take the first of two `charset` attributes. (score.py's expression is
/// greedy and takes the last; the two differ only on a tag that names two.)
public enum HTMLCharsetPrescan {
    /// How many leading bytes are searched for a `<meta>` declaration.
    public static let window = 8192

    /// The declared charset as written, lower-cased ("iso-8859-1", "utf-8", "windows-1250"), or nil.
    public static func declaredCharset(in bytes: [UInt8]) -> String? {
        if let range = xmlDeclarationEncodingRange(bytes) { return lowercased(bytes[range]) }
        return metaCharset(in: bytes)
    }

    /// The charset the first charset-naming `<meta>` tag of the window declares, lower-cased, or nil.
    public static func metaCharset(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(window)
        let end = head.endIndex
        var index = head.startIndex
        while let tag = ASCIIBytes.firstOffset(ofLowercased: meta, in: head, from: index) {
            // `[^>]+` before "charset": at least one byte of the tag, none of them `>`.
            var position = tag + meta.count + 1
            while position + charset.count <= end, head[position - 1] != UInt8(ascii: ">") {
                if ASCIIBytes.matchesLowercased(charset, in: head, at: position), let value = value(in: head, after: position + charset.count) {
                    return value
                }
                position += 1
            }
            index = tag + 1
        }
        return nil
    }

    /// The byte range of the value of `encoding="…"` in an XML declaration at the start of the bytes (after
    /// leading spaces), if there is one.
    public static func xmlDeclarationEncodingRange(_ bytes: [UInt8]) -> Range<Int>? {
        var start = 0
        while start < bytes.count, start < 64, ASCIIBytes.isSpace(bytes[start]) { start += 1 }
        guard bytes[start...].starts(with: xmlDeclarationStart) else { return nil }
        let limit = min(bytes.count, start + 256)
        guard let end = bytes[start..<limit].firstIndex(of: UInt8(ascii: ">")),
            let key = ASCIIBytes.firstOffset(ofLowercased: encoding, in: bytes[start..<end], from: start)
        else { return nil }
        var cursor = key + encoding.count
        while cursor < end, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "=") { cursor += 1 }
        guard cursor < end, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else { return nil }
        let quote = bytes[cursor]
        guard let close = bytes[(cursor + 1)..<end].firstIndex(of: quote) else { return nil }
        return (cursor + 1)..<close
    }

    static let meta = Array("<meta".utf8)
    static let charset = Array("charset".utf8)
    static let encoding = Array("encoding".utf8)
    static let xmlDeclarationStart = Array("<?xml".utf8)

    /// The value after `charset` at `cursor`: `\s*=\s*["']?\s*` then a run of `[A-Za-z0-9_\-:.]`, or nil.
    static func value(in head: ArraySlice<UInt8>, after start: Int) -> String? {
        var cursor = start
        let end = head.endIndex
        while cursor < end, ASCIIBytes.isSpace(head[cursor]) { cursor += 1 }
        guard cursor < end, head[cursor] == UInt8(ascii: "=") else { return nil }
        cursor += 1
        while cursor < end, ASCIIBytes.isSpace(head[cursor]) { cursor += 1 }
        if cursor < end, head[cursor] == UInt8(ascii: "\"") || head[cursor] == UInt8(ascii: "'") { cursor += 1 }
        while cursor < end, ASCIIBytes.isSpace(head[cursor]) { cursor += 1 }
        var stop = cursor
        while stop < end, isNameByte(head[stop]) { stop += 1 }
        return stop > cursor ? lowercased(head[cursor..<stop]) : nil
    }

    /// `[A-Za-z0-9_\-:.]`.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "."): true
        default: false
        }
    }

    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes.map(ASCIIBytes.lowercased), as: UTF8.self) }
}
