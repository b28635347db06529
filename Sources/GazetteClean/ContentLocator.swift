/// Finds the elements that hold the article: the page's own markers (`itemprop="articleBody"`, `<article>`)
/// when they are there and hold most of the text, else the best block by text density and link density.
struct ContentLocator {
    /// Which evidence chose the content.
    enum Signal: String, Sendable {
        case articleBody = "itemprop-articleBody"
        case contentClass = "content-class"
        case article = "article-element"
        case scored = "text-density"
        case jsonLD = "json-ld-articleBody"
        case none = "whole-body"
    }

    let page: PageIndex

    /// Link density from which an element named like a body container is read as a page-wide wrapper.
    static let wrapperLinkDensity = 0.15

    /// The content elements in document order, and the signal that chose them.
    func locate() -> (roots: [Int], signal: Signal) {
        let scored = scoredRoots()
        let scoredText = scored.reduce(0) { $0 + ownText($1) }
        if let marked = markedRoot() {
            // The page's own marker wins unless it holds clearly less text than the density choice
            // (an <article> used for a teaser card while the story sits in <div>s).
            let roots = marked.signal == .contentClass ? containerSiblings(marked.root) : [marked.root]
            // A container named like a body overrides a density choice elsewhere on the page (a sidebar, a profile
            // box, trackbacks), one around it (the article's header and furniture) and one inside it (one block of a
            // body split in several). It only confirms a choice inside it when it has many links (a page-wide wrapper
            // with navigation).
            let confirms = marked.signal == .contentClass && scored.contains { candidate in
                roots.contains {
                    candidate != $0 && page.isInside(candidate, $0) && linkDensity($0) >= Self.wrapperLinkDensity
                }
            }
            if !confirms && roots.reduce(0, { $0 + ownText($1) }) * 2 >= scoredText { return (roots, marked.signal) }
        }
        if !scored.isEmpty { return (rescued(widened(scored)), .scored) }
        // Too little text to score (a page of one short paragraph): all of the body.
        return ([page.byName["body"]?.first ?? 0], .none)
    }

    /// Safety net: density roots that hold little of the page's paragraph text, beside another strong block (one
    /// block of a body split into many small ones), are widened to their lowest ancestor that holds most of the
    /// page's paragraph text, unless that ancestor is link-heavy. A choice the page names as its body, or one long
    /// block of text, is kept.
    func widened(_ roots: [Int]) -> [Int] {
        let total = page.elements.first?.paragraphText ?? 0
        let held = roots.reduce(0) { $0 + page.elements[$1].paragraphText }
        guard let first = roots.first, total > 0, Double(held) < Self.smallShare * Double(total) else { return roots }
        // One long block of text (an article written as one <div> with <br>s) is a whole article, not a piece of one;
        // one <p> in a wrapper is a paragraph (a lead above steps in blocks of their own), and may be a piece.
        let paragraphs = roots.reduce(0) { $0 + page.elements[$1].paragraphs }
        let ownText = roots.reduce(0) { $0 + page.elements[$1].directText - page.elements[$1].directLinkText }
        if paragraphs == 1 && ownText >= Self.wholeBlock { return roots }
        // A choice inside an element the page names as its body or article is confirmed, not a fragment.
        var enclosing = first
        while enclosing >= 0 {
            let element = page.elements[enclosing]
            // (An <article> among several is a section or a card, not the page's article.)
            if element.contentContainer || element.itemprop == "articleBody"
                || (element.name == "article" && page.byName["article", default: []].count == 1) { return roots }
            enclosing = element.parent
        }
        var ancestor = page.elements[first].parent
        while ancestor >= 0 {
            if Double(page.elements[ancestor].paragraphText) >= Self.largeShare * Double(total) {
                guard linkDensity(ancestor) < Self.widenLinkDensity else { return roots }
                // Another strong block of running text beside the choice (not around or inside it, not a teaser rail)
                // shows the body is split.
                let top = topCandidates()
                let best = top.first?.score ?? 0
                // Cards of a teaser list beside an article are not more of it; beside a choice that is itself a list
                // or a list item (a section front), they are the page.
                let choiceInList = ["ol", "ul"].contains(page.elements[first].name) || isListItem(first, below: ancestor)
                let beside = top.filter { candidate in
                    page.isInside(candidate.index, ancestor)
                        && !roots.contains { page.isInside(candidate.index, $0) || page.isInside($0, candidate.index) }
                }
                let cards = !choiceInList && beside.contains { isListItem($0.index, below: ancestor) }
                let split = beside.contains { candidate in
                    candidate.score >= Self.splitScore * best && linkDensity(candidate.index) < Self.splitLinkDensity
                        && (choiceInList || !isListItem(candidate.index, below: ancestor))
                }
                // A wrapper with practically no links holds no navigation or rail: a long document laid out in many cells.
                return split || (!cards && linkDensity(ancestor) < Self.linklessDensity) ? [ancestor] : roots
            }
            ancestor = page.elements[ancestor].parent
        }
        return roots
    }

