import Foundation
import GazetteBytes
import GazetteCore
import GazetteXML

/// Extracts an article's text and metadata from an HTML page with libxml2, leaving out navigation,
/// banners, footers and other boilerplate (see docs/CLEANING.md for the rules).
public struct HTMLCleaner: Sendable {
    public init() {}

    /// Cleans an HTML document, read in the charset `decoding` decides; rejects binary content, pages libxml2 cannot
    /// parse and pages without text.
    public func clean(_ raw: RawDocument) throws(RejectReason) -> Document {
        let bytes = raw.bytes
        // An empty (or blank) page is a page without text, not a parser failure.
        if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
            throw RejectReason(code: .emptyDocument, message: "the page is empty")
        }
        if let kind = BinarySniffer.binaryKind(of: bytes) {
            throw RejectReason(code: .binaryContent, message: "the file is \(kind), not HTML")
        }
        let (html, encoding) = Self.decoding(bytes, transport: raw.charset)
        let tree: XMLTree
        do {
            tree = try html.withUnsafeBytes { (buffer) throws(XMLError) -> XMLTree in
                try XMLTree.parseHTML(buffer, url: raw.url, encoding: encoding)
            }
        } catch {
            throw RejectReason(code: .htmlUnparseable, message: "libxml2 could not parse the HTML: \(error)")
        }
        guard let root = tree.root else {
            throw RejectReason(code: .htmlUnparseable, message: "the HTML has no root element")
        }
        let extraction = Self.extract(root: root)
        var paragraphs = extraction.paragraphs
        let metadata = extraction.metadata
        let title = raw.title ?? metadata.title ?? paragraphs.first
        guard let title, !(paragraphs.isEmpty && title.isEmpty) else {
            throw RejectReason(code: .emptyDocument, message: "the page holds no article text")
        }
        if paragraphs.first == title { paragraphs.removeFirst() }
        let text = ([title] + paragraphs).filter { !$0.isEmpty }.joined(separator: "\n\n")
        return Document(
            id: raw.id, source: raw.source, url: raw.url ?? metadata.url, title: title,
            published: raw.published ?? metadata.published, language: raw.language ?? metadata.language, text: text)
    }

    /// The bytes libxml2 parses and the charset it reads them in, decided as browsers decide (the WHATWG Encoding
    /// Standard, simplified): a charset from outside the page (an HTTP header) wins; then a byte order mark; then the
    /// page's own declaration, except that valid UTF-8 with non-ASCII text beats a legacy one (a page re-encoded on
    /// the way by a crawler or an export); an undeclared page is UTF-8 when its bytes are, else windows-1252, the
    /// Standard's fallback. Bytes that are not valid UTF-8 on a page declared (or found) to be UTF-8 are read by the
    /// evidence of `UTF8Repair.census`: damaged UTF-8 (one stray byte must not cost the article) or legacy text.
    /// No page is rejected for its charset.
    ///
    /// windows-1252 is decoded here (`Windows1252`), other legacy charsets by libxml2's converters; `encoding` is nil
    /// for a UTF-16 page with its byte order mark, which libxml2 reads itself.
    static func decoding(_ bytes: [UInt8], transport: String?) -> (bytes: [UInt8], encoding: String?) {
        let decided = charset(of: bytes, transport: transport)
        if decided.encoding == "windows-1252" { return (Windows1252.utf8(decided.bytes), "UTF-8") }
        return decided
    }

    /// The charset `decoding` reads the bytes in (and the bytes, repaired when they are damaged UTF-8).
    static func charset(of bytes: [UInt8], transport: String?) -> (bytes: [UInt8], encoding: String?) {
        let transport = transport?.lowercased() ?? ""
        // A legacy charset from outside is the page's; UTF-8 from outside is checked like a declared one.
        if !transport.isEmpty && transport != "utf-8" && transport != "utf8" {
            return (bytes, CharsetSniffer.decodingName(transport))
        }
        if transport.isEmpty && (bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])) { return (bytes, nil) }
        var declared = transport.isEmpty ? CharsetSniffer.declaredCharset(in: bytes) : "utf-8"
        // A UTF-16 declaration in bytes a parser could read it from is wrong: such a page is read as UTF-8.
        if declared?.hasPrefix("utf-16") == true || declared == "utf8" { declared = "utf-8" }
        if let declared, declared != "utf-8" {
            // A legacy declaration on bytes that are valid UTF-8 with non-ASCII text: multi-byte legacy text is
            // practically never valid UTF-8, so the page was re-encoded and its <meta> left as it was.
            if bytes.contains(where: { $0 >= 0x80 }), UTF8Repair.isValid(bytes[...]) {
                return (bytes, "UTF-8")
            }
            return (bytes, CharsetSniffer.decodingName(declared))
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if UTF8Repair.isValid(body) { return (bytes, "UTF-8") }
        // Not valid UTF-8. Without a single multi-byte character, there is no UTF-8 text to garble: a legacy page
        // (declared UTF-8 by a template, or not at all) read as windows-1252 keeps its "café". With some, a
        // declared page, or an undeclared one with at least as many characters as bad bytes, is a UTF-8 page with
        // damaged bytes, read with each bad sequence replaced by U+FFFD, as browsers show it.
        let census = UTF8Repair.census(body)
        if census.multiByte > 0 && (declared != nil || census.multiByte >= census.invalid) {
            return (UTF8Repair.repair(body).bytes, "UTF-8")
        }
        return (bytes, "windows-1252")
    }

    /// Body paragraphs (without the title) and metadata of a parsed page.
    public static func extract(root: XMLNode) -> HTMLExtraction {
        let page = PageIndex(root: root)
        let (roots, signal) = ContentLocator(page: page).locate()
        var extractor = BodyExtractor(page: page)
        // A page with no running text and a line or two in all, boilerplate included (a few headings or captions),
        // is all content; a page whose text sits in dropped blocks or scripts is not.
        if signal == .contentClass || signal == .articleBody { extractor.linkListDensity = 0.7 }
        extractor.keepsEveryParagraph = signal == .none && roots.allSatisfy { page.plainText(of: $0).utf8.count <= Self.fewLinesOfText }
        extractor.keepsCaptions = isGallery(page: page, roots: roots)
        var paragraphs = extractor.paragraphs(of: roots).map(\.text)
        if let lead = standfirst(page: page, roots: roots, paragraphs: paragraphs) { paragraphs.insert(lead, at: 0) }
        let jsonLD = JSONLDArticle(scripts: page.jsonLD)
        let metadata = PageMetadata(page: page, jsonLD: jsonLD, roots: roots, byline: extractor.byline)
        var usedSignal = signal
        // A page that renders its body with JavaScript carries it only in JSON-LD.
        if let body = jsonLD?.articleBody {
            let declared = body.utf8.reduce(0) { $0 + ($1 > 0x20 ? 1 : 0) }
            let visible = paragraphs.reduce(0) { $0 + $1.utf8.count - $1.split(separator: " ").count + 1 }
            if visible * 2 < declared {
                paragraphs = body.split(whereSeparator: \.isNewline).map { Whitespace.collapse($0) }.filter { !$0.isEmpty }
                usedSignal = .jsonLD
            }
        }
        if let title = metadata.title {
            while let first = paragraphs.first, first == title { paragraphs.removeFirst() }
        }
        return HTMLExtraction(paragraphs: paragraphs, metadata: metadata, signal: usedSignal.rawValue)
    }
}

