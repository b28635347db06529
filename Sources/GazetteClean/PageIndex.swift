import GazetteBytes
import GazetteXML

/// A page flattened in one iterative walk: every element with its text statistics, and the document as a
/// stream of open/text/close events that later stages scan by index range instead of walking the tree again.
///
/// Building it is linear in the page and never recurses, so deeply nested pages cannot overflow the stack.
struct PageIndex {
    /// One event of the flattened document.
    enum Event {
        case open(Int)
        case text(String)
        case close(Int)
    }

    /// What the cleaner knows about one element.
    struct Element {
        var name: String
        var parent: Int
        /// Index of this element's `.open` and `.close` events.
        var open: Int
        var close: Int = 0
        /// Whether the element itself is boilerplate (by name, role, class or id words, or hidden).
        var boilerplate: Bool
        /// Whether the element or one of its ancestors is boilerplate.
        var insideBoilerplate: Bool
        /// Whether the element is boilerplate only by its class/id words (or is a `<form>`): such a mark is
        /// lifted when the element holds most of the page's paragraph text (a `widget` or `sidebar-wrap`
        /// wrapper around the whole article, an ASP.NET page inside one `<form>`).
        var softBoilerplate = false
        /// A block holding a comment word in its class/id: never lifted, comment threads can outweigh the article.
        var commentWord = false
        /// A block marked only by words for one short line (a byline, a caption, a credit, a dateline): lifted
        /// when it holds a paragraph no such line is (an unclosed `<span class="byline">` around the post).
        var lineMarkOnly = false
        /// A line-marked block whose class or id names a caption ("wp-caption", "caption-image").
        var captionMark = false
        /// Non-link text of paragraphs in the subtree counted with soft marks ignored.
        var rawParagraphText = 0
        var rawParagraphs = 0
        /// A `<noscript>` or a block hidden by its style: text a browser shows only in another state (without scripts,
        /// or once a script opens it). Softly marked, and read only when the page shows no article otherwise.
        var alternateView = false
        /// Whether the element is a link: an `<a>` other than a named anchor (`<a name>` without `href`, a jump
        /// target, which left unclosed would make the rest of the page link text).
        var isLink = false
        /// Whether the element starts a new block of text.
        var isBlock: Bool
        /// Non-space bytes of text whose nearest block ancestor is this element, and how many of them sit in links.
        var directText = 0
        var directLinkText = 0
        var directCommas = 0
        /// Non-link text written straight into the element (its own text, not its child blocks').
        var ownText: Int { directText - directLinkText }
        /// Whether the element's own text is a paragraph: 25 bytes or more of text, mostly outside links; or a long
        /// run of prose with a link list written into the same block (an old post whose related links follow the
        /// article inside one `<p>` or `<td>`, separated by `<br>`s), which a link share cannot tell from a list.
        var isParagraph: Bool {
            ownText >= 25 && (directLinkText * 2 < directText || ownText >= PageIndex.longProse)
        }
        /// Non-space bytes of text in the element's non-boilerplate subtree, and how many of them sit in links.
        var text = 0
        var linkText = 0
        /// Readability-style content score gathered from the paragraphs below it.
        var score = 0.0
        /// Paragraphs (blocks with at least 25 bytes of mostly non-link text) in the non-boilerplate subtree.
        var paragraphs = 0
        /// Non-link text of those paragraphs.
        var paragraphText = 0
        /// Links (`<a>` elements) in the non-boilerplate subtree.
        var anchors = 0
        /// Text, and link text, of the link lists in the subtree: the outermost blocks of at least three links, mostly
        /// link text and without a paragraph (a "related stories" list, a headline list below the article).
        var listText = 0
        var listLinkText = 0
        /// Class and id words that suggest content ("article", "body", "story", ...).
        var positiveHint = false
        /// A class or id that names the body container by a common CMS convention ("entry-content", "post-body").
        var contentContainer = false
        var itemprop: String?
        /// The class attribute as written, to recognise repeated blocks (live-blog entries).
        var className: String?
    }

