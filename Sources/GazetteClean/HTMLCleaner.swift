import Foundation
import GazetteCore
import GazetteXML

/// Extracts an article's text and metadata from an HTML page with libxml2,
/// leaving out navigation, banners, footers and other boilerplate.
public struct HTMLCleaner: Sendable {
    /// Elements whose content is never article text.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
        "template", "select", "input", "textarea", "label", "figcaption", "dialog", "menu", "object", "embed",
        "canvas", "video", "audio", "map",
    ]

    /// Words in a class or id that mark boilerplate blocks.
    static let boilerplateMarkers: Set<String> = [
        "ad", "ads", "advert", "advertisement", "banner", "breadcrumb", "breadcrumbs", "byline", "caption",
        "comment", "comments", "consent", "dateline", "timestamp", "cookie", "cookies", "credit", "credits", "footer", "gdpr",
        "menu", "modal", "nav", "navbar", "navigation", "newsletter", "paywall", "popup", "promo", "related",
        "share", "sharing", "sidebar", "social", "sponsored", "subscribe", "subscription", "tags", "teaser",
        "toolbar", "widget", "readmore", "recommended", "outbrain", "taboola",
    ]

    /// Elements that start a new paragraph.
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "br", "hr", "figure", "body",
    ]

    /// Elements that hold blocks rather than running text.
    static let containerElements: Set<String> = ["article", "main", "section", "div", "header", "body"]

    public init() {}

    /// Cleans an HTML document; rejects binary content, undecodable bytes and pages without text.
    public func clean(_ raw: RawDocument) throws(RejectReason) -> Document {
        let bytes = raw.bytes
        if let kind = BinarySniffer.binaryKind(of: bytes) {
            throw RejectReason(code: "binary_content", message: "the file is \(kind), not HTML")
        }
        let declared = raw.charset?.lowercased() ?? CharsetSniffer.declaredCharset(in: bytes)
        if declared == nil || declared == "utf-8" || declared == "utf8" {
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            if let offset = TextCleaner.firstInvalidUTF8Offset(body) {
                throw RejectReason(
                    code: "invalid_utf8",
                    message: "the HTML is not valid UTF-8 and declares no other charset (first bad byte at offset \(offset))")
            }
        }
        let tree: XMLTree
        do {
            tree = try bytes.withUnsafeBytes { (buffer) throws(XMLError) -> XMLTree in
                try XMLTree.parseHTML(buffer, url: raw.url, encoding: raw.charset ?? (declared == nil ? "UTF-8" : nil))
            }
        } catch {
            throw RejectReason(code: "html_unparseable", message: "libxml2 could not parse the HTML: \(error)")
        }
        guard let root = tree.root else {
            throw RejectReason(code: "html_unparseable", message: "the HTML has no root element")
        }
        let metadata = PageMetadata(root: root)
        let content = Self.contentRoot(of: root)
        var paragraphs: [String] = []
        var current = ""
        Self.collect(content, into: &paragraphs, current: &current)
        Self.flush(&current, into: &paragraphs)

        let title = raw.title ?? metadata.title ?? paragraphs.first
        guard let title, !(paragraphs.isEmpty && title.isEmpty) else {
            throw RejectReason(code: "empty_document", message: "the page holds no article text")
        }
        if paragraphs.first == title { paragraphs.removeFirst() }
        let text = ([title] + paragraphs).filter { !$0.isEmpty }.joined(separator: "\n\n")
        return Document(
            id: raw.id, source: raw.source, url: raw.url ?? metadata.url, title: title,
            published: raw.published ?? metadata.published, language: raw.language ?? metadata.language, text: text)
    }

    /// The element that holds the article: the page's own markers first, then `<main>`, then `<body>`.
    static func contentRoot(of root: XMLNode) -> XMLNode {
        var article: XMLNode?
        var articleBody: XMLNode?
        var main: XMLNode?
        var body: XMLNode?
        walkElements(root) { node in
            switch node.name {
            case "article" where article == nil: article = node
            case "main" where main == nil: main = node
            case "body" where body == nil: body = node
            default: break
            }
            if articleBody == nil, node.attribute("itemprop") == "articleBody" { articleBody = node }
            return !isBoilerplate(node)
        }
        return articleBody ?? article ?? main ?? body ?? root
    }

    /// Visits elements depth-first; `visit` returns whether to descend.
    static func walkElements(_ node: XMLNode, _ visit: (XMLNode) -> Bool) {
        for child in node.children where child.kind == .element {
            if visit(child) { walkElements(child, visit) }
        }
    }

    /// Whether an element is boilerplate by its name, role or class/id words.
    static func isBoilerplate(_ node: XMLNode) -> Bool {
        if droppedElements.contains(node.name) { return true }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return true }
        if let role = node.attribute("role"), ["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog"].contains(role) {
            return true
        }
        for attribute in ["class", "id"] {
            guard let value = node.attribute(attribute)?.lowercased() else { continue }
            for word in value.split(whereSeparator: { !$0.isLetter }) where boilerplateMarkers.contains(String(word)) {
                return true
            }
        }
        return false
    }

    static func collect(_ node: XMLNode, into paragraphs: inout [String], current: inout String) {
        for child in node.children {
            switch child.kind {
            case .text, .cdata:
                current += child.content
            case .element:
                if isBoilerplate(child) { continue }
                // A date standing alone between blocks is metadata, not text ("<time>25 June 2025</time>").
                if child.name == "time" && containerElements.contains(node.name) { continue }
                let block = blockElements.contains(child.name)
                if block { flush(&current, into: &paragraphs) }
                collect(child, into: &paragraphs, current: &current)
                if block { flush(&current, into: &paragraphs) }
            case .comment, .other:
                continue
            }
        }
    }

    static func flush(_ current: inout String, into paragraphs: inout [String]) {
        let paragraph = Whitespace.collapse(current)
        if !paragraph.isEmpty { paragraphs.append(paragraph) }
        current = ""
    }
}

