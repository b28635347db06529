import GazetteCore
import GazetteGazetteer
import GazetteSegment

/// Why the matcher could not be built or run.
public struct MatchError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// All gazetteer forms compiled into one trie over normalised token keys.
///
/// Immutable and safe to share between workers once built.
public final class CompiledGazetteer: Sendable {
    /// A trie node while the trie is built; the compiled trie keeps its edges in `edges` and
    /// its entries in `nodeEntries`.
    struct Node: Sendable {
        var children: [Int32: Int32] = [:]
        var entries: [Int32] = []
    }

    let vocabulary: VocabularyTable
    /// Children of the root by key id, for the lookup made at every token.
    let rootChildren: [Int32]
    /// The hashes of the keys that start a form, and of the same keys with a possessive "'s":
    /// most tokens start none, and are passed over on their `Token.keyHash` alone (an ASCII
    /// "Ukraine's" whose stem starts a form passes the filter as its stem would).
    let rootFilter: KeyHashFilter
    /// The subset of `rootFilter` for ASCII tokens that start with a lower-case letter: the keys
    /// that start a form whose first token may be written so (its case rule is `any`, or an exact
    /// form not starting with a capital). "the", "to" and "a" start forms ("The Hague", "TO"), but
    /// only capitalised, so a lower-case "the" is passed over without a lookup.
    let lowercaseRootFilter: KeyHashFilter
    /// The same for the keys of the edges below the root: a walk stops at an ASCII token this
    /// filter does not know without looking the token up.
    let edgeFilter: KeyHashFilter
    /// The edges below the root.
    let edges: TrieEdges
    /// The entries of each node, flat.
    let nodeEntries: NodeEntries
    /// The case rules of each entry, apart from the entries: reading them through `entries` retains and
    /// releases the whole entry array at every node the walk reaches.
    let caseRules: [[CaseRule]]
    /// Whether any form has a token made of digits (otherwise number tokens are not looked up).
    let hasNumericKeys: Bool
    let entries: [MatchEntry]
    /// The gazetteer the trie was built from.
    public let gazetteer: Gazetteer

    /// Number of compiled forms.
    public var formCount: Int { entries.count }

