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
    }

    /// Re-points surname mentions (form `partial`, and pattern coreference) to the closest preceding full mention
    /// with that surname (the closest following one when none precedes) when the document names more than one
    /// person with that surname. Entities must be sorted by span.
    static func resolveNamesakes(_ entities: inout [Entity]) {
        // Most documents have no surname mention: nothing to resolve, and no name is folded.
        guard entities.contains(where: { $0.type == .person && $0.form == .partial }) else { return }
        var mentions: [String: [FullMention]] = [:]
        // By index, not `for entity in`: copying an entity retains and releases all its strings.
        for index in entities.indices where entities[index].type == .person
            && (entities[index].form == .name || entities[index].form == .pattern)
        {
            // A byte test: `contains(" ")` on a String goes through Foundation.
            guard entities[index].text.utf8.contains(0x20), let surname = lastWord(entities[index].text) else { continue }
            let mention = FullMention(start: entities[index].span.start, surname: surname, kb: entities[index].kb,
                                      canonical: entities[index].canonical, wikidata: entities[index].wikidata)
            mentions[surname, default: []].append(mention)
        }
        guard !mentions.isEmpty else { return }
        for index in entities.indices where entities[index].type == .person && entities[index].form == .partial {
            guard let surname = lastWord(entities[index].text), let candidates = mentions[surname],
                Set(candidates.map { $0.kb ?? "text:" + $0.canonical }).count > 1
            else { continue }
            let start = entities[index].span.start
            guard let chosen = candidates.last(where: { $0.start < start }) ?? candidates.first(where: { $0.start > start })
            else { continue }
            entities[index].kb = chosen.kb
            entities[index].canonical = chosen.canonical
            entities[index].wikidata = chosen.wikidata
            entities[index].source = "coreference"
        }
    }

    /// The folded last word of a name, without a possessive ending.
    static func lastWord(_ text: String) -> String? {
        // The last run of non-spaces, found on the bytes (a space byte is always the character " ").
        let utf8 = text.utf8
        guard let end = utf8.lastIndex(where: { $0 != 0x20 }) else { return nil }
        let start = utf8[..<end].lastIndex(of: 0x20).map { utf8.index(after: $0) } ?? utf8.startIndex
        var word = Gazetteer.fold(String(decoding: utf8[start...end], as: UTF8.self))
        if word.hasSuffix("'s") { word.removeLast(2) }
        return word.isEmpty ? nil : word
    }
}

extension EntityMatcher {
    /// A person the gazetteer does not know who shares a known surname: the given name and the surname
    /// ("Hillary Clinton"), found by pattern.
    static func namesake(first: Int, last: Int, _ tokens: [Token], _ utf8: UnsafeBufferPointer<UInt8>) -> Entity {
        let text = text(tokens, first, last, utf8)
        return Entity(id: "", type: .person, span: TextSpan(start: tokens[first].span.start, end: tokens[last].span.end),
                      text: text, kb: nil, canonical: text, wikidata: nil, sentence: tokens[first].sentence,
                      source: "pattern", form: .pattern)
    }
}
