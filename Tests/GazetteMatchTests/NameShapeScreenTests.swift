import GazetteCore
@testable import GazetteMatch
import GazetteSegment
import Testing

/// The hash screens of the name-shape passes must decide as the String comparisons they skip.
@Suite("Matching: name-shape screens")
struct NameShapeScreenTests {
    static let text = "Mr. Jean-Paul van der Berg Jr. said on Monday that Carol II of Romania and Ulysses S. Grant, "
        + "the President, met Erdoğan bin Salman. The Zuma administration — said I. “It is,” Dr. Smith said. "
        + "Monday The A de la Sr JR xiv IV"

    static func segmented() throws -> Document {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: "en", text: text)
        try Segmenter().segment(&document)
        return document
    }

    /// `shapeText` gives a token's text whenever it is a particle, a suffix, a number or an initial.
    @Test func shapeTextKeepsEveryComparedWord() throws {
        let document = try Self.segmented()
        let words = EntityMatcher.nameParticles.words.union(PersonNameShape.generational).union(PersonNameShape.regnal)
        var copy = document.text
        copy.withUTF8 { buffer in
            let utf8 = buffer.span
            for token in document.tokens {
                let surface = PersonNameShape.surface(token, utf8)
                let text = PersonNameShape.shapeText(token, utf8)
                #expect(text == surface || text.isEmpty, "\(surface)")
                if words.contains(surface) || (surface.utf8.count == 1 && surface.first!.isUppercase) {
                    #expect(text == surface, "\(surface)")
                }
            }
        }
    }

    /// The screened name-word test agrees with `EntityMatcher.isNameWord`.
    @Test func screenedNameWordsAgree() throws {
        let document = try Self.segmented()
        var copy = document.text
        copy.withUTF8 { buffer in
            let utf8 = buffer.span
            for token in document.tokens {
                #expect(PersonNameShape.isNameWord(token, utf8) == EntityMatcher.isNameWord(token, utf8),
                        "\(PersonNameShape.surface(token, utf8))")
            }
        }
    }

    /// The covered tokens found per entity are those a walk over all tokens finds.
    @Test func coveredTokensAgreeWithAWalk() throws {
        let document = try Self.segmented()
        let tokens = document.tokens
        let spans = [TextSpan(start: 0, end: 2), TextSpan(start: 4, end: 13), TextSpan(start: 5, end: 9),
                     TextSpan(start: 30, end: 31), TextSpan(start: 60, end: 75)]
        let entities = spans.map {
            Entity(id: "", type: .person, span: $0, text: "", kb: nil, canonical: "", wikidata: nil, sentence: 0,
                   source: .pattern, form: .pattern)
        }
        let expected = tokens.map { token in entities.contains { $0.span.overlaps(token.span) } }
        #expect(EntityMatcher.coveredTokens(tokens, by: entities) == expected)
        #expect(EntityMatcher.coveredTokens(tokens, by: []) == Array(repeating: false, count: tokens.count))
    }

    /// One pass finds the cue tokens the three screens find one by one.
    @Test func cuesAgreeWithSeparateScreens() throws {
        let document = try Self.segmented()
        var copy = document.text
        copy.withUTF8 { buffer in
            let utf8 = buffer.span
            let tokens = document.tokens
            let cues = NameShapeCues(tokens: tokens, utf8: utf8)
            #expect(cues.speech == tokens.indices.filter {
                EntityMatcher.cueScreen.mayContain(tokens[$0].keyHash) || (tokens[$0].keyHash == 0 && EntityMatcher.isDash(tokens[$0], utf8))
            })
            #expect(cues.leadership == tokens.indices.filter { EntityMatcher.leadershipNounScreen.mayContain(tokens[$0].keyHash) })
            #expect(cues.regnal == tokens.indices.filter { EntityMatcher.regnalScreen.mayContain(tokens[$0].keyHash) })
            #expect(!cues.speech.isEmpty && !cues.leadership.isEmpty && !cues.regnal.isEmpty)
        }
    }
}

extension NameShapeScreenTests {
    /// The walk of the title pattern, as it read every token: the reference for `coveredTokensAndRoleEnds`.
    static func referenceWalk(_ tokens: [Token], _ entities: [Entity]) -> (covered: [Bool], roleEnds: [Int]) {
        var covered = [Bool](repeating: false, count: tokens.count)
        var roleEnds: [Int] = []
        var entityIndex = 0
        for (index, token) in tokens.enumerated() {
            while entityIndex < entities.count && entities[entityIndex].span.end <= token.span.start { entityIndex += 1 }
            if entityIndex == entities.count { break }
            if entities[entityIndex].span.overlaps(token.span) {
                covered[index] = true
                if entities[entityIndex].type == .role && entities[entityIndex].span.end == token.span.end { roleEnds.append(index) }
            }
        }
        return (covered, roleEnds)
    }

    /// Passing over the tokens before an entity finds the covered tokens and role ends the plain walk finds,
    /// with nested, touching, empty and unsorted entities too.
    @Test func coveredTokensAndRoleEndsAgreeWithTheWalk() throws {
        let tokens = try Self.segmented().tokens
        let spanLists: [[TextSpan]] = [
            [], [TextSpan(start: 0, end: 2)], [TextSpan(start: 4, end: 13), TextSpan(start: 5, end: 9), TextSpan(start: 30, end: 31)],
            [TextSpan(start: 20, end: 20), TextSpan(start: 20, end: 26), TextSpan(start: 60, end: 75)],
            [TextSpan(start: 60, end: 75), TextSpan(start: 4, end: 13)], [TextSpan(start: 0, end: 400)],
            [TextSpan(start: 10, end: 11), TextSpan(start: 11, end: 12), TextSpan(start: 12, end: 40), TextSpan(start: 90, end: 91)],
        ]
        for spans in spanLists {
            for roleEvery in [1, 2] {
                let entities = spans.enumerated().map { position, span in
                    Entity(id: "", type: position % roleEvery == 0 ? .role : .person, span: span, text: "", kb: nil, canonical: "",
                           wikidata: nil, sentence: 0, source: .pattern, form: .pattern)
                }
                let found = EntityMatcher.coveredTokensAndRoleEnds(tokens, entities)
                let expected = Self.referenceWalk(tokens, entities)
                #expect(found.covered == expected.covered, "\(spans)")
                #expect(found.roleEnds == expected.roleEnds, "\(spans)")
            }
        }
    }
}