extension HTMLCleaner {
    /// Bytes of text (a line or two, boilerplate included) up to which a page without running text is kept whole.
    static let fewLinesOfText = 80

    /// Captions from which a body is a photo gallery.
    static let galleryCaptions = 3

    /// Whether the body is a photo gallery: at least three caption blocks in it that together hold at least as much
    /// paragraph text as the rest of the body (a photo post of a short intro and captioned pictures, a slideshow
    /// below a short story). There the captions tell the story; beside a longer article they stay out.
    static func isGallery(page: PageIndex, roots: [Int]) -> Bool {
        var captions = 0
        var captionText = 0
        var bodyText = 0
        for root in roots {
            bodyText += page.elements[root].paragraphText
            var index = root + 1
            while index < page.elements.count, page.elements[index].open < page.elements[root].close {
                let element = page.elements[index]
                guard element.boilerplate else {
                    index += 1
                    continue
                }
                if element.captionMark {
                    captions += 1
                    captionText += element.rawParagraphText
                }
                // Skip the marked subtree: its blocks are inside this one.
                index += 1
                while index < page.elements.count, page.elements[index].open < element.close { index += 1 }
            }
        }
        return captions >= galleryCaptions && captionText > 0 && captionText >= bodyText
    }

    /// The standfirst when the page keeps it outside the content element (in the article's header): the block
    /// before the content whose text contains the page's description, when no body paragraph does.
    static func standfirst(page: PageIndex, roots: [Int], paragraphs: [String]) -> String? {
        guard let first = roots.first,
            let description = page.metas.first(where: { $0.key == "og:description" || $0.key == "description" })
                .map({ Whitespace.collapse($0.content) }),
            description.count >= 40
        else { return nil }
        let probe = String(description.prefix(40))
        if paragraphs.contains(where: { $0.contains(probe) }) { return nil }
        let limit = page.elements[first].open
        for (index, element) in page.elements.enumerated() {
            if element.open >= limit { break }
            guard element.close < limit, element.isBlock, !element.insideBoilerplate, element.directText >= 40, element.directText <= 3000,
                element.directLinkText * 4 < element.directText
            else { continue }
            let text = page.plainText(of: index)
            if text.contains(probe) { return text }
        }
        return nil
    }
}

/// The article found in an HTML page.
public struct HTMLExtraction: Sendable, Equatable {
    /// Body paragraphs in reading order: lead, paragraphs, sub-headings, list items, block quotes (no title).
    public var paragraphs: [String]
    public var metadata: PageMetadata
    /// Which evidence located the body: "itemprop-articleBody", "article-element", "text-density", "json-ld-articleBody".
    public var signal: String
}
