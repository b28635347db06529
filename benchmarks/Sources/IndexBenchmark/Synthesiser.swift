import GazetteCore

/// Builds many annotated documents out of a few: each synthetic document is a title and 3–6 paragraphs of the
/// seeds, with the entities and relations that lie inside those paragraphs, offsets shifted. Deterministic.
struct Synthesiser {
    /// A paragraph of a seed with its annotations, offsets relative to the paragraph.
    struct Paragraph {
        var text: String
        var length: Int
        var language: String?
        var entities: [Entity]
        var relations: [Relation]
    }

    let titles: [Paragraph]
    let bodies: [Paragraph]

    init(seeds: [Document]) {
        var titles: [Paragraph] = []
        var bodies: [Paragraph] = []
        for seed in seeds {
            let scalars = Array(seed.text.unicodeScalars)
            var start = 0
            var isFirst = true
            while start < scalars.count {
                var end = start
                while end < scalars.count, !(scalars[end] == "\n" && end + 1 < scalars.count && scalars[end + 1] == "\n") {
                    end += 1
                }
                let paragraph = Self.cut(seed, scalars: scalars, start: start, end: end)
                if isFirst { titles.append(paragraph) } else { bodies.append(paragraph) }
                isFirst = false
                start = end + 2
            }
        }
        self.titles = titles
        self.bodies = bodies.isEmpty ? titles : bodies
    }

    static func cut(_ document: Document, scalars: [Unicode.Scalar], start: Int, end: Int) -> Paragraph {
        let span = TextSpan(start: start, end: end)
        func shift(_ inner: TextSpan) -> TextSpan { TextSpan(start: inner.start - start, end: inner.end - start) }
        let entities = document.entities.filter { span.contains($0.span) }.map { entity -> Entity in
            var copy = entity
            copy.span = shift(entity.span)
            return copy
        }
        let inside = Set(entities.map(\.id))
        let relations = document.relations.filter { relation in
            inside.contains(relation.head) && (relation.tail.map(inside.contains) ?? true) && span.contains(relation.evidence)
                && (relation.statement.map(span.contains) ?? true)
        }.map { relation -> Relation in
            var copy = relation
            copy.evidence = shift(relation.evidence)
            copy.statement = relation.statement.map(shift)
            return copy
        }
        return Paragraph(text: String(String.UnicodeScalarView(scalars[start..<end])), length: end - start,
                         language: document.language, entities: entities, relations: relations)
    }

    /// `count` documents "bench-0" … with dates spread over 2025.
    func documents(count: Int) -> [Document] {
        var random = SplitMix(seed: 2025)
        var result: [Document] = []
        result.reserveCapacity(count)
        for number in 0..<count {
            let title = titles[random.next(below: titles.count)]
            var parts = [title]
            for _ in 0..<(3 + random.next(below: 4)) { parts.append(bodies[random.next(below: bodies.count)]) }
            let day = number % 365
            let month = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            var remaining = day
            var monthIndex = 0
            while remaining >= month[monthIndex] {
                remaining -= month[monthIndex]
                monthIndex += 1
            }
            let published = "2025-" + Self.twoDigits(monthIndex + 1) + "-" + Self.twoDigits(remaining + 1)
            var document = Document(
                id: "bench-\(number)", source: SourceLocator(path: "synthetic", format: .jsonl, index: number),
                url: "https://example.invalid/bench/\(number)", title: title.text, published: published,
                language: title.language, text: parts.map(\.text).joined(separator: "\n\n"))
            var offset = 0
            for (sentence, part) in parts.enumerated() {
                var renamed: [String: String] = [:]
                for entity in part.entities {
                    var copy = entity
                    copy.id = "e\(document.entities.count + 1)"
                    renamed[entity.id] = copy.id
                    copy.span = TextSpan(start: entity.span.start + offset, end: entity.span.end + offset)
                    copy.sentence = sentence
                    document.entities.append(copy)
                }
                for relation in part.relations {
                    var copy = relation
                    copy.id = "r\(document.relations.count + 1)"
                    copy.head = renamed[relation.head] ?? relation.head
                    copy.tail = relation.tail.map { renamed[$0] ?? $0 }
                    copy.evidence = TextSpan(start: relation.evidence.start + offset, end: relation.evidence.end + offset)
                    copy.statement = relation.statement.map { TextSpan(start: $0.start + offset, end: $0.end + offset) }
                    copy.sentence = sentence
                    document.relations.append(copy)
                }
                document.sentences.append(TextSpan(start: offset, end: offset + part.length))
                offset += part.length + 2
            }
            result.append(document)
        }
        return result
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A small deterministic random number generator (SplitMix64), so every run synthesises the same corpus.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