    var elements: [Element] = []
    var events: [Event] = []
    /// Texts of `<script type="application/ld+json">` elements.
    var jsonLD: [String] = []
    /// The page's `<html lang>`.
    var htmlLang: String?
    /// Elements by name for the few names metadata and content location look up.
    var byName: [String: [Int]] = [:]
    /// `<meta>` key/value pairs in document order (key = property, name or itemprop, lower-cased).
    var metas: [(key: String, content: String, element: Int)] = []
    /// `<link>` rel/href pairs.
    var links: [(rel: String, href: String)] = []
    /// Attributes of elements that carry metadata: `datetime` of `<time>`, `itemprop`, `class`.
    var datetimes: [(element: Int, value: String)] = []
    /// Softly marked elements whose mark comes only from an id that reads like a slug of words ("sharing-with-a-single-
    /// developer"), with that id: `unmarkHeadingAnchors` checks them against their heading.
    private var slugMarks: [(element: Int, id: String)] = []

    static let indexedNames: Set<String> = ["article", "main", "h1", "title", "time", "body"]

    /// Walks the tree once, depth-first in document order, with an explicit stack.
    init(root: XMLNode) {
        htmlLang = root.attribute("lang")
        var stack: [(iterator: XMLChildren.Iterator, element: Int, block: Int, inLink: Bool, hidden: Bool, inArticle: Bool)] = []
        let rootIndex = addElement(root, parent: -1, parentHidden: false, inArticle: false)
        stack.append((root.children.makeIterator(), rootIndex, rootIndex, false, elements[rootIndex].boilerplate, false))
        // Elements libxml2 leaves beside the root after a stray `</html>` (the body of the page) join the root.
        var strays = root.followingSiblings.makeIterator()
        while !stack.isEmpty {
            guard let child = stack[stack.count - 1].iterator.next() else {
                if stack.count == 1, let stray = Self.nextElement(&strays) {
                    let index = addElement(stray, parent: rootIndex, parentHidden: false, inArticle: false)
                    let hard = elements[index].boilerplate && !elements[index].softBoilerplate
                    stack.append((stray.children.makeIterator(), index, index, false, hard, false))
                    continue
                }
                let finished = stack.removeLast().element
                elements[finished].close = events.count
                events.append(.close(finished))
                continue
            }
            let frame = stack[stack.count - 1]
            switch child.kind {
            case .text, .cdata:
                let content = child.content
                var count = 0
                var commas = 0
                for byte in content.utf8 where byte > 0x20 {
                    count += 1
                    if byte == UInt8(ascii: ",") { commas += 1 }
                }
                events.append(.text(content))
                if count > 0 && !frame.hidden {
                    elements[frame.block].directText += count
                    elements[frame.block].directCommas += commas
                    if frame.inLink { elements[frame.block].directLinkText += count }
                }
            case .element:
                let name = child.name
                let traits = ElementTraits.of(name)
                if traits.contains(.opaque) {
                    if name == "script", let type = child.attribute("type"), Boilerplate.containsASCII(type, "ld+json") {
                        jsonLD.append(child.textContent)
                    }
                    continue
                }
                let index = addElement(child, name: name, traits: traits, parent: frame.element, parentHidden: false,
                                       inArticle: frame.inArticle)
                let element = elements[index]
                // A softly marked element owns its text (so the text can be left out when the mark stays).
                stack.append((
                    child.children.makeIterator(), index, element.isBlock || element.softBoilerplate ? index : frame.block,
                    frame.inLink || element.isLink, frame.hidden || (element.boilerplate && !element.softBoilerplate),
                    frame.inArticle || name == "article" || name == "main" || element.itemprop == "articleBody"
                ))
            case .comment, .other:
                continue
            }
        }
        unmarkHeadingAnchors()
        liftSoftMarks()
        aggregate()
    }

    /// An id spelled from the section's own heading ("sharing-with-a-single-developer" on the section headed "Sharing
    /// with a single developer", as documentation generators and Markdown anchors write them) names the heading, not
    /// the block's role: its words mark nothing. Runs before the marks are lifted; `liftSoftMarks` recomputes
    /// `insideBoilerplate`.
    private mutating func unmarkHeadingAnchors() {
        for (index, id) in slugMarks {
            let element = elements[index]
            var position = index + 1
            while position < elements.count, elements[position].open < element.close,
                !BodyExtractor.headingNames.contains(elements[position].name) {
                position += 1
            }
            guard position < elements.count, elements[position].open < element.close else { continue }
            guard Self.letters(of: plainText(of: position)) == Self.letters(of: id), !id.isEmpty else { continue }
            elements[index].boilerplate = false
            elements[index].softBoilerplate = false
            elements[index].lineMarkOnly = false
            elements[index].captionMark = false
            elements[index].commentWord = false
        }
    }

