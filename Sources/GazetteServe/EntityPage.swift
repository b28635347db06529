import GazetteCore
import GazetteIndex
import GazetteRender

/// The entity page: the articles that mention it (newest first, paged), the entities it co-occurs with, and the
/// relations the articles state about it over time (a summary per relation, then each statement by date).
struct EntityPage {
    let key: String
    let profile: EntityProfile
    let page: Int
    let pageSize: Int

    func html() -> String {
        var body = "<h1><span class=\"ent t-\(profile.type.rawValue.lowercased())\">" + HTML.escape(profile.canonical) + "</span></h1>\n"
        body += "<p class=\"meta\">\(profile.type.rawValue)"
        if let kb = profile.kb { body += " · kb <code>" + HTML.escape(kb) + "</code>" }
        body += " · mentioned \(profile.mentions) times in \(profile.documents) articles · <a href=\""
            + Markup.href("/search", [("entity", key)]) + "\">search these articles</a></p>\n"
        body += "<div class=\"layout\">\n<aside class=\"facets\">\n" + cooccurring() + "</aside>\n<section>\n"
        body += articles() + statementSummary() + statements() + "</section>\n</div>\n"
        return Markup.page(title: profile.canonical, body: body)
    }

    private func articles() -> String {
        var html = "<h2>Articles (newest first)</h2>\n<ol class=\"articles\" start=\"\((page - 1) * pageSize + 1)\">\n"
        for article in profile.articles {
            html += "<li><a href=\"" + Markup.href("/article", [("id", article.id)]) + "\">" + HTML.escape(HTML.displayTitle(article.title, id: article.id)) + "</a>"
            html += " <time>" + HTML.escape(article.published ?? "undated") + "</time>"
            html += " <span class=\"count\">\(article.mentions) mention\(article.mentions == 1 ? "" : "s")</span></li>\n"
        }
        html += "</ol>\n"
        let pages = max(1, (profile.documents + pageSize - 1) / pageSize)
        guard pages > 1 else { return html }
        html += "<p class=\"pager\">"
        if page > 1 { html += "<a rel=\"prev\" href=\"" + Markup.href("/entity", [("kb", key), ("page", String(page - 1))]) + "\">← newer</a>" }
        html += "<span>page \(page) of \(pages)</span>"
        if page < min(pages, SearchParameters.maxPage) {
            html += "<a rel=\"next\" href=\"" + Markup.href("/entity", [("kb", key), ("page", String(page + 1))]) + "\">older →</a>"
        }
        return html + "</p>\n"
    }

    private func cooccurring() -> String {
        var html = "<h2>Mentioned with</h2>\n<ul>\n"
        for other in profile.cooccurring {
            html += "<li>" + Markup.entityLink(kb: other.kb, canonical: other.canonical, type: other.type)
            html += " <span class=\"count\">\(other.documents)</span> <a class=\"count\" title=\"articles mentioning both\" href=\""
                + Markup.href("/search", [("entity", key), ("entity", other.kb ?? other.canonical)]) + "\">both</a></li>\n"
        }
        return html + "</ul>\n"
    }

    /// One row per (relation, role, other side): how often it was stated, first and last date.
    private func statementSummary() -> String {
        struct Row { var label: String; var count: Int; var first: String?; var last: String? }
        var rows: [Row] = []
        var position: [String: Int] = [:]
        for statement in profile.statements {
            let label = describe(statement)
            if let index = position[label] {
                rows[index].count += 1
                if let date = statement.published { rows[index].last = date; rows[index].first = rows[index].first ?? date }
            } else {
                position[label] = rows.count
                rows.append(Row(label: label, count: 1, first: statement.published, last: statement.published))
            }
        }
        var html = "<h2>Relations over time</h2>\n"
        guard !rows.isEmpty else { return html + "<p class=\"none\">No relations about this entity were extracted.</p>\n" }
        html += "<table class=\"summary\"><thead><tr><th>relation</th><th>statements</th><th>first</th><th>last</th></tr></thead><tbody>\n"
        for row in rows.sorted(by: { $0.count > $1.count }) {
            html += "<tr><td>" + row.label + "</td><td>\(row.count)</td><td>" + HTML.escape(row.first ?? "–") + "</td><td>"
                + HTML.escape(row.last ?? "–") + "</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private func statements() -> String {
        guard !profile.statements.isEmpty else { return "" }
        var html = "<h3>Each statement, oldest first</h3>\n<table class=\"statements\"><tbody>\n"
        for statement in profile.statements {
            html += "<tr><td><a href=\"" + Markup.href("/article", [("id", statement.document)]) + "\">"
                + HTML.escape(statement.published ?? "undated") + "</a></td><td>" + describe(statement)
                + " <span class=\"src\">" + HTML.escape(statement.source) + "</span><br><span class=\"evidence\">"
                + HTML.escape(String(statement.evidence.prefix(300))) + "</span></td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// `head — type / role → tail` with links to both sides' pages.
    private func describe(_ statement: EntityProfile.Statement) -> String {
        func side(_ kb: String?, _ name: String?) -> String {
            guard let name else { return "<span class=\"arg\">(statement)</span>" }
            return "<a class=\"arg\" href=\"" + Markup.href("/entity", [("kb", kb ?? name)]) + "\">" + HTML.escape(name) + "</a>"
        }
        var html = side(statement.headKB, statement.head) + " <span class=\"rtype\">— " + statement.type.rawValue
        if let role = statement.role { html += " / " + HTML.escape(role) }
        return html + " →</span> " + side(statement.tailKB, statement.tail)
    }
}
