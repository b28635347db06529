import GazetteCore

/// Cuts a passage out of a document's text and marks spans in it.
///
/// Works on Unicode scalar offsets, the same offsets as entities, so marks land exactly on mentions.
struct Snippet {
    /// A span to mark and the marks around it.
    struct Mark {
        var span: TextSpan
        var open: String
        var close: String
        /// What is marked (a query term, an entity's kb): windows showing more different groups are preferred.
        var group: String
    }

    /// A passage around the marks, about `width` scalars long, with the marks inside it rendered and whitespace
    /// collapsed. The passage starts where the most different things (query terms, entities) are close together,
    /// then the most marks; when that leaves a marked thing out, a second, shorter passage shows it, after `…`.
    /// Without marks, the passage starts at the first anchor, else at the start of the text.
    static func render(text: String, marks: [Mark], anchors: [TextSpan] = [], width: Int = 220) -> String {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return "" }
        let spans = (marks.map { ($0.span, $0.group) } + anchors.map { ($0, "") }).sorted { $0.0 < $1.0 }
        // The best window start among the spans, counting only groups not yet shown.
        func bestAnchor(reach: Int, shown: Set<String>) -> (start: Int, groups: Set<String>)? {
            var best: (start: Int, groups: Set<String>, count: Int)?
            for i in spans.indices where !shown.contains(spans[i].1) {
                var groups = Set<String>()
                var count = 0
                var j = i
                while j < spans.count, spans[j].0.start < spans[i].0.start + reach {
                    if !shown.contains(spans[j].1) { groups.insert(spans[j].1); count += 1 }
                    j += 1
                }
                if best == nil || (groups.count, count) > (best!.groups.count, best!.count) {
                    best = (spans[i].0.start, groups, count)
                }
            }
            return best.map { ($0.start, $0.groups) }
        }
        var windows: [(start: Int, end: Int)] = []
        let first = bestAnchor(reach: width * 2 / 3, shown: [])
        windows.append(window(scalars, anchor: first?.start ?? 0, width: width))
        let allGroups = Set(marks.map(\.group))
        if let first, !allGroups.isSubset(of: first.groups),
           let second = bestAnchor(reach: width / 3, shown: first.groups) {
            let extra = window(scalars, anchor: second.start, width: width / 2)
            if extra.start >= windows[0].end || extra.end <= windows[0].start { windows.append(extra) }
        }
        windows.sort { $0.start < $1.start }
        var output = ""
        for (number, window) in windows.enumerated() {
            if window.start > 0 { output += number == 0 ? "…" : " … " } else if number > 0 { output += " " }
            output += renderWindow(scalars, marks: marks, start: window.start, end: window.end)
        }
        if let last = windows.last, last.end < scalars.count { output += "…" }
        return output
    }

    /// A window of about `width` scalars starting a little before `anchor`, snapped to word boundaries.
    private static func window(_ scalars: [Unicode.Scalar], anchor: Int, width: Int) -> (start: Int, end: Int) {
        var start = max(0, anchor - width / 4)
        var end = min(scalars.count, start + width)
        if end == scalars.count { start = max(0, min(anchor, end - width)) }
        if start > 0 {
            var s = start
            while s < anchor, !scalars[s - 1].properties.isWhitespace { s += 1 }
            start = s
        }
        if end < scalars.count {
            var e = end
            while e > start + width / 2, !scalars[e].properties.isWhitespace { e -= 1 }
            end = e
        }
        return (start, end)
    }

    /// The text of `[start, end)` with whitespace collapsed and trimmed, and the marks fully inside it
    /// (a mark crossing another without nesting is dropped).
    private static func renderWindow(_ scalars: [Unicode.Scalar], marks: [Mark], start: Int, end: Int) -> String {
        var kept: [Mark] = []
        for mark in marks.sorted(by: { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : $0.span.end > $1.span.end })
        where mark.span.start >= start && mark.span.end <= end && mark.span.length > 0 {
            if kept.contains(where: { $0.span.overlaps(mark.span) && !$0.span.contains(mark.span) && !mark.span.contains($0.span) }) {
                continue
            }
            kept.append(mark)
        }
        var opens: [Int: [String]] = [:]
        var closes: [Int: [String]] = [:]
        for mark in kept {
            opens[mark.span.start, default: []].append(mark.open)
            // Inner marks close first.
            closes[mark.span.end, default: []].insert(mark.close, at: 0)
        }
        var output = String.UnicodeScalarView()
        var lastWasSpace = true
        for position in start...end {
            if let close = closes[position] { for mark in close { output.append(contentsOf: mark.unicodeScalars) } }
            guard position < end else { break }
            if let open = opens[position] { for mark in open { output.append(contentsOf: mark.unicodeScalars) } }
            let scalar = scalars[position]
            if scalar.properties.isWhitespace {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
            } else {
                output.append(scalar)
                lastWasSpace = false
            }
        }
        while output.last == " " { output.removeLast() }
        return String(output)
    }

    /// Spans between `open` and `close` markers in a text returned by FTS5 `highlight()`, in scalar offsets of the
    /// text without the markers.
    static func markedSpans(in highlighted: String, open: Unicode.Scalar, close: Unicode.Scalar) -> [TextSpan] {
        var spans: [TextSpan] = []
        var offset = 0
        var openedAt: Int?
        for scalar in highlighted.unicodeScalars {
            if scalar == open {
                openedAt = offset
            } else if scalar == close {
                if let start = openedAt, offset > start { spans.append(TextSpan(start: start, end: offset)) }
                openedAt = nil
            } else {
                offset += 1
            }
        }
        return spans
    }
}