    /// The lower-cased letters and digits of a text, for comparing an id with a heading.
    static func letters(of text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// Clears the soft marks of elements that hold at least half of the page's paragraph text (comment threads
    /// left out of the page's total), then
    /// recomputes `insideBoilerplate` top-down (parents precede children in `elements`).
    private mutating func liftSoftMarks() {
        for index in elements.indices.reversed() {
            let element = elements[index]
            if element.isParagraph {
                elements[index].rawParagraphText += element.ownText
                elements[index].rawParagraphs += 1
            }
            if element.parent >= 0 {
                elements[element.parent].rawParagraphText += elements[index].rawParagraphText
                elements[element.parent].rawParagraphs += elements[index].rawParagraphs
            }
        }
        // Alternate views (`<noscript>`, blocks hidden by style) are not part of the page's main text mass.
        let total = (elements.first?.rawParagraphText ?? 0) - asideFromMainText()
        let linesHoldMost = lineMarkedText() * 2 >= total
        for index in elements.indices {
            var element = elements[index]
            if element.softBoilerplate && !element.commentWord && !element.alternateView && total >= 200 {
                // Most of the page, or (with a content word beside the marker: "entry entry-author-jane") a
                // quarter of it in several paragraphs.
                let share = Double(element.rawParagraphText) / Double(total)
                if share >= 0.5 || (element.positiveHint && element.rawParagraphs >= 3 && share >= 0.25) { element.boilerplate = false }
                if linesHoldMost && element.lineMarkOnly && element.rawParagraphText >= Self.longerThanALine { element.boilerplate = false }
            }
            element.insideBoilerplate = element.boilerplate || (element.parent >= 0 && elements[element.parent].insideBoilerplate)
            elements[index] = element
        }
        liftLargestSoftMark(total: total)
        liftAlternateView()
    }

    /// A page that shows no article as it stands (less than `articleSized` bytes of paragraph text visible) is read
    /// from its largest alternate view when that holds more than twice as much: a page rendered by script that gives
    /// its text to browsers without scripts, an unclosed `<noscript>` that swallowed the rest of the page, a review
    /// collapsed into a hidden "read more" panel. A page whose article is visible keeps them out (a comment thread
    /// for browsers without scripts, hidden menus and dialogs).
    private mutating func liftAlternateView() {
        let (visible, largest) = visibleTextAndLargestMark { index, element in
            element.alternateView && softlyMarkedAncestors(of: index) != nil
        }
        guard let largest, visible < Self.articleSized, elements[largest].rawParagraphText > 2 * visible,
            elements[largest].rawParagraphText >= 200, let marked = softlyMarkedAncestors(of: largest)
        else { return }
        // The outermost mark first, so that each lift sees its parent's state.
        for ancestor in marked.reversed() { lift(ancestor) }
        lift(largest)
    }

    /// The marked ancestors of an element, innermost first, when every one of them is marked softly and not as a
    /// comment thread (a `<noscript>` inside a `widget` wrapper); nil when one is marked hard (a hidden block, `<nav>`).
    private func softlyMarkedAncestors(of index: Int) -> [Int]? {
        var marked: [Int] = []
        var current = elements[index].parent
        while current >= 0 {
            let element = elements[current]
            if element.boilerplate {
                guard element.softBoilerplate && !element.commentWord else { return nil }
                marked.append(current)
            }
            current = element.parent
        }
        return marked
    }

    /// Clears an element's boilerplate mark and recomputes `insideBoilerplate` in its subtree.
    private mutating func lift(_ lifted: Int) {
        elements[lifted].boilerplate = false
        var index = lifted
        while index < elements.count, elements[index].open < elements[lifted].close {
            let parent = elements[index].parent
            elements[index].insideBoilerplate = elements[index].boilerplate || (parent >= 0 && elements[parent].insideBoilerplate)
            index += 1
        }
    }

    /// Paragraph text inside blocks marked only as a line (byline, caption, …) that hold more than a line.
    /// When these hold half the page, the marks swallowed the posts (unclosed `<span class="byline">` elements,
    /// each around part of the text) and are lifted together; a byline area holding one long note beside the
    /// article is not.
    private func lineMarkedText() -> Int {
        outermostText { $0.lineMarkOnly && $0.rawParagraphText >= Self.longerThanALine }
    }

    /// Paragraph text inside blocks marked by a comment word or inside alternate views, counted once. Neither a
    /// comment thread nor a `<noscript>` or hidden block is part of the page's main text mass: a long thread must not
    /// make the article's share look small.
    private func asideFromMainText() -> Int {
        outermostText { $0.commentWord || $0.alternateView }
    }

    /// Raw paragraph text of the outermost elements that `selected` picks (one inside another counts once).
    private func outermostText(_ selected: (Element) -> Bool) -> Int {
        var inside = [Bool](repeating: false, count: elements.count)
        var text = 0
        for index in elements.indices {
            let element = elements[index]
            let parentInside = element.parent >= 0 && inside[element.parent]
            let picked = selected(element)
            inside[index] = parentInside || picked
            if picked && !parentInside { text += element.rawParagraphText }
        }
        return text
    }

    /// Safety net: when the marks leave less than half as much paragraph text visible as the largest softly marked block holds
    /// (a page whose article sits in a `widget` while an `<aside>` holds nearly as much), that block is lifted.
    private mutating func liftLargestSoftMark(total: Int) {
        let (visible, largest) = visibleTextAndLargestMark { _, element in
            element.softBoilerplate && !element.commentWord && !element.alternateView
                && (element.parent < 0 || !elements[element.parent].insideBoilerplate)
        }
        guard let largest, elements[largest].rawParagraphText > 2 * visible, elements[largest].rawParagraphText * 5 >= total,
            total >= 200
        else { return }
        lift(largest)
    }

    /// Paragraph text visible with the current marks, and the marked element with the most raw paragraph text among
    /// those `eligible` accepts (the candidate a safety net lifts).
    private func visibleTextAndLargestMark(eligible: (Int, Element) -> Bool) -> (visible: Int, largest: Int?) {
        var visible = 0
        var largest: Int?
        for index in elements.indices {
            let element = elements[index]
            if !element.insideBoilerplate {
                if element.isParagraph { visible += element.ownText }
            } else if element.boilerplate && element.rawParagraphText > (largest.map { elements[$0].rawParagraphText } ?? 0)
                && eligible(index, element) {
                largest = index
            }
        }
        return (visible, largest)
    }

    /// The next element among `iterator`'s nodes.
    private static func nextElement(_ iterator: inout XMLChildren.Iterator) -> XMLNode? {
        while let node = iterator.next() {
            if node.kind == .element { return node }
        }
        return nil
    }

    /// Elements whose content is never read as text (scripts are only looked into for JSON-LD).
    static let opaqueElements: Set<String> = ["script", "style", "template", "svg", "math", "iframe", "object", "canvas"]

    /// Visible paragraph text (bytes) from which a page shows an article without scripts.
    static let articleSized = 1000

    /// Links from which a block without a paragraph is a link list, and its least share of link text.
    static let linkListAnchors = 3
    static let linkListDensity = 0.7

    /// Non-link paragraph text (bytes) that no byline, caption, credit or dateline holds.
    static let longerThanALine = 400

    /// Non-link bytes from which a block's own text is prose whatever its share of link text.
    static let longProse = 1500

    /// The page's outer containers, never dropped for their class words.
    static let outerElements: Set<String> = ["html", "body", "main", "article"]

    private mutating func addElement(_ node: XMLNode, parent: Int, parentHidden: Bool, inArticle: Bool) -> Int {
        let name = node.name
        return addElement(node, name: name, traits: ElementTraits.of(name), parent: parent, parentHidden: parentHidden,
                          inArticle: inArticle)
    }

    private mutating func addElement(
        _ node: XMLNode, name: String, traits: ElementTraits, parent: Int, parentHidden: Bool, inArticle: Bool
    ) -> Int {
        let index = elements.count
        var classWords: [Substring] = []
        var contentContainer = false
        var role: String?
        var hidden = false
        var hiddenByStyle = false
        var itemprop: String?
        var className: String?
        var hasHref = false
        var hasName = false
        var slugID: String?
        for (attribute, value) in node.attributes {
            switch attribute {
            case "href": hasHref = true
            case "name": hasName = true
            case "class", "id":
                if attribute == "class" { className = value }
                if Boilerplate.isURL(value) { continue }
                let lowered = value.lowercased()
                let words = Boilerplate.letterRuns(lowered)
                if attribute == "id" && words.count >= 4 && !lowered.contains(" ") { slugID = lowered }
                classWords.append(contentsOf: words)
                contentContainer = contentContainer || (lowered.utf8.count >= 8 && Boilerplate.namesContentContainer(lowered))
            case "role": role = value.lowercased()
            case "hidden": hidden = true
            case "aria-hidden": hidden = hidden || value == "true"
            case "style":
                hiddenByStyle = Boilerplate.styleHides(value)
            case "itemprop": itemprop = value
            case "datetime" where name == "time": datetimes.append((index, value))
            default: break
            }
        }
        // The page's outer containers are never dropped for their class words ("single-post has-comments").
        let outer = traits.contains(.outer) || itemprop == "articleBody"
        // A <header> inside <article> or <main> is the article's own header (headline, standfirst), not the site's.
        let articleHeader = name == "header" && inArticle
        // The article's own <footer> (inside <article>/<main>) is softly marked; the page's footer is not.
        let softName = traits.contains(.soft) || (name == "footer" && inArticle)
        // (A name judged as "div" is in no set: an article's header, a soft element.)
        let hard = hidden || (outer ? false : Boilerplate.isBoilerplate(
            dropped: !(articleHeader || softName) && traits.contains(.dropped), role: role, words: []))
        // A block hidden by its style (a collapsed "read more" panel that a script opens) is an alternate view,
        // like `<noscript>`: softly marked, read only when the page shows no article otherwise.
        let alternateView = !hard && (name == "noscript" || hiddenByStyle)
        let soft = !hard && !outer && ((softName && !articleHeader) || Boilerplate.isBoilerplate(dropped: false, role: nil, words: classWords))
            || alternateView
        let boilerplate = hard || soft
        let positive = classWords.contains { Boilerplate.positives.contains($0) }
        var element = Element(
            name: name, parent: parent, open: events.count, boilerplate: boilerplate,
            insideBoilerplate: boilerplate || parentHidden, isBlock: traits.contains(.block),
            positiveHint: positive, itemprop: itemprop, className: className)
        element.softBoilerplate = soft
        element.alternateView = alternateView
        element.isLink = name == "a" && (hasHref || !hasName)
        element.contentContainer = contentContainer && !boilerplate
        element.commentWord = soft && classWords.contains { Boilerplate.commentRuns.contains($0) }
        element.lineMarkOnly = soft && !softName && Boilerplate.marksOnlyLines(classWords)
        element.captionMark = element.lineMarkOnly && classWords.contains { $0 == "caption" }
        // A mark that comes only from an id of four or more words (the class, if any, marks nothing).
        if soft && !softName, let slugID,
            !Boilerplate.isBoilerplate(dropped: false, role: nil, words: className.map { Boilerplate.letterRuns($0.lowercased()) } ?? []) {
            slugMarks.append((index, slugID))
        }
        elements.append(element)
        events.append(.open(index))
        if traits.contains(.indexed) { byName[name, default: []].append(index) }
        switch name {
        case "meta":
            let key = (node.attribute("property") ?? node.attribute("name") ?? itemprop ?? "").lowercased()
            if !key.isEmpty, let content = node.attribute("content") { metas.append((key, content, index)) }
        case "link":
            if let rel = node.attribute("rel"), let href = node.attribute("href") { links.append((rel.lowercased(), href)) }
        default: break
        }
        return index
    }

    /// Sums text up the tree (children follow their parent in `elements`, so one reverse pass suffices)
    /// and gives each paragraph's score to its parent and, halved, its grandparent.
    private mutating func aggregate() {
        for index in elements.indices.reversed() {
            let element = elements[index]
            if element.insideBoilerplate { continue }
            let text = elements[index].text + element.directText
            let linkText = elements[index].linkText + element.directLinkText
            elements[index].text = text
            elements[index].linkText = linkText
            let ownText = element.ownText
            let isParagraph = element.isParagraph
            if isParagraph {
                elements[index].paragraphs += 1
                elements[index].paragraphText += ownText
            }
            if element.parent >= 0 {
                elements[element.parent].text += text
                elements[element.parent].linkText += linkText
                elements[element.parent].paragraphs += elements[index].paragraphs
                elements[element.parent].paragraphText += elements[index].paragraphText
                let anchors = elements[index].anchors + (element.name == "a" ? 1 : 0)
                elements[element.parent].anchors += anchors
                if element.isBlock && elements[index].paragraphs == 0 && anchors >= Self.linkListAnchors
                    && Double(linkText) >= Self.linkListDensity * Double(text) {
                    elements[element.parent].listText += text
                    elements[element.parent].listLinkText += linkText
                } else {
                    elements[element.parent].listText += elements[index].listText
                    elements[element.parent].listLinkText += elements[index].listLinkText
                }
            }
            guard isParagraph else { continue }
            // A paragraph: score its container. Text written straight into a <div> or <td> makes that element the
            // container itself (old CMSes separate paragraphs with <br>).
            let paragraphLike = Boilerplate.paragraphElements.contains(element.name)
            let cap = paragraphLike ? 3.0 : 10.0
            let score = 1 + Double(element.directCommas) + min(Double(ownText) / 100, cap)
            let container = paragraphLike ? element.parent : index
            guard container >= 0 else { continue }
            elements[container].score += score
            let grandparent = elements[container].parent
            if grandparent >= 0 { elements[grandparent].score += score / 2 }
        }
    }

    /// The visible text of an element's subtree with whitespace collapsed (boilerplate included).
    func plainText(of index: Int) -> String {
        var result = ""
        var position = elements[index].open
        while position < elements[index].close {
            if case .text(let text) = events[position] { result += text }
            position += 1
        }
        return Whitespace.collapse(result)
    }

    /// Whether `index` lies inside the subtree of `ancestor`.
    func isInside(_ index: Int, _ ancestor: Int) -> Bool {
        elements[index].open >= elements[ancestor].open && elements[index].close <= elements[ancestor].close
    }
}

/// The rules that tell boilerplate from content by an element's name, role and class or id words.
enum Boilerplate {
    /// Elements whose content is never article text.
    static let droppedElements: Set<String> = [
        "head", "title", "nav", "header", "footer", "aside", "form", "button", "select", "input", "textarea", "label", "figcaption",
        "dialog", "menu", "embed", "video", "audio", "map", "script", "style", "noscript", "template", "svg", "iframe",
    ]

