/// Turns the content elements into paragraphs: block elements and `<br>` break paragraphs, boilerplate
/// subtrees are skipped, and paragraphs that are links, labels, bylines, credits or dates are dropped.
struct BodyExtractor {
    /// A paragraph of the body.
    struct Paragraph: Equatable {
        var text: String
        var isHeading: Bool
    }

    let page: PageIndex
    /// The first byline seen ("By Jane Doe"), for the author when the page declares none.
    private(set) var byline: String?
    /// Whether every paragraph is kept, the paragraph filters off: set for a page of a few short lines and no
    /// running text (headings, captions, a link), where the filters that trim furniture around an article have
    /// no article to protect and would leave nothing.
    var keepsEveryParagraph = false
    /// Link density above which a paragraph is a link list. Inside an element the page names as its body the
    /// bar is higher: a blog post that is mostly links ("today's quick links") is still the post.
    var linkListDensity = 0.5
    /// Whether blocks marked as captions are read: set for a photo post whose captions carry its text.
    var keepsCaptions = false

    init(page: PageIndex) { self.page = page }

    static let headingNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// List items and table cells: a word or two there is content (an ingredient, a spec), not a kicker.
    static let itemNames: Set<String> = ["li", "dd", "dt", "td", "th"]
    static let containerNames: Set<String> = ["article", "main", "section", "div", "header", "body", "td", "li"]

    /// The paragraphs of the given elements, in document order.
    mutating func paragraphs(of roots: [Int]) -> [Paragraph] {
        var result: [Paragraph?] = []
        for root in roots {
            let start = result.count
            extract(root, into: &result)
            if !keepsEveryParagraph { Self.dropEmptyHeadings(&result, from: start) }
        }
        return result.compactMap { $0 }
    }

    /// Scans the root's events; `nil` entries stand for dropped paragraphs (used to drop headings of dropped lists).
    private mutating func extract(_ root: Int, into result: inout [Paragraph?]) {
        var text = ""
        var bytes = 0
        var linkBytes = 0
        var linkDepth = 0
        var heading = false
        var item = false
        var position = page.elements[root].open + 1
        let end = page.elements[root].close

        func flush(_ this: inout BodyExtractor) {
            defer {
                text = ""
                bytes = 0
                linkBytes = 0
                heading = false
                item = false
            }
            let paragraph = Whitespace.collapse(text)
            if paragraph.isEmpty { return }
            let density = bytes == 0 ? 0 : Double(linkBytes) / Double(bytes)
            // Density as the filter's 0.5 bar sees it, scaled to this extractor's bar.
            let scaled = density * 0.5 / this.linkListDensity
            if !this.keepsEveryParagraph, let reason = ParagraphFilter.dropReason(paragraph, linkDensity: scaled, isHeading: heading, isItem: item) {
                if reason == .byline, this.byline == nil { this.byline = paragraph }
                result.append(nil)
                return
            }
            result.append(Paragraph(text: paragraph, isHeading: heading))
        }

        while position < end {
            switch page.events[position] {
            case .text(let content):
                text += content
                var count = 0
                for byte in content.utf8 where byte > 0x20 { count += 1 }
                bytes += count
                if linkDepth > 0 { linkBytes += count }
            case .open(let index):
                let element = page.elements[index]
                if element.boilerplate && !(keepsCaptions && element.captionMark)
                    || element.name == "time" && Self.containerNames.contains(page.elements[element.parent].name) {
                    if element.isBlock { flush(&self) }
                    // Past the close event too: a skipped <a> must not end a link it never opened.
                    position = element.close + 1
                    continue
                }
                if element.isBlock { flush(&self) }
                if Self.headingNames.contains(element.name) { heading = true }
                if Self.itemNames.contains(element.name) { item = true }
                if element.isLink { linkDepth += 1 }
            case .close(let index):
                let element = page.elements[index]
                if element.isBlock { flush(&self) }
                if element.isLink { linkDepth -= 1 }
            }
            position += 1
        }
        flush(&self)
    }

    /// A line of at most three words without a sentence end: a label or heading written as plain text.
    static func isShortLine(_ text: String) -> Bool {
        TextMeasure.wordCount(text) <= 3 && !(text.last.map { TextMeasure.sentenceEnds.contains($0) } ?? false)
    }

