import GazetteCore
import GazetteXML

/// Reads NewsML-G2 (`newsMessage`, `newsItem`) and NewsML 1.x (`NewsML`) files: one document per news item.
///
/// A G2 `newsMessage` is unfolded: each `newsItem` of its `itemSet` becomes a document; a `packageItem` (a list of
/// references) is skipped and counted when the file delivers news items, and read as a document of its own (its
/// headline and the headlines of the items it lists) when it is all the file holds. A 1.x file's `NewsItem`s become
/// one document each. Items with neither a headline nor text (video, audio, graphics without caption) are skipped
/// and counted (`newsml item without text`).
///
/// Each document's text is the headline, the byline, then the body paragraphs (inline XHTML, inline NITF, HTML or
/// plain text), the dateline leading the first paragraph; `published` is the first creation date (else the content
/// or version date), `language` the item's `xml:lang` or stated language. Ids are the item's guid plus
/// ":version" when it has one (G2), or the 1.x PublicIdentifier. `source.format` is `newsml`, `source.index` the
/// item's position among the file's items.
struct NewsMLReader: ItemReader {
    let context: ReadContext
    var items: [XMLNode] = []
    var index = 0
    var pending: [ReadItem] = []
    var ids: Set<String> = []
    /// The parsed file, kept alive while its nodes are read.
    var tree: XMLTree?

    init(context: ReadContext, bytes: [UInt8], statistics: inout ReadStatistics) {
        self.context = context
        switch XMLContainer.parse(bytes, context: context, statistics: &statistics) {
        case .failure(let reason):
            pending = [context.reject(context.path, format: .newsml, index: 0, reason.code, reason.message)]
        case .success(let tree):
            self.tree = tree
            guard let root = tree.root else {
                pending = [context.reject(context.path, format: .newsml, index: 0, .xmlMalformed, "the file has no root element")]
                return
            }
            items = Self.newsItems(of: root, statistics: &statistics)
            if items.isEmpty {
                pending = [context.reject(context.path, format: .newsml, index: 0, .noArticles,
                                          "the NewsML file (root <\(root.name)>) holds no news item")]
            }
        }
    }

    /// The items to read: G2 news items (packages when there is nothing else), or 1.x NewsItems.
    static func newsItems(of root: XMLNode, statistics: inout ReadStatistics) -> [XMLNode] {
        switch root.name {
        case "newsItem", "packageItem":
            return [root]
        case "NewsML":
            return root.descendants(named: "NewsItem")
        default:
            let all = root.descendants { $0.name.hasSuffix("Item") && $0.parentElement?.name == "itemSet" }
            let news = all.filter { $0.name == "newsItem" }
            for item in all where item.name != "newsItem" && !(news.isEmpty && item.name == "packageItem") {
                statistics.skip("newsml \(item.name)")
            }
            return news.isEmpty ? all.filter { $0.name == "packageItem" } : news
        }
    }

    mutating func next(_ statistics: inout ReadStatistics) -> ReadItem? {
        if !pending.isEmpty { return pending.removeFirst() }
        while index < items.count {
            let node = items[index]
            let position = index
            index += 1
            let story: NewsStory
            switch node.name {
            case "NewsItem": story = NewsML1Item.story(node)
            case "packageItem": story = NewsMLG2Item.packageStory(node)
            default: story = NewsMLG2Item.story(node)
            }
            if story.headline == nil && story.paragraphs.isEmpty {
                statistics.skip("newsml item without text")
                continue
            }
            return document(story, index: position)
        }
        return nil
    }

    /// The document of one story, or a reject when its id repeats an earlier item's.
    mutating func document(_ story: NewsStory, index: Int) -> ReadItem {
        let id = story.id ?? context.fallbackID(index)
        guard ids.insert(id).inserted else {
            return context.reject(id, format: .newsml, index: index, .duplicateID,
                                  "item \(index): id '\(id)' already appeared earlier in the file")
        }
        let source = SourceLocator(path: context.path, format: .newsml, index: index)
        return .document(RawDocument(
            id: id, source: source, format: .text, bytes: Array(story.textParagraphs().joined(separator: "\n\n").utf8),
            title: story.headline, published: story.published, language: story.language))
    }
}

/// What a news item says, in any NewsML version.
struct NewsStory {
    var id: String?
    var headline: String?
    var byline: String?
    var dateline: String?
    var paragraphs: [String] = []
    /// Dates as written, most preferred first (first created, content created, version created).
    var dates: [String] = []
    var language: String?

    /// The first date that reads as a date, normalised.
    var published: String? { dates.lazy.compactMap(ISODate.normalise).first }

    /// The text's paragraphs: headline, byline, then the body with the dateline leading its first paragraph.
    func textParagraphs() -> [String] {
        var body = paragraphs
        if let dateline, !body.isEmpty, !body[0].hasPrefix(dateline) { body[0] = dateline + " " + body[0] }
        if let byline, body.first.map({ !$0.contains(byline) }) ?? true { body.insert(byline, at: 0) }
        if let headline { body.insert(headline, at: 0) }
        return body
    }

    /// A language tag's primary subtag in lower case ("fi-FI" → "fi"), nil when empty.
    static func primaryLanguage(_ tag: String?) -> String? {
        guard let tag, let primary = tag.split(separator: "-").first, !primary.isEmpty else { return nil }
        let code = primary.lowercased()
        return code.count <= 3 && code.allSatisfy(\.isLetter) ? code : nil
    }
}

extension XMLNode {
    /// Every descendant element (not the node itself) for which `matches` holds, in document order.
    func descendants(where matches: (XMLNode) -> Bool) -> [XMLNode] {
        var result: [XMLNode] = []
        var stack = Array(children.reversed())
        while let node = stack.popLast() {
            guard node.kind == .element else { continue }
            if matches(node) { result.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return result
    }

    /// Every descendant element with a local name, in document order.
    func descendants(named name: String) -> [XMLNode] { descendants { $0.name == name } }

    /// The first descendant element with a local name.
    func firstDescendant(named name: String) -> XMLNode? {
        var stack = Array(children.reversed())
        while let node = stack.popLast() {
            guard node.kind == .element else { continue }
            if node.name == name { return node }
            stack.append(contentsOf: node.children.reversed())
        }
        return nil
    }

    /// The collapsed text of the first descendant with a local name, nil when missing or empty.
    func descendantText(_ name: String) -> String? {
        for node in descendants(named: name) {
            let text = collapse(node.textContent)
            if !text.isEmpty { return text }
        }
        return nil
    }
}