    /// Dropped elements whose mark is soft (lifted when they hold most of the page's text): a page wrapped in
    /// one `<form>` (ASP.NET), an unclosed `<header>` or `<aside>` that swallowed the page. (Also the
    /// `<footer>` of an article, which can hold a transcript.)
    static let softElements: Set<String> = ["form", "header", "aside", "noscript"]

    /// Class or id words that mark boilerplate blocks.
    static let markerWords: Set<String> = [
        "ad", "ads", "adv", "advert", "advertisement", "advertorial", "banner", "breadcrumb", "breadcrumbs", "byline",
        "caption", "comment", "comments", "consent", "dateline", "timestamp", "cookie", "cookies", "credit", "credits",
        "footer", "gdpr", "menu", "modal", "nav", "navbar", "navigation", "newsletter", "paywall", "popup", "promo",
        "related", "share", "sharing", "sidebar", "social", "sponsored", "subscribe", "subscription", "tags", "teaser",
        "toolbar", "widget", "readmore", "recommended", "outbrain", "taboola", "bio", "author", "signup", "masthead",
        "disqus", "onetrust", "cmp", "skip", "print", "pullquote", "recirculation", "mostread", "trending",
    ]

    /// Prefixes of class or id words that mark boilerplate ("relatedposts", "sharebox", "commentlist").
    static let markerPrefixes: [String] = [
        "related", "share", "sharing", "social", "comment", "koment", "cookie", "consent", "newsletter", "advert", "sponsor",
        "promo", "recommend", "breadcrumb", "paywall", "outbrain", "taboola", "subscri", "signup", "mostread", "banner",
    ]

