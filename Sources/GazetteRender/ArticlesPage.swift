import GazetteCore

/// The page `gazette render` writes: a heading, the type legend, then every article with its annotations.
public struct ArticlesPage {
    public var title: String
    public var renderer: ArticleRenderer
    private var body = ""
    private var relationSlots = 0
    /// Articles added so far.
    public private(set) var count = 0

    /// An empty page with this title.
    public init(title: String, renderer: ArticleRenderer = ArticleRenderer()) {
        self.title = title
        self.renderer = renderer
    }

    /// Adds an article (its anchor is `a<position>`).
    public mutating func add(_ document: Document) {
        count += 1
        relationSlots = max(relationSlots, document.relations.count)
        body += renderer.render(document, anchor: "a\(count)")
    }

    /// The complete page.
    public func html() -> String {
        let heading = "<h1>" + HTML.escape(title) + "</h1>\n<p class=\"count\">\(count) article\(count == 1 ? "" : "s")</p>\n"
        return PageTemplate.page(title: title, body: heading + PageTemplate.legend + body, relationSlots: relationSlots)
    }
}
