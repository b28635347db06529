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
    }

    /// The passage around the densest group of marks (or around `anchors`, or the start of the text),
    /// about `width` scalars long, with marks fully inside it rendered and whitespace collapsed.
    static func render(text: String, marks: [Mark], anchors: [TextSpan] = [], width: Int = 220) -> String {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return "" }
        let spans = (marks.map(\.span) + anchors).sorted()
        // Window start: the span after which the most spans start within `width`.
        var anchor = 0
        if !spans.isEmpty {
            var best = -1
            var j = 0
            for i in spans.indices {
                if j < i { j = i }
                while j + 1 < spans.count, spans[j + 1].start < spans[i].start + width * 2 / 3 { j += 1 }
                if j - i > best {
                    best = j - i
                    anchor = spans[i].start
                }
            }
        }
        var start = max(0, anchor - width / 4)
        var end = min(scalars.count, start + width)
        if end == scalars.count { start = max(0, end - width) }
        // Snap to word boundaries.
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
        // Marks fully inside the window; a mark crossing another (not nested) is dropped.
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
        if start > 0 { output.append(contentsOf: "…".unicodeScalars) }
        var lastWasSpace = false
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
        if end < scalars.count { output.append(contentsOf: "…".unicodeScalars) }
        return String(output).trimmingWhitespace()
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

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