    /// Class or id words that suggest the article's content.
    static let positiveWords: Set<String> = [
        "article", "body", "content", "entry", "post", "story", "text", "txt", "main", "artikel", "bericht", "inhalt",
        "tekst", "texte", "paragraph", "hentry", "copy",
    ]

    /// Class or id names (lower-cased, without `-` and `_`) that CMSes and templates give the element holding an
    /// article's body: WordPress `entry-content`, Blogger `post-body`, `article-body`, `story-body`, ...
    static let contentContainerNames: [String] = [
        "entrycontent", "entrybody", "entrytext", "postbody", "postcontent", "posttext", "postentry", "articlebody",
        "articlecontent", "articletext", "storybody", "storycontent", "storytext", "bodytext",
    ]
    private static let contentContainerBytes: [[UInt8]] = contentContainerNames.map { Array($0.utf8) }

    /// Whether a class or id value names the article's body container (one of its space-separated names
    /// contains a name of `contentContainerNames` once `-` and `_` are removed). Works on bytes: it runs for
    /// every class attribute of the page.
    static func namesContentContainer(_ value: String) -> Bool {
        var name: [UInt8] = []
        name.reserveCapacity(32)
        var found = false
        func check() {
            if name.count >= 8 && !found {
                // Plain loops: the nested closures this replaced cost 3.7 % of the cleaner's instructions.
                search: for pattern in contentContainerBytes where pattern.count <= name.count {
                    for start in 0...(name.count - pattern.count) where name[start] == pattern[0] {
                        var matched = 1
                        while matched < pattern.count && name[start + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count {
                            found = true
                            break search
                        }
                    }
                }
            }
            name.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"): check()
            case UInt8(ascii: "-"), UInt8(ascii: "_"): continue
            default: name.append(byte)
            }
        }
        check()
        return found
    }

