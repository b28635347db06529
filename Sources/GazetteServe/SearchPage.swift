import GazetteCore
import GazetteIndex
import GazetteRender

/// The search page: a form with the full-text query and filters, facets that narrow the search when clicked,
/// the hits with their snippets (matches marked) and paging.
struct SearchPage {
    let parameters: SearchParameters
    let result: SearchResult
    let relationFacets: [(type: RelationType, documents: Int)]
    let documents: Int

    func html() -> String {
        var body = "<h1>Search \(documents) articles</h1>\n" + form() + activeFilters()
        body += "<div class=\"layout\">\n<aside class=\"facets\">\n" + facets() + "</aside>\n"
        body += "<section class=\"hits\">\n" + hits() + pager() + "</section>\n</div>\n"
        return Markup.page(title: parameters.text.map { "Search: " + $0 } ?? "Search", body: body)
    }

    private func form() -> String {
        var html = "<form class=\"search\" method=\"get\" action=\"/search\">\n"
        html += "<label>Text (FTS5: words, \"phrase\", OR, NOT, prefix*)<input type=\"search\" name=\"q\" size=\"32\" maxlength=\"\(SearchParameters.maxQueryLength)\" value=\""
            + HTML.escape(parameters.text ?? "") + "\"></label>\n"
        html += select("type", "Entity type", EntityType.allCases.map(\.rawValue), parameters.types.first?.rawValue)
        html += select("relation", "Relation", RelationType.allCases.map(\.rawValue), parameters.relations.first?.rawValue)
        html += "<label>Since<input name=\"since\" size=\"10\" maxlength=\"10\" placeholder=\"YYYY-MM-DD\" value=\"" + HTML.escape(parameters.since ?? "") + "\"></label>\n"
        html += "<label>Until<input name=\"until\" size=\"10\" maxlength=\"10\" placeholder=\"YYYY-MM-DD\" value=\"" + HTML.escape(parameters.until ?? "") + "\"></label>\n"
        for entity in parameters.entities {
            html += "<input type=\"hidden\" name=\"entity\" value=\"" + HTML.escape(entity) + "\">\n"
        }
        for type in parameters.types.dropFirst() { html += "<input type=\"hidden\" name=\"type\" value=\"\(type.rawValue)\">\n" }
        for relation in parameters.relations.dropFirst() {
            html += "<input type=\"hidden\" name=\"relation\" value=\"\(relation.rawValue)\">\n"
        }
        return html + "<button type=\"submit\">Search</button>\n</form>\n"
    }

    private func select(_ name: String, _ label: String, _ values: [String], _ chosen: String?) -> String {
        var html = "<label>" + label + "<select name=\"" + name + "\"><option value=\"\">any</option>"
        for value in values {
            html += "<option" + (value == chosen ? " selected" : "") + ">" + value + "</option>"
        }
        return html + "</select></label>\n"
    }

    /// The entity, type and relation filters in force, each with a link that removes it.
    private func activeFilters() -> String {
        var items: [String] = []
        let pairs = parameters.pairs.filter { $0.name != "page" }
        for (index, pair) in pairs.enumerated() where ["entity", "type", "relation"].contains(pair.name) {
            var rest = pairs
            rest.remove(at: index)
            items.append(HTML.escape(pair.name + ": " + pair.value) + " <a href=\"" + Markup.href("/search", rest)
                + "\" title=\"remove this filter\">✕</a>")
        }
        guard !items.isEmpty else { return "" }
        return "<p class=\"filters\">Filters: " + items.joined(separator: " · ") + "</p>\n"
    }

    /// Entity facets per type and relation facets; each adds its filter to the current search.
    private func facets() -> String {
        var html = "<h2>Narrow</h2>\n"
        let base = parameters.pairs.filter { $0.name != "page" }
        var current: EntityType?
        for facet in result.facets {
            if facet.type != current {
                if current != nil { html += "</ul>\n" }
                html += "<h3>\(facet.type.rawValue)</h3>\n<ul>\n"
                current = facet.type
            }
            let key = facet.kb ?? facet.canonical
            let active = parameters.entities.contains(key)
            html += "<li>" + (active
                ? "<strong>" + HTML.escape(facet.canonical) + "</strong>"
                : "<a class=\"facet\" href=\"" + Markup.href("/search", base + [("entity", key)]) + "\">" + HTML.escape(facet.canonical) + "</a>")
            html += " <span class=\"count\">\(facet.documents)</span></li>\n"
        }
        if current != nil { html += "</ul>\n" }
        if !relationFacets.isEmpty {
            html += "<h3>Relations</h3>\n<ul>\n"
            for (type, documents) in relationFacets {
                html += "<li>" + (parameters.relations.contains(type)
                    ? "<strong>\(type.rawValue)</strong>"
                    : "<a class=\"facet\" href=\"" + Markup.href("/search", base + [("relation", type.rawValue)]) + "\">\(type.rawValue)</a>")
                html += " <span class=\"count\">\(documents)</span></li>\n"
            }
            html += "</ul>\n"
        }
        return html
    }

    private func hits() -> String {
        let first = parameters.offset + 1
        let last = parameters.offset + result.hits.count
        var html = "<p class=\"count\">\(result.total) matching article\(result.total == 1 ? "" : "s")"
        html += result.hits.isEmpty ? "" : ", showing \(first)–\(last)"
        html += parameters.text == nil ? " (newest first)" : " (best first)"
        html += "</p>\n"
        guard !result.hits.isEmpty else { return html }
        html += "<ol start=\"\(first)\">\n"
        for hit in result.hits {
            html += "<li class=\"hit\"><a class=\"title\" href=\"" + Markup.href("/article", [("id", hit.id)]) + "\">"
                + HTML.escape(HTML.displayTitle(hit.title, id: hit.id)) + "</a>"
            if let published = hit.published { html += " <time>" + HTML.escape(published) + "</time>" }
            html += "<br><span class=\"snippet\">" + Markup.snippet(hit.snippet) + "</span>"
            html += "<br><span class=\"meta\">" + HTML.escape(hit.url ?? hit.id) + "</span></li>\n"
        }
        return html + "</ol>\n"
    }

    private func pager() -> String {
        let pages = max(1, (result.total + parameters.size - 1) / parameters.size)
        guard pages > 1 else { return "" }
        let base = parameters.pairs.filter { $0.name != "page" }
        var html = "<p class=\"pager\">"
        if parameters.page > 1 {
            html += "<a rel=\"prev\" href=\"" + Markup.href("/search", base + [("page", String(parameters.page - 1))]) + "\">← previous</a>"
        }
        html += "<span>page \(parameters.page) of \(pages)</span>"
        if parameters.page < min(pages, SearchParameters.maxPage) {
            html += "<a rel=\"next\" href=\"" + Markup.href("/search", base + [("page", String(parameters.page + 1))]) + "\">next →</a>"
        }
        return html + "</p>\n"
    }
}
