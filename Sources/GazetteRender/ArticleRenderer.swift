import GazetteCore

/// Renders one annotated article as an HTML `<article>`: the text with its entities highlighted by type
/// (hover or focus shows type, canonical name, kb id and Wikidata link), its relations beside it (evidence
/// highlighted on hover or focus through `PageTemplate`'s rules, no script needed) and its quotes.
public struct ArticleRenderer: Sendable {
    /// Where a kb id links to, e.g. `/entity?kb=` in the web view; nil: kb ids are shown as text.
    public var entityPagePrefix: String?
    /// Longest evidence or quote text shown in the side lists, in characters.
    public var excerptLength = 240

    /// A renderer; kb ids link to `entityPagePrefix` + the encoded id when it is given.
    public init(entityPagePrefix: String? = nil) {
        self.entityPagePrefix = entityPagePrefix
    }

    /// The `<article>` element of `document`; `anchor` (letters and digits only) prefixes its element ids.
    public func render(_ document: Document, anchor: String) -> String {
        let scalars = Array(document.text.unicodeScalars)
        var entityIndex: [String: Int] = [:]
        for (index, entity) in document.entities.enumerated() where entityIndex[entity.id] == nil {
            entityIndex[entity.id] = index
        }
        let text = AnnotatedText(
            scalars: scalars, entities: document.entities, evidence: document.relations.map(\.evidence),
            entityMarkup: { index, entity in (entityOpen(entity, id: "\(anchor)-e\(index)"), entityTip(entity) + "</span>") })
        var html = "<article class=\"doc\" id=\"\(anchor)\">\n"
        html += header(document)
        html += "<div class=\"text\">" + text.render() + "</div>\n"
        html += "<aside class=\"side\">\n"
        html += relationList(document, scalars: scalars, entityIndex: entityIndex, anchor: anchor)
        html += quoteList(document, scalars: scalars, entityIndex: entityIndex, anchor: anchor)
        html += "</aside>\n</article>\n"
        return html
    }

    private func header(_ document: Document) -> String {
        var html = "<header class=\"head\">"
        html += "<h2>" + HTML.escape(HTML.displayTitle(document.title, id: document.id)) + "</h2><p class=\"meta\">"
        var parts: [String] = []
        if let published = document.published { parts.append("<time>" + HTML.escape(published) + "</time>") }
        if let language = document.language { parts.append("language " + HTML.escape(language)) }
        if let url = document.url {
            parts.append(Self.isWebURL(url)
                ? "<a href=\"" + HTML.escape(url) + "\" rel=\"noreferrer nofollow\">" + HTML.escape(url) + "</a>"
                : HTML.escape(url))
        }
        parts.append("id <code>" + HTML.escape(document.id) + "</code>")
        parts.append("\(document.entities.count) entities, \(document.relations.count) relations")
        html += parts.joined(separator: " · ") + "</p></header>\n"
        return html
    }

    /// Whether a URL may be a link target: http or https only (no `javascript:` or `data:`).
    static func isWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !url.contains(where: \.isWhitespace)
    }

    /// The opening tag of a mention; its `title` repeats the details for browsers without CSS.
    private func entityOpen(_ entity: Entity, id: String) -> String {
        let type = entity.type.rawValue
        var summary = [type, entity.canonical]
        if let kb = entity.kb { summary.append(kb) }
        if let wikidata = entity.wikidata { summary.append(wikidata) }
        return "<span class=\"ent t-" + type.lowercased() + "\" tabindex=\"0\" id=\"" + id + "\" title=\""
            + HTML.escape(summary.joined(separator: " · ")) + "\">"
    }

    /// The details shown on hover or focus, after the mention's text: type, canonical name, kb id, Wikidata link.
    private func entityTip(_ entity: Entity) -> String {
        let type = entity.type.rawValue
        var tip = "<span class=\"tip\" role=\"tooltip\"><b>" + type + "</b> " + HTML.escape(entity.canonical)
        if let kb = entity.kb {
            if let prefix = entityPagePrefix {
                tip += " · <a href=\"" + prefix + HTML.queryComponent(kb) + "\">" + HTML.escape(kb) + "</a>"
            } else {
                tip += " · <code>" + HTML.escape(kb) + "</code>"
            }
        }
        if let url = HTML.wikidataURL(entity.wikidata), let wikidata = entity.wikidata {
            tip += " · <a href=\"" + url + "\" rel=\"noreferrer\">Wikidata " + wikidata + "</a>"
        }
        return tip + " · " + HTML.escape(entity.source.rawValue) + "</span>"
    }

    private func relationList(_ document: Document, scalars: [Unicode.Scalar], entityIndex: [String: Int],
                              anchor: String) -> String {
        var html = "<section class=\"relations\"><h3>Relations (\(document.relations.count))</h3>\n"
        guard !document.relations.isEmpty else { return html + "<p class=\"none\">none found</p></section>\n" }
        html += "<ol>\n"
        for (position, relation) in document.relations.enumerated() {
            html += "<li class=\"rel r\(position)\" tabindex=\"0\" id=\"\(anchor)-r\(position)\">"
            html += argument(relation.head, document, entityIndex, anchor)
            html += " <span class=\"rtype\">— " + relation.type.rawValue
            if let role = relation.role { html += " / " + HTML.escape(role) }
            html += " →</span> "
            if let tail = relation.tail {
                html += argument(tail, document, entityIndex, anchor)
            } else if let statement = relation.statement {
                html += "<q>" + excerpt(scalars, statement) + "</q>"
            }
            html += " <span class=\"src\">" + HTML.escape(relation.source.rawValue)
                + " \(Self.confidence(relation.confidence))</span>"
            html += "<br><span class=\"evidence\">" + excerpt(scalars, relation.evidence) + "</span></li>\n"
        }
        return html + "</ol></section>\n"
    }

    private func quoteList(_ document: Document, scalars: [Unicode.Scalar], entityIndex: [String: Int],
                           anchor: String) -> String {
        let quotes = document.relations.enumerated().filter { $0.element.type == .said }
        var html = "<section class=\"quotes\"><h3>Quotes (\(quotes.count))</h3>\n"
        guard !quotes.isEmpty else { return html + "<p class=\"none\">none found</p></section>\n" }
        html += "<ul>\n"
        for (position, relation) in quotes {
            html += "<li class=\"quote r\(position)\">" + argument(relation.head, document, entityIndex, anchor) + ": "
            html += "<q>" + excerpt(scalars, relation.statement ?? relation.evidence) + "</q></li>\n"
        }
        return html + "</ul></section>\n"
    }

    /// A relation argument: the entity's canonical name linking to its mention, or the raw id when unknown.
    private func argument(_ id: String, _ document: Document, _ entityIndex: [String: Int], _ anchor: String) -> String {
        guard let index = entityIndex[id] else { return "<span class=\"arg\">" + HTML.escape(id) + "</span>" }
        let entity = document.entities[index]
        return "<a class=\"arg t-" + entity.type.rawValue.lowercased() + "\" href=\"#\(anchor)-e\(index)\">"
            + HTML.escape(entity.canonical) + "</a>"
    }

    /// Escaped text of a span, shortened in the middle when longer than `excerptLength`.
    private func excerpt(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> String {
        let start = max(0, min(span.start, scalars.count))
        let end = max(start, min(span.end, scalars.count))
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        if text.count > excerptLength {
            text = String(text.prefix(excerptLength / 2)) + " … " + String(text.suffix(excerptLength / 2))
        }
        return HTML.escape(text)
    }

    static func confidence(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
