import Foundation

/// The article a page describes in its JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, `LiveBlogPosting`, ...).
struct JSONLDArticle {
    var headline: String?
    var datePublished: String?
    var author: String?
    var publisher: String?
    var articleBody: String?
    var language: String?
    var url: String?

    /// Schema.org types whose object describes the page's article.
    static let articleTypes: Set<String> = [
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "Report", "TechArticle",
    ]

    /// The first article object among the page's JSON-LD scripts, or nil.
    init?(scripts: [String]) {
        for script in scripts {
            guard let value = Self.parse(script) else { continue }
            if let article = Self.findArticle(in: value) {
                self.init(object: article)
                return
            }
        }
        return nil
    }

    init(object: [String: Any]) {
        headline = Self.string(object["headline"]) ?? Self.string(object["name"])
        datePublished = Self.string(object["datePublished"]) ?? Self.string(object["dateCreated"])
        author = Self.names(object["author"])
        publisher = Self.names(object["publisher"])
        articleBody = Self.string(object["articleBody"])
        language = Self.string(object["inLanguage"])
        url = Self.string(object["url"]) ?? Self.string(object["mainEntityOfPage"])
    }

    /// Parses a script's JSON; retries with raw control characters turned into spaces (CMSes leave newlines in strings).
    static func parse(_ script: String) -> Any? {
        let data = Data(script.utf8)
        if let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) { return value }
        // Escape raw line breaks inside strings (they stay paragraph breaks) and blank other control characters.
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(script.utf8.count)
        var inString = false
        var escaped = false
        for byte in script.utf8 {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                } else if byte == 0x0A {
                    cleaned += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                    continue
                } else if byte < 0x20 {
                    cleaned.append(UInt8(ascii: " "))
                    continue
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            }
            cleaned.append(byte)
        }
        return try? JSONSerialization.jsonObject(with: Data(cleaned), options: [.fragmentsAllowed])
    }

    /// Breadth-first search through arrays and `@graph`s, so the outermost article wins; no recursion.
    static func findArticle(in value: Any) -> [String: Any]? {
        var queue: [Any] = [value]
        var head = 0
        while head < queue.count, head < 10_000 {
            let current = queue[head]
            head += 1
            if let array = current as? [Any] {
                queue.append(contentsOf: array)
            } else if let object = current as? [String: Any] {
                let types: [String] = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
                if types.contains(where: articleTypes.contains) { return object }
                if let graph = object["@graph"] { queue.append(graph) }
                if let main = object["mainEntity"] { queue.append(main) }
            }
        }
        return nil
    }

    static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let collapsed = Whitespace.collapse(text)
            return collapsed.isEmpty ? nil : text
        }
        if let object = value as? [String: Any] { return string(object["@id"]) ?? string(object["url"]) }
        if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
        return nil
    }

    /// Names of a person or organisation value: a string, `{"name": ...}`, or a list of them joined by ", ".
    static func names(_ value: Any?) -> String? {
        if let text = value as? String { return text.isEmpty ? nil : text }
        if let object = value as? [String: Any] { return (object["name"] as? String).map { Whitespace.collapse($0) } }
        if let array = value as? [Any] {
            let all = array.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: ", ")
        }
        return nil
    }
}
