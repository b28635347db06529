#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GazetteBytes

/// Measures how deeply elements nest by scanning bytes, before any parser builds a tree.
///
/// libxml2's HTML parser accepts any depth and the cleaner walks trees recursively, so a page of
/// 100 000 nested `<div>`s must be refused here. The scan follows tags only; it is an estimate of the
/// tree depth a parser would build (HTML mode knows void elements, raw-text elements and the usual
/// implicit closes of `p`, `li`, `td`, …), and it stops as soon as the limit is passed.
public enum NestingScanner {
    /// How end tags and special elements are treated.
    public enum Mode: Sendable {
        case html, xml
    }

    static let voidElements: Set<UInt64> = Set([
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "isindex",
        "keygen", "link", "meta", "param", "source", "track", "wbr",
    ].map { hash(Array($0.utf8)[...]) })
    static let rawTextElements: [UInt64: [UInt8]] = Dictionary(uniqueKeysWithValues: [
        "script", "style", "textarea", "title", "xmp", "plaintext", "noembed", "noframes",
    ].map { (hash(Array($0.utf8)[...]), Array("</\($0)".utf8)) })
    /// Elements an opening tag of the same name closes implicitly.
    static let selfClosingSiblings: Set<UInt64> = Set([
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot",
    ].map { hash(Array($0.utf8)[...]) })
    /// Block elements that close an open `<p>`.
    static let closesParagraph: Set<UInt64> = Set([
        "p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "section",
        "article", "header", "footer", "nav", "aside", "form", "hr", "address", "fieldset", "figure", "main",
    ].map { hash(Array($0.utf8)[...]) })
    static let paragraph = hash(Array("p".utf8)[...])

    /// The depth reached when it passes `limit`, or nil when the document stays within it.
    public static func exceeds(_ bytes: [UInt8], limit: Int, mode: Mode) -> Int? {
        bytes.withUnsafeBufferPointer { exceeds($0, limit: limit, mode: mode) }
    }

    static func exceeds(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int, mode: Mode) -> Int? {
        var stack: [UInt64] = []
        stack.reserveCapacity(64)
        var i = 0
        let n = bytes.count
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        while i < n {
            // Text up to the next `<` in one memchr.
            guard bytes[i] == lt else {
                i = ByteScan.firstOffset(of: lt, in: bytes, from: i)
                if i == n { return nil }
                continue
            }
            guard i + 1 < n else { i += 1; continue }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                // Comment, CDATA section or declaration.
                if i + 3 < n, bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    i = skip(past: Array("-->".utf8), in: bytes, from: i + 4)
                } else if i + 8 < n, bytes[i + 2] == UInt8(ascii: "[") {
                    i = skip(past: Array("]]>".utf8), in: bytes, from: i + 3)
                } else {
                    i = skip(past: [gt], in: bytes, from: i + 2)
                }
                continue
            }
            if next == UInt8(ascii: "?") {
                i = skip(past: Array("?>".utf8), in: bytes, from: i + 2)
                continue
            }
            let closing = next == slash
            let nameStart = closing ? i + 2 : i + 1
            var nameEnd = nameStart
            while nameEnd < n, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart, isLetter(bytes[nameStart]) else { i += 1; continue }
            let name = hash(UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]))
            // Find the end of the tag, honouring quoted attribute values.
            var j = nameEnd
            var quote: UInt8 = 0
            while j < n {
                let byte = bytes[j]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == gt {
                    break
                }
                j += 1
            }
            let selfClosing = j > nameEnd && j < n && bytes[j - 1] == slash
            i = j + 1
            if closing {
                if let index = stack.lastIndex(of: name) { stack.removeSubrange(index...) }
                continue
            }
            if selfClosing { continue }
            if mode == .html {
                if voidElements.contains(name) { continue }
                if let end = rawTextElements[name] {
                    i = skip(past: end, in: bytes, from: i, caseInsensitive: true)
                    continue
                }
                if selfClosingSiblings.contains(name), stack.last == name { stack.removeLast() }
                if closesParagraph.contains(name), stack.last == paragraph { stack.removeLast() }
            }
            stack.append(name)
            if stack.count > limit { return stack.count }
        }
        return nil
    }

    /// The offset just past the first `needle` at or after `start`, or the end of the bytes.
    static func skip(past needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                     caseInsensitive: Bool = false) -> Int {
        var i = start
        let n = bytes.count
        while i + needle.count <= n {
            var matched = true
            for k in 0..<needle.count {
                let byte = caseInsensitive ? lower(bytes[i + k]) : bytes[i + k]
                if byte != needle[k] { matched = false; break }
            }
            if matched { return i + needle.count }
            i += 1
        }
        return n
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80 }
    static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
    static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

    /// FNV-1a of the lower-cased name.
    static func hash<C: Collection<UInt8>>(_ name: C) -> UInt64 {
        var hasher = FNV1a()
        for byte in name { hasher.add(lower(byte)) }
        return hasher.value
    }
}
