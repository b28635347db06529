import GazetteOutput

/// Renders a `SearchResult` for people (numbered hits, then facets) or as one JSON object.
public enum SearchResultFormatter {
    /// Numbered hits: title and date, url, snippet; then facets per type as `canonical (kb) ×documents`.
    public static func plainText(_ result: SearchResult) -> String {
        var lines: [String] = []
        lines.append("\(result.total) matching document\(result.total == 1 ? "" : "s")"
            + (result.hits.count < result.total ? ", showing \(result.hits.count)" : ""))
        for (number, hit) in result.hits.enumerated() {
            var heading = "\(number + 1). \(hit.title ?? hit.id)"
            if let published = hit.published { heading += " (\(published))" }
            lines.append("")
            lines.append(heading)
            lines.append("   \(hit.url ?? hit.id)")
            lines.append("   \(hit.snippet)")
        }
        if !result.facets.isEmpty {
            lines.append("")
            lines.append("facets (documents):")
            var current: String?
            var entries: [String] = []
            func flush() {
                if let current { lines.append("  \(current): " + entries.joined(separator: ", ")) }
                entries = []
            }
            for facet in result.facets {
                if facet.type.rawValue != current {
                    flush()
                    current = facet.type.rawValue
                }
                entries.append("\(facet.canonical)\(facet.kb.map { " (\($0))" } ?? "") \(facet.documents)")
            }
            flush()
        }
        return lines.joined(separator: "\n")
    }

    /// `{"total":N,"hits":[{id,url,title,published,language,score,snippet}],"facets":{"PERSON":[{kb,canonical,documents}]}}`.
    public static func json(_ result: SearchResult) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.int("total", result.total)
        json.beginArray("hits")
        for hit in result.hits {
            json.beginObject()
            json.string("id", hit.id)
            json.string("url", hit.url)
            json.string("title", hit.title)
            json.string("published", hit.published)
            json.string("language", hit.language)
            if let score = hit.score { json.double("score", (score * 1e6).rounded() / 1e6) } else { json.null("score") }
            json.string("snippet", hit.snippet)
            json.endObject()
        }
        json.endArray()
        json.beginObject("facets")
        var current: String?
        for facet in result.facets {
            if facet.type.rawValue != current {
                if current != nil { json.endArray() }
                current = facet.type.rawValue
                json.beginArray(facet.type.rawValue)
            }
            json.beginObject()
            json.string("kb", facet.kb)
            json.string("canonical", facet.canonical)
            json.int("documents", facet.documents)
            json.endObject()
        }
        if current != nil { json.endArray() }
        json.endObject()
        json.endObject()
        return json.output
    }
}
