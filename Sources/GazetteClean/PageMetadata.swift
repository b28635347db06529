import Foundation

/// What a page says about its article: title, publication date, canonical URL, author, site name and language,
/// taken from the page's own declarations first (Open Graph, JSON-LD, `<link rel=canonical>`, `<html lang>`)
/// and from its visible text when those are missing.
public struct PageMetadata: Sendable, Equatable {
    /// The headline, without the site name ("Headline | Site" gives "Headline").
    public var title: String?
    /// Publication date as ISO 8601 `YYYY-MM-DD`.
    public var published: String?
    public var url: String?
    public var author: String?
    public var siteName: String?
    /// Primary language subtag ("en", "nl") when the page declares one.
    public var language: String?

    public init(title: String? = nil, published: String? = nil, url: String? = nil, author: String? = nil,
                siteName: String? = nil, language: String? = nil) {
        self.title = title
        self.published = published
        self.url = url
        self.author = author
        self.siteName = siteName
        self.language = language
    }

    static let publishedKeys = [
        "article:published_time", "og:article:published_time", "published_time", "datepublished",
    ]
    static let otherDateKeys = [
        "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "dc.date", "dc.date.issued",
        "dcterms.created", "dcterms.date", "dcterms.issued", "parsely-pub-date", "sailthru.date", "article.published",
        "og:updated_time", "article:modified_time",
    ]

