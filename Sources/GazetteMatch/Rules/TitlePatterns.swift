import GazetteCore
import GazetteGazetteer
import GazetteSegment

/// Persons the gazetteer does not know, named right after a title or an occupation cue.
extension EntityMatcher {
    /// The tokens that the entity current in a walk over both lists overlaps (`covered`), and those that end
    /// where a role ends (`roleEnds`); entities sorted by span.
    static func coveredTokensAndRoleEnds(_ tokens: [Token], _ entities: [Entity]) -> (covered: [Bool], roleEnds: [Int]) {
        var covered = [Bool](repeating: false, count: tokens.count)
        var roleEnds: [Int] = []
        var entityIndex = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            while entityIndex < entities.count && entities[entityIndex].span.end <= token.span.start { entityIndex += 1 }
            // Past the last entity no token is covered.
            if entityIndex == entities.count { break }
            let span = entities[entityIndex].span
            if span.overlaps(token.span) {
                covered[index] = true
                if entities[entityIndex].type == .role && span.end == token.span.end { roleEnds.append(index) }
            }
            index += 1
            // Tokens that end before the (non-empty) entity starts neither overlap it nor move past it: passed over
            // without the tests above.
            while index < tokens.count, span.start < span.end, tokens[index].span.end <= span.start { index += 1 }
        }
        return (covered, roleEnds)
    }

    /// Persons the gazetteer does not know, named right after a title ("top negotiator Witkoff").
    func titlePatternPersons(tokens: [Token], entities: [Entity], cueEnds: [Int], utf8: Span<UInt8>) -> [Entity] {
        // By index, not `contains(where:)`: that copies each entity, retaining and releasing all its strings.
        guard !cueEnds.isEmpty || entities.indices.contains(where: { entities[$0].type == .role }) else { return [] }
        let (covered, roleEnds) = Self.coveredTokensAndRoleEnds(tokens, entities)
        var result: [Entity] = []
        for roleEnd in (roleEnds + cueEnds).sorted() {
            // Honorifics and ranks after the title are not part of the name ("Prime Minister Dr. Mahathir").
            let first = PersonNameShape.skipHonorifics(from: roleEnd + 1, tokens, utf8)
            guard first < tokens.count, tokens[first].sentence == tokens[roleEnd].sentence, first - roleEnd <= 4,
                let last = PersonNameShape.nameEnd(from: first, tokens, utf8, covered: covered, limit: roleEnd + 9)
            else { continue }
            // "Premier League": a name ending in an institution word is not a person's.
            if Self.institutionWords.contains(tokens[last], utf8) { continue }
            let text = Self.text(tokens, first, last, utf8)
            result.append(Entity(
                id: "", type: .person, span: TextSpan(start: tokens[first].span.start, end: tokens[last].span.end),
                text: text, kb: nil, canonical: text, wikidata: nil, sentence: tokens[first].sentence,
                source: .pattern, form: .pattern))
        }
        return result
    }
}
