import Foundation
import GazetteBytes
import GazetteCore
import GazetteGazetteer
@testable import GazetteMatch
import GazetteSegment
import GazetteTestSupport
import Testing

/// The gazetteer scan's shortcuts must find exactly what the scan that looks every token up finds.
@Suite("Matching: scan shortcuts")
struct ScanFastPathTests {
    static let compiled = try! CompiledGazetteer(gazetteer: GazetteerLoader.load(directory: Repository.gazetteers))

    /// The keys that start a form (children of the trie's root).
    static func rootKeys(_ compiled: CompiledGazetteer) -> [Int32] {
        compiled.rootChildren.indices.filter { compiled.rootChildren[$0] >= 0 }.map(Int32.init)
    }

    /// Every key that starts a form, written as the text does and with possessive endings, in
    /// sentences of their own, plus words around them that start nothing.
    static func possessiveText(_ compiled: CompiledGazetteer) -> String {
        var text = ""
        for key in rootKeys(compiled) {
            let word = String(decoding: compiled.vocabulary.key(of: key), as: UTF8.self)
            let capitalised = word.prefix(1).uppercased() + word.dropFirst()
            for form in [word, capitalised, word.uppercased()] {
                text += "\(form)'s \(form)'S \(form)’s \(form)s' \(form)x's, \(form). "
            }
            text += "\n"
        }
        // Every form, possessive: the walk's last step goes through the edge filter.
        for entry in compiled.entries {
            text += "\(entry.surface)'s \(entry.surface.uppercased())'S \(entry.surface)’s, \(entry.surface)'s.\n"
        }
        return text + "Nobody's business, the ministers' talks and O'Brien's S's 's ’s."
    }

    /// The normalised key of each token of a form, as the trie builder makes them.
    static func formKeys(_ entry: MatchEntry, segmenter: Segmenter, normalizer: KeyNormalizer) throws -> [String] {
        let form = entry.surface.trimmingCharacters(in: .whitespaces)
        let utf8 = Array(form.utf8)
        return try segmenter.tokens(of: form).map {
            normalizer.key(String(decoding: utf8[$0.utf8Start..<$0.utf8End], as: UTF8.self))
        }
    }

    /// The `KeyHash` of a text's bytes.
    static func hash(_ text: String) -> UInt32 {
        var bytes = text
        return bytes.withUTF8 { KeyHash.of($0) }
    }

