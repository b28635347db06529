import GazetteCore
import GazetteIndex
import GazetteRender

/// Small pieces of markup shared by the pages: links with query strings, snippet marks, the page frame.
enum Markup {
    /// `path?name=value&…` with every value percent-encoded, HTML-escaped for an `href` attribute.
    static func href(_ path: String, _ pairs: [(name: String, value: String)] = []) -> String {
        guard !pairs.isEmpty else { return path }
        return HTML.escape(path + "?" + pairs.map { $0.name + "=" + HTML.queryComponent($0.value) }.joined(separator: "&"))
    }

    /// A snippet carrying `SnippetMarks.control` as HTML: text escaped, query terms in `<mark>`, filtered entities
    /// in `<mark class="hit-ent">`. Marks are balanced whatever the text holds.
    static func snippet(_ text: String) -> String {
        var html = ""
        var open = 0
        var piece = ""
        func flush() {
            html += HTML.escape(piece)
            piece = ""
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{1}", "\u{3}":
                flush()
                html += scalar == "\u{1}" ? "<mark>" : "<mark class=\"hit-ent\">"
                open += 1
            case "\u{2}", "\u{4}":
                flush()
                if open > 0 {
                    html += "</mark>"
                    open -= 1
                }
            default: piece.unicodeScalars.append(scalar)
            }
        }
        flush()
        return html + String(repeating: "</mark>", count: open)
    }

    /// A full page with the navigation bar.
    static func page(title: String, body: String, relationSlots: Int = 0) -> String {
        let nav = "<nav class=\"top\"><a href=\"/search\">Search</a> · <a href=\"/api/search?facets=1\">JSON API</a></nav>\n"
        return PageTemplate.page(title: title + " · Gazette", body: nav + body, relationSlots: relationSlots)
    }

    /// The name shown for an entity: canonical, with its kb id when it has one.
    static func entityLink(kb: String?, canonical: String, type: EntityType) -> String {
        "<a class=\"arg t-" + type.rawValue.lowercased() + "\" href=\"" + href("/entity", [("kb", kb ?? canonical)]) + "\">"
            + HTML.escape(canonical) + "</a>"
    }

    /// The 400/404/500 page.
    static func errorPage(_ status: BrowserResponse.Status, _ message: String) -> BrowserResponse {
        let body = "<h1>\(status.rawValue) \(status.reason)</h1>\n<p>" + HTML.escape(message) + "</p>\n"
            + "<p><a href=\"/search\">Back to search</a></p>\n"
        return BrowserResponse(status: status, contentType: .html, body: page(title: status.reason, body: body))
    }
}
