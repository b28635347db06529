import GazetteCore
import GazetteXML

/// Reads one NewsML-G2 `newsItem` (or `packageItem`) into a `NewsStory`.
enum NewsMLG2Item {
    /// A news item: contentMeta's headline, byline, dateline and dates, the body of its contentSet.
    static func story(_ item: XMLNode) -> NewsStory {
        let meta = item.child("contentMeta")
        let itemMeta = item.child("itemMeta")
        var story = NewsStory()
        story.id = identifier(item)
        story.headline = meta?.childText("headline") ?? itemMeta?.childText("title")
        story.byline = meta?.childText("by")
        story.dateline = meta?.childText("dateline").flatMap { isTimestamp($0) ? nil : $0 }
        story.dates = [itemMeta?.childText("firstCreated"), meta?.childText("contentCreated"),
                       itemMeta?.childText("versionCreated")].compactMap { $0 }
        story.language = NewsStory.primaryLanguage(item.attribute("lang") ?? meta?.child("language")?.attribute("tag"))
        if let content = item.child("contentSet") {
            let body = NewsBody.paragraphs(ofContentSet: content)
            story.paragraphs = body.paragraphs
            if story.headline == nil { story.headline = body.title }
        }
        if story.paragraphs.isEmpty, let captions = meta?.elements(named: "description") {
            // A picture's or graphic's text is its caption.
            story.paragraphs = captions.map { collapse($0.textContent) }.filter { !$0.isEmpty }
        }
        return story
    }

    /// A package delivered without its items: its headline, then each listed item's headline or title.
    static func packageStory(_ package: XMLNode) -> NewsStory {
        var story = story(package)
        story.paragraphs = package.descendants(named: "itemRef").compactMap { reference in
            reference.childText("headline") ?? reference.childText("title") ?? reference.childText("description")
        }
        return story
    }

    /// The guid, with ":version" when the item states one.
    static func identifier(_ item: XMLNode) -> String? {
        guard let guid = item.attribute("guid"), !guid.isEmpty else { return nil }
        guard let version = item.attribute("version"), !version.isEmpty else { return guid }
        return guid + ":" + version
    }

    /// Whether a dateline is only a transmission timestamp ("2014-07-16 13:00:03 GMT+00:00"), not a place line.
    static func isTimestamp(_ text: String) -> Bool {
        guard let first = text.split(separator: " ").first else { return false }
        return ISODate.normalise(String(first)) != nil && first.count >= 8
    }
}

/// Reads one NewsML 1.x `NewsItem` into a `NewsStory`.
enum NewsML1Item {
    static func story(_ item: XMLNode) -> NewsStory {
        var story = NewsStory()
        let identifier = item.child("Identification")?.child("NewsIdentifier")
        story.id = identifier?.childText("PublicIdentifier") ?? identifier?.childText("NewsItemId")
        let lines = item.firstDescendant(named: "NewsLines")
        story.headline = lines?.childText("HeadLine")
        story.byline = lines?.childText("ByLine")
        story.dateline = lines?.childText("DateLine")
        let management = item.child("NewsManagement")
        story.dates = [management?.childText("FirstCreated"), management?.childText("ThisRevisionCreated"),
                       item.parentElement?.child("NewsEnvelope")?.childText("DateAndTime")].compactMap { $0 }
        let stated = item.firstDescendant(named: "DescriptiveMetadata")?.child("Language")?.attribute("FormalName")
        story.language = NewsStory.primaryLanguage(item.attribute("lang") ?? stated)
        for content in item.descendants(named: "ContentItem") {
            guard let data = content.child("DataContent") else { continue }
            let format = content.child("Format")?.attribute("FormalName")?.lowercased() ?? ""
            let media = content.child("MediaType")?.attribute("FormalName")?.lowercased() ?? "text"
            guard media == "text" || media == "complexdata" else { continue }
            let body = NewsBody.paragraphs(ofData: data, declaredHTML: format.contains("html"))
            if story.headline == nil { story.headline = body.title }
            story.paragraphs += body.paragraphs
        }
        return story
    }
}

/// The body text of NewsML content: inline XHTML, inline NITF, escaped HTML or plain text.
enum NewsBody {
    /// The paragraphs of the first readable inlineXML or inlineData of a G2 contentSet, and a title when the
    /// content carries one (NITF's hedline or head title).
    static func paragraphs(ofContentSet set: XMLNode) -> (paragraphs: [String], title: String?) {
        for content in set.children where content.kind == .element {
            let type = content.attribute("contenttype")?.lowercased() ?? ""
            switch content.name {
            case "inlineXML":
                let body = paragraphs(ofData: content, declaredHTML: false)
                if !body.paragraphs.isEmpty { return body }
            case "inlineData":
                let body = paragraphs(ofData: content, declaredHTML: type.contains("html"))
                if !body.paragraphs.isEmpty { return body }
            default:
                continue
            }
        }
        return ([], nil)
    }

    /// The paragraphs of an element holding the content: its markup (XHTML or NITF) or its text (HTML or plain).
    static func paragraphs(ofData data: XMLNode, declaredHTML: Bool) -> (paragraphs: [String], title: String?) {
        if let nitf = data.firstDescendant(named: "nitf") {
            let title = nitf.child("body")?.child("body.head")?.child("hedline")?.childText("hl1")
                ?? nitf.child("head")?.childText("title")
            let content = nitf.firstDescendant(named: "body.content") ?? nitf
            return (NewswireReader.blockTexts(of: content), title)
        }
        if data.children.contains(where: { $0.kind == .element }) {
            let body = data.firstDescendant(named: "body") ?? data
            return (NewswireReader.blockTexts(of: body), nil)
        }
        let text = data.textContent
        if declaredHTML || looksLikeMarkup(text) { return (htmlParagraphs(text), nil) }
        return (textParagraphs(text), nil)
    }

    /// Escaped or CDATA HTML, parsed (recovering, no network) into block paragraphs.
    static func htmlParagraphs(_ html: String) -> [String] {
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return [] }
        let tree = bytes.withUnsafeMutableBytes { buffer in try? XMLTree.parseHTML(UnsafeRawBufferPointer(buffer), encoding: "UTF-8") }
        guard let root = tree?.root else { return textParagraphs(html) }
        let body = root.firstDescendant(named: "body") ?? root
        return NewswireReader.blockTexts(of: body)
    }

    /// Plain text split into paragraphs at blank lines, each collapsed.
    static func textParagraphs(_ text: String) -> [String] {
        NewswireReader.characterParagraphs(text)
    }

    /// Whether text holds HTML tags (`<p>`, `<br/>`, …) rather than being plain text.
    static func looksLikeMarkup(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["<p>", "<p ", "<br", "<div", "</p>"].contains { lowered.contains($0) }
    }
}
