import GazetteCore

/// Lays out an article's text as HTML: each entity one element (nested when spans nest, clipped to the
/// enclosing entity when spans cross), and the text pieces inside relation evidence wrapped so that a
/// style rule can highlight them when the relation is hovered or focused.
struct AnnotatedText {
    /// One entity to place, with its position in the article's entity list.
    struct Placement {
        var index: Int
        var start: Int
        var end: Int
    }

    let scalars: [Unicode.Scalar]
    let entities: [Entity]
    /// Evidence spans by relation position (the class `x<position>` marks the text inside).
    let evidence: [TextSpan]
    /// Writes the tooltip and element for an entity: (opening tag, closing markup).
    let entityMarkup: (Int, Entity) -> (open: String, close: String)

    /// The HTML of the whole text.
    func render() -> String {
        let count = scalars.count
        var placements: [Placement] = []
        for (index, entity) in entities.enumerated() {
            let start = max(0, min(entity.span.start, count))
            let end = max(start, min(entity.span.end, count))
            placements.append(Placement(index: index, start: start, end: end))
        }
        placements.sort(by: Self.outerFirst)
        var cuts = Set([0, count])
        for placement in placements { cuts.insert(placement.start); cuts.insert(placement.end) }
        for span in evidence {
            cuts.insert(max(0, min(span.start, count)))
            cuts.insert(max(0, min(span.end, count)))
        }
        var html = ""
        var stack: [Placement] = []
        var next = 0
        var position = 0
        for cut in cuts.sorted() {
            if cut > position {
                html += piece(from: position, to: cut)
                position = cut
            }
            while let top = stack.last, top.end <= position {
                html += entityMarkup(top.index, entities[top.index]).close
                stack.removeLast()
            }
            while next < placements.count, placements[next].start == position {
                var placement = placements[next]
                if let top = stack.last { placement.end = min(placement.end, top.end) }
                html += entityMarkup(placement.index, entities[placement.index]).open
                if placement.end <= position {
                    html += entityMarkup(placement.index, entities[placement.index]).close
                } else {
                    stack.append(placement)
                }
                next += 1
            }
        }
        while let top = stack.popLast() { html += entityMarkup(top.index, entities[top.index]).close }
        return html
    }

    /// Earlier start first; at the same start the longer span (the enclosing one) first, then input order.
    static func outerFirst(_ a: Placement, _ b: Placement) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end > b.end }
        return a.index < b.index
    }

    /// Escaped text of `[start, end)`, in a span naming the relations whose evidence covers it.
    private func piece(from start: Int, to end: Int) -> String {
        let text = HTML.escape(String(String.UnicodeScalarView(scalars[start..<end])))
        let covering = evidence.indices.filter { evidence[$0].start <= start && end <= evidence[$0].end }
        // Whitespace alone stays unwrapped: validators trim such elements as empty.
        guard !covering.isEmpty, !text.allSatisfy(\.isWhitespace) else { return text }
        return "<span class=\"ev " + covering.map { "x\($0)" }.joined(separator: " ") + "\">" + text + "</span>"
    }
}