    func candidates(_ text: String, language: String = "en", usesKeyFilters: Bool) throws -> [String] {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: language, text: text)
        try Segmenter().segment(&document)
        let matcher = try EntityMatcher(compiled: Self.compiled)
        matcher.usesKeyFilters = usesKeyFilters
        var copy = document.text
        return copy.withUTF8 { buffer in
            matcher.gazetteerMatches(tokens: document.tokens, utf8: buffer.span).map {
                "\($0.first)-\($0.last):\($0.entry)/\($0.trimEnd)/\($0.alternatives)"
            }
        }
    }

    /// The filter holds each root key's possessive hash in every ASCII case the text may use. A word in capitals
    /// is checked for ASCII keys only: a token with other bytes carries no hash and is never screened by the filter
    /// (and the byte folding of the hash does not map every other capital to its small letter: "Ə", "ə").
    @Test func rootFilterKnowsPossessivesOfEveryRootKey() {
        let compiled = Self.compiled
        var missing: [String] = []
        for key in Self.rootKeys(compiled) {
            let word = String(decoding: compiled.vocabulary.key(of: key), as: UTF8.self)
            let capitals = word.utf8.allSatisfy { $0 < 0x80 } ? [word.uppercased() + "'S"] : []
            for form in [word + "'s", word + "'S"] + capitals where !compiled.rootFilter.mayContain(Self.hash(form)) {
                missing.append(form)
            }
        }
        #expect(Self.rootKeys(compiled).count > 1000)
        #expect(missing.isEmpty, "\(missing.prefix(10))")
    }

    /// The edge filter holds every key below the root (each form's keys after its first) with and
    /// without a possessive ending.
    @Test func edgeFilterKnowsEveryEdgeKeyAndItsPossessives() throws {
        let compiled = Self.compiled
        let segmenter = try Segmenter()
        let normalizer = try KeyNormalizer()
        var missing: [String] = []
        var keys = 0
        for entry in compiled.entries {
            for key in try Self.formKeys(entry, segmenter: segmenter, normalizer: normalizer).dropFirst() {
                keys += 1
                for text in [key, key + "'s", key.uppercased() + "'S"] where !compiled.edgeFilter.mayContain(Self.hash(text)) {
                    missing.append(text)
                }
            }
        }
        #expect(keys > 1000)
        #expect(missing.isEmpty, "\(missing.prefix(10))")
    }

    /// Later mentions of pattern persons' surnames are found alike with and without passing over
    /// ASCII tokens on their hashes: in every case, possessive, non-ASCII, before the person.
    @Test func surnameMentionsAgreeWithAndWithoutHashes() throws {
        var texts = [
            "Witkoff said so. Then top negotiator Steve Witkoff met economist Jürgen Müller and "
                + "economist Anna O'Brien. Witkoff, Witkoff's, Witkoff’s, WITKOFF, witkoff, Witkoff'S, Witkoffs, "
                + "Müller, Müller's, Müller’s, MÜLLER, Muller, O'Brien's, O’Brien, OBrien, Brien.",
        ]
        for directory in ["Corpora/en", "Corpora/nl"] {
            let url = Repository.path(directory)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                texts.append(try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8))
            }
        }
        var mentions = 0
        for text in texts {
            var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: "en", text: text)
            try Segmenter().segment(&document)
            var full = document
            let fast = try EntityMatcher(compiled: Self.compiled)
            fast.match(&document)
            let slow = try EntityMatcher(compiled: Self.compiled)
            slow.usesKeyFilters = false
            slow.match(&full)
            #expect(document.entities == full.entities)
            mentions += document.entities.filter { $0.source == .coreference && $0.kb == nil }.count
        }
        #expect(mentions >= 7)
    }

    /// Forms whose first token may be written in lower case ("president", "de Gaulle"-like `any`
    /// rules) have their first key, plain and possessive, in the lower-case root filter; forms that
    /// start with a capital in every entry ("The Hague") leave lower-case "the" out.
    @Test func lowercaseRootFilterKnowsFormsThatMayStartInLowerCase() throws {
        let compiled = Self.compiled
        let segmenter = try Segmenter()
        let normalizer = try KeyNormalizer()
        var missing: [String] = []
        var keys = 0
        for entry in compiled.entries {
            let lowercaseStart: Bool
            switch entry.caseRules.first {
            case .any?: lowercaseStart = true
            case .exact(let form)?: lowercaseStart = !(0x41...0x5A).contains(form.utf8.first ?? 0)
            default: lowercaseStart = false
            }
            guard lowercaseStart else { continue }
            guard let key = try Self.formKeys(entry, segmenter: segmenter, normalizer: normalizer).first else { continue }
            keys += 1
            for text in [key, key + "'s"] where !compiled.lowercaseRootFilter.mayContain(Self.hash(text)) {
                missing.append(text)
            }
        }
        #expect(keys > 100)
        #expect(missing.isEmpty, "\(missing.prefix(10))")
        #expect(!compiled.lowercaseRootFilter.mayContain(Self.hash("the")))
        #expect(compiled.rootFilter.mayContain(Self.hash("the")))
    }

    /// One matcher reuses its token-id memory across documents: what it finds must not depend on
    /// the documents it matched before (longer, shorter, the same).
    @Test func aReusedMatcherFindsWhatFreshOnesFind() throws {
        let article = try String(contentsOf: Repository.seed, encoding: .utf8)
        let texts = [article, "Macron met Erdoğan in Ankara.", "", "the the The Hague", article,
                     "President Macron's France and NATO's Rutte."]
        let reused = try EntityMatcher(compiled: Self.compiled)
        let segmenter = try Segmenter()
        for text in texts {
            var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: "en", text: text)
            try segmenter.segment(&document)
            var fresh = document
            reused.match(&document)
            try EntityMatcher(compiled: Self.compiled).match(&fresh)
            #expect(document.entities == fresh.entities)
            #expect(!text.isEmpty == !document.entities.isEmpty)
        }
    }

    @Test func scanWithFiltersFindsWhatTheFullScanFinds() throws {
        var texts = [Self.possessiveText(Self.compiled)]
        for directory in ["Corpora/en", "Corpora/nl"] {
            let url = Repository.path(directory)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                texts.append(try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8))
            }
        }
        for text in texts {
            let fast = try candidates(text, usesKeyFilters: true)
            let full = try candidates(text, usesKeyFilters: false)
            #expect(!fast.isEmpty)
            #expect(fast == full)
        }
    }
}

@Suite("Matching: forms of letters compiled without ICU")
struct LetterWordsTests {
    /// Forms of ASCII letters and single spaces break into the words ICU finds; other forms go to ICU.
    @Test func letterWordsAgreeWithTheSegmenter() throws {
        let segmenter = try Segmenter()
        for form in ["Lyon", "Salt Lake City", "New York", "Gent", "a b", "Aa Bb Cc Dd"] {
            let fast = try #require(TrieBuilder.letterWords(of: form))
            let icu = try segmenter.tokens(of: form)
            #expect(fast.map { [$0.utf8Start, $0.utf8End] } == icu.map { [$0.utf8Start, $0.utf8End] }, "\(form)")
            #expect(icu.allSatisfy { $0.kind == .word })
        }
        for form in ["St. Louis", "Guinea-Bissau", "Liège", "Two  spaces", "O'Hare", "Route 66", " Lead"] {
            #expect(TrieBuilder.letterWords(of: form) == nil, "\(form)")
        }
    }
}