    /// Safety net for a density choice that missed the article: when one block's own prose (a long post written
    /// into one `<p>` or `<td>` with `<br>`s, whose trailing link list keeps it from scoring) holds several times the
    /// paragraph text of the chosen roots, that block's container is the content.
    func rescued(_ roots: [Int]) -> [Int] {
        let held = roots.reduce(0) { $0 + page.elements[$1].paragraphText }
        var longest: Int?
        for (index, element) in page.elements.enumerated()
        where !element.insideBoilerplate && element.isParagraph && element.ownText >= PageIndex.longProse {
            if longest == nil || element.ownText > page.elements[longest!].ownText { longest = index }
        }
        guard let longest, page.elements[longest].ownText > Self.rescueFactor * held,
            !roots.contains(where: { page.isInside(longest, $0) })
        else { return roots }
        let element = page.elements[longest]
        let container = Boilerplate.paragraphElements.contains(element.name) && element.parent >= 0 ? element.parent : longest
        return [container]
    }

    /// How many times the chosen roots' paragraph text one block of prose must hold to replace them.
    static let rescueFactor = 3

    /// Whether `index` is a list item or lies inside one below `ancestor`: a card of a teaser list ("more on this"),
    /// not a piece of a split body.
    func isListItem(_ index: Int, below ancestor: Int) -> Bool {
        var current = index
        while current >= 0 && current != ancestor {
            if page.elements[current].name == "li" { return true }
            current = page.elements[current].parent
        }
        return false
    }

    /// Share of the page's paragraph text below which the density choice may be a fragment of the body.
    static let smallShare = 0.6
    /// Share of the page's paragraph text the widened ancestor must hold.
    static let largeShare = 0.75
    /// Bytes from which a single block of text is a whole article (an article written as one block with `<br>`s).
    static let wholeBlock = 400
    /// Score, relative to the best, from which another block beside the choice shows a split body.
    static let splitScore = 0.3
    /// Link density below which a block beside the choice counts as running text (teaser rails have more).
    static let splitLinkDensity = 0.2
    /// Link density below which the widened ancestor holds no navigation or teaser rail at all: a long document laid out
    /// in many table cells, widened without another strong block beside the choice.
    static let linklessDensity = 0.05
    /// Link density up to which the widened ancestor is read as text rather than navigation.
    static let widenLinkDensity = 0.3

    /// Non-link text of an element's non-boilerplate subtree.
    func ownText(_ index: Int) -> Int { page.elements[index].text - page.elements[index].linkText }

    func linkDensity(_ index: Int) -> Double {
        let element = page.elements[index]
        return element.text == 0 ? 0 : Double(element.linkText) / Double(element.text)
    }

    /// `itemprop="articleBody"`, else the element named like a body container ("entry-content", "post-body"), else
    /// the `<article>` with the most non-link text.
    func markedRoot() -> (root: Int, signal: Signal)? {
        var best: Int?
        for (index, element) in page.elements.enumerated() where element.itemprop == "articleBody" && !element.insideBoilerplate {
            if best == nil || ownText(index) > ownText(best!) { best = index }
        }
        if let best, ownText(best) >= 100 { return (best, .articleBody) }
        var container: Int?
        for (index, element) in page.elements.enumerated() where element.contentContainer && !element.insideBoilerplate {
            if container == nil || ownText(index) > ownText(container!) { container = index }
        }
        if let container, ownText(container) >= 100 { return (container, .contentClass) }
        var article: Int?
        for index in page.byName["article", default: []] where !page.elements[index].insideBoilerplate {
            if article == nil || ownText(index) > ownText(article!) { article = index }
        }
        guard let article, ownText(article) >= 100 else { return nil }
        // Among several <article>s (teaser cards, page sections) the largest is the page's article only when it
        // clearly outweighs every other one it does not hold.
        let rival = page.byName["article", default: []].filter {
            !page.elements[$0].insideBoilerplate && !page.isInside($0, article) && !page.isInside(article, $0)
        }.map(ownText).max() ?? 0
        return ownText(article) >= 2 * rival ? (article, .article) : nil
    }