    /// Reads the metadata of an indexed page; `roots` are the content elements (their `<h1>` is preferred).
    init(page: PageIndex, jsonLD: JSONLDArticle?, roots: [Int], byline: String?) {
        func meta(_ key: String) -> String? {
            page.metas.first { $0.key == key }.map { Whitespace.collapse($0.content) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let site = meta("og:site_name") ?? jsonLD?.publisher.map { Whitespace.collapse($0) } ?? meta("application-name")
        siteName = site

        // Title: og:title, JSON-LD headline, the article's <h1>, then <title>, each without the site name.
        let h1 = Self.headline(page: page, roots: roots)
        let titleElement = page.byName["title"]?.first.map { page.plainText(of: $0) }
        let candidates = [meta("og:title"), meta("twitter:title"), jsonLD?.headline.map { Whitespace.collapse($0) }, h1, titleElement]
        title = candidates.lazy.compactMap { $0 }.map { Self.withoutSiteName($0, site: site) }.first { !$0.isEmpty }

        // Date: declared publication time, JSON-LD, other date metas, <time datetime>, the URL, then the text.
        var date: String?
        for key in Self.publishedKeys where date == nil { date = meta(key).flatMap(TextDate.iso) }
        if date == nil { date = jsonLD?.datePublished.flatMap(TextDate.iso) }
        for key in Self.otherDateKeys where date == nil { date = meta(key).flatMap(TextDate.iso) }
        if date == nil { date = Self.timeElementDate(page: page, roots: roots) }
        url = page.links.first { $0.rel.split(separator: " ").contains("canonical") }?.href ?? meta("og:url") ?? jsonLD?.url
        if date == nil, let url { date = Self.dateInURL(url) }
        if date == nil { date = Self.visibleDate(page: page, roots: roots) }
        published = date

        author = meta("author") ?? meta("article:author").flatMap { $0.hasPrefix("http") ? nil : $0 } ?? jsonLD?.author
            ?? byline.map { String($0.split(separator: " ", maxSplits: 1).last ?? "") }.flatMap { $0.isEmpty ? nil : $0 }
        language = page.htmlLang.flatMap(Self.language(from:)) ?? meta("og:locale").flatMap(Self.language(from:))
            ?? meta("content-language").flatMap(Self.language(from:)) ?? jsonLD?.language.flatMap(Self.language(from:))
    }

    /// The `<h1>` inside the content, else the first one outside navigation and footers that is not the site name.
    static func headline(page: PageIndex, roots: [Int]) -> String? {
        let headings = page.byName["h1", default: []]
        if let inside = headings.first(where: { heading in roots.contains { page.isInside(heading, $0) } }) {
            let text = page.plainText(of: inside)
            if !text.isEmpty { return text }
        }
        for heading in headings {
            var ancestor = page.elements[heading].parent
            var furniture = false
            while ancestor >= 0 {
                if ["nav", "footer", "aside", "form"].contains(page.elements[ancestor].name) { furniture = true }
                ancestor = page.elements[ancestor].parent
            }
            let text = page.plainText(of: heading)
            if !furniture && text.split(separator: " ").count >= 2 { return text }
        }
        return nil
    }

    /// The `datetime` of a `<time>` in the content, else of the first `<time>` on the page.
    static func timeElementDate(page: PageIndex, roots: [Int]) -> String? {
        let dated = page.datetimes.compactMap { entry in TextDate.iso(entry.value).map { (entry.element, $0) } }
        if let inside = dated.first(where: { entry in roots.contains { page.isInside(entry.0, $0) || page.elements[$0].parent == page.elements[entry.0].parent } }) {
            return inside.1
        }
        return dated.first?.1
    }

    /// "/2025/06/25/" or "/2025-06-25/" in a URL path.
    static func dateInURL(_ url: String) -> String? {
        let parts = url.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" })
        guard parts.count >= 3 else { return nil }
        for index in 0...(parts.count - 3) where parts[index].count == 4 && parts[index + 1].count == 2 {
            if let year = Int(parts[index]), let month = Int(parts[index + 1]), let day = Int(parts[index + 2].prefix(2)),
                parts[index + 2].count == 2 || parts[index + 2].count == 2,
                let date = TextDate.valid(year: year, month: month, day: day) {
                return date
            }
        }
        return nil
    }

    /// The first date written in a short text after the headline ("Saturday 2 August 2025, 14:05"), else before it.
    static func visibleDate(page: PageIndex, roots: [Int]) -> String? {
        let start = (page.byName["h1"]?.first).map { page.elements[$0].open } ?? roots.first.map { page.elements[$0].open } ?? 0
        func scan(_ range: Range<Int>) -> String? {
            var seen = 0
            for position in range {
                guard case .text(let text) = page.events[position] else { continue }
                if text.utf8.count > 160 { continue }
                seen += 1
                if seen > 400 { return nil }
                if let date = TextDate.find(in: text) { return date }
            }
            return nil
        }
        return scan(start..<page.events.count) ?? scan(0..<start)
    }

    static let separators = [" | ", " – ", " — ", " - ", " :: ", " · ", " • ", " » ", " / "]

    /// "Headline | Site", "Site - Headline" and similar lose the site part: the declared site name when known,
    /// else a short part (at most four words) beside a longer headline.
    static func withoutSiteName(_ title: String, site: String?) -> String {
        if let site, !site.isEmpty {
            for separator in separators {
                if title.hasSuffix(separator + site) { return String(title.dropLast(separator.count + site.count)) }
                if title.hasPrefix(site + separator) { return String(title.dropFirst(separator.count + site.count)) }
            }
            if title == site { return "" }
        }
        for separator in separators {
            if let range = title.range(of: separator, options: .backwards) {
                let head = title[..<range.lowerBound], tail = title[range.upperBound...]
                if wordCount(tail) <= 4 && wordCount(head) > wordCount(tail) { return String(head) }
            }
            if let range = title.range(of: separator) {
                let head = title[..<range.lowerBound], tail = title[range.upperBound...]
                // A leading part is a site name only when it looks like one: every word capitalised.
                let capitalised = head.split(separator: " ").allSatisfy { $0.first.map { !$0.isLowercase } ?? true }
                if capitalised && wordCount(head) <= 4 && wordCount(tail) > wordCount(head) + 2 { return String(tail) }
            }
        }
        return title
    }

    static func wordCount(_ text: Substring) -> Int { text.split(separator: " ").count }

    /// "en-GB" becomes "en"; "nl_NL" becomes "nl".
    static func language(from tag: String) -> String? {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return (2...3).contains(primary.count) && primary.allSatisfy({ $0.isLetter && $0.isASCII }) ? primary : nil
    }
}