    /// The runs of letters of a class or id value ("post-body main2" → "post", "body", "main"), as
    /// `referenceLetterRuns` splits them. An ASCII value (nearly every one) is split on its UTF-8 bytes, where a
    /// letter is `A`–`Z` or `a`–`z` exactly as `Character.isLetter` decides for ASCII; asking each Character took
    /// 7 % of the cleaner's instructions, as it runs for every class and id of the page.
    static func letterRuns(_ value: String) -> [Substring] {
        let utf8 = value.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return referenceLetterRuns(value) }
        var runs: [Substring] = []
        var start: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let letter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if letter, start == nil { start = index }
            if !letter, let first = start {
                runs.append(value[first..<index])
                start = nil
            }
            index = utf8.index(after: index)
        }
        if let first = start { runs.append(value[first...]) }
        return runs
    }

    /// Whether a `style` attribute hides its element (`display:none`, `visibility:hidden`; case and spaces ignored),
    /// as `referenceStyleHides` decides. An ASCII value (nearly every one) is compared on its bytes, lower-cased and
    /// without spaces: `String.contains` goes through Foundation's locale-aware search on Linux, and with
    /// `lowercased()` and `filter` it took 4 % of the cleaner's time on pages styled inline. Other values go to the
    /// reference, where Characters decide ("none" followed by a combining accent is not "none").
    static func styleHides(_ value: String) -> Bool {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return referenceStyleHides(value) }
        return containsASCII(value, "display:none", skippingSpaces: true) || containsASCII(value, "visibility:hidden", skippingSpaces: true)
    }

    /// The definition `styleHides` must agree with.
    static func referenceStyleHides(_ value: String) -> Bool {
        let style = value.lowercased().filter { $0 != " " }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }

    /// Whether `value`, with ASCII letters lower-cased (and spaces left out when `skippingSpaces`), contains
    /// `pattern`, a lower-case ASCII string, byte for byte (a media type, an ASCII style).
    static func containsASCII(_ value: String, _ pattern: StaticString, skippingSpaces: Bool = false) -> Bool {
        let bytes = skippingSpaces ? value.utf8.filter { $0 != 0x20 } : Array(value.utf8)
        let needle = pattern.withUTF8Buffer { Array($0) }
        return ASCIIBytes.firstOffset(ofLowercased: needle, in: bytes[...], from: 0) != nil
    }

    /// The runs of letters of a value, Character by Character: the reference `letterRuns` must agree with.
    static func referenceLetterRuns(_ value: String) -> [Substring] {
        value.split(whereSeparator: { !$0.isLetter })
    }

    /// Roles that mark page furniture.
    static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar",
    ]

    /// Elements that start a new paragraph.
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tbody", "tr", "td", "th", "dd", "dt", "dl", "br", "hr", "figure", "body", "html", "header",
        "footer", "aside", "nav", "form", "center", "address", "details", "summary", "caption",
    ]

    /// Blocks that are one paragraph of text rather than a container of paragraphs.
    static let paragraphElements: Set<String> = ["p", "pre", "blockquote", "li", "dd", "dt", "h2", "h3", "h4", "h5", "h6"]

    /// Words that start like a marker prefix but name content: "commentary" (an article genre, "commentator"),
    /// "socialist", "shareholder(s)".
    static let markerPrefixExceptions = ["commentar", "commentat", "komentat", "socialis", "shareholder"]

    /// Marker words and prefixes indexed for the per-run question (`ClassWordList`).
    static let markers = ClassWordList(words: markerWords, prefixes: markerPrefixes, exceptions: markerPrefixExceptions)
    /// Positive words indexed the same way.
    static let positives = ClassWordList(words: positiveWords)
    /// Class or id words of comment threads ("comment", "comments", "commentlist"; Polish, Czech, Slovak and South
    /// Slavic "komentarz", "komentare", "komentari").
    static let commentRuns = ClassWordList(words: [], prefixes: ["comment", "koment"], exceptions: markerPrefixExceptions)

    /// Marker words that name one short line of furniture rather than a block of it.
    static let lineMarkerWords: Set<String> = ["byline", "author", "dateline", "timestamp", "caption", "credit", "credits"]

    /// Whether every marker among a block's class/id words names a short line (`lineMarkerWords`).
    static func marksOnlyLines(_ words: [Substring]) -> Bool {
        var found = false
        for word in words where markers.contains(word) {
            guard lineMarkerWords.contains(String(word)) else { return false }
            found = true
        }
        return found
    }

    /// Whether a class or id value is a URL ("http://example.org/comments/12", an id some tools give a page's
    /// wrapper): it names a place, not the element's role, so its path words are no class words.
    static func isURL(_ value: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in value.utf8 {
            if byte == UInt8(ascii: "/") && previous == (UInt8(ascii: ":"), UInt8(ascii: "/")) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Whether an element is boilerplate by its name (`dropped`: the name is in `droppedElements`), role or
    /// class/id words.
    static func isBoilerplate(dropped: Bool, role: String?, words: [Substring]) -> Bool {
        if dropped { return true }
        if let role, boilerplateRoles.contains(role) { return true }
        return words.contains { markers.contains($0) }
    }
}

/// What the cleaner's rules say about an element name, from `Boilerplate`'s and `PageIndex`'s name sets,
/// found with one dictionary lookup per element instead of one per set.
struct ElementTraits: OptionSet, Sendable {
    let rawValue: UInt8
    /// In `Boilerplate.droppedElements`.
    static let dropped = ElementTraits(rawValue: 1 << 0)
    /// In `Boilerplate.softElements`.
    static let soft = ElementTraits(rawValue: 1 << 1)
    /// In `Boilerplate.blockElements`.
    static let block = ElementTraits(rawValue: 1 << 2)
    /// In `PageIndex.opaqueElements`.
    static let opaque = ElementTraits(rawValue: 1 << 3)
    /// In `PageIndex.indexedNames`.
    static let indexed = ElementTraits(rawValue: 1 << 4)
    /// One of the page's outer containers (`PageIndex.outerElements`).
    static let outer = ElementTraits(rawValue: 1 << 5)

    private static let byName: [String: ElementTraits] = {
        var result: [String: ElementTraits] = [:]
        let sets: [(Set<String>, ElementTraits)] = [
            (Boilerplate.droppedElements, .dropped), (Boilerplate.softElements, .soft), (Boilerplate.blockElements, .block),
            (PageIndex.opaqueElements, .opaque), (PageIndex.indexedNames, .indexed), (PageIndex.outerElements, .outer),
        ]
        for (names, trait) in sets {
            for name in names { result[name, default: []].insert(trait) }
        }
        return result
    }()

    /// The traits of an element name (none for a name no set holds).
    static func of(_ name: String) -> ElementTraits { byName[name] ?? [] }
}
