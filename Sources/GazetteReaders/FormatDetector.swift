import Foundation
import GazetteBytes
import GazetteCore

/// Chooses an input format from a file's name, then from its first bytes.
public enum FormatDetector {
    static let byExtension: [String: InputFormat] = [
        "txt": .text, "text": .text, "html": .html, "htm": .html, "xhtml": .html, "jsonl": .jsonl, "ndjson": .jsonl,
        "rss": .rss, "atom": .atom, "sgm": .sgml, "sgml": .sgml, "nitf": .nitf, "warc": .warc, "xml": .xml,
        "newsml": .newsml,
    ]

    /// Root elements of NewsML-G2 (`newsMessage`, `newsItem`, `packageItem`) and NewsML 1.x (`NewsML`), lower-cased.
    static let newsMLRoots: Set<String> = ["newsmessage", "newsitem", "packageitem", "newsml"]

    /// Extensions that mark a gzip-compressed file; the name without them tells the inner format.
    static let gzipExtensions: Set<String> = ["gz", "gzip"]

    /// The name without a gzip extension ("a.warc.gz" → "a.warc"), or nil when it has none.
    public static func strippingGzipExtension(_ path: String) -> String? {
        let ext = (path as NSString).pathExtension.lowercased()
        return gzipExtensions.contains(ext) ? (path as NSString).deletingPathExtension : nil
    }

    /// Whether a file in a directory should be read as a document (README and data files are not).
    public static func isDocumentName(_ name: String) -> Bool {
        if name.uppercased().hasPrefix("README") { return false }
        let inner = strippingGzipExtension(name) ?? name
        return byExtension[(inner as NSString).pathExtension.lowercased()] != nil
    }

    /// The format of a file: by extension, else by sniffing. `.xml` files are sniffed for a known vocabulary
    /// (RSS, Atom, Reuters, NITF, NewsML). `path` should already be stripped of `.gz`.
    public static func format(path: String, bytes: [UInt8]) -> InputFormat {
        let ext = (path as NSString).pathExtension.lowercased()
        if let format = byExtension[ext], format != .xml { return format }
        let sniffed = sniff(bytes)
        if ext == "xml" {
            // An .xml file is HTML only when its root says so (XHTML).
            if sniffed == .html, rootElementName(bytes.prefix(4096))?.lowercased() != "html" { return .xml }
            return sniffed ?? .xml
        }
        return sniffed ?? .text
    }

    /// The format the first bytes announce, or nil when they say nothing clear.
    public static func sniff(_ bytes: [UInt8]) -> InputFormat? {
        if isWARCVersionLine(bytes[...]) { return .warc }
        var head = bytes.prefix(4096)[...]
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        let first = head.firstIndex { !ASCIIBytes.isSpace($0) }
        guard let first else { return nil }
        switch head[first] {
        case UInt8(ascii: "{"): return .jsonl
        case UInt8(ascii: "<"):
            let sawDeclaration = head[first...].starts(with: Array("<?xml".utf8))
            let root = rootElementName(head[first...])?.lowercased()
            // NewsML roots, with or without a namespace prefix.
            if let local = root?.split(separator: ":").last, newsMLRoots.contains(String(local)) { return .newsml }
            switch root {
            case "rss", "rdf:rdf": return .rss
            case "feed": return .atom
            case "reuters", "lewis": return .sgml
            case "nitf": return .nitf
            case "html": return .html
            case nil: return sawDeclaration ? .xml : .html
            default: return sawDeclaration ? .xml : .html
            }
        default: return nil
        }
    }

    /// Whether the bytes start with a WARC version line: "WARC/" and a digit (WARC/0.17, 0.18, 1.0, 1.1).
    static func isWARCVersionLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.starts(with: Array("WARC/".utf8)), bytes.count > 5 else { return false }
        return (0x30...0x39).contains(bytes[bytes.startIndex + 5])
    }

    /// The name of the first element, skipping the XML declaration, processing instructions, comments and DOCTYPE.
    static func rootElementName(_ bytes: ArraySlice<UInt8>) -> String? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            let rest = bytes[i...]
            if rest.starts(with: Array("<!--".utf8)) {
                guard let close = find(Array("-->".utf8), in: bytes, from: i + 4) else { return nil }
                i = close + 3
            } else if rest.starts(with: Array("<?".utf8)) || rest.starts(with: Array("<!".utf8)) {
                guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                i = close + 1
            } else {
                let nameStart = i + 1
                let nameEnd = bytes[nameStart...].firstIndex { ASCIIBytes.isSpace($0) || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "/") } ?? end
                guard nameEnd > nameStart else { return nil }
                return String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            }
        }
        return nil
    }


    /// The offset of the first occurrence of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard start <= haystack.endIndex - needle.count else { return nil }
        // memchr to each candidate first byte, the rest compared in place (markup is full of the "<" that starts
        // every needle searched for here, and most candidates differ in their second byte: no call for them).
        return haystack.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            let offset = haystack.startIndex
            var i = start - offset
            let lastOffset = haystack.endIndex - needle.count - offset
            return needle.withUnsafeBufferPointer { needle -> Int? in
                let first = needle[0]
                while i <= lastOffset {
                    i = ByteScan.firstOffset(of: first, in: buffer, from: i, to: lastOffset + 1)
                    guard i <= lastOffset else { return nil }
                    var matched = 1
                    while matched < needle.count && base[i + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return i + offset }
                    i += 1
                }
                return nil
            }
        }
    }
}
