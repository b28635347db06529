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

    /// Set when the feed had an XML error and was read in recovery mode: the reject for the damage, handed out
    /// after the items that could be read.
    var damage: ReadItem?
    /// The parsed feed, kept alive while its nodes are read.
    var tree: XMLTree?

    init(context: ReadContext, bytes: [UInt8], format: InputFormat, statistics: inout ReadStatistics) {
        self.context = context
        self.format = format
        switch XMLContainer.parseRecovering(bytes, context: context, statistics: &statistics) {
        case .failure(let reason):
            pending = context.reject(context.path, format: format, index: 0, reason.code, reason.message)
        case .success(let parsed):
            tree = parsed.tree
            guard let root = parsed.tree.root else {
                pending = context.reject(context.path, format: format, index: 0, .xmlMalformed, "the feed has no root element")
                return
            }
            readItems(of: root)
            if let error = parsed.damage {
                if items.isEmpty {
                    // Nothing readable before or around the damage: the damage is the reason.
                    let reason = XMLContainer.rejectReason(for: error)
                    pending = context.reject(context.path, format: self.format, index: 0, reason.code, reason.message)
                } else {
                    statistics.partial["feed read past an XML error", default: 0] += 1
                    damage = context.reject(context.fallbackID(items.count), format: self.format, index: items.count,
                                            .xmlRecovered, "the feed has an XML error (libxml2: \(error)); the \(items.count) "
                                                + "items around it were read, whatever the damage hides is lost")
                }
            }
        }
    }

    /// The feed's items (RSS `item`, Atom `entry`) wherever they sit in the channel or feed, nested ones included
    /// (a nested item is an item to feed readers too); sets the format, or a reject when the root is not a feed.
    mutating func readItems(of root: XMLNode) {
        let prefix = root.namespacePrefix
        switch root.name.lowercased() {
        case "rss":
            format = .rss
            items = root.child("channel").map { Self.items(named: "item", in: $0, prefix: nil) } ?? []
        case "rdf":
            format = .rss
            items = Self.items(named: "item", in: root, prefix: nil)
        case "feed":
            format = .atom
            items = Self.items(named: "entry", in: root, prefix: prefix)
        default:
            pending = context.reject(context.path, format: format, index: 0, .notAFeed,
                                     "the root element is <\(root.name)>, not <rss>, <rdf:RDF> or <feed>")
            return
        }
        if items.isEmpty {
            pending = context.reject(context.path, format: format, index: 0, .noArticles, "the feed holds no items")
        }
    }

    /// Descendant elements with a local name and namespace prefix, in document order.
    static func items(named name: String, in container: XMLNode, prefix: String?) -> [XMLNode] {
        container.descendants { $0.name == name && $0.namespacePrefix == prefix }
    }

    mutating func next(_ statistics: inout ReadStatistics) -> ReadItem? {
        if let item = pending {
            pending = nil
            return item
        }
        guard index < items.count else {
            defer { damage = nil }
            return damage
        }
        defer { index += 1 }
        return format == .atom ? entry(items[index], index: index) : item(items[index], index: index)
    }

    /// One RSS item.
    mutating func item(_ node: XMLNode, index: Int) -> ReadItem {
        let title = node.childText("title")
        let guid = node.childText("guid") ?? node.attribute("about")
        // An item without a link is at its guid when the guid is a web address not marked isPermaLink="false".
        let permalink = node.child("guid")?.attribute("isPermaLink")?.lowercased() == "false" ? nil : guid.flatMap(Self.webAddress)
        // The first <link> with text: an empty <atom:link href=…/> may come first.
        let link = node.elements(named: "link").lazy.map { collapse($0.textContent) }.first { !$0.isEmpty } ?? permalink
        let date = node.childText("pubDate") ?? node.childText("date", prefix: "dc")
        let html = node.child("encoded", prefix: "content").map(\.textContent) ?? node.child("description").map(\.textContent)
        return document(id: guid ?? link, index: index, title: title, url: link, date: date, html: html, text: nil)
    }

    /// One Atom entry.
    mutating func entry(_ node: XMLNode, index: Int) -> ReadItem {
        let title = node.childText("title")
        let links = node.elements(named: "link")
        let linked = (links.first { ($0.attribute("rel") ?? "alternate") == "alternate" } ?? links.first)?.attribute("href")
        let id = node.childText("id")
        let link = linked ?? id.flatMap(Self.webAddress)
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

    /// The value when it is an http(s) address (an id that doubles as the item's address), else nil.
    static func webAddress(_ value: String) -> String? {
        let lowered = value.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? value : nil
    }

    mutating func document(id: String?, index: Int, title: String?, url: String?, date: String?, html: String?, text: String?)
        -> ReadItem
    {
        let id = id ?? context.fallbackID(index)
        guard ids.insert(id).inserted else {
            return context.reject(id, format: format, index: index, .duplicateID,
                                  "item \(index): id '\(id)' already appeared earlier in the feed")
        }
        let source = SourceLocator(path: context.path, format: format, index: index)
        let published = date.flatMap(ISODate.normalise)
        if let html, !html.allSatisfy(\.isWhitespace) {
            return .document(RawDocument(id: id, source: source, format: .html, bytes: Array(html.utf8), url: url,
                                         title: title, published: published))
        }
        let body = text.map(collapse) ?? ""
        guard let text = body.isEmpty ? title : body else {
            return context.reject(id, format: format, index: index, .emptyDocument, "item \(index) has no title and no content")
        }
        return .document(RawDocument(id: id, source: source, format: .text, bytes: Array(text.utf8), url: url, title: title,
                                     published: published))
    }
}
