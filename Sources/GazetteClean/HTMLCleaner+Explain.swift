import Foundation
import GazetteXML

extension HTMLCleaner {
    /// A short account of how the body of a page was located, for diagnostics: the signal, the chosen
    /// elements and the best-scoring candidates with their text sizes, link density and path.
    public static func explain(html: [UInt8]) -> String {
        guard let tree = try? html.withUnsafeBytes({ (buffer) throws(XMLError) -> XMLTree in
            try XMLTree.parseHTML(buffer, url: nil, encoding: nil)
        }), let root = tree.root else { return "unparseable" }
        let page = PageIndex(root: root)
        let locator = ContentLocator(page: page)
        let (roots, signal) = locator.locate()
        var lines = ["signal \(signal.rawValue)"]
        func describe(_ index: Int) -> String {
            var path: [String] = []
            var current = index
            while current >= 0 && path.count < 6 {
                let element = page.elements[current]
                path.append(element.name + (element.className.map { ".\($0.prefix(40))" } ?? "") + (element.boilerplate ? "[bp]" : ""))
                current = element.parent
            }
            let element = page.elements[index]
            return "#\(index) text \(element.text) links \(element.linkText) paragraphs \(element.paragraphs) score "
                + String(format: "%.1f/%.1f", element.score, locator.adjustedScore(index)) + "  " + path.joined(separator: " < ")
        }
        for root in roots { lines.append("root " + describe(root)) }
        for index in page.elements.indices where page.elements[index].contentContainer && !page.elements[index].insideBoilerplate {
            lines.append("container " + describe(index))
        }
        let total = max(1, page.elements.first?.rawParagraphText ?? 1)
        for index in page.elements.indices where page.elements[index].boilerplate && page.elements[index].rawParagraphText * 5 >= total {
            lines.append("dropped (\(page.elements[index].rawParagraphText * 100 / total)% of the paragraph text) " + describe(index))
        }
        let ranked = page.elements.indices.filter { !page.elements[$0].insideBoilerplate && page.elements[$0].score > 0 }
            .sorted { locator.adjustedScore($0) > locator.adjustedScore($1) }
        for index in ranked.prefix(8) { lines.append("candidate " + describe(index)) }
        return lines.joined(separator: "\n")
    }
}