    /// Compiles every form of a gazetteer, tokenising each with the same ICU segmenter as the text.
    public init(gazetteer: Gazetteer) throws(MatchError) {
        self.gazetteer = gazetteer
        var builder: TrieBuilder
        do {
            builder = try TrieBuilder()
        } catch {
            throw MatchError(message: "cannot open ICU for compiling the gazetteer: \(error)")
        }
        let countryNames = Dictionary(gazetteer.allCountries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for country in gazetteer.allCountries {
            builder.add(country.name, MatchEntry(
                kb: country.id, type: .country, form: .name, canonical: country.name, wikidata: country.wikidata,
                refersTo: nil, priority: 50, caseRules: [], surface: country.name))
        }
        for form in gazetteer.countryForms {
            let country = countryNames[form.country]
            let canonical = country?.name ?? form.form
            builder.add(form.form, MatchEntry(
                kb: form.country, type: .country, form: form.kind == .demonym ? .demonym : .name, canonical: canonical,
                wikidata: country?.wikidata, refersTo: form.kind == .demonym ? form.country : nil,
                priority: form.kind == .demonym ? 30 : 50, caseRules: [], surface: form.form,
                languages: FormLanguages.bit(form.language)))
        }
        for person in gazetteer.persons {
            for name in [person.name] + person.aliases {
                builder.add(name, MatchEntry(
                    kb: person.id, type: .person, form: .name, canonical: person.name, wikidata: person.wikidata,
                    refersTo: nil, priority: 60, caseRules: [], surface: name))
            }
            for surname in person.surnames {
                builder.add(surname, MatchEntry(
                    kb: person.id, type: .person, form: .partial, canonical: person.name, wikidata: person.wikidata,
                    refersTo: nil, priority: 40, caseRules: [], surface: surname))
            }
        }
        for organisation in gazetteer.organisations {
            let government = organisation.kind == .government
            for name in [organisation.name] + organisation.aliases {
                builder.add(name, MatchEntry(
                    kb: organisation.id, type: .org, form: government ? .metonym : .name, canonical: organisation.name,
                    wikidata: organisation.wikidata, refersTo: government ? organisation.country : nil,
                    priority: government ? 45 : 55, caseRules: [], surface: name))
            }
        }
        let nameWords = PlaceContext.personNameWords(gazetteer)
        for city in gazetteer.cities {
            for name in [city.name] + city.aliases {
                builder.add(name, MatchEntry(
                    kb: city.id, type: .city, form: .name, canonical: city.name, wikidata: city.wikidata,
                    refersTo: nil, priority: 35, caseRules: [], surface: name,
                    needsContext: PlaceContext.needsContext(city, form: name, nameWords: nameWords),
                    isSmallPlace: !city.isHandWritten && (city.population ?? 0) < PlaceContext.smallCity))
            }
        }
        for role in gazetteer.roles {
            for (language, form) in role.forms {
                builder.add(form, MatchEntry(
                    kb: role.id, type: .role, form: .title, canonical: role.name, wikidata: nil, refersTo: nil,
                    priority: 20, caseRules: [], surface: form, languages: FormLanguages.bit(language)))
            }
        }
        for (language, form) in gazetteer.personCues {
            builder.add(form, MatchEntry(
                kb: "cue:\(form.lowercased())", type: .role, form: .cue, canonical: form, wikidata: nil, refersTo: nil,
                priority: 10, caseRules: [], surface: form, languages: FormLanguages.bit(language)))
        }
        builder.applyCollisionRules(gazetteer.collisionRules)
        builder.openLanguages()
        vocabulary = builder.vocabulary
        entries = builder.entries
        var rootChildren = [Int32](repeating: -1, count: builder.vocabulary.count)
        var rootFilter = KeyHashFilter()
        for (key, child) in builder.nodes[0].children {
            rootChildren[Int(key)] = child
            rootFilter.insert(builder.vocabulary.hash(of: key))
            rootFilter.insert(builder.vocabulary.possessiveHash(of: key))
        }
        self.rootChildren = rootChildren
        self.rootFilter = rootFilter
        var lowercaseRootFilter = KeyHashFilter()
        for (key, child) in builder.nodes[0].children where builder.acceptsLowercaseStart(below: child) {
            lowercaseRootFilter.insert(builder.vocabulary.hash(of: key))
            lowercaseRootFilter.insert(builder.vocabulary.possessiveHash(of: key))
        }
        self.lowercaseRootFilter = lowercaseRootFilter
        var edgeFilter = KeyHashFilter()
        for node in builder.nodes.dropFirst() {
            for key in node.children.keys {
                edgeFilter.insert(builder.vocabulary.hash(of: key))
                edgeFilter.insert(builder.vocabulary.possessiveHash(of: key))
            }
        }
        self.edgeFilter = edgeFilter
        edges = TrieEdges(builder.nodes)
        nodeEntries = NodeEntries(builder.nodes, entries: builder.entries)
        caseRules = builder.entries.map(\.caseRules)
        hasNumericKeys = builder.hasNumericKeys
    }
}

/// Builds the trie: tokenises and normalises each form once.
struct TrieBuilder {
    var vocabulary = VocabularyTable()
    var nodes: [CompiledGazetteer.Node] = [CompiledGazetteer.Node()]
    var entries: [MatchEntry] = []
    let segmenter: Segmenter
    let normalizer: KeyNormalizer
    var hasNumericKeys = false
    /// Every (node, entity, kind, case rules) compiled so far: a form repeated for the same entity and
    /// kind is found without comparing it with every entry of its node (a surname that thousands of
    /// persons of a large gazetteer share would make that quadratic).
    private var compiledForms: [CompiledForm: Int32] = [:]
    /// For each key, the languages of the forms it is a word of (forms of any language left out).
    private var keyLanguages: [Int32: UInt8] = [:]
    /// The keys of each form that has a language.
    private var formKeys: [Int32: [Int32]] = [:]

    /// What makes two entries at a node the same compiled form.
    private struct CompiledForm: Hashable {
        let node: Int32
        let kb: String
        let form: MentionForm
        let caseRules: [CaseRule]

        /// Case rules only tell apart the rare forms that differ in nothing else: they are left out of the hash.
        func hash(into hasher: inout Hasher) {
            hasher.combine(node)
            hasher.combine(kb)
            hasher.combine(form)
        }
    }

    init() throws(SegmentError) {
        segmenter = try Segmenter()
        normalizer = try KeyNormalizer()
    }

    /// The word tokens of a form made of ASCII letters and single spaces ("Salt Lake City"), without ICU: such a
    /// form breaks into its space-separated words, as the segmenter would break it. Nil for any other form.
    static func letterWords(of form: String) -> [Token]? {
        var tokens: [Token] = []
        var start = 0
        var offset = 0
        for byte in form.utf8 {
            if byte == 0x20 {
                guard offset > start else { return nil }
                tokens.append(Token(span: TextSpan(start: start, end: offset), utf8Start: start, utf8End: offset, kind: .word))
                start = offset + 1
            } else if !(0x41...0x5A).contains(byte) && !(0x61...0x7A).contains(byte) {
                return nil
            }
            offset += 1
        }
        guard offset > start else { return nil }
        tokens.append(Token(span: TextSpan(start: start, end: offset), utf8Start: start, utf8End: offset, kind: .word))
        return tokens
    }