    /// Drops a heading whose section kept no paragraph ("Related articles" above a dropped link list).
    private static func dropEmptyHeadings(_ result: inout [Paragraph?], from start: Int) {
        var index = start
        while index < result.count {
            // A short line that is not a sentence ("Related topics", "À découvrir") heads the block below it like a heading.
            guard let paragraph = result[index], paragraph.isHeading || Self.isShortLine(paragraph.text) else {
                index += 1
                continue
            }
            var next = index + 1
            var keptContent = false
            var sawDropped = false
            while next < result.count {
                if let following = result[next] {
                    if following.isHeading { break }
                    keptContent = true
                    break
                }
                sawDropped = true
                next += 1
            }
            let headed = paragraph.isHeading ? (sawDropped || next == result.count || result[next]?.isHeading == true) : sawDropped
            if !keptContent && headed && paragraph.text.count < 120 {
                result[index] = nil
            }
            index += 1
        }
    }
}

/// Paragraph-level rules for text that sits inside the article's element but is not article text.
enum ParagraphFilter {
    enum Reason: Equatable {
        case links, label, byline, credit, date, noLetters
    }

    /// Labels that stand alone in a paragraph: ad slots, share prompts, badges.
    static let labels: Set<String> = [
        "advertisement", "advertentie", "anzeige", "publicité", "publicite", "werbung", "sponsored", "gesponsord",
        "reklame", "ad", "share", "share this", "share this article", "share on facebook", "deel dit artikel", "delen",
        "artikel teilen", "teilen", "partager", "partager cet article", "load more", "live", "premium", "print",
        "e-mail", "email", "copy link", "link kopiëren", "read more", "lees meer", "weiterlesen", "lire la suite",
        "lees ook", "read also", "see also", "mehr zum thema", "lire aussi", "comments", "reacties", "kommentare",
        "commentaires", "key events", "top stories", "most read", "meest gelezen", "meistgelesen", "les plus lus",
    ]

    static let bylinePrefixes = ["By ", "BY ", "Door ", "DOOR ", "Von ", "VON ", "Par ", "PAR ", "Text: ", "Tekst: ", "Texte : "]
    static let trailerPrefixes = ["Reporting by ", "Additional reporting by ", "Writing by ", "Editing by ", "Compiled by "]
    static let creditWords: Set<String> = [
        "photo", "photos", "foto", "fotos", "bild", "bilder", "image", "images", "picture", "credit", "credits",
        "source", "quelle", "bron", "crédit", "crédits", "illustration", "video",
    ]

    /// Why a paragraph is not article text, or nil when it is.
    static func dropReason(_ paragraph: String, linkDensity: Double, isHeading: Bool = false, isItem: Bool = false) -> Reason? {
        if linkDensity > 0.5 { return .links }
        if !paragraph.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { return .noLetters }
        let count = TextMeasure.wordCount(paragraph)
        if count <= 6 {
            let key = trimmed(paragraph.lowercased(), " :|•·»>-–—()")
            if labels.contains(key) { return .label }
            if (paragraph.hasSuffix(":") || paragraph.hasSuffix("：")) && count <= 2 { return .label }
        }
        if count <= 10 {
            // Split only here: splitting every paragraph took 4 % of the cleaner's instructions.
            let words = paragraph.split(separator: " ")
            for prefix in bylinePrefixes where paragraph.hasPrefix(prefix) {
                if let first = words.dropFirst().first?.first, first.isUppercase { return .byline }
            }
            if let first = words.first {
                let word = trimmed(first.lowercased(), ":/©")
                if creditWords.contains(word) && (first.hasSuffix(":") || words.dropFirst().first.map { [":", "/", "©"].contains($0) } == true) {
                    return .credit
                }
            }
            if paragraph.contains("©") { return .credit }
        }
        if count <= 12 {
            // "Saturday 2 August 2025, 14:05", "Posted on 11 March 2025 by Jane Doe": a date line, not a sentence.
            let sentence = paragraph.last.map { TextMeasure.sentenceEnds.contains($0) } ?? false
            if (count <= 8 || !sentence), TextDate.find(in: paragraph) != nil { return .date }
            if count <= 1 && !sentence && !isHeading && !isItem { return .label }
        }
        if count <= 30 {
            for prefix in trailerPrefixes where paragraph.hasPrefix(prefix) { return .credit }
        }
        return nil
    }
}

/// The text without leading and trailing characters from `characters` (and spaces).
func trimmed(_ text: String, _ characters: String) -> String {
    let set = Set(characters.unicodeScalars).union([" "])
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !set.contains($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !set.contains($0) })!
    return String(scalars[first...last])
}
