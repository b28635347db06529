import GazetteCore
import GazetteGazetteer

/// A document seen by the relation rules: its text as scalars, entities, tokens and the gazetteer.
struct RelationContext {
    let document: Document
    let gazetteer: Gazetteer
    let asOf: String
    let scalars: [Unicode.Scalar]
    let entities: [Entity]

    init(document: Document, gazetteer: Gazetteer, asOf: String) {
        self.document = document
        self.gazetteer = gazetteer
        self.asOf = asOf
        scalars = Array(document.text.unicodeScalars)
        entities = document.entities
    }

    /// The text between two scalar offsets.
    func text(_ start: Int, _ end: Int) -> String {
        guard start < end, start >= 0, end <= scalars.count else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[start..<end])
        return result
    }

    func text(of span: TextSpan) -> String { text(span.start, span.end) }

    /// How many words stand between two offsets (runs of letters), without building strings.
    func wordCount(_ start: Int, _ end: Int) -> Int {
        guard start < end, start >= 0, end <= scalars.count else { return 0 }
        // The same words as `words(_:)`: runs of letters, hyphens and apostrophes holding a letter.
        var count = 0
        var run = false
        var runHasLetter = false
        for index in start..<end {
            let scalar = scalars[index]
            let letter = Character(scalar).isLetter
            if letter || scalar == "-" || scalar == "'" || scalar == "’" {
                run = true
                if letter { runHasLetter = true }
            } else {
                if run && runHasLetter { count += 1 }
                run = false
                runHasLetter = false
            }
        }
        if run && runHasLetter { count += 1 }
        return count
    }

    /// Whether the last non-space scalar before `offset` (not before `limit`) is `scalar`.
    func lastNonSpace(before offset: Int, limit: Int, is scalar: Unicode.Scalar) -> Bool {
        var index = offset - 1
        while index >= limit, scalars[index].properties.isWhitespace { index -= 1 }
        return index >= limit && scalars[index] == scalar
    }

    /// Where a marker first occurs between two offsets.
    func firstOccurrence(of marker: [Unicode.Scalar], from start: Int, to end: Int) -> Int? {
        guard !marker.isEmpty, end - start >= marker.count else { return nil }
        var index = start
        while index + marker.count <= end {
            if scalars[index] == marker[0] {
                var matched = true
                for offset in 1..<marker.count where scalars[index + offset] != marker[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// The words of a text, lower-cased, without punctuation.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" && $0 != "’" })
            .filter { $0.contains { $0.isLetter } }.map(String.init)
    }

    /// The role entry of a ROLE mention.
    func role(of entity: Entity) -> Role? { entity.kb.flatMap { gazetteer.role($0) } }

    /// The mention of an entity closest to a person: in the same sentence first, then the nearest
    /// before it, then the first after it; names before demonyms.
    func bestMention(of kb: String, near person: Entity) -> Entity? {
        let mentions = entities.filter { $0.kb == kb || $0.refersTo == kb }
        let named = mentions.filter { $0.form == .name }
        for pool in [named, mentions] {
            if let same = pool.first(where: { $0.sentence == person.sentence }) { return same }
            if let before = pool.last(where: { $0.span.end <= person.span.start }) { return before }
            if let after = pool.first { return after }
        }
        return nil
    }

    /// The span of a sentence.
    func sentence(_ index: Int) -> TextSpan? {
        index < document.sentences.count ? document.sentences[index] : nil
    }
}