    /// `form.trimmingSpaces`, without reading Characters when the form starts and ends with a printable ASCII
    /// byte (nearly all forms): the first Character then starts with that byte's scalar, and so does, or starts
    /// with a Prepend scalar (none of them whitespace), the last one, so neither is whitespace.
    static func trimmed(_ form: String) -> String {
        let utf8 = form.utf8
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return form }
        return form.trimmingSpaces
    }

    mutating func add(_ form: String, _ entry: MatchEntry) {
        let trimmed = Self.trimmed(form)
        guard !trimmed.isEmpty, let tokens = Self.letterWords(of: trimmed) ?? (try? segmenter.tokens(of: trimmed)), !tokens.isEmpty
        else { return }
        let utf8 = Array(trimmed.utf8)
        var entry = entry
        var node: Int32 = 0
        var keys: [Int32] = []
        for token in tokens {
            if token.kind == .number { hasNumericKeys = true }
            let surface = String(decoding: utf8[token.utf8Start..<token.utf8End], as: UTF8.self)
            let key = normalizer.key(surface)
            entry.caseRules.append(CaseRule.forForm(surface))
            let id = vocabulary.insert(key)
            keys.append(id)
            if entry.languages != 0 { keyLanguages[id, default: 0] |= entry.languages }
            if let next = nodes[Int(node)].children[id] {
                node = next
            } else {
                let next = Int32(nodes.count)
                nodes.append(CompiledGazetteer.Node())
                nodes[Int(node)].children[id] = next
                node = next
            }
        }
        // The same form for the same entity and kind is compiled once, in all the languages that give it.
        let key = CompiledForm(node: node, kb: entry.kb, form: entry.form, caseRules: entry.caseRules)
        if let existing = compiledForms[key] {
            entries[Int(existing)].languages = FormLanguages.merged(entries[Int(existing)].languages, entry.languages)
            entries[Int(existing)].needsContext = entries[Int(existing)].needsContext && entry.needsContext
            entries[Int(existing)].isSmallPlace = entries[Int(existing)].isSmallPlace && entry.isSmallPlace
            return
        }
        compiledForms[key] = Int32(entries.count)
        if entry.languages != 0 { formKeys[Int32(entries.count)] = keys }
        nodes[Int(node)].entries.append(Int32(entries.count))
        entries.append(entry)
    }
}

extension TrieBuilder {
    /// Widens each form's languages to every document language in which none of its words is a word of a form
    /// of that language: the German "Island" stays out of English text, where "island" is a word of English
    /// forms ("Christmas Island"), but the Dutch "Oekraïne" still matches an English text that quotes it.
    mutating func openLanguages() {
        for (entry, keys) in formKeys {
            let own = entries[Int(entry)].languages
            let blocked = keys.reduce(UInt8(0)) { $0 | (keyLanguages[$1] ?? 0) } & ~own
            entries[Int(entry)].languages = own | ~blocked
        }
    }

    /// Whether a form at or below a node may have its first token written with a lower-case first
    /// letter: its first case rule is `any`, or an exact form that does not start with "A"…"Z".
    /// (A `capitalized` rule rejects an ASCII token starting with "a"…"z", and so does an exact form
    /// starting with a capital: ASCII tokens are compared byte for byte.)
    func acceptsLowercaseStart(below node: Int32) -> Bool {
        for entry in nodes[Int(node)].entries {
            switch entries[Int(entry)].caseRules.first {
            case .capitalized?: continue
            case .exact(let form)?:
                if let first = form.utf8.first, (0x41...0x5A).contains(first) { continue }
                return true
            default: return true
            }
        }
        return nodes[Int(node)].children.values.contains { acceptsLowercaseStart(below: $0) }
    }

    /// Applies collisions.tsv once the trie is built: at each rule's form, only the entries of the
    /// entity it names stay ("none" leaves none). Surnames are exempt: they resolve to the person
    /// whose full name the article gives. A handful of rules, so this costs nothing per form.
    mutating func applyCollisionRules(_ rules: [String: String]) {
        for (form, resolution) in rules {
            guard let tokens = try? segmenter.tokens(of: form), !tokens.isEmpty else { continue }
            let utf8 = Array(form.utf8)
            var node: Int32 = 0
            var found = true
            for token in tokens {
                let key = normalizer.key(String(decoding: utf8[token.utf8Start..<token.utf8End], as: UTF8.self))
                guard let id = vocabulary.lookup(key), let next = nodes[Int(node)].children[id] else {
                    found = false
                    break
                }
                node = next
            }
            guard found else { continue }
            nodes[Int(node)].entries.removeAll { entryID in
                let entry = entries[Int(entryID)]
                return entry.form != .partial && entry.kb != resolution
            }
        }
    }
}
