import GazetteCore
import GazetteGazetteer
import GazetteSegment

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

extension TrieBuilder {
    /// Adds every form of a gazetteer: countries and their other names and demonyms, persons and their
    /// surnames, organisations, cities, roles and occupation cues, each with its priority.
    mutating func addForms(of gazetteer: Gazetteer) {
        addCountries(of: gazetteer)
        addPersons(of: gazetteer)
        addOrganisations(of: gazetteer)
        addCities(of: gazetteer)
        addRolesAndCues(of: gazetteer)
    }

    /// Countries by name, and their other names and demonyms (in their languages).
    mutating func addCountries(of gazetteer: Gazetteer) {
        let countryNames = Dictionary(gazetteer.allCountries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for country in gazetteer.allCountries {
            add(country.name, MatchEntry(
                kb: country.id, type: .country, form: .name, canonical: country.name, wikidata: country.wikidata,
                refersTo: nil, priority: 50, caseRules: [], surface: country.name))
        }
        for form in gazetteer.countryForms {
            let country = countryNames[form.country]
            let canonical = country?.name ?? form.form
            add(form.form, MatchEntry(
                kb: form.country, type: .country, form: form.kind == .demonym ? .demonym : .name, canonical: canonical,
                wikidata: country?.wikidata, refersTo: form.kind == .demonym ? form.country : nil,
                priority: form.kind == .demonym ? 30 : 50, caseRules: [], surface: form.form,
                languages: FormLanguages.bit(form.language)))
        }
    }

    /// Persons by name and alias, and their surnames (which count only in context: see `resolve`).
    mutating func addPersons(of gazetteer: Gazetteer) {
        for person in gazetteer.persons {
            for name in [person.name] + person.aliases {
                add(name, MatchEntry(
                    kb: person.id, type: .person, form: .name, canonical: person.name, wikidata: person.wikidata,
                    refersTo: nil, priority: 60, caseRules: [], surface: name))
            }
            for surname in person.surnames {
                add(surname, MatchEntry(
                    kb: person.id, type: .person, form: .partial, canonical: person.name, wikidata: person.wikidata,
                    refersTo: nil, priority: 40, caseRules: [], surface: surname))
            }
        }
    }

    /// Organisations by name and alias; a government stands for its country (a metonym).
    mutating func addOrganisations(of gazetteer: Gazetteer) {
        for organisation in gazetteer.organisations {
            let government = organisation.kind == .government
            for name in [organisation.name] + organisation.aliases {
                add(name, MatchEntry(
                    kb: organisation.id, type: .org, form: government ? .metonym : .name, canonical: organisation.name,
                    wikidata: organisation.wikidata, refersTo: government ? organisation.country : nil,
                    priority: government ? 45 : 55, caseRules: [], surface: name))
            }
        }
    }

    /// Cities by name and alias; generated ones may need context (see `PlaceContext`).
    mutating func addCities(of gazetteer: Gazetteer) {
        let nameWords = PlaceContext.personNameWords(gazetteer)
        for city in gazetteer.cities {
            for name in [city.name] + city.aliases {
                add(name, MatchEntry(
                    kb: city.id, type: .city, form: .name, canonical: city.name, wikidata: city.wikidata,
                    refersTo: nil, priority: 35, caseRules: [], surface: name,
                    needsContext: PlaceContext.needsContext(city, form: name, nameWords: nameWords),
                    isSmallPlace: !city.isHandWritten && (city.population ?? 0) < PlaceContext.smallCity))
            }
        }
    }

    /// Role titles and occupation cues, in their languages.
    mutating func addRolesAndCues(of gazetteer: Gazetteer) {
        for role in gazetteer.roles {
            for (language, form) in role.forms {
                add(form, MatchEntry(
                    kb: role.id, type: .role, form: .title, canonical: role.name, wikidata: nil, refersTo: nil,
                    priority: 20, caseRules: [], surface: form, languages: FormLanguages.bit(language)))
            }
        }
        for (language, form) in gazetteer.personCues {
            add(form, MatchEntry(
                kb: "cue:\(form.lowercased())", type: .role, form: .cue, canonical: form, wikidata: nil, refersTo: nil,
                priority: 10, caseRules: [], surface: form, languages: FormLanguages.bit(language)))
        }
    }

    /// Adds to a filter the hash of a key and that of the same key with a possessive "'s".
    func insertHashes(of key: Int32, into filter: inout KeyHashFilter) {
        filter.insert(vocabulary.hash(of: key))
        filter.insert(vocabulary.possessiveHash(of: key))
    }
}
