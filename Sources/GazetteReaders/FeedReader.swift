import GazetteCore
import GazetteXML

/// Reads RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: each item or entry becomes one article.
///
/// The item's HTML (`content:encoded`, `description`, Atom `content`/`summary`) becomes an HTML document
/// for the cleaner, with the item's title, link and date as metadata. The id is the item's `guid` or Atom
/// `id`, else its link, else "path#index". `source.format` is `rss` or `atom`, `source.index` the item's position.
struct FeedReader: ItemReader {
    let context: ReadContext
    var items: [XMLNode] = []
    var format: InputFormat
    var index = 0
    var pending: ReadItem?
    var ids: Set<String> = []

    init(context: ReadContext, bytes: [UInt8], format: InputFormat, statistics: inout ReadStatistics) {
        self.context = context
        self.format = format
        switch XMLContainer.parse(bytes, context: context, statistics: &statistics) {
        case .failure(let reason):
            pending = context.reject(context.path, format: format, index: 0, reason.code, reason.message)
        case .success(let tree):
            guard let root = tree.root else {
                pending = context.reject(context.path, format: format, index: 0, "xml_malformed", "the feed has no root element")
                return
            }
            switch root.name.lowercased() {
            case "rss":
                self.format = .rss
                items = root.child("channel")?.elements(named: "item") ?? []
            case "rdf":
                self.format = .rss
                items = root.elements(named: "item")
            case "feed":
                self.format = .atom
                items = root.elements(named: "entry")
            default:
                pending = context.reject(context.path, format: format, index: 0, "not_a_feed",
                                         "the root element is <\(root.name)>, not <rss>, <rdf:RDF> or <feed>")
                return
            }
            if items.isEmpty {
                pending = context.reject(context.path, format: self.format, index: 0, "no_articles",
                                         "the feed holds no items")
            }
        }
    }

    mutating func next(_ statistics: inout ReadStatistics) -> ReadItem? {
        if let item = pending {
            pending = nil
            return item
        }
        guard index < items.count else { return nil }
        defer { index += 1 }
        return format == .atom ? entry(items[index], index: index) : item(items[index], index: index)
    }

    /// One RSS item.
    mutating func item(_ node: XMLNode, index: Int) -> ReadItem {
        let title = node.childText("title")
        let link = node.childText("link")
        let guid = node.childText("guid") ?? node.attribute("about")
        let date = node.childText("pubDate") ?? node.childText("date", prefix: "dc")
        let html = node.child("encoded", prefix: "content").map(\.textContent) ?? node.child("description").map(\.textContent)
        return document(id: guid ?? link, index: index, title: title, url: link, date: date, html: html, text: nil)
    }

    /// One Atom entry.
    mutating func entry(_ node: XMLNode, index: Int) -> ReadItem {
        let title = node.childText("title")
        let links = node.elements(named: "link")
        let link = (links.first { ($0.attribute("rel") ?? "alternate") == "alternate" } ?? links.first)?.attribute("href")
        let id = node.childText("id")
        let date = node.childText("published") ?? node.childText("updated")
        var html: String?
        var text: String?
        for candidate in [node.child("content"), node.child("summary")] {
            guard let element = candidate, element.attribute("src") == nil else { continue }
            switch element.attribute("type")?.lowercased() ?? "text" {
            case "html", "text/html": html = element.textContent
            case "xhtml", "application/xhtml+xml": html = element.innerXML
            default: text = element.textContent
            }
            break
        }
        return document(id: id ?? link, index: index, title: title, url: link, date: date, html: html, text: text)
    }

    mutating func document(id: String?, index: Int, title: String?, url: String?, date: String?, html: String?, text: String?)
        -> ReadItem
    {
        let id = id ?? context.fallbackID(index)
        guard ids.insert(id).inserted else {
            return context.reject(id, format: format, index: index, "duplicate_id",
                                  "item \(index): id '\(id)' already appeared earlier in the feed")
        }
        let source = SourceLocator(path: context.path, format: format.rawValue, index: index)
        let published = date.flatMap(ISODate.normalise)
        if let html, !html.allSatisfy(\.isWhitespace) {
            return .document(RawDocument(id: id, source: source, format: .html, bytes: Array(html.utf8), url: url,
                                         title: title, published: published))
        }
        let body = text.map(collapse) ?? ""
        guard let text = body.isEmpty ? title : body else {
            return context.reject(id, format: format, index: index, "empty_document", "item \(index) has no title and no content")
        }
        return .document(RawDocument(id: id, source: source, format: .text, bytes: Array(text.utf8), url: url, title: title,
                                     published: published))
    }
}