    /// A body container with its siblings of the same class, in document order: a body split by an ad slot
    /// into several `storybody` blocks.
    func containerSiblings(_ root: Int) -> [Int] {
        let element = page.elements[root]
        guard element.parent >= 0 else { return [root] }
        var roots: [Int] = []
        var index = element.parent + 1
        let end = page.elements[element.parent].close
        while index < page.elements.count, page.elements[index].open < end {
            let sibling = page.elements[index]
            if sibling.parent == element.parent && sibling.contentContainer && !sibling.insideBoilerplate
                && sibling.className == element.className {
                roots.append(index)
            }
            index += 1
        }
        return roots.isEmpty ? [root] : roots
    }

    /// A candidate's score adjusted for its links and class words.
    func adjustedScore(_ index: Int) -> Double {
        let element = page.elements[index]
        // Links weigh double: teaser rails (a linked headline over a summary) must lose to running text.
        return element.score * max(0, 1 - 2 * runningLinkDensity(index)) * (element.positiveHint ? 1.25 : 1)
    }

    /// Link density of an element's text with its link lists weighing half. A list of links set apart (related
    /// stories, a headline list below the story) is dropped with the link lines anyway and says less of the running
    /// text beside it than links among that text (a teaser rail's links sit between its summaries, in blocks that
    /// hold a paragraph); it still hints at a wrapper around more than the article.
    func runningLinkDensity(_ index: Int) -> Double {
        let element = page.elements[index]
        let text = Double(element.text) - Self.listWeight * Double(element.listText)
        return text <= 0 ? 0 : (Double(element.linkText) - Self.listWeight * Double(element.listLinkText)) / text
    }

    /// How much of a link list's text `runningLinkDensity` leaves out.
    static let listWeight = 0.5

    /// The best-scoring element, raised to the common ancestor when several near-equal candidates
    /// share one (live-blog entries, split bodies), plus siblings that look like more of the article.
    /// The five best-scoring elements, best first.
    func topCandidates() -> [(index: Int, score: Double)] {
        var top: [(index: Int, score: Double)] = []
        for index in page.elements.indices where !page.elements[index].insideBoilerplate && page.elements[index].score > 0 {
            let score = adjustedScore(index)
            if top.count < 5 || score > top[top.count - 1].score {
                top.append((index, score))
                top.sort { $0.score > $1.score }
                if top.count > 5 { top.removeLast() }
            }
        }
        return top
    }

    func scoredRoots() -> [Int] {
        let top = topCandidates()
        guard var root = top.first?.index, let best = top.first?.score else { return [] }
        // Near-equal repeated blocks (same element and class) with few links that are not nested in one another
        // (live-blog entries, a body split by an ad slot) make their common ancestor the content.
        let close = top.dropFirst().filter { candidate in
            candidate.score >= best * 0.5 && linkDensity(candidate.index) < 0.25
                && page.elements[candidate.index].name == page.elements[root].name
                && page.elements[candidate.index].className == page.elements[root].className
                && !page.isInside(candidate.index, root) && !page.isInside(root, candidate.index)
        }
        if !close.isEmpty {
            var ancestor = root
            for candidate in close {
                while !page.isInside(candidate.index, ancestor), page.elements[ancestor].parent >= 0 {
                    ancestor = page.elements[ancestor].parent
                }
            }
            root = ancestor
        }
        let parent = page.elements[root].parent
        guard parent >= 0 else { return [root] }
        let threshold = max(10, best * 0.2)
        var roots: [Int] = []
        var index = parent + 1
        while index < page.elements.count, page.elements[index].open < page.elements[parent].close {
            let element = page.elements[index]
            if element.parent == parent {
                if index == root {
                    roots.append(index)
                } else if !element.insideBoilerplate {
                    let text = ownText(index)
                    if adjustedScore(index) >= threshold || (text >= 80 && linkDensity(index) < 0.25 && element.paragraphs <= 1) {
                        roots.append(index)
                    }
                }
                // Skip the child's subtree: its elements are not siblings.
                var next = index + 1
                while next < page.elements.count, page.elements[next].open < element.close { next += 1 }
                index = next
            } else {
                index += 1
            }
        }
        return roots
    }
}