/// Title, date, URL and language that a page declares about itself.
struct PageMetadata {
    var title: String?
    var published: String?
    var url: String?
    var language: String?

    init(root: XMLNode) {
        var ogTitle: String?
        var titleElement: String?
        var h1: String?
        var time: String?
        var canonical: String?
        var ogURL: String?
        var ogLocale: String?
        language = root.attribute("lang").flatMap(Self.language(from:))
        HTMLCleaner.walkElements(root) { node in
            switch node.name {
            case "meta":
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? "").lowercased()
                let content = node.attribute("content").map { Whitespace.collapse($0) }
                switch key {
                case "og:title": ogTitle = ogTitle ?? content
                case "article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date":
                    published = published ?? content.flatMap(Self.isoDate(from:))
                case "og:url": ogURL = ogURL ?? content
                case "og:locale": ogLocale = ogLocale ?? content
                default: break
                }
            case "title": titleElement = titleElement ?? Whitespace.collapse(node.textContent)
            case "h1": h1 = h1 ?? Whitespace.collapse(node.textContent)
            case "time": time = time ?? node.attribute("datetime").flatMap(Self.isoDate(from:))
            case "link" where node.attribute("rel")?.lowercased() == "canonical": canonical = node.attribute("href")
            default: break
            }
            return !["script", "style"].contains(node.name)
        }
        title = [ogTitle, h1, titleElement.map(Self.withoutSiteSuffix)].compactMap { $0 }.first { !$0.isEmpty }
        published = published ?? time
        url = canonical ?? ogURL
        if language == nil, let ogLocale { language = Self.language(from: ogLocale) }
    }

    /// "Headline | Site" and "Headline - Site" lose the site part.
    static func withoutSiteSuffix(_ title: String) -> String {
        for separator in [" | ", " – ", " — ", " - ", " :: "] {
            if let range = title.range(of: separator, options: .backwards) {
                let head = String(title[..<range.lowerBound])
                if head.count >= 15 { return head }
            }
        }
        return title
    }

    /// "2025-09-04T10:00:00+02:00" stays; anything without a leading ISO date is dropped.
    static func isoDate(from value: String) -> String? {
        let trimmed = Whitespace.collapse(value)
        let digits = Array(trimmed.utf8.prefix(10))
        guard digits.count == 10, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-") else { return nil }
        for (index, byte) in digits.enumerated() where index != 4 && index != 7 {
            if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return nil }
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// "en-GB" becomes "en"; "nl_NL" becomes "nl".
    static func language(from tag: String) -> String? {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return (2...3).contains(primary.count) && primary.allSatisfy({ $0.isLetter && $0.isASCII }) ? primary : nil
    }
}
