import GazetteCore
import GazetteGazetteer

/// Resolves a surname that several persons of the document share by the full mention it follows, never blindly
/// to one of them: after "Hillary Clinton" (a person the gazetteer may not know) a later "Clinton" is hers,
/// not the gazetteer's Bill Clinton, unless "Bill Clinton" was named more recently.
enum SurnameResolution {
    /// A full mention of a person in the document: the folded last word of its name and what it resolves to.
    struct FullMention {
        let start: Int
        let surname: String
        let kb: String?
        let canonical: String
        let wikidata: String?

        /// Whether two mentions name the same person: the same kb id, or, without one, the same text
        /// (`kb ?? "text:" + canonical` compared, the string built only when one has a kb and the other not).
        func namesSamePerson(as other: FullMention) -> Bool {
            switch (kb, other.kb) {
            case let (kb?, otherKB?): return kb == otherKB
            case (nil, nil): return canonical == other.canonical
            case let (kb?, nil): return kb == "text:" + other.canonical
            case let (nil, otherKB?): return "text:" + canonical == otherKB
            }
        }
    }

    /// Re-points surname mentions (form `partial`, and pattern coreference) to the closest preceding full mention
    /// with that surname (the closest following one when none precedes) when the document names more than one
    /// person with that surname. Entities must be sorted by span.
    static func resolveNamesakes(_ entities: inout [Entity]) {
        // Most documents have no surname mention: nothing to resolve, and no name is folded.
        // By index, not `for entity in` or `contains(where:)`: copying an entity retains and releases all its strings.
        var surnames: Set<String> = []
        for index in entities.indices where entities[index].type == .person && entities[index].form == .partial {
            if let surname = lastWord(entities[index].text) { surnames.insert(surname) }
        }
        guard !surnames.isEmpty else { return }
        // Only full mentions whose surname some surname mention has are looked up below.
        var mentions: [String: [FullMention]] = [:]
        // By index, not `for entity in`: copying an entity retains and releases all its strings.
        for index in entities.indices where entities[index].type == .person
            && (entities[index].form == .name || entities[index].form == .pattern)
        {
            // A byte test: `contains(" ")` on a String goes through Foundation.
            guard entities[index].text.utf8.contains(0x20), let surname = lastWord(entities[index].text),
                surnames.contains(surname)
            else { continue }
            let mention = FullMention(start: entities[index].span.start, surname: surname, kb: entities[index].kb,
                                      canonical: entities[index].canonical, wikidata: entities[index].wikidata)
            mentions[surname, default: []].append(mention)
        }
        guard !mentions.isEmpty else { return }
        for index in entities.indices where entities[index].type == .person && entities[index].form == .partial {
            guard let surname = lastWord(entities[index].text), let candidates = mentions[surname],
                candidates.contains(where: { !$0.namesSamePerson(as: candidates[0]) })
            else { continue }
            let start = entities[index].span.start
            guard let chosen = candidates.last(where: { $0.start < start }) ?? candidates.first(where: { $0.start > start })
            else { continue }
            entities[index].kb = chosen.kb
            entities[index].canonical = chosen.canonical
            entities[index].wikidata = chosen.wikidata
            entities[index].source = .coreference
        }
    }

    /// The folded last word of a name, without a possessive ending.
    static func lastWord(_ text: String) -> String? {
        let utf8 = text.utf8.span
        // The last run of non-spaces, found on the bytes (a space byte is always the character " ").
        var end = utf8.count
        while end > 0, utf8[end - 1] == 0x20 { end -= 1 }
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0, utf8[start - 1] != 0x20 { start -= 1 }
        let bytes = utf8.extracting(start..<end)
        if bytes.isASCII(0..<bytes.count) { return asciiLastWord(bytes) }
        var word = Gazetteer.fold(bytes.string(0..<bytes.count))
        if word.hasSuffix("'s") { word.removeLast(2) }
        return word.isEmpty ? nil : word
    }

    /// `lastWord` of an ASCII word: folding it is lower-casing its bytes, and its "'s" ("'S") is two bytes.
    static func asciiLastWord(_ bytes: Span<UInt8>) -> String? {
        var count = bytes.count
        if count >= 2, bytes[count - 2] == UInt8(ascii: "'"), bytes[count - 1] | 0x20 == UInt8(ascii: "s") { count -= 2 }
        guard count > 0 else { return nil }
        return bytes.lowercasedASCIIString(0..<count)
    }
}

extension EntityMatcher {
    /// A person the gazetteer does not know who shares a known surname: the given name and the surname
    /// ("Hillary Clinton"), found by pattern.
    static func namesake(first: Int, last: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Entity {
        let text = text(tokens, first, last, utf8)
        return Entity(id: "", type: .person, span: TextSpan(start: tokens[first].span.start, end: tokens[last].span.end),
                      text: text, kb: nil, canonical: text, wikidata: nil, sentence: tokens[first].sentence,
                      source: .pattern, form: .pattern)
    }
}
