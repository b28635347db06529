import GazetteBytes
import GazetteCore
import GazetteGazetteer
import GazetteSegment

/// Finds gazetteer entities, title-pattern persons and their later short mentions in a segmented document.
///
/// Holds a key normaliser with a cache: make one per worker. The compiled gazetteer is shared.
public final class EntityMatcher {
    /// The compiled gazetteer, shared by all workers.
    public let compiled: CompiledGazetteer
    let normalizer: KeyNormalizer
    /// Whether the gazetteer scan passes over tokens and stops walks on the root and edge filters
    /// alone (tests turn it off to compare the scan with the one that looks every token up).
    var usesKeyFilters = true
    /// The scan's token ids (see `TokenKeys`), kept from document to document instead of
    /// allocated for each.
    private var keyIDs: UnsafeMutablePointer<Int32>
    private var keyIDCapacity = 0
    /// The `FormLanguages` mask of the document being matched: forms of other languages do not match.
    var documentLanguages: UInt8 = 0xFF

    /// "e1" … "e1024", made once: string interpolation per entity is measurable at this speed.
    static let commonIDs: [String] = (1...1024).map { "e\($0)" }

    /// The document-local id of the entity at a position.
    static func entityID(_ index: Int) -> String {
        index < commonIDs.count ? commonIDs[index] : "e\(index + 1)"
    }

    /// Prepares a matcher for one worker.
    public init(compiled: CompiledGazetteer) throws(MatchError) {
        self.compiled = compiled
        keyIDs = .allocate(capacity: 0)
        do {
            normalizer = try KeyNormalizer()
        } catch {
            throw MatchError(message: "cannot open ICU for matching: \(error)")
        }
    }

    deinit { keyIDs.deallocate() }

    /// Room for the ids of `count` tokens.
    func keyIDs(for count: Int) -> UnsafeMutablePointer<Int32> {
        // Safety: the old buffer is freed only here and in deinit, after which no scan uses it: a scan asks for
        // room before it starts and holds the pointer only while it runs.
        if count > keyIDCapacity {
            keyIDs.deallocate()
            keyIDCapacity = max(count, 2 * keyIDCapacity, 1024)
            keyIDs = .allocate(capacity: keyIDCapacity)
        }
        return keyIDs
    }

    /// A match of one entry over tokens `[first, last]`, possibly ending before a possessive "'s".
    struct Candidate {
        var first: Int
        var last: Int
        var entry: Int32
        var trimEnd: Int = 0
        /// Other entries of the same priority for the same span (a surname several persons share).
        var alternatives: [Int32] = []
    }

    /// Adds entities to a segmented document (tokens and sentences must be set).
    public func match(_ document: inout Document) {
        // The rules read the document's bytes from its text model, as a bounds-checked span.
        let bytes = document.readText().utf8
        let utf8 = bytes.span
        let tokens = document.tokens
        documentLanguages = FormLanguages.documentMask(document.language)
        let candidates = gazetteerMatches(tokens: tokens, utf8: utf8)
        var cueEnds: [Int] = []
        var confirmedNames: Set<Int> = []
        var found = resolve(candidates, tokens: tokens, utf8: utf8, cueEnds: &cueEnds, confirmedNames: &confirmedNames)
        found += titlePatternPersons(tokens: tokens, entities: found, cueEnds: cueEnds, utf8: utf8)
        found.sort { $0.span < $1.span }
        found = detachingSuffixedNames(found, tokens: tokens, utf8: utf8)
        let cues = NameShapeCues(tokens: tokens, utf8: utf8)
        found += shapePersons(tokens: tokens, entities: found, cues: cues.speech, utf8: utf8)
        found.sort { $0.span < $1.span }
        found += titleShapePersons(tokens: tokens, entities: found, cues: cues.leadership, utf8: utf8)
        found.sort { $0.span < $1.span }
        found = regnalNames(found, tokens: tokens, cues: cues.regnal, utf8: utf8)
        var grown: Set<Int> = []
        found = extendingPersonNames(found, tokens: tokens, utf8: utf8, confirmed: confirmedNames, grown: &grown)
        found += patternCoreference(tokens: tokens, entities: found, utf8: utf8, grown: grown)
        found.sort { $0.span < $1.span }
        SurnameResolution.resolveNamesakes(&found)
        for index in found.indices { found[index].id = Self.entityID(index) }
        document.entities = found
    }
}
